// The reference's "Type Safety" snippet, then called on a real VM.
// Runs against a local server: address, port, key and TLS come from DWCP_ADDRESS, DWCP_PORT,
// DWCP_API_KEY and DWCP_TLS (the only changes the reference allows); `nox -s sdk_typescript` runs it.

// --- setup (the reference's snippet assumes the quick start's client, vmClient and vmConfig) ---
import { client, vmClient, vmConfig } from './_setup.js';

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
