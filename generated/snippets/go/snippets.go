// Code generated from spec/dwcp.yaml by generator/; DO NOT EDIT.

// Package snippets holds one example per public operation of the spec, checked with go vet
// (nox -s snippets). The site shows the lines between the `--8<--` markers of each function.
package snippets

import (
	"context"
	"fmt"
	"time"

	dwcp "github.com/novacron/dwcp-sdk-go"
)

var _ = time.Second

// Setup connects a client (the first lines of every example).
func Setup(ctx context.Context) error {
	// --8<-- [start:setup]
	config := dwcp.DefaultConfig()
	config.Address = "localhost"
	config.Port = 9000
	config.APIKey = "your-api-key"
	client, err := dwcp.NewClient(config)
	if err != nil {
		return err
	}
	defer client.Disconnect()
	if err := client.Connect(ctx); err != nil {
		return err
	}
	// --8<-- [end:setup]
	return nil
}

// SystemHealth: Reports whether the server is serving.
func SystemHealth(ctx context.Context, client *dwcp.Client) error {
	// --8<-- [start:system_health]
	result, err := client.Health(ctx)
	if err != nil {
		return err
	}
	fmt.Printf("%+v\n", result)
	// --8<-- [end:system_health]
	return nil
}

// VMCreate: Creates a VM (placed on a node that fits) and returns it in state creating.
func VMCreate(ctx context.Context, client *dwcp.Client) error {
	// --8<-- [start:vm_create]
	vmClient := client.VM()
	config := dwcp.VMConfig{Name: "example-name", Memory: 536870912, CPUs: 1}
	result, err := vmClient.Create(ctx, config)
	if err != nil {
		return err
	}
	fmt.Printf("%+v\n", result)
	// --8<-- [end:vm_create]
	return nil
}

// VMGet: Returns a VM.
func VMGet(ctx context.Context, client *dwcp.Client) error {
	// --8<-- [start:vm_get]
	vmClient := client.VM()
	result, err := vmClient.Get(ctx, "vm-1234")
	if err != nil {
		return err
	}
	fmt.Printf("%+v\n", result)
	// --8<-- [end:vm_get]
	return nil
}

// VMList: Lists VMs whose labels match all the given labels, page by page.
func VMList(ctx context.Context, client *dwcp.Client) error {
	// --8<-- [start:vm_list]
	vmClient := client.VM()
	result, err := vmClient.List(ctx, map[string]string{"env": "example-production"})
	if err != nil {
		return err
	}
	fmt.Printf("%+v\n", result)
	// --8<-- [end:vm_list]
	return nil
}

// VMStart: Starts a stopped VM; starting a running VM is a no-op.
func VMStart(ctx context.Context, client *dwcp.Client) error {
	// --8<-- [start:vm_start]
	vmClient := client.VM()
	if err := vmClient.Start(ctx, "vm-1234"); err != nil {
		return err
	}
	// --8<-- [end:vm_start]
	return nil
}

// VMStop: Stops a running VM, gracefully or by force; stopping a stopped VM is a no-op.
func VMStop(ctx context.Context, client *dwcp.Client) error {
	// --8<-- [start:vm_stop]
	vmClient := client.VM()
	if err := vmClient.Stop(ctx, "vm-1234", false); err != nil {
		return err
	}
	// --8<-- [end:vm_stop]
	return nil
}

// VMDestroy: Destroys a VM and its snapshots.
func VMDestroy(ctx context.Context, client *dwcp.Client) error {
	// --8<-- [start:vm_destroy]
	vmClient := client.VM()
	if err := vmClient.Destroy(ctx, "vm-1234"); err != nil {
		return err
	}
	// --8<-- [end:vm_destroy]
	return nil
}

// VMMigrate: Starts moving a VM to another node; poll get_migration_status or wait for it.
func VMMigrate(ctx context.Context, client *dwcp.Client) error {
	// --8<-- [start:vm_migrate]
	vmClient := client.VM()
	options := dwcp.MigrationOptions{}
	result, err := vmClient.Migrate(ctx, "vm-1234", "example-target-node", options)
	if err != nil {
		return err
	}
	fmt.Printf("%+v\n", result)
	// --8<-- [end:vm_migrate]
	return nil
}

// VMGetMigrationStatus: Returns the progress of a migration.
func VMGetMigrationStatus(ctx context.Context, client *dwcp.Client) error {
	// --8<-- [start:vm_get_migration_status]
	vmClient := client.VM()
	result, err := vmClient.GetMigrationStatus(ctx, "migration-1234")
	if err != nil {
		return err
	}
	fmt.Printf("%+v\n", result)
	// --8<-- [end:vm_get_migration_status]
	return nil
}

// VMCancelMigration: Cancels a migration; the VM stays on its source node.
func VMCancelMigration(ctx context.Context, client *dwcp.Client) error {
	// --8<-- [start:vm_cancel_migration]
	vmClient := client.VM()
	result, err := vmClient.CancelMigration(ctx, "migration-1234")
	if err != nil {
		return err
	}
	fmt.Printf("%+v\n", result)
	// --8<-- [end:vm_cancel_migration]
	return nil
}

// VMSnapshot: Takes a snapshot of a VM.
func VMSnapshot(ctx context.Context, client *dwcp.Client) error {
	// --8<-- [start:vm_snapshot]
	vmClient := client.VM()
	options := dwcp.SnapshotOptions{}
	result, err := vmClient.Snapshot(ctx, "vm-1234", "example-name", options)
	if err != nil {
		return err
	}
	fmt.Printf("%+v\n", result)
	// --8<-- [end:vm_snapshot]
	return nil
}

// VMListSnapshots: Lists a VM's snapshots, page by page.
func VMListSnapshots(ctx context.Context, client *dwcp.Client) error {
	// --8<-- [start:vm_list_snapshots]
	vmClient := client.VM()
	result, err := vmClient.ListSnapshots(ctx, "vm-1234")
	if err != nil {
		return err
	}
	fmt.Printf("%+v\n", result)
	// --8<-- [end:vm_list_snapshots]
	return nil
}

// VMRestoreSnapshot: Restores a VM from one of its snapshots.
func VMRestoreSnapshot(ctx context.Context, client *dwcp.Client) error {
	// --8<-- [start:vm_restore_snapshot]
	vmClient := client.VM()
	if err := vmClient.RestoreSnapshot(ctx, "vm-1234", "snapshot-1234"); err != nil {
		return err
	}
	// --8<-- [end:vm_restore_snapshot]
	return nil
}

// VMDeleteSnapshot: Deletes a snapshot.
func VMDeleteSnapshot(ctx context.Context, client *dwcp.Client) error {
	// --8<-- [start:vm_delete_snapshot]
	vmClient := client.VM()
	if err := vmClient.DeleteSnapshot(ctx, "snapshot-1234"); err != nil {
		return err
	}
	// --8<-- [end:vm_delete_snapshot]
	return nil
}

// VMGetMetrics: Returns a VM's resource usage over a window (default 5 minutes).
func VMGetMetrics(ctx context.Context, client *dwcp.Client) error {
	// --8<-- [start:vm_get_metrics]
	vmClient := client.VM()
	result, err := vmClient.GetMetrics(ctx, "vm-1234", "1m")
	if err != nil {
		return err
	}
	fmt.Printf("%+v\n", result)
	// --8<-- [end:vm_get_metrics]
	return nil
}

// VMStreamMetrics: Streams a VM's metrics, one sample per interval (default 1 s).
func VMStreamMetrics(ctx context.Context, client *dwcp.Client) error {
	// --8<-- [start:vm_stream_metrics]
	vmClient := client.VM()
	items, err := vmClient.StreamMetrics(ctx, "vm-1234", time.Minute)
	if err != nil {
		return err
	}
	for item := range items {
		fmt.Printf("%+v\n", item)
		break
	}
	// --8<-- [end:vm_stream_metrics]
	return nil
}

// VMWatch: Streams a VM's retained events, then new ones as they happen (follow: false ends after the backlog).
func VMWatch(ctx context.Context, client *dwcp.Client) error {
	// --8<-- [start:vm_watch]
	vmClient := client.VM()
	items, err := vmClient.Watch(ctx, "vm-1234")
	if err != nil {
		return err
	}
	for item := range items {
		fmt.Printf("%+v\n", item)
		break
	}
	// --8<-- [end:vm_watch]
	return nil
}
