// Code generated from spec/dwcp.yaml by generator/; DO NOT EDIT.
// One example per public operation of the spec, type-checked with tsc --strict (nox -s snippets).
// The site shows the lines between the `--8<--` markers of each function.
import * as dwcp from '@novacron/dwcp-sdk';

/** Connects a client (the first lines of every example). */
export async function setup(): Promise<void> {
  // --8<-- [start:setup]
  const client = new dwcp.Client({ address: 'localhost', port: 9000, apiKey: 'your-api-key' });
  await client.connect();
  // --8<-- [end:setup]
  await client.disconnect();
}

/** Reports whether the server is serving. */
export async function systemHealth(client: dwcp.Client): Promise<void> {
  // --8<-- [start:system_health]
  const vmClient = new dwcp.VMClient(client);
  const result = await vmClient.health();
  console.log(result);
  // --8<-- [end:system_health]
}

/** Creates a VM (placed on a node that fits) and returns it in state creating. */
export async function vmCreate(client: dwcp.Client): Promise<void> {
  // --8<-- [start:vm_create]
  const vmClient = new dwcp.VMClient(client);
  const config: dwcp.VMConfig = { name: 'example-name', memory: 536870912, cpus: 1 };
  const result = await vmClient.create(config);
  console.log(result);
  // --8<-- [end:vm_create]
}

/** Returns a VM. */
export async function vmGet(client: dwcp.Client): Promise<void> {
  // --8<-- [start:vm_get]
  const vmClient = new dwcp.VMClient(client);
  const result = await vmClient.get('vm-1234');
  console.log(result);
  // --8<-- [end:vm_get]
}

/** Lists VMs whose labels match all the given labels, page by page. */
export async function vmList(client: dwcp.Client): Promise<void> {
  // --8<-- [start:vm_list]
  const vmClient = new dwcp.VMClient(client);
  const result = await vmClient.list({ env: 'example-production' });
  console.log(result);
  // --8<-- [end:vm_list]
}

/** Starts a stopped VM; starting a running VM is a no-op. */
export async function vmStart(client: dwcp.Client): Promise<void> {
  // --8<-- [start:vm_start]
  const vmClient = new dwcp.VMClient(client);
  const result = await vmClient.start('vm-1234');
  console.log(result);
  // --8<-- [end:vm_start]
}

/** Stops a running VM, gracefully or by force; stopping a stopped VM is a no-op. */
export async function vmStop(client: dwcp.Client): Promise<void> {
  // --8<-- [start:vm_stop]
  const vmClient = new dwcp.VMClient(client);
  const result = await vmClient.stop('vm-1234', false);
  console.log(result);
  // --8<-- [end:vm_stop]
}

/** Destroys a VM and its snapshots. */
export async function vmDestroy(client: dwcp.Client): Promise<void> {
  // --8<-- [start:vm_destroy]
  const vmClient = new dwcp.VMClient(client);
  await vmClient.destroy('vm-1234');
  // --8<-- [end:vm_destroy]
}

/** Starts moving a VM to another node; poll get_migration_status or wait for it. */
export async function vmMigrate(client: dwcp.Client): Promise<void> {
  // --8<-- [start:vm_migrate]
  const vmClient = new dwcp.VMClient(client);
  const options: dwcp.MigrationOptions = {};
  const result = await vmClient.migrate('vm-1234', 'example-target-node', options);
  console.log(result);
  // --8<-- [end:vm_migrate]
}

/** Returns the progress of a migration. */
export async function vmGetMigrationStatus(client: dwcp.Client): Promise<void> {
  // --8<-- [start:vm_get_migration_status]
  const vmClient = new dwcp.VMClient(client);
  const result = await vmClient.getMigrationStatus('migration-1234');
  console.log(result);
  // --8<-- [end:vm_get_migration_status]
}

/** Cancels a migration; the VM stays on its source node. */
export async function vmCancelMigration(client: dwcp.Client): Promise<void> {
  // --8<-- [start:vm_cancel_migration]
  const vmClient = new dwcp.VMClient(client);
  const result = await vmClient.cancelMigration('migration-1234');
  console.log(result);
  // --8<-- [end:vm_cancel_migration]
}

/** Takes a snapshot of a VM. */
export async function vmSnapshot(client: dwcp.Client): Promise<void> {
  // --8<-- [start:vm_snapshot]
  const vmClient = new dwcp.VMClient(client);
  const options: dwcp.SnapshotOptions = {};
  const result = await vmClient.snapshot('vm-1234', 'example-name', options);
  console.log(result);
  // --8<-- [end:vm_snapshot]
}

/** Lists a VM's snapshots, page by page. */
export async function vmListSnapshots(client: dwcp.Client): Promise<void> {
  // --8<-- [start:vm_list_snapshots]
  const vmClient = new dwcp.VMClient(client);
  const result = await vmClient.listSnapshots('vm-1234');
  console.log(result);
  // --8<-- [end:vm_list_snapshots]
}

/** Restores a VM from one of its snapshots. */
export async function vmRestoreSnapshot(client: dwcp.Client): Promise<void> {
  // --8<-- [start:vm_restore_snapshot]
  const vmClient = new dwcp.VMClient(client);
  const result = await vmClient.restoreSnapshot('vm-1234', 'snapshot-1234');
  console.log(result);
  // --8<-- [end:vm_restore_snapshot]
}

/** Deletes a snapshot. */
export async function vmDeleteSnapshot(client: dwcp.Client): Promise<void> {
  // --8<-- [start:vm_delete_snapshot]
  const vmClient = new dwcp.VMClient(client);
  await vmClient.deleteSnapshot('snapshot-1234');
  // --8<-- [end:vm_delete_snapshot]
}

/** Returns a VM's resource usage over a window (default 5 minutes). */
export async function vmGetMetrics(client: dwcp.Client): Promise<void> {
  // --8<-- [start:vm_get_metrics]
  const vmClient = new dwcp.VMClient(client);
  const result = await vmClient.getMetrics('vm-1234', '1m');
  console.log(result);
  // --8<-- [end:vm_get_metrics]
}

/** Streams a VM's metrics, one sample per interval (default 1 s). */
export async function vmStreamMetrics(client: dwcp.Client): Promise<void> {
  // --8<-- [start:vm_stream_metrics]
  const vmClient = new dwcp.VMClient(client);
  for await (const item of vmClient.streamMetrics('vm-1234', '1m')) {
    console.log(item);
    break;
  }
  // --8<-- [end:vm_stream_metrics]
}

/** Streams a VM's retained events, then new ones as they happen (follow: false ends after the backlog). */
export async function vmWatch(client: dwcp.Client): Promise<void> {
  // --8<-- [start:vm_watch]
  const vmClient = new dwcp.VMClient(client);
  for await (const item of vmClient.watch('vm-1234')) {
    console.log(item);
    break;
  }
  // --8<-- [end:vm_watch]
}
