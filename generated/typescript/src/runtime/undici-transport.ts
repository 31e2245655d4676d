// Code generated from templates/typescript/runtime/undici-transport.ts by generator/; DO NOT EDIT.
import { Pool } from 'undici';
import type { Dispatcher } from 'undici';
import {
  TransportError,
  type FailureKind,
  type HttpRequest,
  type HttpResponse,
  type Transport,
} from './transport.js';

/** How the Node transport pools its connections. */
export interface UndiciOptions {
  /** Most connections at once (each open stream holds one). */
  connections: number;
  keepAlive: boolean;
  /** Milliseconds an idle connection is kept. */
  keepAliveTimeout: number;
  /** Milliseconds allowed to open a connection (TCP and TLS). */
  connectTimeout: number;
  /** Extra trusted CA certificates (PEM). */
  ca?: string | Uint8Array | undefined;
}

/** The Node transport: undici's Pool and request API (about 3x global fetch's throughput). */
export class UndiciTransport implements Transport {
  readonly #pool: Pool;
  readonly #reset: boolean;

  constructor(origin: string, options: UndiciOptions) {
    this.#reset = !options.keepAlive;
    this.#pool = new Pool(origin, {
      connections: options.connections,
      pipelining: 1,
      keepAliveTimeout: options.keepAliveTimeout,
      keepAliveMaxTimeout: Math.max(options.keepAliveTimeout, 1000),
      connect: {
        timeout: options.connectTimeout,
        ...(options.ca === undefined
          ? {}
          : { ca: typeof options.ca === 'string' ? options.ca : Buffer.from(options.ca) }),
      },
    });
  }

  async send(request: HttpRequest): Promise<HttpResponse> {
    // undici's own timeouts tick in ~0.5 s steps: fine for long ones, and they cost nothing per call.
    // Short timeouts and caller signals get a timer and an AbortController of their own.
    const coarse = request.timeout >= COARSE_OK && request.signal === undefined;
    const attempt = coarse ? undefined : new Attempt(request);
    try {
      const data = await this.#pool.request({
        method: request.method as Dispatcher.HttpMethod,
        path: request.path,
        headers: request.headers,
        body: request.body ?? null,
        signal: attempt?.controller.signal ?? null,
        headersTimeout: coarse ? request.timeout : 0,
        bodyTimeout: request.idle ?? (coarse ? request.timeout : 0),
        reset: this.#reset,
      });
      if (request.stream === true) attempt?.stopTimer(); // from here bodyTimeout bounds the gaps
      return new UndiciResponse(data, attempt, request.signal);
    } catch (error) {
      attempt?.done();
      throw attempt === undefined ? failure(error, request.signal) : attempt.failure(error);
    }
  }

  async close(): Promise<void> {
    await this.#pool.destroy();
  }
}

/** One attempt's timer and abort controller (the caller's signal aborts it too). */
class Attempt {
  readonly controller = new AbortController();
  readonly #request: HttpRequest;
  readonly #timer: ReturnType<typeof setTimeout>;
  #timedOut = false;
  readonly #onAbort = (): void => this.controller.abort(this.#request.signal?.reason);

  constructor(request: HttpRequest) {
    this.#request = request;
    this.#timer = setTimeout(() => {
      this.#timedOut = true;
      this.controller.abort(
        new TransportError('timeout', `no response within ${request.timeout} ms`),
      );
    }, request.timeout);
    if (request.signal !== undefined) {
      if (request.signal.aborted) this.#onAbort();
      else request.signal.addEventListener('abort', this.#onAbort, { once: true });
    }
  }

  stopTimer(): void {
    clearTimeout(this.#timer);
  }

  done(): void {
    clearTimeout(this.#timer);
    this.#request.signal?.removeEventListener('abort', this.#onAbort);
  }

  failure(error: unknown): TransportError {
    if (this.#timedOut)
      return new TransportError('timeout', `no response within ${this.#request.timeout} ms`, {
        cause: error,
      });
    return failure(error, this.#request.signal);
  }
}

class UndiciResponse implements HttpResponse {
  readonly status: number;
  readonly #data: Dispatcher.ResponseData;
  readonly #attempt: Attempt | undefined;
  readonly #signal: AbortSignal | undefined;

  constructor(
    data: Dispatcher.ResponseData,
    attempt: Attempt | undefined,
    signal: AbortSignal | undefined,
  ) {
    this.status = data.statusCode;
    this.#data = data;
    this.#attempt = attempt;
    this.#signal = signal;
  }

  #failure(error: unknown): TransportError {
    return this.#attempt === undefined
      ? failure(error, this.#signal)
      : this.#attempt.failure(error);
  }

  header(name: string): string | undefined {
    const value = this.#data.headers[name];
    return Array.isArray(value) ? value[0] : value;
  }

  headers(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(this.#data.headers)) {
      if (value !== undefined)
        out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    }
    return out;
  }

  async *chunks(): AsyncIterable<Uint8Array> {
    try {
      for await (const chunk of this.#data.body) yield chunk as Uint8Array;
    } catch (error) {
      throw this.#failure(error);
    } finally {
      this.#attempt?.done();
      if (!this.#data.body.destroyed) this.#data.body.destroy();
    }
  }

  discard(): void {
    this.#attempt?.done();
    // dump() drains a small body (keeping the connection) and destroys a large one, without an
    // unhandled 'error' event (destroy() alone emits one).
    this.#data.body.dump().catch(() => undefined);
  }
}

/** Timeouts at least this long (ms) use undici's coarse built-in timers. */
const COARSE_OK = 10_000;

const TIMEOUTS = new Set([
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'ETIMEDOUT',
]);
const REFUSED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
/** OpenSSL's certificate verification failures as Node names them, and Node's own name check. */
const TLS = new Set([
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_DECRYPT_CERT_SIGNATURE',
  'UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'CERT_SIGNATURE_FAILURE',
  'CERT_NOT_YET_VALID',
  'CERT_HAS_EXPIRED',
  'ERROR_IN_CERT_NOT_BEFORE_FIELD',
  'ERROR_IN_CERT_NOT_AFTER_FIELD',
  'CERT_CHAIN_TOO_LONG',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'INVALID_CA',
  'INVALID_PURPOSE',
  'PATH_LENGTH_EXCEEDED',
  'HOSTNAME_MISMATCH',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** True for a certificate the client cannot verify, or a TLS handshake OpenSSL refused. */
function isTls(code: string): boolean {
  return TLS.has(code) || code.startsWith('ERR_SSL_');
}

/** Normalises undici's and the socket's errors into the transport's kinds. */
function failure(error: unknown, signal: AbortSignal | undefined): TransportError {
  if (error instanceof TransportError) return error;
  const code = codeOf(error);
  const reason = error instanceof Error ? error.message : String(error);
  let kind: FailureKind = 'reset';
  if (signal?.aborted === true || code === 'UND_ERR_ABORTED') kind = 'aborted';
  else if (isTls(code))
    return new TransportError('tls', `TLS failed: ${reason} (${code})`, { cause: error });
  else if (TIMEOUTS.has(code)) kind = 'timeout';
  else if (REFUSED.has(code)) kind = 'refused';
  return new TransportError(kind, reason, { cause: error });
}

function codeOf(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return '';
}
