// Command watch runs the Go example "watch" of the DWCP SDK reference guide against
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
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	client, vmClient, vmID := connect(ctx)
	defer client.Disconnect()

	// Watch VM events (until ctx's deadline ends the stream)
	events, err := vmClient.Watch(ctx, vmID)
	if err != nil {
		log.Fatal(err)
	}

	for event := range events {
		fmt.Printf("[%s] %s: %s (State: %s)\n",
			event.Timestamp.Format("15:04:05"),
			event.Type,
			event.Message,
			event.VM.State)
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
