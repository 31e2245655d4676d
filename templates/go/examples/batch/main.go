// Command batch runs the Go example "batch" of the DWCP SDK reference guide against
// DWCP_ADDRESS, DWCP_PORT and DWCP_API_KEY.
package main

import (
	"context"
	"fmt"
	"log"
	"os"
	"strconv"
	"sync"

	"github.com/novacron/dwcp-sdk-go"
)

func CreateVMsBatch(client *dwcp.Client, configs []dwcp.VMConfig) ([]dwcp.VM, error) {
	var wg sync.WaitGroup
	results := make([]dwcp.VM, len(configs))
	errors := make([]error, len(configs))

	vmClient := client.VM()

	for i, config := range configs {
		wg.Add(1)
		go func(idx int, cfg dwcp.VMConfig) {
			defer wg.Done()

			vm, err := vmClient.Create(context.Background(), cfg)
			if err != nil {
				errors[idx] = err
				return
			}
			results[idx] = *vm
		}(i, config)
	}

	wg.Wait()

	for _, err := range errors {
		if err != nil {
			return nil, err
		}
	}

	return results, nil
}

func main() {
	ctx := context.Background()
	client, _, _ := connect(ctx)
	defer client.Disconnect()
	var configs []dwcp.VMConfig
	for i := 1; i <= 3; i++ {
		configs = append(configs, dwcp.VMConfig{Name: fmt.Sprintf("batch-%d", i), Memory: 1 << 30, CPUs: 1, Disk: 10 << 30, Image: "ubuntu-22.04"})
	}
	vms, err := CreateVMsBatch(client, configs)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("Created %d VMs\n", len(vms))
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
