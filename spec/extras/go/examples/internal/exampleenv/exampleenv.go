// Package exampleenv points the examples at the server named by DWCP_ADDRESS, DWCP_PORT and
// DWCP_API_KEY, so each example's own code stays the reference guide's fragment.
package exampleenv

import (
	"context"
	"log"
	"os"
	"strconv"

	"github.com/novacron/dwcp-sdk-go"
)

// Config is dwcp.DefaultConfig() pointed at DWCP_ADDRESS, DWCP_PORT and DWCP_API_KEY.
func Config() dwcp.ClientConfig {
	config := dwcp.DefaultConfig()
	config.Address = EnvOr("DWCP_ADDRESS", "localhost")
	if port, err := strconv.Atoi(os.Getenv("DWCP_PORT")); err == nil {
		config.Port = port
	}
	config.APIKey = os.Getenv("DWCP_API_KEY")
	return config
}

// EnvOr is the value of the environment variable name, or fallback when it is unset or empty.
func EnvOr(name, fallback string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return fallback
}

// Connect builds and connects a client, and creates a VM for the fragments that need one.
func Connect(ctx context.Context) (*dwcp.Client, *dwcp.VMClient, string) {
	client, err := dwcp.NewClient(Config())
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
