// Code generated from spec/dwcp.yaml by generator/; DO NOT EDIT.
//
// The catalogue and retry policy of the spec, as the runtime's invoker consumes them.
import type { Catalogue, Classified, ErrorInit, RetryClass } from './runtime/error.js';
import {
  DWCPError,
  ConnectionError,
  NotConnectedError,
  AuthenticationError,
  VMNotFoundError,
  TimeoutError,
  InvalidOperationError,
  ValidationError,
  ResourceLimitError,
  MigrationError,
  InternalError,
  HookError,
  WaiterError,
} from './errors.js';

const CLASSES: Record<string, new (init: ErrorInit & { field: string }) => DWCPError> = {
  ConnectionError: ConnectionError,
  NotConnectedError: NotConnectedError,
  AuthenticationError: AuthenticationError,
  VMNotFoundError: VMNotFoundError,
  TimeoutError: TimeoutError,
  InvalidOperationError: InvalidOperationError,
  ValidationError: ValidationError,
  ResourceLimitError: ResourceLimitError,
  MigrationError: MigrationError,
  InternalError: InternalError,
  HookError: HookError,
  WaiterError: WaiterError,
};

/** Retry class and default code of each catalogue type. */
const TYPES: Record<string, readonly [RetryClass, string]> = {
  ConnectionError: ['retry', 'unavailable'],
  NotConnectedError: ['never', 'not_connected'],
  AuthenticationError: ['never', 'unauthenticated'],
  VMNotFoundError: ['never', 'vm_not_found'],
  TimeoutError: ['retry', 'deadline_exceeded'],
  InvalidOperationError: ['never', 'invalid_argument'],
  ValidationError: ['never', 'validation_failed'],
  ResourceLimitError: ['after_retry_after', 'resource_exhausted'],
  MigrationError: ['with_idempotency_key', 'migration_failed'],
  InternalError: ['with_idempotency_key', 'internal'],
  HookError: ['never', 'hook_failed'],
  WaiterError: ['never', 'waiter_failed'],
};

/** Type and retry class of each wire code. */
const CODES: Record<string, readonly [string, RetryClass]> = {
  unavailable: ['ConnectionError', 'retry'],
  too_many_connections: ['ConnectionError', 'retry'],
  connection_refused: ['ConnectionError', 'retry'],
  connection_reset: ['ConnectionError', 'retry'],
  malformed_response: ['ConnectionError', 'never'],
  response_too_large: ['ConnectionError', 'never'],
  tls_failed: ['ConnectionError', 'never'],
  not_connected: ['NotConnectedError', 'never'],
  unauthenticated: ['AuthenticationError', 'never'],
  forbidden_origin: ['AuthenticationError', 'never'],
  vm_not_found: ['VMNotFoundError', 'never'],
  snapshot_not_found: ['VMNotFoundError', 'never'],
  migration_not_found: ['VMNotFoundError', 'never'],
  route_not_found: ['VMNotFoundError', 'never'],
  deadline_exceeded: ['TimeoutError', 'retry'],
  request_timeout: ['TimeoutError', 'retry'],
  client_timeout: ['TimeoutError', 'retry'],
  wait_timeout: ['TimeoutError', 'never'],
  invalid_argument: ['InvalidOperationError', 'never'],
  invalid_state: ['InvalidOperationError', 'never'],
  method_not_allowed: ['InvalidOperationError', 'never'],
  payload_too_large: ['InvalidOperationError', 'never'],
  uri_too_long: ['InvalidOperationError', 'never'],
  unsupported_media_type: ['InvalidOperationError', 'never'],
  headers_too_large: ['InvalidOperationError', 'never'],
  migration_in_progress: ['InvalidOperationError', 'never'],
  idempotency_key_reused: ['InvalidOperationError', 'never'],
  idempotency_key_in_use: ['InvalidOperationError', 'retry'],
  validation_failed: ['ValidationError', 'never'],
  resource_exhausted: ['ResourceLimitError', 'after_retry_after'],
  too_many_streams: ['ResourceLimitError', 'after_retry_after'],
  rate_limited: ['ResourceLimitError', 'after_retry_after'],
  migration_failed: ['MigrationError', 'with_idempotency_key'],
  not_converging: ['MigrationError', 'never'],
  internal: ['InternalError', 'with_idempotency_key'],
  not_implemented: ['InternalError', 'never'],
  hook_failed: ['HookError', 'never'],
  waiter_failed: ['WaiterError', 'never'],
};

/** The type a bare status maps to when the body names none. */
const STATUSES: Record<number, string> = {
  400: 'InvalidOperationError',
  401: 'AuthenticationError',
  403: 'AuthenticationError',
  404: 'VMNotFoundError',
  405: 'InvalidOperationError',
  408: 'TimeoutError',
  409: 'InvalidOperationError',
  413: 'InvalidOperationError',
  414: 'InvalidOperationError',
  415: 'InvalidOperationError',
  422: 'InvalidOperationError',
  429: 'ResourceLimitError',
  431: 'InvalidOperationError',
  500: 'InternalError',
  501: 'InternalError',
  503: 'ConnectionError',
  504: 'TimeoutError',
};

/** Resolves an error response to a type, code and retry class, trusting the body first. */
function classify(status: number, type?: string, code?: string): Classified {
  const byCode = code === undefined ? undefined : CODES[code];
  if (byCode !== undefined && (type === undefined || type === byCode[0])) {
    return { type: byCode[0], code: code as string, retry: byCode[1] };
  }
  const known = type !== undefined && TYPES[type] !== undefined ? type : STATUSES[status];
  const resolved = known ?? (status >= 500 ? 'ConnectionError' : 'InvalidOperationError');
  const [retry, fallback] = TYPES[resolved] ?? ['never', 'unknown'];
  return { type: resolved, code: code ?? fallback, retry };
}

/** The catalogue the invoker raises errors from. */
export const catalogue: Catalogue = {
  create(type: string | undefined, init: ErrorInit): DWCPError {
    const Class = CLASSES[type ?? CODES[init.code]?.[0] ?? ''] ?? DWCPError;
    return new Class({ ...init, field: '' });
  },
  classify,
};

/** Retry policy constants of the spec. */
export const RETRY_POLICY = {
  maxBackoff: 20000,
  maxRetryAfter: 120000,
  headers: {
    attempt: 'DWCP-Attempt',
    requestId: 'X-Request-ID',
    idempotencyKey: 'Idempotency-Key',
    retryAfterMs: 'Retry-After-Ms',
  },
} as const;

/** Wire names of the fields the spec marks secret: redacted in every logged body. */
export const SECRET_FIELDS: readonly string[] = ['api_key'];
