// Code generated from templates/typescript/examples/type-safety.ts by generator/; DO NOT EDIT.
// The reference's "Type Safety" snippet, then called on a real VM.
// Runs against a local server: address, port, key and TLS come from DWCP_ADDRESS, DWCP_PORT,
// DWCP_API_KEY and DWCP_TLS (the only changes the reference allows); `nox -s sdk_typescript` runs it.
import { Client, VMClient, VMConfig } from '@novacron/dwcp-sdk';

// --- setup (the reference's snippet assumes the quick start's client, vmClient and vmConfig) ---
const client = new Client({
  address: process.env.DWCP_ADDRESS ?? 'localhost',
  port: Number(process.env.DWCP_PORT ?? 9000),
  apiKey: process.env.DWCP_API_KEY ?? 'your-api-key',
  tlsEnabled: (process.env.DWCP_TLS ?? 'true') === 'true',
});
await client.connect();
const vmClient = new VMClient(client);
const vmConfig: VMConfig = {
  name: 'my-vm',
  memory: 2 * 1024 ** 3,
  cpus: 2,
  disk: 20 * 1024 ** 3,
  image: 'ubuntu-22.04',
};

// --- reference snippet ---
// Full TypeScript type support
import { VM, VMState, VMMetrics, MigrationStatus } from '@novacron/dwcp-sdk';

function processVM(vm: VM): void {
  console.log(`VM ${vm.name} is ${vm.state}`);

  if (vm.metrics) {
    displayMetrics(vm.metrics);
  }
}

function displayMetrics(metrics: VMMetrics): void {
  console.log(`CPU: ${metrics.cpuUsage}%`);
  console.log(`Memory: ${metrics.memoryUsed} bytes`);
}
// --- end of snippet ---
const status: MigrationStatus | undefined = undefined;
processVM(await vmClient.create(vmConfig));
console.log(VMState.RUNNING, status ?? 'no migration');
await client.disconnect();
