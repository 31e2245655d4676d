// Command create-vm runs the Go example "create-vm" of the DWCP SDK reference guide against
// DWCP_ADDRESS, DWCP_PORT and DWCP_API_KEY.
package main

import (
	"context"
	"fmt"
	"log"
	"os"
	"strconv"

	"github.com/novacron/dwcp-sdk-go"
)

func main() {
	ctx := context.Background()
	client, _, _ := connect(ctx)
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
