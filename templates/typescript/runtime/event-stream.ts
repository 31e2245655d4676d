import { anySignal } from './abort.js';
import type { CallOptions, Endpoint, Exchange, Invoker } from './invoker.js';
import { SseParser, type SseEvent } from './sse.js';
import { TransportError, type HttpResponse } from './transport.js';
import { WireFormatError } from './wire.js';

/** Where a stream comes from and how its events decode. */
export interface StreamSource<T> {
  invoker: Invoker;
  /** The endpoint to open; `resumed` is true when a Last-Event-ID will be sent. */
  endpoint(resumed: boolean): Endpoint;
  /** The SSE event name the operation declares; events named otherwise are ignored (a newer server's kinds). */
  event?: string | undefined;
  /** The value of one event; throws WireFormatError when the data does not match the spec. */
  decode(event: SseEvent): T;
}

/** A decoded event and its SSE id. */
interface Decoded<T> {
  id: string;
  value: T;
}

/** Ends a stream's requests when the user closes it; never surfaces as an error. */
class Closed extends Error {
  override name = 'AbortError';
}

/**
 * A server stream as an async iterator (`for await`; `break` closes it). A dropped connection is
 * reopened with backoff and Last-Event-ID, and events already delivered are skipped by id, so each
 * event arrives exactly once and in order. 401/404 and the like end it with a typed error. The
 * stream is one call of the client's attempt loop: its opens and reconnects are its attempts
 * (DWCP-Attempt keeps counting), seen by hooks, logs and spans.
 */
export class EventStream<T> implements AsyncIterable<T> {
  readonly #source: StreamSource<T>;
  readonly #controller = new AbortController();
  readonly #options: CallOptions;
  #call: Exchange | undefined;
  #first: Promise<HttpResponse> | undefined;
  #started = false;
  #lastEventId = '';

  constructor(source: StreamSource<T>, options: CallOptions = {}) {
    this.#source = source;
    this.#options = { ...options, signal: anySignal([options.signal, this.#controller.signal]) };
  }

  /** Resolves once the stream is open (or rejects with the error that kept it from opening). */
  async ready(): Promise<void> {
    this.#first ??= this.#open('');
    await this.#first;
  }

  /** The SSE id of the event delivered last ('' before the first): persist it to resume later. */
  get lastEventId(): string {
    return this.#lastEventId;
  }

  /** Closes the stream and its connection. */
  close(): void {
    this.#controller.abort(new Closed('stream closed'));
    if (this.#call !== undefined && !this.#started) void this.#source.invoker.streamEnd(this.#call);
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    if (this.#started) throw new TypeError('an EventStream can be iterated only once');
    this.#started = true;
    // Events are decoded a chunk at a time and handed out from that batch: one generator step per
    // chunk instead of per event keeps a replayed burst cheap.
    const batches = this.#batches();
    let batch: Decoded<T>[] = [];
    let index = 0;
    const next = async (): Promise<IteratorResult<T>> => {
      while (index >= batch.length) {
        const step = await batches.next();
        if (step.done === true) return { value: undefined, done: true };
        batch = step.value;
        index = 0;
      }
      const item = batch[index++] as Decoded<T>;
      this.#lastEventId = item.id;
      return { value: item.value, done: false };
    };
    return {
      next,
      return: async (): Promise<IteratorResult<T>> => {
        batch = [];
        // Closing is a cancel: the connection (or a reconnect sleeping in backoff) ends now, even
        // while a next() is still pending, which the generator's return would otherwise wait for.
        this.#controller.abort(new Closed('stream closed'));
        await batches.return(undefined);
        return { value: undefined, done: true };
      },
    };
  }

  get #closed(): boolean {
    return this.#controller.signal.aborted;
  }

  #open(lastEventId: string, failed?: { error: unknown; wait: number | undefined }): Promise<HttpResponse> {
    const endpoint = this.#source.endpoint(lastEventId !== '');
    const { invoker } = this.#source;
    this.#call ??= invoker.stream(endpoint, this.#options, this.#controller.signal);
    return invoker.open(this.#call, endpoint, lastEventId, failed);
  }

  async *#batches(): AsyncGenerator<Decoded<T>[], void, undefined> {
    const { invoker } = this.#source;
    let lastId = '';
    let delivered = -Infinity;
    let response: HttpResponse;
    try {
      response = await (this.#first ??= this.#open(''));
    } catch (error) {
      if (this.#closed) return;
      throw error;
    }
    const call = this.#call as Exchange;
    try {
      for (;;) {
        if (response.status === 204) return; // the server's "do not reconnect"
        const name = this.#source.event ?? 'message';
        const parser = new SseParser(invoker.settings.bufferSize ?? 65_536);
        const decoder = new TextDecoder('utf-8', { fatal: true });
        const batch: SseEvent[] = [];
        try {
          for await (const chunk of response.chunks()) {
            parser.feed(decoder.decode(chunk, { stream: true }), batch);
            const out: Decoded<T>[] = [];
            try {
              for (let i = 0; i < batch.length; i++) {
                const event = batch[i] as SseEvent;
                if (event.event !== 'message' && event.event !== name) continue; // an event kind this SDK does not know
                const id = event.id === '' ? Number.NaN : Number(event.id);
                if (id <= delivered) {
                  lastId = event.id; // a replayed event we already delivered
                  continue;
                }
                out.push({ id: event.id, value: this.#source.decode(event) });
                lastId = event.id;
                if (!Number.isNaN(id)) delivered = id;
              }
            } finally {
              batch.length = 0;
              // The events before a malformed one are still delivered, in order, before its error.
              // Only a new event is progress: bytes, heartbeats and replayed events leave the stream's
              // failure count alone, so reconnects that bring nothing new stay bounded by retry_attempts.
              if (out.length > 0) {
                invoker.progress(call);
                yield out;
              }
            }
            if (parser.overflow) {
              throw new WireFormatError(`an SSE line is longer than buffer_size (${invoker.settings.bufferSize ?? 65_536} bytes)`);
            }
          }
          // A body that ends inside an event is a drop: the half event is discarded and the
          // stream resumes with Last-Event-ID, as after a reset.
          if (parser.partial) throw new TransportError('reset', 'the stream ended in the middle of an event');
          return;
        } catch (error) {
          if (this.#closed) return;
          if (!(error instanceof TransportError) || error.kind === 'aborted') throw await invoker.streamEnd(call, error);
          try {
            // A dropped connection is a failed attempt of the stream's call: the loop decides.
            response = await this.#open(lastId, { error, wait: parser.retry });
          } catch (reopen) {
            if (this.#closed) return;
            throw reopen;
          }
        }
      }
    } finally {
      await invoker.streamEnd(call);
      // Ended one way or another: drop the listeners the stream's signal holds on the caller's.
      this.#controller.abort(new Closed('stream ended'));
    }
  }
}
