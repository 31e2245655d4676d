// Code generated from templates/go/examples/advanced-config/main.go by generator/; DO NOT EDIT.
// Command advanced-config runs the Go example "advanced-config" of the DWCP SDK reference guide against
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

	// GPU-enabled VM
	vmConfig := dwcp.VMConfig{
		Name:      "ml-workload",
		Memory:    32 * 1024 * 1024 * 1024, // 32GB
		CPUs:      16,
		Disk:      500 * 1024 * 1024 * 1024, // 500GB
		Image:     "ubuntu-22.04-cuda",
		EnableGPU: true,
		GPUType:   "nvidia-tesla-v100",

		// CPU pinning for performance
		CPUPinning: []int{0, 1, 2, 3, 4, 5, 6, 7},
		NUMANodes:  []int{0},
		HugePages:  true,
		IOThreads:  4,

		// Resource limits
		MemoryMax:        64 * 1024 * 1024 * 1024,
		CPUQuota:         90,
		DiskIOPSLimit:    10000,
		NetworkBandwidth: 10 * 1024 * 1024 * 1024, // 10Gbps

		// Node affinity
		Affinity: &dwcp.Affinity{
			NodeSelector: map[string]string{
				"gpu":  "nvidia",
				"zone": "us-west-1a",
			},
			RequiredNodes: []string{"node-gpu-01", "node-gpu-02"},
		},
	}

	if err := vmConfig.Validate(); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("Valid configuration for %s\n", vmConfig.Name)
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
