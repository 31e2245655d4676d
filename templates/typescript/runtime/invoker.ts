import { abortedBy, isDeadline, sleep } from './abort.js';
import { backoff, retryAfter, type Jitter } from './backoff.js';
import { DWCPError, type Catalogue, type RetryClass } from './error.js';
import { utf8Length, type ClientMetrics } from './metrics.js';
import { TransportError, type HttpResponse, type Transport } from './transport.js';
import { WireFormatError, parseJson } from './wire.js';

/** A quiet stream is reconnected after this long without a byte (the server's heartbeats are 15 s apart). */
const STREAM_IDLE = 35_000;

/** Per-call options every method takes. */
export interface CallOptions {
  /** Cancels the call (and its retries); AbortSignal.timeout(ms) sets an overall deadline. */
  signal?: AbortSignal | undefined;
  /** Milliseconds allowed per attempt; defaults to the client's requestTimeout. */
  timeout?: number | undefined;
  /** Your own Idempotency-Key for a non-idempotent call (one is generated otherwise). */
  idempotencyKey?: string | undefined;
}

/** The HTTP binding of one call. */
export interface Endpoint {
  method: string;
  /** Path with parameters filled in, and query string. */
  path: string;
  idempotent: boolean;
  auth: boolean;
  /** Status of success (201 for create, 204 for no body, ...). */
  success: number;
}

/** Everything an Invoker needs; the client builds it from its config. */
export interface InvokerSettings {
  transport: Transport;
  basePath: string;
  apiKey: string;
  retryAttempts: number;
  retryBackoff: number;
  maxBackoff: number;
  maxRetryAfter: number;
  requestTimeout: number;
  jitter: Jitter;
  catalogue: Catalogue;
  metrics: ClientMetrics;
  /** A fresh UUIDv4 (request ids and idempotency keys). */
  newId: () => string;
  headers: { attempt: string; requestId: string; idempotencyKey: string; retryAfterMs: string };
}

/** State of one logical call across its attempts. */
interface Exchange {
  endpoint: Endpoint;
  body: string | undefined;
  options: CallOptions;
  stream: boolean;
  requestId: string;
  key: string | undefined;
  headers: Record<string, string>;
  /** Bytes of one attempt on the wire (request line, headers, body), for the metrics. */
  size: number;
}

/**
 * Runs calls: one request id and (for non-idempotent calls) one idempotency key per logical call,
 * the same body bytes on every attempt, per-attempt timeouts, full-jitter retries that honour
 * Retry-After, and typed errors that carry the evidence (status, code, request id, attempts).
 */
export class Invoker {
  readonly #s: InvokerSettings;
  readonly #auth: string;

  constructor(settings: InvokerSettings) {
    this.#s = settings;
    this.#auth = `Bearer ${settings.apiKey}`;
  }

  /** The settings the invoker runs with. */
  get settings(): Readonly<Omit<InvokerSettings, 'apiKey'>> {
    const { apiKey: _hidden, ...rest } = this.#s;
    return rest;
  }

  /** Makes a unary call and decodes its JSON body (undefined for bodiless successes). */
  async call<T>(endpoint: Endpoint, body: unknown, decode: (json: unknown) => T, options: CallOptions = {}): Promise<T> {
    const exchange = this.#exchange(endpoint, body, options, false);
    const { response, text, attempts } = await this.#run(exchange);
    try {
      return decode(text === '' ? undefined : parseJson(text));
    } catch (error) {
      throw this.#count(this.#failure(error, exchange, attempts, response.status));
    }
  }

  /** Opens a stream: the successful response, its body unread. */
  async open(endpoint: Endpoint, options: CallOptions, lastEventId?: string): Promise<HttpResponse> {
    const exchange = this.#exchange(endpoint, undefined, options, true);
    exchange.headers['accept'] = 'text/event-stream';
    if (lastEventId !== undefined && lastEventId !== '') exchange.headers['last-event-id'] = lastEventId;
    return (await this.#run(exchange)).response;
  }

  /** The typed error (or the caller's cancellation) for a failure met while reading an open stream. */
  streamFailure(error: unknown, options: CallOptions, attempts: number): unknown {
    const x = this.#exchange({ method: 'GET', path: '', idempotent: true, auth: true, success: 200 }, undefined, options, true);
    if (abortedBy(options.signal, error)) return this.#count(this.#cancelled(options.signal, x, attempts));
    return this.#count(this.#failure(error, x, attempts, undefined));
  }

  /** The backoff before retry `n`, or undefined when the error must not be retried. */
  delay(error: DWCPError, retry: number, keyed: boolean, retryClass: RetryClass): number | undefined {
    if (retry > this.#s.retryAttempts) return undefined;
    if (retryClass === 'never' || (retryClass === 'with_idempotency_key' && !keyed)) return undefined;
    const wait = error.retryAfter;
    if (wait !== undefined && wait > this.#s.maxRetryAfter) return undefined;
    if (wait !== undefined && wait > 0) return wait;
    return backoff(retry, this.#s.retryBackoff, this.#s.maxBackoff, this.#s.jitter);
  }

  #exchange(endpoint: Endpoint, body: unknown, options: CallOptions, stream: boolean): Exchange {
    const { headers: names } = this.#s;
    const requestId = this.#s.newId();
    const key = endpoint.idempotent ? undefined : (options.idempotencyKey ?? this.#s.newId());
    const headers: Record<string, string> = { accept: 'application/json', [names.requestId]: requestId };
    if (endpoint.auth) headers['authorization'] = this.#auth;
    if (key !== undefined) headers[names.idempotencyKey] = key;
    const text = body === undefined ? undefined : JSON.stringify(body);
    if (text !== undefined) headers['content-type'] = 'application/json';
    let size = endpoint.method.length + endpoint.path.length + this.#s.basePath.length + 40; // line + attempt header
    for (const name in headers) size += name.length + (headers[name] as string).length + 4;
    if (text !== undefined) size += utf8Length(text);
    return { endpoint, body: text, options, stream, requestId, key, headers, size };
  }

  async #run(x: Exchange): Promise<{ response: HttpResponse; text: string; attempts: number }> {
    const { signal } = x.options;
    const timeout = x.options.timeout ?? this.#s.requestTimeout;
    for (let attempt = 1; ; attempt++) {
      if (signal?.aborted === true) throw this.#count(this.#cancelled(signal, x, attempt - 1));
      this.#s.metrics.messagesSent++;
      this.#s.metrics.bytesSent += x.size;
      let failure: DWCPError;
      let retryClass: RetryClass;
      try {
        const response = await this.#s.transport.send({
          method: x.endpoint.method,
          path: this.#s.basePath + x.endpoint.path,
          // The transport copies headers when it sends, so one object serves every attempt.
          headers: setAttempt(x.headers, this.#s.headers.attempt, attempt),
          body: x.body,
          signal,
          timeout,
          idle: x.stream ? Math.max(timeout, STREAM_IDLE) : undefined,
          stream: x.stream,
        });
        this.#s.metrics.messagesReceived++;
        if (response.status >= 200 && response.status < 300) {
          if (x.stream) return { response, text: '', attempts: attempt };
          // Reading the body is part of the attempt: a truncated body is retried like a reset.
          const text = await response.text();
          this.#s.metrics.bytesReceived += bodyBytes(response, text);
          return { response, text, attempts: attempt };
        }
        [failure, retryClass] = await this.#errorResponse(response, x, attempt);
      } catch (error) {
        if (abortedBy(signal, error)) throw this.#count(this.#cancelled(signal, x, attempt));
        failure = this.#failure(error, x, attempt, undefined);
        retryClass = error instanceof TransportError ? 'retry' : 'never';
      }
      const wait = this.delay(failure, attempt, x.key !== undefined, retryClass);
      if (wait === undefined) throw this.#count(failure);
      try {
        await sleep(wait, signal);
      } catch {
        throw this.#count(this.#cancelled(signal, x, attempt));
      }
    }
  }

  async #errorResponse(response: HttpResponse, x: Exchange, attempt: number): Promise<[DWCPError, RetryClass]> {
    let detail: Record<string, unknown> = {};
    try {
      const text = await response.text();
      this.#s.metrics.bytesReceived += utf8Length(text);
      const parsed = JSON.parse(text) as { error?: unknown };
      if (typeof parsed.error === 'object' && parsed.error !== null) detail = parsed.error as Record<string, unknown>;
    } catch {
      // An error body we cannot read still has a status, which the catalogue maps to a type.
    }
    const type = typeof detail['type'] === 'string' ? detail['type'] : undefined;
    const code = typeof detail['code'] === 'string' ? detail['code'] : undefined;
    const found = this.#s.catalogue.classify(response.status, type, code);
    const details = detail['details'];
    const error = this.#s.catalogue.create(found.type, {
      message: typeof detail['message'] === 'string' ? detail['message'] : `HTTP ${response.status}`,
      code: found.code,
      status: response.status,
      requestId: response.header(this.#s.headers.requestId.toLowerCase()) ?? x.requestId,
      attempts: attempt,
      retryAfter: retryAfter((name) => response.header(name)),
      idempotencyKey: x.key,
      details: typeof details === 'object' && details !== null ? (details as Record<string, unknown>) : undefined,
    });
    return [error, found.retry];
  }

  /** A typed error for a transport failure or a malformed body. */
  #failure(error: unknown, x: Exchange, attempts: number, status: number | undefined): DWCPError {
    const c = this.#s.catalogue;
    const base = { requestId: x.requestId, attempts, idempotencyKey: x.key, cause: error, status };
    if (error instanceof WireFormatError) {
      return c.create(undefined, { ...base, code: 'malformed_response', message: `malformed response: ${error.message}` });
    }
    if (error instanceof TransportError) {
      if (error.kind === 'timeout') return c.create(undefined, { ...base, code: 'client_timeout', message: error.message });
      const code = error.kind === 'refused' ? 'connection_refused' : 'connection_reset';
      return c.create(undefined, { ...base, code, message: error.message });
    }
    if (error instanceof DWCPError) return error;
    // Anything else thrown while decoding is still the server's fault: never leak a raw TypeError.
    const message = error instanceof Error ? error.message : String(error);
    return c.create(undefined, { ...base, code: 'malformed_response', message: `malformed response: ${message}` });
  }

  /** The caller's cancellation: a deadline (AbortSignal.timeout) is a TimeoutError, else the reason itself. */
  #cancelled(signal: AbortSignal | undefined, x: Exchange, attempts: number): unknown {
    const reason: unknown = signal?.reason;
    if (!isDeadline(reason)) return reason;
    return this.#s.catalogue.create(undefined, {
      code: 'client_timeout',
      message: 'the call did not finish before its deadline',
      requestId: x.requestId,
      attempts,
      idempotencyKey: x.key,
      cause: reason,
    });
  }

  #count<E>(error: E): E {
    this.#s.metrics.errorsTotal++;
    return error;
  }
}

function setAttempt(headers: Record<string, string>, name: string, attempt: number): Record<string, string> {
  headers[name] = String(attempt);
  return headers;
}

/** Body bytes of a response: its Content-Length when it sent one, else the text's UTF-8 length. */
function bodyBytes(response: HttpResponse, text: string): number {
  const length = Number(response.header('content-length'));
  return Number.isInteger(length) && length >= 0 ? length : utf8Length(text);
}
