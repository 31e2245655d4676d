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
  readonly #source: Promise<Outcome<T>> | (() => Promise<Outcome<T>>);
  #started: Promise<Outcome<T>> | undefined;
  #data: Promise<T> | undefined;

  // then/catch/finally return plain promises (derived promises do not re-run a call).
  static override get [Symbol.species](): PromiseConstructor {
    return Promise;
  }

  /** @internal A started call, or one that starts when first awaited (a lazy list). */
  constructor(outcome: Promise<Outcome<T>> | (() => Promise<Outcome<T>>)) {
    super((resolve) => resolve(undefined as T));
    this.#source = outcome;
  }

  get #outcome(): Promise<Outcome<T>> {
    const source = this.#source;
    this.#started ??= typeof source === 'function' ? source() : source;
    return this.#started;
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
      response: { status: http.status, headers: http.headers(), requestId: http.header(outcome.requestIdHeader) ?? outcome.requestId },
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

  override catch<B = never>(onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<T | B> {
    return this.#result().catch(onrejected);
  }

  override finally(onfinally?: (() => void) | null): Promise<T> {
    return this.#result().finally(onfinally);
  }
}

/**
 * How a paginated call fetches its pages.
 * @internal
 */
export interface Pager<P, T> {
  /** One page: the first when `token` is undefined. */
  fetch(token: string | undefined): Promise<Outcome<P>>;
  items(page: P): readonly T[];
  /** The next page's token, or undefined after the last page. */
  next(page: P): string | undefined;
}

/**
 * What a paginated call returns: a Promise of every item (`await client.x().list()`), that is also
 * an AsyncIterable handing items out page by page as they arrive (`for await (const item of
 * client.x().list())`; `break` fetches no further page). Nothing is requested until it is awaited
 * or iterated; each iteration starts again from the first page.
 */
export class PagePromise<T> extends APIPromise<T[]> implements AsyncIterable<T> {
  readonly #pages: () => AsyncGenerator<Outcome<readonly T[]>, void, undefined>;

  /** @internal */
  constructor(pages: () => AsyncGenerator<Outcome<readonly T[]>, void, undefined>) {
    super(async () => {
      const items: T[] = [];
      let last: Outcome<readonly T[]> | undefined;
      for await (const page of pages()) {
        for (const item of page.data) items.push(item);
        last = page;
      }
      return { ...(last as Outcome<readonly T[]>), data: items };
    });
    this.#pages = pages;
  }

  /**
   * A lazy list over a pager set up on first use (so that invalid input rejects, never throws).
   * @internal
   */
  static of<P, T>(setup: () => Pager<P, T>): PagePromise<T> {
    return new PagePromise<T>(async function* () {
      const pager = setup();
      let token: string | undefined;
      do {
        const page = await pager.fetch(token);
        yield { ...page, data: pager.items(page.data) };
        token = pager.next(page.data);
      } while (token !== undefined);
    });
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for await (const page of this.#pages()) yield* page.data;
  }
}
