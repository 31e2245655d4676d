// Code generated from extras/go/examples/metrics/main.go by generator/; DO NOT EDIT.

// Command metrics runs the Go example "metrics" of the DWCP SDK reference guide against
// DWCP_ADDRESS, DWCP_PORT and DWCP_API_KEY.
package main

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/novacron/dwcp-sdk-go/examples/internal/exampleenv"
)

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	client, vmClient, vmID := exampleenv.Connect(ctx)
	defer client.Disconnect()

	// Get current metrics
	metrics, err := vmClient.GetMetrics(ctx, vmID, "5m")
	if err != nil {
		log.Fatal(err)
	}

	fmt.Printf("CPU Usage: %.2f%%\n", metrics.CPUUsage)
	fmt.Printf("Memory: %.1f/%.1f GB\n",
		float64(metrics.MemoryUsed)/(1024*1024*1024),
		float64(metrics.MemoryAvailable)/(1024*1024*1024))
	fmt.Printf("Network RX: %.1f MB\n",
		float64(metrics.NetworkRx)/(1024*1024))
	fmt.Printf("Network TX: %.1f MB\n",
		float64(metrics.NetworkTx)/(1024*1024))

	// Stream real-time metrics (until ctx's deadline ends the stream)
	metricsCh, err := vmClient.StreamMetrics(ctx, vmID, time.Second)
	if err != nil {
		log.Fatal(err)
	}

	for metrics := range metricsCh {
		fmt.Printf("[%s] CPU: %.2f%% | Mem: %.1f GB\n",
			metrics.Timestamp.Format("15:04:05"),
			metrics.CPUUsage,
			float64(metrics.MemoryUsed)/(1024*1024*1024))
	}
}
