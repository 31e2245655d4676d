// Node entry of the package: the client on undici.
export { Client } from './client.js';
export { BaseClient, type ClientConfig, type ResolvedConfig } from './base-client.js';
export * from './resources.js';
export * from './types.js';
export * from './errors.js';
export type { CallOptions } from './runtime/invoker.js';
export type { WaitOptions } from './runtime/waiter.js';
export type { ClientMetrics } from './runtime/metrics.js';
export type { Duration } from './runtime/duration.js';
export type { Jitter } from './runtime/backoff.js';
export { EventStream } from './runtime/event-stream.js';
export { VERSION, SPEC_HASH } from './version.js';
