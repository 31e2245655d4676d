// Shared by the examples whose reference snippet assumes the quick start's client, vmClient and
// vmConfig. Address, port, key and TLS come from DWCP_ADDRESS, DWCP_PORT, DWCP_API_KEY and DWCP_TLS
// (the only changes the reference allows). Not an example itself: the runner skips _-prefixed files.
import { Client, VMClient, VMConfig } from '@novacron/dwcp-sdk';

export const client = new Client({
    address: process.env.DWCP_ADDRESS ?? 'localhost',
    port: Number(process.env.DWCP_PORT ?? 9000),
    apiKey: process.env.DWCP_API_KEY ?? 'your-api-key',
    tlsEnabled: (process.env.DWCP_TLS ?? 'true') === 'true',
});
await client.connect();
export const vmClient = new VMClient(client);
export const vmConfig: VMConfig = { name: 'my-vm', memory: 2 * 1024 ** 3, cpus: 2, disk: 20 * 1024 ** 3, image: 'ubuntu-22.04' };
