// The reference's "Timeout Configuration" snippet, then a health check with that config.
// Runs against a local server: address, port, key and TLS come from DWCP_ADDRESS, DWCP_PORT,
// DWCP_API_KEY and DWCP_TLS (the only changes the reference allows); `nox -s sdk_typescript` runs it.
import { Client, ClientConfig, VMClient } from '@novacron/dwcp-sdk';

// --- reference snippet ---
const config: ClientConfig = {
    address: process.env.DWCP_ADDRESS ?? 'localhost',
    connectTimeout: 30000,  // 30s
    requestTimeout: 60000,  // 60s
};
// --- end of snippet ---
const client = new Client({ ...config, port: Number(process.env.DWCP_PORT ?? 9000), apiKey: process.env.DWCP_API_KEY });
await client.connect();
console.log('health:', (await new VMClient(client).health()).status);
await client.disconnect();
