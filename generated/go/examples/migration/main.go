// Code generated from extras/go/examples/migration/main.go by generator/; DO NOT EDIT.

// Command migration runs the Go example "migration" of the DWCP SDK reference guide against
// DWCP_ADDRESS, DWCP_PORT and DWCP_API_KEY.
package main

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/novacron/dwcp-sdk-go"
	"github.com/novacron/dwcp-sdk-go/examples/internal/exampleenv"
)

func main() {
	ctx := context.Background()
	client, vmClient, vmID := exampleenv.Connect(ctx)
	defer client.Disconnect()
	if err := vmClient.Start(ctx, vmID); err != nil {
		log.Fatal(err)
	}
	for vm, err := vmClient.Get(ctx, vmID); vm == nil || vm.State != dwcp.VMStateRunning; vm, err = vmClient.Get(ctx, vmID) {
		if err != nil {
			log.Fatal(err)
		}
		time.Sleep(50 * time.Millisecond)
	}

	// Configure migration options
	options := dwcp.MigrationOptions{
		Live:             true,
		MaxDowntime:      500,                // 500ms
		Bandwidth:        1024 * 1024 * 1024, // 1Gbps
		Compression:      true,
		AutoConverge:     true,
		PostCopy:         false,
		Parallel:         4,
		VerifyChecksum:   true,
		EncryptTransport: true,
	}

	// Start migration (DWCP_TARGET_NODE names a node of your cluster)
	status, err := vmClient.Migrate(ctx, vmID, exampleenv.EnvOr("DWCP_TARGET_NODE", "node-02"), options)
	if err != nil {
		log.Fatal(err)
	}

	// Monitor migration progress
	for {
		time.Sleep(2 * time.Second)

		status, err := vmClient.GetMigrationStatus(ctx, status.ID)
		if err != nil {
			log.Fatal(err)
		}

		fmt.Printf("Progress: %.1f%% | Throughput: %.1f MB/s\n",
			status.Progress,
			float64(status.Throughput)/(1024*1024))

		if status.State == dwcp.MigrationStateCompleted {
			fmt.Printf("Migration completed!\n")
			fmt.Printf("Total downtime: %d ms\n", status.Downtime)
			break
		}

		if status.State == dwcp.MigrationStateFailed {
			log.Fatalf("Migration failed: %s", status.Error)
		}
	}
}
