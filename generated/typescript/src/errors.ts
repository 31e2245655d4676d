// Code generated from spec/dwcp.yaml by generator/; DO NOT EDIT.
//
// The error catalogue of the spec as classes under DWCPError, so `instanceof` works at every level.
import { DWCPError, type ErrorInit } from './runtime/error.js';

export { DWCPError };
export type { ErrorInit };

/**
 * The server could not be reached or is unavailable. (HTTP 503)
 *
 * Codes: `unavailable`, `too_many_connections`, `connection_refused`, `connection_reset`, `malformed_response`, `response_too_large`, `tls_failed`.
 */
export class ConnectionError extends DWCPError {
  override name = 'ConnectionError';
}

/**
 * An operation was called before connect or after disconnect.
 *
 * Codes: `not_connected`.
 */
export class NotConnectedError extends ConnectionError {
  override name = 'NotConnectedError';
}

/**
 * The API key is missing or wrong. (HTTP 401)
 *
 * Codes: `unauthenticated`, `forbidden_origin`.
 */
export class AuthenticationError extends DWCPError {
  override name = 'AuthenticationError';
}

/**
 * The VM (or its snapshot or migration) does not exist. (HTTP 404)
 *
 * Codes: `vm_not_found`, `snapshot_not_found`, `migration_not_found`, `route_not_found`.
 */
export class VMNotFoundError extends DWCPError {
  override name = 'VMNotFoundError';
}

/**
 * The operation did not finish in time. (HTTP 504)
 *
 * Codes: `deadline_exceeded`, `request_timeout`, `client_timeout`, `wait_timeout`.
 */
export class TimeoutError extends DWCPError {
  override name = 'TimeoutError';
}

/**
 * The request is not valid in the VM's current state, or malformed. (HTTP 400)
 *
 * Codes: `invalid_argument`, `invalid_state`, `method_not_allowed`, `payload_too_large`, `uri_too_long`, `unsupported_media_type`, `headers_too_large`, `migration_in_progress`, `idempotency_key_reused`, `idempotency_key_in_use`.
 */
export class InvalidOperationError extends DWCPError {
  override name = 'InvalidOperationError';
}

/**
 * A value breaks the spec's constraints; found before any request was sent.
 *
 * Codes: `validation_failed`.
 */
export class ValidationError extends InvalidOperationError {
  override name = 'ValidationError';
  /** The offending field in the SDK's spelling, with its path (`a.b[0].c`). */
  readonly field: string;
  /** The same field in its wire (snake_case) spelling. */
  readonly wireField: string;

  constructor(init: ErrorInit & { field: string; wireField?: string }) {
    super(init);
    this.field = init.field;
    this.wireField = init.wireField ?? init.field;
  }
}

/**
 * No capacity, or too many requests or streams. (HTTP 429)
 *
 * Codes: `resource_exhausted`, `too_many_streams`, `rate_limited`.
 */
export class ResourceLimitError extends DWCPError {
  override name = 'ResourceLimitError';
}

/**
 * The migration failed. (HTTP 500)
 *
 * Codes: `migration_failed`, `not_converging`.
 */
export class MigrationError extends DWCPError {
  override name = 'MigrationError';
}

/**
 * The server failed in a way no other entry describes. (HTTP 500)
 *
 * Codes: `internal`, `not_implemented`.
 */
export class InternalError extends DWCPError {
  override name = 'InternalError';
}

/**
 * A hook the caller installed raised; an attempt it ran before was not sent, and the call stops.
 *
 * Codes: `hook_failed`.
 */
export class HookError extends DWCPError {
  override name = 'HookError';
}

/**
 * A waiter reached a state it cannot leave successfully (a failure acceptor matched); the error names the state.
 *
 * Codes: `waiter_failed`.
 */
export class WaiterError extends DWCPError {
  override name = 'WaiterError';
}
