// The reference's "Real-time Metrics" snippet (the stream never ends: stop it with Ctrl-C).
// Runs against a local server: address, port, key and TLS come from DWCP_ADDRESS, DWCP_PORT,
// DWCP_API_KEY and DWCP_TLS (the only changes the reference allows); `nox -s sdk_typescript` runs it.

// --- setup (the reference's snippet assumes the quick start's client, vmClient and vmConfig) ---
import { vmClient, vmConfig } from './_setup.js';

const vmId = (await vmClient.create(vmConfig)).id;
await vmClient.start(vmId);

// --- reference snippet ---
// Stream metrics
for await (const metrics of vmClient.streamMetrics(vmId, '1s')) {
    console.log(`CPU: ${metrics.cpuUsage.toFixed(2)}%`);
    console.log(`Memory: ${(metrics.memoryUsed / 1024**3).toFixed(1)} GB`);
}
