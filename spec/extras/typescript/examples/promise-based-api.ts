// The reference's "Promise-based API" snippet.
// Runs against a local server: address, port, key and TLS come from DWCP_ADDRESS, DWCP_PORT,
// DWCP_API_KEY and DWCP_TLS (the only changes the reference allows); `nox -s sdk_typescript` runs it.

// --- setup (the reference's snippet assumes the quick start's client, vmClient and vmConfig) ---
import { client, vmClient, vmConfig } from './_setup.js';

// --- reference snippet ---
// Sequential operations
vmClient.create(vmConfig)
    .then(vm => {
        console.log(`Created: ${vm.id}`);
        return vmClient.start(vm.id);
    })
    .then(() => {
        console.log('VM started');
    })
    .catch(error => {
        console.error('Error:', error);
    })
    .finally(() => client.disconnect()); // added so the program exits
