// Code generated from templates/go/examples/snapshots/main.go by generator/; DO NOT EDIT.
// Command snapshots runs the Go example "snapshots" of the DWCP SDK reference guide against
// DWCP_ADDRESS, DWCP_PORT and DWCP_API_KEY.
package main

import (
	"context"
	"fmt"
	"log"
	"os"
	"strconv"
	"time"

	"github.com/novacron/dwcp-sdk-go"
)

func main() {
	ctx := context.Background()
	client, vmClient, vmID := connect(ctx)
	defer client.Disconnect()

	// Create snapshot
	options := dwcp.SnapshotOptions{
		IncludeMemory: true,
		Description:   "Pre-upgrade backup",
		Quiesce:       true,
	}

	snapshot, err := vmClient.Snapshot(ctx, vmID, "snap-v1.0", options)
	if err != nil {
		log.Fatal(err)
	}

	fmt.Printf("Created snapshot: %s (%.1f GB)\n",
		snapshot.Name,
		float64(snapshot.Size)/(1024*1024*1024))

	// List snapshots
	snapshots, err := vmClient.ListSnapshots(ctx, vmID)
	if err != nil {
		log.Fatal(err)
	}

	for _, snap := range snapshots {
		fmt.Printf("- %s: %s (%s)\n",
			snap.Name,
			snap.Description,
			snap.CreatedAt.Format(time.RFC3339))
	}

	// Restore from snapshot
	if err := vmClient.RestoreSnapshot(ctx, vmID, snapshot.ID); err != nil {
		log.Fatal(err)
	}

	// Delete snapshot
	if err := vmClient.DeleteSnapshot(ctx, snapshot.ID); err != nil {
		log.Fatal(err)
	}
}

// config is dwcp.DefaultConfig() pointed at DWCP_ADDRESS, DWCP_PORT and DWCP_API_KEY.
func config() dwcp.ClientConfig {
	config := dwcp.DefaultConfig()
	config.Address = envOr("DWCP_ADDRESS", "localhost")
	if port, err := strconv.Atoi(os.Getenv("DWCP_PORT")); err == nil {
		config.Port = port
	}
	config.APIKey = os.Getenv("DWCP_API_KEY")
	return config
}

func envOr(name, fallback string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return fallback
}

// connect builds and connects a client, and creates a VM for the fragments that need one.
func connect(ctx context.Context) (*dwcp.Client, *dwcp.VMClient, string) {
	client, err := dwcp.NewClient(config())
	if err != nil {
		log.Fatal(err)
	}
	if err := client.Connect(ctx); err != nil {
		log.Fatal(err)
	}
	vmClient := client.VM()
	vm, err := vmClient.Create(ctx, dwcp.VMConfig{Name: "example", Memory: 1 << 30, CPUs: 1, Disk: 10 << 30, Image: "ubuntu-22.04"})
	if err != nil {
		log.Fatal(err)
	}
	return client, vmClient, vm.ID
}
