// Code generated from extras/typescript/examples/async-await.ts by generator/; DO NOT EDIT.
// The reference's "Async/Await" snippet.
// Runs against a local server: address, port, key and TLS come from DWCP_ADDRESS, DWCP_PORT,
// DWCP_API_KEY and DWCP_TLS (the only changes the reference allows); `nox -s sdk_typescript` runs it.

// --- setup (the reference's snippet assumes the quick start's client, vmClient and vmConfig) ---
import { client, vmClient, vmConfig } from './_setup.js';

// --- reference snippet ---
// Modern async/await pattern
try {
  const vm = await vmClient.create(vmConfig);
  await vmClient.start(vm.id);

  const metrics = await vmClient.getMetrics(vm.id);
  console.log(`CPU: ${metrics.cpuUsage}%`);
} catch (error) {
  console.error('Error:', error);
}
await client.disconnect();
