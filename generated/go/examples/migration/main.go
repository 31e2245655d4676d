// Code generated from templates/go/examples/migration/main.go by generator/; DO NOT EDIT.
// Command migration runs the Go example "migration" of the DWCP SDK reference guide against
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
	if err := vmClient.Start(ctx, vmID); err != nil {
		log.Fatal(err)
	}
	for vm, err := vmClient.Get(ctx, vmID); vm == nil || vm.State != dwcp.VMStateRunning; vm, err = vmClient.Get(ctx, vmID) {
		if err != nil {
			log.Fatal(err)
		}
		time.Sleep(50 * time.Millisecond)
	}

	// Configure migration options
	options := dwcp.MigrationOptions{
		Live:             true,
		MaxDowntime:      500,                // 500ms
		Bandwidth:        1024 * 1024 * 1024, // 1Gbps
		Compression:      true,
		AutoConverge:     true,
		PostCopy:         false,
		Parallel:         4,
		VerifyChecksum:   true,
		EncryptTransport: true,
	}

	// Start migration (DWCP_TARGET_NODE names a node of your cluster)
	status, err := vmClient.Migrate(ctx, vmID, envOr("DWCP_TARGET_NODE", "node-02"), options)
	if err != nil {
		log.Fatal(err)
	}

	// Monitor migration progress
	for {
		time.Sleep(2 * time.Second)

		status, err := vmClient.GetMigrationStatus(ctx, status.ID)
		if err != nil {
			log.Fatal(err)
		}

		fmt.Printf("Progress: %.1f%% | Throughput: %.1f MB/s\n",
			status.Progress,
			float64(status.Throughput)/(1024*1024))

		if status.State == dwcp.MigrationStateCompleted {
			fmt.Printf("Migration completed!\n")
			fmt.Printf("Total downtime: %d ms\n", status.Downtime)
			break
		}

		if status.State == dwcp.MigrationStateFailed {
			log.Fatalf("Migration failed: %s", status.Error)
		}
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
