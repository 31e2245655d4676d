// The v3 half of the reference's migration guide (typed errors instead of numeric codes).
// Runs against a local server: address, port, key and TLS come from DWCP_ADDRESS, DWCP_PORT,
// DWCP_API_KEY and DWCP_TLS (the only changes the reference allows); `nox -s sdk_typescript` runs it.

// --- setup (the reference's snippet assumes the quick start's client, vmClient and vmConfig) ---
import { client, vmClient } from './_setup.js';

import { VM, VMNotFoundError } from '@novacron/dwcp-sdk';
let vm: VM | undefined;
const id = 'vm-missing';

// --- reference snippet ---
// v3
try {
    vm = await vmClient.get(id);
} catch (e) {
    if (e instanceof VMNotFoundError) { }
}
// --- end of snippet ---
console.log(vm === undefined ? 'not found, as expected' : vm.id);
await client.disconnect();
