// Code generated from templates/typescript/runtime/error.ts by generator/; DO NOT EDIT.
/** What every error of the SDK carries, whatever its class. */
export interface ErrorInit {
  message: string;
  code: string;
  status?: number | undefined;
  requestId?: string | undefined;
  attempts?: number | undefined;
  /** Milliseconds the server asked us to wait (Retry-After / Retry-After-Ms). */
  retryAfter?: number | undefined;
  idempotencyKey?: string | undefined;
  details?: Record<string, unknown> | undefined;
  cause?: unknown;
}

/** Base of every error the SDK raises; catch it to handle them all. */
export class DWCPError extends Error {
  override name = 'DWCPError';
  /** HTTP status, or undefined for errors found by the client. */
  readonly status: number | undefined;
  /** Wire code of the catalogue, e.g. `client_timeout`. */
  readonly code: string;
  /** The X-Request-ID of the logical call. */
  readonly requestId: string | undefined;
  /** Requests sent for the call (1 + retries; 0 when the client refused the call before sending). */
  attempts: number;
  /** Milliseconds the server asked to wait before trying again. */
  readonly retryAfter: number | undefined;
  /** The Idempotency-Key sent with the call, if any. */
  readonly idempotencyKey: string | undefined;
  /** Structured details from the server (field, limit, ...). */
  readonly details: Record<string, unknown>;
  /** True when the client's retry budget refused a retry the retry policy wanted. */
  retryQuotaExhausted = false;

  constructor(init: ErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.attempts = init.attempts ?? 0;
    this.retryAfter = init.retryAfter;
    this.idempotencyKey = init.idempotencyKey;
    this.details = init.details ?? {};
  }
}

/** How an error may be retried, as the spec's catalogue says. */
export type RetryClass = 'never' | 'retry' | 'after_retry_after' | 'with_idempotency_key';

/** The spec's error catalogue as the runtime needs it; generated in policy.ts. */
export interface Catalogue {
  /** The typed error of a catalogue type name, or (type undefined) of the type that owns `init.code`. */
  create(type: string | undefined, init: ErrorInit): DWCPError;
  /** Type, code and retry class of an error response (type/code from the body when known). */
  classify(status: number, type?: string, code?: string): Classified;
}

/** An error response resolved against the catalogue. */
export interface Classified {
  type: string;
  code: string;
  retry: RetryClass;
}
