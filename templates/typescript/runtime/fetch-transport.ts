import { TransportError, type HttpRequest, type HttpResponse, type Transport } from './transport.js';

/** The browser transport: global fetch, with ReadableStream bodies and AbortController timeouts. */
export class FetchTransport implements Transport {
  readonly #origin: string;
  readonly #fetch: typeof fetch;
  readonly #open = new Set<AbortController>();

  constructor(origin: string, fetchImpl: typeof fetch = globalThis.fetch.bind(globalThis)) {
    this.#origin = origin;
    this.#fetch = fetchImpl;
  }

  async send(request: HttpRequest): Promise<HttpResponse> {
    const attempt = new Attempt(request, this.#open);
    try {
      const response = await this.#fetch(this.#origin + request.path, {
        method: request.method,
        headers: request.headers,
        body: request.body ?? null,
        signal: attempt.controller.signal,
        cache: 'no-store',
        credentials: 'omit',
      });
      if (request.stream === true) attempt.restart(true); // now the timeout bounds the gap between chunks
      return new FetchResponse(response, attempt);
    } catch (error) {
      attempt.done();
      throw attempt.failure(error);
    }
  }

  async close(): Promise<void> {
    for (const controller of this.#open) controller.abort(new TransportError('aborted', 'client closed'));
    this.#open.clear();
  }
}

/** One attempt's abort controller: the caller's signal and the per-attempt timeout both abort it. */
class Attempt {
  readonly controller = new AbortController();
  readonly #request: HttpRequest;
  readonly #open: Set<AbortController>;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #timedOut = false;
  readonly #onAbort = (): void => this.controller.abort(this.#request.signal?.reason);

  constructor(request: HttpRequest, open: Set<AbortController>) {
    this.#request = request;
    this.#open = open;
    open.add(this.controller);
    request.signal?.addEventListener('abort', this.#onAbort, { once: true });
    if (request.signal?.aborted === true) this.#onAbort();
    this.restart();
  }

  get streaming(): boolean {
    return this.#request.stream === true;
  }

  restart(idle = false): void {
    clearTimeout(this.#timer);
    const ms = idle ? (this.#request.idle ?? this.#request.timeout) : this.#request.timeout;
    this.#timer = setTimeout(() => {
      this.#timedOut = true;
      this.controller.abort(new TransportError('timeout', `no data within ${ms} ms`));
    }, ms);
  }

  done(): void {
    clearTimeout(this.#timer);
    this.#request.signal?.removeEventListener('abort', this.#onAbort);
    this.#open.delete(this.controller);
  }

  failure(error: unknown): TransportError {
    if (error instanceof TransportError) return error;
    if (this.#timedOut) return new TransportError('timeout', `no data within ${this.#request.timeout} ms`);
    if (this.#request.signal?.aborted === true) return new TransportError('aborted', 'aborted', { cause: error });
    // fetch reports refused, reset and CORS failures alike as a TypeError.
    return new TransportError('refused', error instanceof Error ? error.message : String(error), { cause: error });
  }
}

class FetchResponse implements HttpResponse {
  readonly status: number;
  readonly #response: Response;
  readonly #attempt: Attempt;

  constructor(response: Response, attempt: Attempt) {
    this.status = response.status;
    this.#response = response;
    this.#attempt = attempt;
  }

  header(name: string): string | undefined {
    return this.#response.headers.get(name) ?? undefined;
  }

  headers(): Record<string, string> {
    const out: Record<string, string> = {};
    this.#response.headers.forEach((value, name) => (out[name.toLowerCase()] = value));
    return out;
  }

  async *chunks(): AsyncIterable<Uint8Array> {
    const body = this.#response.body;
    if (body === null) return this.#attempt.done();
    const reader = body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        if (this.#attempt.streaming) this.#attempt.restart(true); // a unary body keeps the attempt's bound
        yield value;
      }
    } catch (error) {
      throw this.#attempt.failure(error);
    } finally {
      this.#attempt.done();
      reader.cancel().catch(() => undefined);
    }
  }

  discard(): void {
    this.#attempt.done();
    this.#response.body?.cancel().catch(() => undefined);
  }
}
