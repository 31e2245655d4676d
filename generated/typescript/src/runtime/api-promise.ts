// Code generated from templates/typescript/runtime/api-promise.ts by generator/; DO NOT EDIT.
import type { HttpResponse } from './transport.js';

/** The final response of a call, beside its decoded result (`.withResponse()`). */
export interface RawResponse {
  readonly status: number;
  /** Response headers, names lower-cased. */
  readonly headers: Readonly<Record<string, string>>;
  /** The response's X-Request-ID (the call's when the server sent none). */
  readonly requestId: string;
}

/** A call's decoded result and its final response. */
export interface WithResponse<T> {
  readonly data: T;
  readonly response: RawResponse;
}

/**
 * What the invoker resolves a unary call with: the result and the response it came from.
 * @internal
 */
export interface Outcome<T> {
  readonly data: T;
  readonly http: HttpResponse;
  readonly requestId: string;
  readonly requestIdHeader: string;
}

/**
 * The promise every unary call returns: await it for the result, or call `.withResponse()` for
 * `{ data, response }` (status, lower-cased headers, request id of the final response).
 */
export class APIPromise<T> extends Promise<T> {
  readonly #outcome: Promise<Outcome<T>>;
  #data: Promise<T> | undefined;

  // then/catch/finally return plain promises (derived promises do not re-run a call).
  static override get [Symbol.species](): PromiseConstructor {
    return Promise;
  }

  /** @internal */
  constructor(outcome: Promise<Outcome<T>>) {
    super((resolve) => resolve(undefined as T));
    this.#outcome = outcome;
  }

  /**
   * Runs `call` now and wraps its outcome; a throw in it becomes a rejection.
   * @internal
   */
  static run<T>(call: () => Promise<Outcome<T>>): APIPromise<T> {
    return new APIPromise(call());
  }

  /** The result together with the final response's status, headers and request id. */
  async withResponse(): Promise<WithResponse<T>> {
    const outcome = await this.#outcome;
    const { http } = outcome;
    return {
      data: outcome.data,
      response: {
        status: http.status,
        headers: http.headers(),
        requestId: http.header(outcome.requestIdHeader) ?? outcome.requestId,
      },
    };
  }

  #result(): Promise<T> {
    this.#data ??= this.#outcome.then((o) => o.data);
    return this.#data;
  }

  override then<A = T, B = never>(
    onfulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.#result().then(onfulfilled, onrejected);
  }

  override catch<B = never>(
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<T | B> {
    return this.#result().catch(onrejected);
  }

  override finally(onfinally?: (() => void) | null): Promise<T> {
    return this.#result().finally(onfinally);
  }
}
