// Code generated from templates/typescript/src/index.ts by generator/; DO NOT EDIT.
// Node entry of the package: the client on undici.
export { Client } from './client.js';
export { BaseClient, type ClientConfig, type ResolvedConfig } from './base-client.js';
export * from './resources.js';
export * from './types.js';
export * from './errors.js';
export type { CallOptions } from './runtime/invoker.js';
export {
  APIPromise,
  PagePromise,
  type RawResponse,
  type WithResponse,
} from './runtime/api-promise.js';
export type { Hook, HookContext, HookResponse, HookRetry } from './runtime/hooks.js';
export {
  consoleLogger,
  type LogEvent,
  type LogFields,
  type LogLevel,
  type Logger,
} from './runtime/logging.js';
export type { AttemptTrace, CallTrace, TracedCall, Tracing } from './runtime/tracing.js';
export type { WaitOptions } from './runtime/waiter.js';
export type { ClientMetrics } from './runtime/metrics.js';
export type { Duration } from './runtime/duration.js';
export type { Jitter } from './runtime/backoff.js';
export { EventStream } from './runtime/event-stream.js';
export { VERSION, SPEC_HASH } from './version.js';
