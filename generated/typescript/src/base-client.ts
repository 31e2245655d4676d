// Code generated from spec/dwcp.yaml by generator/; DO NOT EDIT.
import { origin } from './runtime/base-url.js';
import type { Jitter } from './runtime/backoff.js';
import { TokenBucket } from './runtime/budget.js';
import type { Hook } from './runtime/hooks.js';
import { Invoker } from './runtime/invoker.js';
import {
  consoleLogger,
  Log,
  resolveLogLevel,
  type LogLevel,
  type Logger,
} from './runtime/logging.js';
import type { Tracing } from './runtime/tracing.js';
import { newMetrics, type ClientMetrics } from './runtime/metrics.js';
import type { Transport } from './runtime/transport.js';
import { NotConnectedError, ValidationError } from './errors.js';
import { catalogue, RETRY_POLICY, SECRET_FIELDS } from './policy.js';
import { validateClientConfig } from './validate.js';
import { VMClient, type HealthOptions } from './resources.js';
import { decodeHealthStatus, decodeSessionInfo } from './codec.js';
import type { Duration } from './runtime/duration.js';
import { EventStream } from './runtime/event-stream.js';
import { APIPromise, PagePromise } from './runtime/api-promise.js';
import type { CallOptions, Endpoint } from './runtime/invoker.js';
import { query } from './runtime/query.js';
import { waitUntil, type WaitOptions } from './runtime/waiter.js';
import { object, parseJson } from './runtime/wire.js';
import {
  checkBool,
  checkDate,
  checkList,
  checkMap,
  checkNumber,
  checkString,
} from './runtime/checks.js';
import type { HealthStatus, SessionInfo } from './types.js';
import { checkDuration, checkId, checkParam } from './validate.js';

/** The client's retry quota (a token bucket shared by every call); capacity 0 turns it off. */
export interface RetryBudget {
  /** Tokens when the client is built, and the ceiling of refunds; 0 turns the budget off. Default: 500. */
  capacity?: number;
  /** Tokens a retry takes. Default: 5. */
  retryCost?: number;
  /** Tokens a retry takes when the failed attempt timed out. Default: 10. */
  timeoutRetryCost?: number;
  /** Tokens a call that succeeded on its first attempt gives back. Default: 1. */
  successRefund?: number;
}

/** Settings of a client; every field but address has a default. Durations are in milliseconds. */
export interface ClientConfig {
  /** Server host name or IP; a scheme (http, https, ws, wss) in it wins over tls_enabled. */
  address: string;
  /** Server port. Default: 9000. */
  port?: number;
  /** API key sent as a bearer token; never logged. Default: "". */
  apiKey?: string;
  /** Use HTTPS. Default: false. */
  tlsEnabled?: boolean;
  /** Time allowed to open a connection. Default: 30000. */
  connectTimeout?: number;
  /** Time allowed for one attempt of a request. Default: 60000. */
  requestTimeout?: number;
  /** Retries after the first attempt (3 means at most 4 requests). Default: 3. */
  retryAttempts?: number;
  /** Base of the full-jitter exponential backoff. Default: 1000. */
  retryBackoff?: number;
  /** Keep idle connections open for reuse. Default: true. */
  keepAlive?: boolean;
  /** How long an idle connection is kept. Default: 30000. */
  keepAlivePeriod?: number;
  /** Most connections (and open streams) at once. Default: 100. */
  maxStreams?: number;
  /** Read buffer size in bytes. Default: 65536. */
  bufferSize?: number;
  /** The client's retry quota (a token bucket shared by every call); capacity 0 turns it off. Absent fields take their defaults. */
  retryBudget?: RetryBudget;
  /** Test hook: returns the jitter in [0, 1] of each backoff delay (default Math.random). */
  jitter?: Jitter;
  /** Node only: extra CA certificates (PEM) to trust, e.g. a local server's self-signed CA. */
  ca?: string | Uint8Array;
  /**
   * Hooks that see every attempt of every call, run in this order at each point (beforeAttempt,
   * afterResponse, beforeRetry, onError); a hook that throws ends the call with a HookError.
   */
  hooks?: readonly Hook[];
  /** Where log lines go (default: the console); the level comes from `logLevel` or DWCP_LOG. */
  logger?: Logger;
  /**
   * `debug`, `info`, `warning` or `off`. Default: the DWCP_LOG environment variable, read when the
   * client is built (Node), else off. In browsers, set it here.
   */
  logLevel?: LogLevel;
  /** Spans per call and per attempt: `otelTracing()` from `<package>/otel` (OpenTelemetry). */
  tracing?: Tracing;
}

/**
 * A ClientConfig with every default applied; the API key is kept out of it, and so are the options
 * that are not settings (ca, jitter, hooks, logger, logLevel, tracing).
 */
export type ResolvedConfig = Required<
  Omit<ClientConfig, 'apiKey' | 'ca' | 'jitter' | 'hooks' | 'logger' | 'logLevel' | 'tracing'>
>;

/** What a concrete client (Node or browser) uses to reach the server. */
export interface TransportConfig extends ResolvedConfig {
  ca: string | Uint8Array | undefined;
}

/**
 * A connection to a DWCP v3 server. `connect()` authenticates the API key; resource clients
 * then share its pooled connections.
 */
export abstract class BaseClient {
  /** The configuration in force, defaults applied (the API key is never exposed). */
  readonly config: Readonly<ResolvedConfig>;
  readonly #apiKey: string;
  readonly #ca: string | Uint8Array | undefined;
  readonly #jitter: Jitter;
  readonly #metrics = newMetrics();
  readonly #hooks: readonly Hook[];
  readonly #log: Log | undefined;
  readonly #tracing: Tracing | undefined;
  readonly #budget: TokenBucket | undefined;
  #invoker: Invoker | undefined;
  #authenticated = false;
  #session: SessionInfo | undefined;

  constructor(config: ClientConfig) {
    validateClientConfig(config);
    this.config = Object.freeze({
      address: config.address,
      port: config.port ?? 9000,
      tlsEnabled: config.tlsEnabled ?? false,
      connectTimeout: config.connectTimeout ?? 30000,
      requestTimeout: config.requestTimeout ?? 60000,
      retryAttempts: config.retryAttempts ?? 3,
      retryBackoff: config.retryBackoff ?? 1000,
      keepAlive: config.keepAlive ?? true,
      keepAlivePeriod: config.keepAlivePeriod ?? 30000,
      maxStreams: config.maxStreams ?? 100,
      bufferSize: config.bufferSize ?? 65536,
      retryBudget: Object.freeze({
        capacity: config.retryBudget?.capacity ?? 500,
        retryCost: config.retryBudget?.retryCost ?? 5,
        timeoutRetryCost: config.retryBudget?.timeoutRetryCost ?? 10,
        successRefund: config.retryBudget?.successRefund ?? 1,
      }),
    });
    this.#apiKey = config.apiKey ?? '';
    this.#ca = config.ca;
    this.#jitter = config.jitter ?? Math.random;
    this.#hooks = [...(config.hooks ?? [])];
    const level = resolveLogLevel(config.logLevel);
    const secrets = [...SECRET_FIELDS];
    this.#log =
      level === 'off'
        ? undefined
        : new Log(config.logger ?? consoleLogger, level, this.#apiKey, secrets);
    this.#tracing = config.tracing;
    this.#budget = new TokenBucket(this.config.retryBudget as Required<RetryBudget>, this.#metrics);
    try {
      origin(this.config.address, this.config.port, this.config.tlsEnabled);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new ValidationError({
        code: 'validation_failed',
        message,
        field: 'address',
        wireField: 'address',
      });
    }
  }

  /** Opens the connection pool and authenticates the API key (Authenticates the API key; connect calls it.). */
  async connect(options: CallOptions = {}): Promise<void> {
    if (this.#invoker !== undefined) return;
    const transport = this.createTransport(
      origin(this.config.address, this.config.port, this.config.tlsEnabled),
      {
        ...this.config,
        ca: this.#ca,
      },
    );
    const invoker = this.#newInvoker(transport);
    try {
      this.#session = (
        await invoker.call(
          {
            operation: 'system.create_session',
            method: 'POST',
            template: '/session',
            path: `/session`,
            idempotent: true,
            auth: true,
            success: 200,
          },
          undefined,
          (json) => decodeSessionInfo(object(json, 'SessionInfo')),
          options,
        )
      ).data;
      this.#authenticated = true;
      this.#invoker = invoker;
    } catch (error) {
      await transport.close();
      throw error;
    }
  }

  /** Closes every connection (open streams end); the client may connect again. */
  async disconnect(): Promise<void> {
    const invoker = this.#invoker;
    this.#invoker = undefined;
    this.#authenticated = false;
    await invoker?.settings.transport.close();
  }

  /** True between connect() and disconnect(). */
  get isConnected(): boolean {
    return this.#invoker !== undefined;
  }

  /** True when the server accepted the API key at connect(). */
  get isAuthenticated(): boolean {
    return this.#invoker !== undefined && this.#authenticated;
  }

  /** What the server answered to the session call at connect(), once connected. */
  get session(): SessionInfo | undefined {
    return this.#invoker === undefined ? undefined : this.#session;
  }

  /** A snapshot of the client's counters. */
  getMetrics(): ClientMetrics {
    return { ...this.#metrics };
  }

  /** A VMClient on this connection. */
  vm(): VMClient {
    return new VMClient(this);
  }

  /** Reports whether the server is serving. */
  health(callOptions: HealthOptions = {}): APIPromise<HealthStatus> {
    return APIPromise.run(async () => {
      return this.invoker().call(
        {
          operation: 'system.health',
          method: 'GET',
          template: '/health',
          path: `/health`,
          idempotent: true,
          auth: false,
          success: 200,
        },
        undefined,
        (json) => decodeHealthStatus(object(json, 'HealthStatus')),
        callOptions,
      );
    });
  }

  /**
   * The invoker of the open connection; resource clients call it.
   * @internal
   */
  invoker(): Invoker {
    if (this.#invoker === undefined) {
      throw new NotConnectedError({
        code: 'not_connected',
        message: 'the client is not connected; call connect() first',
      });
    }
    return this.#invoker;
  }

  /** The transport of this platform (undici on Node, fetch in the browser). */
  protected abstract createTransport(origin: string, config: TransportConfig): Transport;

  /** The User-Agent every attempt sends (undefined where the platform sets its own, as browsers do). */
  protected userAgent(): string | undefined {
    return undefined;
  }

  #newInvoker(transport: Transport): Invoker {
    const url = new URL(origin(this.config.address, this.config.port, this.config.tlsEnabled));
    return new Invoker({
      transport,
      basePath: '/v3',
      apiKey: this.#apiKey,
      retryAttempts: this.config.retryAttempts,
      retryBackoff: this.config.retryBackoff,
      maxBackoff: RETRY_POLICY.maxBackoff,
      maxRetryAfter: RETRY_POLICY.maxRetryAfter,
      requestTimeout: this.config.requestTimeout,
      jitter: this.#jitter,
      catalogue,
      metrics: this.#metrics,
      headers: RETRY_POLICY.headers,
      newId: () => this.randomId(),
      hooks: this.#hooks,
      log: this.#log,
      tracing: this.#tracing,
      budget: this.#budget,
      userAgent: this.userAgent(),
      serverAddress: url.hostname.replace(/^\[|\]$/g, ''),
      serverPort: Number(url.port) || (url.protocol === 'https:' ? 443 : 80),
      bufferSize: this.config.bufferSize,
    });
  }

  /** A random UUIDv4 from the platform (Node's crypto module, or Web Crypto in the browser). */
  protected randomId(): string {
    const crypto = globalThis.crypto;
    // randomUUID exists only in secure contexts (https, localhost); getRandomValues everywhere.
    if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
    b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
    const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  /** Keeps the API key out of console.log and JSON. */
  toJSON(): Readonly<ResolvedConfig> {
    return this.config;
  }
}
