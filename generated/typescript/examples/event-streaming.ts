// Code generated from templates/typescript/examples/event-streaming.ts by generator/; DO NOT EDIT.
// The reference's "Event Streaming" snippet: watches a VM until it runs.
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
