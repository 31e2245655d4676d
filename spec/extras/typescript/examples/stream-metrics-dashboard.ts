// The reference's "Stream Metrics" performance snippet (the stream never ends: stop it with Ctrl-C).
// Runs against a local server: address, port, key and TLS come from DWCP_ADDRESS, DWCP_PORT,
// DWCP_API_KEY and DWCP_TLS (the only changes the reference allows); `nox -s sdk_typescript` runs it.

// --- setup (the reference's snippet assumes the quick start's client, vmClient and vmConfig) ---
import { vmClient, vmConfig } from './_setup.js';

import type { VMMetrics } from '@novacron/dwcp-sdk';
const vmId = (await vmClient.create(vmConfig)).id;
function updateDashboard(metrics: VMMetrics): void {
    console.log(`${metrics.timestamp.toISOString()} cpu=${metrics.cpuUsage.toFixed(1)}%`);
}

// --- reference snippet ---
// More efficient than polling
for await (const metrics of vmClient.streamMetrics(vmId)) {
    updateDashboard(metrics);
}
