// Code generated from templates/typescript/runtime/transport.ts by generator/; DO NOT EDIT.
/** One HTTP attempt as a transport sends it. */
export interface HttpRequest {
  method: string;
  /** Path and query, starting with the base path. */
  path: string;
  headers: Record<string, string>;
  body?: string | undefined;
  signal?: AbortSignal | undefined;
  /** Milliseconds allowed for this attempt (for streams: until headers, then between chunks). */
  timeout: number;
  /** For streams: milliseconds allowed between body chunks (heartbeats keep a quiet stream alive). */
  idle?: number | undefined;
  stream?: boolean;
}

/** A response whose body has not been read yet. */
export interface HttpResponse {
  readonly status: number;
  /** A response header by lower-case name. */
  header(name: string): string | undefined;
  /** Every response header, names lower-cased (repeated headers joined with ', '). */
  headers(): Record<string, string>;
  /** The body chunk by chunk; breaking out of the loop releases the connection. */
  chunks(): AsyncIterable<Uint8Array>;
  /** Drops the body without reading it. */
  discard(): void;
}

/** Sends requests to one origin over pooled connections. */
export interface Transport {
  send(request: HttpRequest): Promise<HttpResponse>;
  close(): Promise<void>;
}

/**
 * Why a request failed below HTTP: `tls` is a certificate (or handshake) the client cannot verify,
 * `too_large` a success body past its limit.
 */
export type FailureKind = 'refused' | 'reset' | 'timeout' | 'aborted' | 'tls' | 'too_large';

/** A failure below HTTP (refused, reset, timed out, aborted, TLS, too large), normalised across transports. */
export class TransportError extends Error {
  override name = 'TransportError';
  constructor(
    readonly kind: FailureKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The TransportError of a body longer than `limit` bytes (`length` when its Content-Length said so). */
export function tooLarge(limit: number, length?: number): TransportError {
  const told = length === undefined ? 'longer' : `${length} bytes long`;
  return new TransportError(
    'too_large',
    `the response body is ${told}, over the limit of ${limit} bytes`,
  );
}
