/** How much the SDK logs: `warning` (retries, failed calls), `info` (+ one line per attempt), `debug` (+ headers and bodies). */
export type LogLevel = 'debug' | 'info' | 'warning' | 'off';

/** What a log line is about. */
export type LogEvent = 'attempt' | 'retry' | 'failed' | 'request' | 'response';

/** The structured fields of a line; `event` says which kind of line it is. */
export interface LogFields {
  readonly event: LogEvent;
  readonly [field: string]: unknown;
}

/**
 * Where the SDK's log lines go (`logger` in the client config; default: the console). Each method
 * gets the whole line as text, fields included, and the same fields as an object. The API key is
 * never in either: the Authorization header and every field the spec marks secret read `[REDACTED]`.
 */
export interface Logger {
  debug(message: string, fields: LogFields): void;
  info(message: string, fields: LogFields): void;
  warn(message: string, fields: LogFields): void;
  error(message: string, fields: LogFields): void;
}

/** The console, one line per record (the text only: the fields are in it). */
export const consoleLogger: Logger = {
  debug: (message) => console.debug(message),
  info: (message) => console.info(message),
  warn: (message) => console.warn(message),
  error: (message) => console.error(message),
};

const RANK: Record<LogLevel, number> = { off: 0, warning: 1, info: 2, debug: 3 };

/**
 * The level in force: the `logLevel` option when given, else `DWCP_LOG` from the environment
 * (Node; `debug`, `info`, `warning` or `warn`), else off.
 */
export function resolveLogLevel(explicit: string | undefined): LogLevel {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const value = (explicit ?? env?.['DWCP_LOG'] ?? 'off').trim().toLowerCase();
  if (value === 'warn') return 'warning';
  return value in RANK ? (value as LogLevel) : 'off';
}

export const REDACTED = '[REDACTED]';

/**
 * Writes the invoker's records at the configured level, with secrets redacted (public because the
 * invoker's declarations name it; not meant to be built by callers).
 */
export class Log {
  readonly #logger: Logger;
  readonly #rank: number;
  readonly #secret: string;
  readonly #fields: ReadonlySet<string>;

  constructor(logger: Logger, level: LogLevel, secret: string, secretFields: readonly string[]) {
    this.#logger = logger;
    this.#rank = RANK[level];
    this.#secret = secret;
    this.#fields = new Set(secretFields);
  }

  get warning(): boolean {
    return this.#rank >= 1;
  }

  get info(): boolean {
    return this.#rank >= 2;
  }

  get debug(): boolean {
    return this.#rank >= 3;
  }

  write(level: 'debug' | 'info' | 'warn' | 'error', fields: LogFields): void {
    let text = `dwcp: ${fields.event}`;
    for (const key in fields) {
      if (key !== 'event') text += ` ${key}=${format(fields[key])}`;
    }
    this.#logger[level](this.#scrub(text), fields);
  }

  /** Headers as logged: Authorization (and anything holding the API key) redacted. */
  headers(headers: Readonly<Record<string, string>>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const name in headers) {
      const value = headers[name] as string;
      out[name] = name.toLowerCase() === 'authorization' || this.#holdsSecret(value) ? REDACTED : value;
    }
    return out;
  }

  /** A body as logged: its JSON with secret fields redacted (or the redacted text when it is not JSON). */
  body(text: string | undefined): unknown {
    if (text === undefined || text === '') return null;
    try {
      return this.#redact(JSON.parse(text));
    } catch {
      return this.#scrub(text);
    }
  }

  #holdsSecret(value: string): boolean {
    return this.#secret !== '' && value.includes(this.#secret);
  }

  #scrub(text: string): string {
    return this.#holdsSecret(text) ? text.split(this.#secret).join(REDACTED) : text;
  }

  #redact(value: unknown): unknown {
    if (typeof value === 'string') return this.#scrub(value);
    if (Array.isArray(value)) return value.map((v) => this.#redact(v));
    if (typeof value !== 'object' || value === null) return value;
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) out[key] = this.#fields.has(key) ? REDACTED : this.#redact(v);
    return out;
  }
}

function format(value: unknown): string {
  if (typeof value === 'string') return /^[\w./{}:-]*$/.test(value) && value !== '' ? value : JSON.stringify(value);
  if (value === undefined) return 'null';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
