// Code generated from templates/typescript/examples/promise-based-api.ts by generator/; DO NOT EDIT.
// The reference's "Promise-based API" snippet.
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
// Sequential operations
vmClient
  .create(vmConfig)
  .then((vm) => {
    console.log(`Created: ${vm.id}`);
    return vmClient.start(vm.id);
  })
  .then(() => {
    console.log('VM started');
  })
  .catch((error) => {
    console.error('Error:', error);
  })
  .finally(() => client.disconnect()); // added so the program exits
