// The reference's "Retry Logic" pattern (the SDK already retries; this wraps it as written).
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
const vmConfig: VMConfig = { name: 'my-vm', memory: 2 * 1024 ** 3, cpus: 2, disk: 20 * 1024 ** 3, image: 'ubuntu-22.04' };

const config = vmConfig;

// --- reference snippet ---
async function withRetry<T>(
    fn: () => Promise<T>,
    maxRetries: number = 3
): Promise<T> {
    let lastError: Error;

    for (let i = 0; i < maxRetries; i++) {
        try {
            return await fn();
        } catch (error) {
            lastError = error as Error;
            await new Promise(resolve =>
                setTimeout(resolve, 1000 * Math.pow(2, i))
            );
        }
    }

    throw lastError!;
}

// Usage
const vm = await withRetry(() => vmClient.create(config));
// --- end of snippet ---
console.log(`Created: ${vm.id}`);
await client.disconnect();
