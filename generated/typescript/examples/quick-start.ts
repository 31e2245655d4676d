// Code generated from extras/typescript/examples/quick-start.ts by generator/; DO NOT EDIT.
// The reference's TypeScript quick start. The snippet uses VMClient without importing it; the
// import is added here (VMClient is exported from the package).
// Runs against a local server: address, port, key and TLS come from DWCP_ADDRESS, DWCP_PORT,
// DWCP_API_KEY and DWCP_TLS (the only changes the reference allows); `nox -s sdk_typescript` runs it.
import { Client, ClientConfig, VMConfig, VMClient } from '@novacron/dwcp-sdk';

async function main() {
  // Create configuration
  const config: ClientConfig = {
    address: process.env.DWCP_ADDRESS ?? 'localhost',
    port: Number(process.env.DWCP_PORT ?? 9000),
    apiKey: process.env.DWCP_API_KEY ?? 'your-api-key',
    tlsEnabled: (process.env.DWCP_TLS ?? 'true') === 'true',
  };

  // Create and connect client
  const client = new Client(config);
  await client.connect();

  console.log('Connected to DWCP server');

  // Create VM
  const vmConfig: VMConfig = {
    name: 'my-vm',
    memory: 2 * 1024 ** 3, // 2GB
    cpus: 2,
    disk: 20 * 1024 ** 3, // 20GB
    image: 'ubuntu-22.04',
  };

  const vmClient = new VMClient(client);
  const vm = await vmClient.create(vmConfig);
  console.log(`Created VM: ${vm.name} (ID: ${vm.id})`);

  // Start VM
  await vmClient.start(vm.id);
  console.log('VM started');

  // Cleanup
  await client.disconnect();
}

main().catch(console.error);
