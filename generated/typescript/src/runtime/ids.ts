// Code generated from templates/typescript/runtime/ids.ts by generator/; DO NOT EDIT.
/** A random UUIDv4 (request ids and idempotency keys) from the platform's crypto. */
export function randomId(): string {
  return globalThis.crypto.randomUUID();
}
