// Code generated from extras/go/examples/create-vm/main.go by generator/; DO NOT EDIT.

// Command create-vm runs the Go example "create-vm" of the DWCP SDK reference guide against
// DWCP_ADDRESS, DWCP_PORT and DWCP_API_KEY.
package main

import (
	"context"
	"fmt"
	"log"

	"github.com/novacron/dwcp-sdk-go"
	"github.com/novacron/dwcp-sdk-go/examples/internal/exampleenv"
)

func main() {
	ctx := context.Background()
	client, _, _ := exampleenv.Connect(ctx)
	defer client.Disconnect()

	vmConfig := dwcp.VMConfig{
		Name:   "web-server",
		Memory: 4 * 1024 * 1024 * 1024, // 4GB
		CPUs:   4,
		Disk:   40 * 1024 * 1024 * 1024, // 40GB
		Image:  "ubuntu-22.04",
		Network: dwcp.NetworkConfig{
			Mode: "bridge",
			Interfaces: []dwcp.NetIf{
				{
					Name:      "eth0",
					Type:      "virtio",
					IPAddress: "192.168.1.100",
					Netmask:   "255.255.255.0",
				},
			},
			DNS:     []string{"8.8.8.8", "8.8.4.4"},
			Gateway: "192.168.1.1",
		},
		Labels: map[string]string{
			"env":  "production",
			"tier": "web",
		},
		EnableGPU: false,
		EnableTPM: true,
		Priority:  5,
	}

	vmClient := client.VM()
	vm, err := vmClient.Create(ctx, vmConfig)
	if err != nil {
		log.Fatal(err)
	}

	fmt.Printf("Created VM: %s (ID: %s)\n", vm.Name, vm.ID)
}
