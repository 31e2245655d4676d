// Command advanced-config runs the Go example "advanced-config" of the DWCP SDK reference guide against
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
