// The reference's "Event Streaming" snippet: watches a VM until it runs.
// Runs against a local server: address, port, key and TLS come from DWCP_ADDRESS, DWCP_PORT,
// DWCP_API_KEY and DWCP_TLS (the only changes the reference allows); `nox -s sdk_typescript` runs it.

// --- setup (the reference's snippet assumes the quick start's client, vmClient and vmConfig) ---
import { client, vmClient, vmConfig } from './_setup.js';

import { VMState } from '@novacron/dwcp-sdk';
const vmId = (await vmClient.create(vmConfig)).id;
await vmClient.start(vmId);

// --- reference snippet ---
// Watch VM events using async iterators
for await (const event of vmClient.watch(vmId)) {
    console.log(`[${event.timestamp}] ${event.type}: ${event.message}`);
    console.log(`  State: ${event.vm.state}`);

    if (event.vm.state === VMState.RUNNING) {
        break;
    }
}
await client.disconnect();
