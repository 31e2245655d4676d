// Code generated from templates/go/examples/handle-error/main.go by generator/; DO NOT EDIT.
// Command handle-error runs the Go example "handle-error" of the DWCP SDK reference guide against
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

func handleError(err error) bool {
	switch {
	case errors.Is(err, dwcp.ErrNotConnected):
		// Reconnect
		return true
	case errors.Is(err, dwcp.ErrTimeout):
		// Retry with backoff
		return true
	case errors.Is(err, dwcp.ErrAuthFailed):
		// Don't retry
		return false
	default:
		// Log and potentially retry
		log.Printf("Unexpected error: %v", err)
		return false
	}
}

func main() {
	client, err := dwcp.NewClient(config())
	if err != nil {
		log.Fatal(err)
	}
	_, err = client.VM().Get(context.Background(), "vm-1")
	fmt.Println("reconnect:", handleError(err))
	if err := client.Connect(context.Background()); err != nil {
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
