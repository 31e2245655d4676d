/** A random UUIDv4 (request ids and idempotency keys) from the platform's crypto. */
export function randomId(): string {
  return globalThis.crypto.randomUUID();
}
