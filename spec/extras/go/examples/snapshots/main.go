// Command snapshots runs the Go example "snapshots" of the DWCP SDK reference guide against
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

	// Create snapshot
	options := dwcp.SnapshotOptions{
		IncludeMemory: true,
		Description:   "Pre-upgrade backup",
		Quiesce:       true,
	}

	snapshot, err := vmClient.Snapshot(ctx, vmID, "snap-v1.0", options)
	if err != nil {
		log.Fatal(err)
	}

	fmt.Printf("Created snapshot: %s (%.1f GB)\n",
		snapshot.Name,
		float64(snapshot.Size)/(1024*1024*1024))

	// List snapshots
	snapshots, err := vmClient.ListSnapshots(ctx, vmID)
	if err != nil {
		log.Fatal(err)
	}

	for _, snap := range snapshots {
		fmt.Printf("- %s: %s (%s)\n",
			snap.Name,
			snap.Description,
			snap.CreatedAt.Format(time.RFC3339))
	}

	// Restore from snapshot
	if err := vmClient.RestoreSnapshot(ctx, vmID, snapshot.ID); err != nil {
		log.Fatal(err)
	}

	// Delete snapshot
	if err := vmClient.DeleteSnapshot(ctx, snapshot.ID); err != nil {
		log.Fatal(err)
	}
}
