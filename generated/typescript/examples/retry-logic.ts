// Code generated from extras/typescript/examples/retry-logic.ts by generator/; DO NOT EDIT.
// The reference's "Retry Logic" pattern (the SDK already retries; this wraps it as written).
// Runs against a local server: address, port, key and TLS come from DWCP_ADDRESS, DWCP_PORT,
// DWCP_API_KEY and DWCP_TLS (the only changes the reference allows); `nox -s sdk_typescript` runs it.

// --- setup (the reference's snippet assumes the quick start's client, vmClient and vmConfig) ---
import { client, vmClient, vmConfig } from './_setup.js';

const config = vmConfig;

// --- reference snippet ---
async function withRetry<T>(fn: () => Promise<T>, maxRetries: number = 3): Promise<T> {
  let lastError: Error;

  for (let i = 0; i < maxRetries; i++) {
    try {
      return await fn();
    } catch (error) {
      lastError = error as Error;
      await new Promise((resolve) => setTimeout(resolve, 1000 * Math.pow(2, i)));
    }
  }

  throw lastError!;
}

// Usage
const vm = await withRetry(() => vmClient.create(config));
// --- end of snippet ---
console.log(`Created: ${vm.id}`);
await client.disconnect();
