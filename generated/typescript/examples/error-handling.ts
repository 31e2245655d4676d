// Code generated from extras/typescript/examples/error-handling.ts by generator/; DO NOT EDIT.
// The reference's "Error Handling" snippet, on a VM id that does not exist.
// Runs against a local server: address, port, key and TLS come from DWCP_ADDRESS, DWCP_PORT,
// DWCP_API_KEY and DWCP_TLS (the only changes the reference allows); `nox -s sdk_typescript` runs it.

// --- setup (the reference's snippet assumes the quick start's client, vmClient and vmConfig) ---
import { client, vmClient } from './_setup.js';

const vmId = 'vm-does-not-exist';

// --- reference snippet ---
import {
  DWCPError,
  ConnectionError,
  AuthenticationError,
  VMNotFoundError,
  TimeoutError,
} from '@novacron/dwcp-sdk';

try {
  const vm = await vmClient.get(vmId);
} catch (error) {
  if (error instanceof VMNotFoundError) {
    console.log('VM not found');
  } else if (error instanceof ConnectionError) {
    console.log('Connection error');
  } else if (error instanceof TimeoutError) {
    console.log('Operation timeout');
  } else if (error instanceof DWCPError) {
    console.log(`DWCP error: ${error.message}`);
  } else {
    throw error;
  }
}
// --- end of snippet ---
void AuthenticationError;
await client.disconnect();
