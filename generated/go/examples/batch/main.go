// Code generated from extras/go/examples/batch/main.go by generator/; DO NOT EDIT.

// Command batch runs the Go example "batch" of the DWCP SDK reference guide against
// DWCP_ADDRESS, DWCP_PORT and DWCP_API_KEY.
package main

import (
	"context"
	"fmt"
	"log"
	"sync"

	"github.com/novacron/dwcp-sdk-go"
	"github.com/novacron/dwcp-sdk-go/examples/internal/exampleenv"
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
	client, _, _ := exampleenv.Connect(ctx)
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
