// Code generated from extras/go/examples/lifecycle/main.go by generator/; DO NOT EDIT.

// Command lifecycle runs the Go example "lifecycle" of the DWCP SDK reference guide against
// DWCP_ADDRESS, DWCP_PORT and DWCP_API_KEY.
package main

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/novacron/dwcp-sdk-go"
	"github.com/novacron/dwcp-sdk-go/examples/internal/exampleenv"
)

func main() {
	ctx := context.Background()
	client, vmClient, id := exampleenv.Connect(ctx)
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
