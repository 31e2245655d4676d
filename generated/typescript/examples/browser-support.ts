// Code generated from extras/typescript/examples/browser-support.ts by generator/; DO NOT EDIT.
// The reference's "Browser Support" snippet. It runs in browsers (bundled) and on Node >= 18 (global
// fetch); its address and port point at the local server here. The snippet uses vmClient without
// creating it: that one line is added.
// Runs against a local server: address, port, key and TLS come from DWCP_ADDRESS, DWCP_PORT,
// DWCP_API_KEY and DWCP_TLS (the only changes the reference allows); `nox -s sdk_typescript` runs it.
import { VMClient } from '@novacron/dwcp-sdk/browser';

// --- reference snippet ---
// Browser usage (using WebSocket transport)
import { Client } from '@novacron/dwcp-sdk/browser';

const config = {
  address: process.env.DWCP_ADDRESS ?? 'wss://dwcp.example.com',
  port: Number(process.env.DWCP_PORT ?? 443),
  apiKey: process.env.DWCP_API_KEY ?? 'browser-api-key',
};

const client = new Client(config);
await client.connect();

const vmClient = new VMClient(client); // added: the snippet assumes it

// Use same API as Node.js version
const vms = await vmClient.list();
console.log(`Total VMs: ${vms.length}`);
// --- end of snippet ---
await client.disconnect();
