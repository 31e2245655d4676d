import { abortedBy, isDeadline, sleep } from './abort.js';
import type { Outcome } from './api-promise.js';
import { backoff, retryAfter, type Jitter } from './backoff.js';
import type { TokenBucket } from './budget.js';
import { DWCPError, type Catalogue, type RetryClass } from './error.js';
import { HookFailure, runHooks, type Hook, type HookContext } from './hooks.js';
import type { Log, LogFields } from './logging.js';
import { utf8Length, type ClientMetrics } from './metrics.js';
import { boundedText, prefix } from './body.js';
import type { AttemptTrace, CallTrace, Tracing } from './tracing.js';
import { TransportError, type FailureKind, type HttpResponse, type Transport } from './transport.js';
import { WireFormatError, parseJson, utf8 } from './wire.js';

/** The most of an error body that is read (docs/resilience.md, hostile responses). */
const ERROR_BODY = 65_536;

/**
 * The most of a success body that is read: past it the attempt ends with `response_too_large`.
 * @internal
 */
export const SUCCESS_BODY = 32 * 1024 * 1024;

/** A quiet stream is reconnected after this long without a byte (the server's heartbeats are 15 s apart). */
const STREAM_IDLE = 35_000;

/** Per-call options every method takes; each overrides the client's configuration for that call only. */
export interface CallOptions {
  /** Cancels the call (and its retries); AbortSignal.timeout(ms) sets an overall deadline. */
  signal?: AbortSignal | undefined;
  /** Milliseconds allowed per attempt; defaults to the client's requestTimeout. */
  timeout?: number | undefined;
  /** Retries after the first attempt for this call; defaults to the client's retryAttempts. */
  retryAttempts?: number | undefined;
  /**
   * Extra request headers, sent on every attempt of the call. They cannot replace Authorization,
   * DWCP-Attempt, X-Request-ID or Idempotency-Key (such names are ignored).
   */
  headers?: Readonly<Record<string, string>> | undefined;
  /** Your own Idempotency-Key for a non-idempotent call (one is generated otherwise). */
  idempotencyKey?: string | undefined;
}

/** The HTTP binding of one call. */
export interface Endpoint {
  /** The spec's operation id, e.g. `vm.get`. */
  operation: string;
  method: string;
  /** The path template, e.g. `/vms/{vm_id}`. */
  template: string;
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
  /** The hook chain, in order. */
  hooks?: readonly Hook[] | undefined;
  /** The log at its level (undefined: logging off). */
  log?: Log | undefined;
  /** The tracing integration (undefined: no spans). */
  tracing?: Tracing | undefined;
  /** Sent as User-Agent on every attempt (undefined where the platform sets its own). */
  userAgent?: string | undefined;
  /** The client's retry budget (shared by all its calls; undefined: unlimited). */
  budget?: TokenBucket | undefined;
  /** The server's host and port (span attributes). */
  serverAddress?: string | undefined;
  serverPort?: number | undefined;
  /** The longest SSE line a stream accepts, in bytes (undefined: 65536). */
  bufferSize?: number | undefined;
}

/**
 * State of one logical call across its attempts (a unary call, or a stream with its reconnects).
 * @internal
 */
export interface Exchange {
  endpoint: Endpoint;
  body: string | undefined;
  options: CallOptions;
  stream: boolean;
  requestId: string;
  key: string | undefined;
  headers: Record<string, string>;
  /** Bytes of one attempt on the wire (request line, headers, body), for the metrics. */
  size: number;
  timeout: number;
  retryAttempts: number;
  /** Attempts sent so far (the last DWCP-Attempt). */
  attempts: number;
  /** Failed attempts since the last success (a stream's data resets it): the number of the next retry. */
  failures: number;
  /** Tokens the call's last retry took (refunded when the call then succeeds). */
  retryCost: number | undefined;
  /** The hook context of the latest attempt. */
  ctx: HookContext | undefined;
  trace: CallTrace | undefined;
  /** A stream's own close signal: an end it causes is no failure. */
  closed: AbortSignal | undefined;
  ended: boolean;
}

/** A failed attempt the loop may retry. */
interface Pending {
  error: DWCPError;
  retryClass: RetryClass;
  /** A delay the server asked for (an SSE `retry:` field), instead of the backoff. */
  wait?: number | undefined;
}

/** The wire code of each transport failure (the rest are `connection_reset`). */
const FAILURE_CODES: Partial<Record<FailureKind, string>> = {
  refused: 'connection_refused',
  tls: 'tls_failed',
  too_large: 'response_too_large',
};

/** The headers per-call options may not replace. */
const PROTECTED = new Set(['authorization']);

/**
 * Runs calls through one attempt loop: unary calls, stream opens and reconnects, and (through the
 * calls they make) waiter polls. One request id and (for non-idempotent calls) one idempotency key
 * per logical call, the same body bytes on every attempt, per-attempt timeouts, full-jitter retries
 * that honour Retry-After, typed errors that carry the evidence (status, code, request id,
 * attempts); hooks, logging and tracing see every attempt.
 */
export class Invoker {
  readonly #s: InvokerSettings;
  readonly #auth: string;
  readonly #names: { attempt: string; requestId: string; idempotencyKey: string; retryAfterMs: string };
  readonly #protected: ReadonlySet<string>;
  readonly #hooks: readonly Hook[];
  readonly #observed: boolean;
  /** The catalogue type of a timeout (the one that owns `client_timeout`): its retries cost more. */
  readonly #timeoutType: string;

  constructor(settings: InvokerSettings) {
    this.#s = settings;
    this.#auth = `Bearer ${settings.apiKey}`;
    const h = settings.headers;
    this.#names = {
      attempt: h.attempt.toLowerCase(),
      requestId: h.requestId.toLowerCase(),
      idempotencyKey: h.idempotencyKey.toLowerCase(),
      retryAfterMs: h.retryAfterMs.toLowerCase(),
    };
    this.#protected = new Set([...PROTECTED, this.#names.attempt, this.#names.requestId, this.#names.idempotencyKey]);
    this.#hooks = settings.hooks ?? [];
    this.#observed = this.#hooks.length > 0 || settings.log !== undefined || settings.tracing !== undefined;
    this.#timeoutType = settings.catalogue.classify(0, undefined, 'client_timeout').type;
  }

  /** The settings the invoker runs with. */
  get settings(): Readonly<Omit<InvokerSettings, 'apiKey'>> {
    const { apiKey: _hidden, ...rest } = this.#s;
    return rest;
  }

  /**
   * Makes a unary call and decodes its JSON body (undefined for bodiless successes).
   * @internal
   */
  async call<T>(endpoint: Endpoint, body: unknown, decode: (json: unknown) => T, options: CallOptions = {}): Promise<Outcome<T>> {
    const x = this.#exchange(endpoint, body, options, false, undefined);
    const { response, text } = await this.#run(x, undefined);
    let data: T;
    try {
      data = decode(text === '' ? undefined : parseJson(text));
    } catch (error) {
      throw await this.#end(x, this.#failure(error, x, x.attempts, response.status));
    }
    if (x.trace !== undefined) this.#succeeded(x, response);
    return { data, http: response, requestId: x.requestId, requestIdHeader: this.#names.requestId };
  }

  /**
   * Starts the call of a stream; its opens and reconnects are attempts of this one call.
   * @internal
   */
  stream(endpoint: Endpoint, options: CallOptions, closed: AbortSignal): Exchange {
    const x = this.#exchange(endpoint, undefined, options, true, closed);
    x.headers['accept'] = 'text/event-stream';
    return x;
  }

  /**
   * Opens (or, with a pending failure, reopens after the retry policy's delay) a stream: the
   * successful response, its body unread.
   * @internal
   */
  async open(x: Exchange, endpoint: Endpoint, lastEventId: string, failed?: { error: unknown; wait?: number | undefined }): Promise<HttpResponse> {
    x.endpoint = endpoint;
    if (lastEventId !== '') x.headers['last-event-id'] = lastEventId;
    let pending: Pending | undefined;
    if (failed !== undefined) {
      x.failures++;
      const error = this.#failure(failed.error, x, x.attempts, undefined);
      pending = { error, retryClass: 'retry', wait: failed.wait };
    }
    return (await this.#run(x, pending)).response;
  }

  /**
   * A stream received data: its next failure is a first retry again.
   * @internal
   */
  progress(x: Exchange): void {
    x.failures = 0;
  }

  /**
   * A stream's call ends: without error (done or closed), or with the error met while reading it,
   * which is returned typed (or the caller's cancellation) for the stream to throw.
   * @internal
   */
  async streamEnd(x: Exchange, error?: unknown): Promise<unknown> {
    if (error === undefined || x.closed?.aborted === true) {
      if (x.trace !== undefined && !x.ended) this.#succeeded(x, undefined);
      x.ended = true;
      return undefined;
    }
    const { signal } = x.options;
    if (abortedBy(signal, error)) return this.#end(x, this.#cancelled(signal, x, x.attempts));
    return this.#end(x, this.#failure(error, x, x.attempts, undefined));
  }

  /** The backoff before retry `n`, or undefined when the error must not be retried. */
  delay(error: DWCPError, retry: number, keyed: boolean, retryClass: RetryClass, limit = this.#s.retryAttempts): number | undefined {
    if (retry > limit) return undefined;
    if (retryClass === 'never' || (retryClass === 'with_idempotency_key' && !keyed)) return undefined;
    const wait = error.retryAfter;
    if (wait !== undefined && wait > this.#s.maxRetryAfter) return undefined;
    if (wait !== undefined && wait > 0) return wait;
    return backoff(retry, this.#s.retryBackoff, this.#s.maxBackoff, this.#s.jitter);
  }

  #exchange(endpoint: Endpoint, body: unknown, options: CallOptions, stream: boolean, closed: AbortSignal | undefined): Exchange {
    const names = this.#names;
    const requestId = this.#s.newId();
    const key = endpoint.idempotent ? undefined : (options.idempotencyKey ?? this.#s.newId());
    const headers: Record<string, string> = { accept: 'application/json', [names.requestId]: requestId };
    if (this.#s.userAgent !== undefined) headers['user-agent'] = this.#s.userAgent;
    if (options.headers !== undefined) {
      for (const name in options.headers) {
        const lower = name.toLowerCase();
        if (!this.#protected.has(lower)) headers[lower] = options.headers[name] as string;
      }
    }
    if (endpoint.auth) headers['authorization'] = this.#auth;
    if (key !== undefined) headers[names.idempotencyKey] = key;
    const text = body === undefined ? undefined : JSON.stringify(body);
    if (text !== undefined) headers['content-type'] = 'application/json';
    let size = endpoint.method.length + endpoint.path.length + this.#s.basePath.length + 40; // line + attempt header
    for (const name in headers) size += name.length + (headers[name] as string).length + 4;
    if (text !== undefined) size += utf8Length(text);
    const x: Exchange = {
      endpoint,
      body: text,
      options,
      stream,
      requestId,
      key,
      headers,
      size,
      timeout: options.timeout ?? this.#s.requestTimeout,
      retryAttempts: options.retryAttempts ?? this.#s.retryAttempts,
      attempts: 0,
      failures: 0,
      retryCost: undefined,
      ctx: undefined,
      trace: undefined,
      closed,
      ended: false,
    };
    if (this.#s.tracing !== undefined) {
      x.trace = this.#s.tracing.startCall({
        operation: endpoint.operation,
        method: endpoint.method,
        template: endpoint.template,
        serverAddress: this.#s.serverAddress ?? '',
        serverPort: this.#s.serverPort ?? 0,
        requestId,
      });
    }
    return x;
  }

  /** The attempt loop: the only code that sets DWCP-Attempt, retries, sleeps, and calls hooks, logs and spans. */
  async #run(x: Exchange, pending: Pending | undefined): Promise<{ response: HttpResponse; text: string }> {
    const { signal } = x.options;
    for (;;) {
      if (pending !== undefined) {
        const { error } = pending;
        const wait =
          x.failures > x.retryAttempts
            ? undefined
            : (pending.wait ?? this.delay(error, x.failures, x.key !== undefined, pending.retryClass, x.retryAttempts));
        if (wait === undefined) throw await this.#end(x, error);
        if (this.#s.budget !== undefined) {
          const cost = this.#s.budget.take(error.name === this.#timeoutType);
          if (cost === undefined) {
            error.retryQuotaExhausted = true;
            throw await this.#end(x, error);
          }
          x.retryCost = cost;
        }
        if (this.#observed) await this.#beforeRetry(x, error, wait);
        try {
          await sleep(wait, signal);
        } catch {
          throw await this.#end(x, this.#cancelled(signal, x, x.attempts));
        }
        pending = undefined;
      }
      if (signal?.aborted === true) throw await this.#end(x, this.#cancelled(signal, x, x.attempts));
      const attempt = x.attempts + 1;
      let headers = x.headers;
      let span: AttemptTrace | undefined;
      if (this.#observed) {
        // Hooks may change this attempt's headers: they get a copy, so the next attempt starts clean.
        headers = { ...x.headers, [this.#names.attempt]: String(attempt) };
        const ctx: HookContext = {
          operation: x.endpoint.operation,
          method: x.endpoint.method,
          path: x.endpoint.template,
          attempt,
          requestId: x.requestId,
          idempotencyKey: x.key,
          headers,
        };
        x.ctx = ctx;
        if (this.#hooks.length > 0) {
          try {
            await runHooks(this.#hooks, 'beforeAttempt', (h) => h.beforeAttempt?.(ctx));
          } catch (failure) {
            throw await this.#end(x, this.#hookError(failure, x));
          }
        }
        if (x.trace !== undefined) {
          span = x.trace.startAttempt(attempt);
          span.inject(headers);
        }
        if (this.#s.log?.debug === true) this.#logRequest(x, attempt, headers);
      } else {
        headers[this.#names.attempt] = String(attempt); // the transport copies headers when it sends
      }
      x.attempts = attempt;
      this.#s.metrics.messagesSent++;
      this.#s.metrics.bytesSent += x.size;
      const started = this.#observed ? performance.now() : 0;
      let failure: DWCPError;
      let retryClass: RetryClass;
      let response: HttpResponse | undefined;
      try {
        response = await this.#s.transport.send({
          method: x.endpoint.method,
          path: this.#s.basePath + x.endpoint.path,
          headers,
          body: x.body,
          signal,
          timeout: x.timeout,
          idle: x.stream ? Math.max(x.timeout, STREAM_IDLE) : undefined,
          stream: x.stream,
        });
        this.#s.metrics.messagesReceived++;
        if (this.#hooks.length > 0) await this.#afterResponse(x, response, started);
        if (response.status >= 200 && response.status < 300) {
          if (x.stream) {
            const type = response.header('content-type') ?? '';
            if (response.status !== 204 && !/^\s*text\/event-stream\s*(;|$)/i.test(type)) {
              response.discard();
              throw new WireFormatError(`a stream's answer must be text/event-stream, not ${JSON.stringify(type.slice(0, 100))}`);
            }
            this.#refund(x);
            if (this.#observed) this.#attemptDone(x, span, response, '', started, undefined);
            return { response, text: '' };
          }
          // Reading the body is part of the attempt: a truncated body is retried like a reset.
          const text = await boundedText(response, SUCCESS_BODY);
          this.#s.metrics.bytesReceived += bodyBytes(response, text);
          this.#refund(x);
          if (this.#observed) this.#attemptDone(x, span, response, text, started, undefined);
          return { response, text };
        }
        let text: string;
        [failure, retryClass, text] = await this.#errorResponse(response, x, attempt);
        if (this.#observed) this.#attemptDone(x, span, response, text, started, failure);
      } catch (error) {
        if (error instanceof HookFailure) {
          response?.discard();
          const hookError = this.#hookError(error, x);
          this.#attemptDone(x, span, response, undefined, started, hookError);
          throw await this.#end(x, hookError);
        }
        const status = response?.status;
        if (abortedBy(signal, error)) {
          const cancelled = this.#cancelled(signal, x, attempt);
          if (this.#observed) this.#attemptDone(x, span, response, undefined, started, cancelled);
          throw await this.#end(x, cancelled);
        }
        failure = this.#failure(error, x, attempt, status);
        // Drops and timeouts are retried; a TLS failure or a body too large never (the catalogue says).
        retryClass = error instanceof TransportError ? this.#s.catalogue.classify(0, undefined, failure.code).retry : 'never';
        if (this.#observed) this.#attemptDone(x, span, response, undefined, started, failure);
      }
      x.failures++;
      pending = { error: failure, retryClass };
    }
  }

  /** The call (or a stream's open) succeeded: the budget gets back its last retry's cost, or the success refund. */
  #refund(x: Exchange): void {
    this.#s.budget?.refund(x.retryCost);
    x.retryCost = undefined;
  }

  async #errorResponse(response: HttpResponse, x: Exchange, attempt: number): Promise<[DWCPError, RetryClass, string]> {
    let detail: Record<string, unknown> = {};
    let text = '';
    try {
      // At most ERROR_BODY bytes are read; the rest is dropped with the connection.
      const bytes = await prefix(response, ERROR_BODY);
      this.#s.metrics.bytesReceived += bytes.length;
      text = utf8(bytes);
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
      requestId: response.header(this.#names.requestId) ?? x.requestId,
      attempts: attempt,
      retryAfter: retryAfter((name) => response.header(name)),
      idempotencyKey: x.key,
      details: typeof details === 'object' && details !== null ? (details as Record<string, unknown>) : undefined,
    });
    return [error, found.retry, text];
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
      const code = FAILURE_CODES[error.kind] ?? 'connection_reset';
      // A body too large is the client's verdict, not the server's answer: no status.
      if (error.kind === 'too_large') return c.create(undefined, { ...base, status: undefined, code, message: error.message });
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

  /** The HookError of a hook that threw: attempts = those sent so far. */
  #hookError(failure: unknown, x: Exchange): DWCPError {
    const cause = failure instanceof HookFailure ? failure.cause : failure;
    const where = failure instanceof HookFailure ? `${failure.point} hook #${failure.index + 1}` : 'a hook';
    const detail = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
    return this.#s.catalogue.create(undefined, {
      code: 'hook_failed',
      message: this.#scrub(`${where} threw ${detail}`),
      requestId: x.requestId,
      attempts: x.attempts,
      idempotencyKey: x.key,
      cause,
    });
  }

  /** The text without the API key (a hook's error could quote a header). */
  #scrub(text: string): string {
    const key = this.#s.apiKey;
    return key !== '' && text.includes(key) ? text.split(key).join('[REDACTED]') : text;
  }

  /** The call ends with `error`: counts it, logs it, runs onError hooks, ends the call span; returns what to throw. */
  async #end(x: Exchange, error: unknown): Promise<unknown> {
    if (x.ended) return error;
    if (x.closed?.aborted === true) {
      // The user closed the stream: no failure.
      if (x.trace !== undefined) this.#succeeded(x, undefined);
      x.ended = true;
      return error;
    }
    x.ended = true;
    this.#s.metrics.errorsTotal++;
    if (!this.#observed) return error;
    let final = error;
    if (this.#hooks.length > 0) {
      const ctx = x.ctx ?? this.#context(x, Math.max(1, x.attempts));
      try {
        await runHooks(this.#hooks, 'onError', (h) => h.onError?.(ctx, error));
      } catch (failure) {
        final = this.#hookError(failure, x);
      }
    }
    const typed = final instanceof DWCPError ? final : undefined;
    const log = this.#s.log;
    if (log?.warning === true) {
      log.write('warn', {
        event: 'failed',
        operation: x.endpoint.operation,
        category: typed?.name ?? errorName(final),
        code: typed?.code ?? 'cancelled',
        attempts: x.attempts,
      });
    }
    x.trace?.end({ attempts: x.attempts, requestId: typed?.requestId ?? x.requestId, errorType: typed?.code ?? errorName(final) });
    return final;
  }

  #succeeded(x: Exchange, response: HttpResponse | undefined): void {
    x.ended = true;
    const requestId = response?.header(this.#names.requestId) ?? x.requestId;
    x.trace?.end({ attempts: x.attempts, requestId });
  }

  #context(x: Exchange, attempt: number): HookContext {
    return {
      operation: x.endpoint.operation,
      method: x.endpoint.method,
      path: x.endpoint.template,
      attempt,
      requestId: x.requestId,
      idempotencyKey: x.key,
      headers: { ...x.headers },
    };
  }

  async #afterResponse(x: Exchange, response: HttpResponse, started: number): Promise<void> {
    const ctx = x.ctx as HookContext;
    const info = {
      status: response.status,
      headers: response.headers(),
      requestId: response.header(this.#names.requestId) ?? x.requestId,
      durationMs: performance.now() - started,
    };
    await runHooks(this.#hooks, 'afterResponse', (h) => h.afterResponse?.(ctx, info));
  }

  async #beforeRetry(x: Exchange, cause: DWCPError, delayMs: number): Promise<void> {
    const log = this.#s.log;
    if (log?.warning === true) {
      log.write('warn', { event: 'retry', operation: x.endpoint.operation, attempt: x.attempts, delay_ms: Math.round(delayMs), code: cause.code });
    }
    if (this.#hooks.length === 0) return;
    const ctx = x.ctx ?? this.#context(x, x.attempts);
    try {
      await runHooks(this.#hooks, 'beforeRetry', (h) => h.beforeRetry?.(ctx, { delayMs, cause }));
    } catch (failure) {
      throw await this.#end(x, this.#hookError(failure, x));
    }
  }

  /** An attempt ended (a response, or a failure before one): its log lines and its span. */
  #attemptDone(
    x: Exchange,
    span: AttemptTrace | undefined,
    response: HttpResponse | undefined,
    text: string | undefined,
    started: number,
    error: unknown,
  ): void {
    const typed = error instanceof DWCPError ? error : undefined;
    const requestId = (response === undefined ? undefined : response.header(this.#names.requestId)) ?? x.requestId;
    span?.end({ status: response?.status, requestId, errorType: error === undefined ? undefined : (typed?.code ?? errorName(error)) });
    const log = this.#s.log;
    if (log === undefined) return;
    if (log.debug && response !== undefined) {
      log.write('debug', {
        event: 'response',
        operation: x.endpoint.operation,
        attempt: x.attempts,
        status: response.status,
        headers: log.headers(response.headers()),
        body: x.stream && text === '' ? null : log.body(text),
      });
    }
    if (log.info) {
      log.write('info', {
        event: 'attempt',
        operation: x.endpoint.operation,
        method: x.endpoint.method,
        path: this.#s.basePath + x.endpoint.path,
        status: response?.status ?? 0,
        attempt: x.attempts,
        duration_ms: Math.round(performance.now() - started),
        request_id: requestId,
      });
    }
  }

  #logRequest(x: Exchange, attempt: number, headers: Record<string, string>): void {
    const log = this.#s.log as Log;
    log.write('debug', {
      event: 'request',
      operation: x.endpoint.operation,
      attempt,
      method: x.endpoint.method,
      path: this.#s.basePath + x.endpoint.path,
      headers: log.headers(headers),
      body: log.body(x.body),
    } satisfies LogFields);
  }
}

function errorName(error: unknown): string {
  const name = (error as { name?: unknown } | null)?.name;
  return typeof name === 'string' ? name : 'Error';
}

/** Body bytes of a response: its Content-Length when it sent one, else the text's UTF-8 length. */
function bodyBytes(response: HttpResponse, text: string): number {
  const length = Number(response.header('content-length'));
  return Number.isInteger(length) && length >= 0 ? length : utf8Length(text);
}
