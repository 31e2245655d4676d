// Command lifecycle runs the Go example "lifecycle" of the DWCP SDK reference guide against
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
	client, vmClient, id := connect(ctx)
	defer client.Disconnect()
	vm := &dwcp.VM{ID: id}

	// Start VM
	if err := vmClient.Start(ctx, vm.ID); err != nil {
		log.Fatal(err)
	}
	waitFor(ctx, vmClient, vm.ID, dwcp.VMStateRunning) // a VM can only be stopped once it runs

	// Stop VM (graceful)
	if err := vmClient.Stop(ctx, vm.ID, false); err != nil {
		log.Fatal(err)
	}

	// Force stop VM
	if err := vmClient.Stop(ctx, vm.ID, true); err != nil {
		log.Fatal(err)
	}

	// Get VM status
	vm, err := vmClient.Get(ctx, vm.ID)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("VM State: %s\n", vm.State)

	// List all VMs
	vms, err := vmClient.List(ctx, map[string]string{
		"env": "production",
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%d production VMs\n", len(vms))

	// Destroy VM
	if err := vmClient.Destroy(ctx, vm.ID); err != nil {
		log.Fatal(err)
	}
}

// waitFor polls the VM until it reaches state (the server boots a VM in the background).
func waitFor(ctx context.Context, vmClient *dwcp.VMClient, id string, state dwcp.VMState) {
	for {
		vm, err := vmClient.Get(ctx, id)
		if err != nil {
			log.Fatal(err)
		}
		if vm.State == state {
			return
		}
		time.Sleep(10 * time.Millisecond)
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
