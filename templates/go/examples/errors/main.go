// Command errors runs the Go example "errors" of the DWCP SDK reference guide against
// DWCP_ADDRESS, DWCP_PORT and DWCP_API_KEY.
package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"strconv"

	"github.com/novacron/dwcp-sdk-go"
)

func main() {
	ctx := context.Background()
	client, vmClient, _ := connect(ctx)
	defer client.Disconnect()
	vmID := "vm-does-not-exist"

	vm, err := vmClient.Get(ctx, vmID)
	if err != nil {
		switch {
		case errors.Is(err, dwcp.ErrVMNotFound):
			fmt.Println("VM not found")
		case errors.Is(err, dwcp.ErrTimeout):
			fmt.Println("Operation timeout")
		case errors.Is(err, dwcp.ErrAuthFailed):
			fmt.Println("Authentication failed")
		case errors.Is(err, dwcp.ErrNotConnected):
			fmt.Println("Not connected to server")
		default:
			log.Fatal(err)
		}
	}
	_ = vm
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
