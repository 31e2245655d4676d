/** One dispatched Server-Sent Event. */
export interface SseEvent {
  /** The last event id at dispatch (WHATWG: it carries over between events). */
  id: string;
  /** The event type (`message` when the stream names none). */
  event: string;
  data: string;
}

/**
 * An incremental WHATWG Server-Sent Events parser: BOM, CR/LF/CRLF (even split across chunks),
 * comments, multi-line data, ids with NUL ignored, numeric `retry` only. An event without its
 * final blank line is never dispatched, so its id is never committed for resumption.
 */
export class SseParser {
  /** The id that a reconnect must send as Last-Event-ID (committed at dispatch). */
  lastEventId = '';
  /** The server's reconnection time in ms, when it sent one. */
  retry: number | undefined;
  /** Set once a line grew past `maxLine`: the stream must end (nothing after it is parsed). */
  overflow = false;
  readonly #maxLine: number;
  #buffer = '';
  #started = false;
  #skipLF = false;
  #idBuffer = '';
  #data: string | undefined;
  #event = '';
  #fields = false;

  /** `maxLine` bounds one line (and so one event's data), in UTF-16 units of the decoded text. */
  constructor(maxLine = Infinity) {
    this.#maxLine = maxLine;
  }

  /** True when the text so far ends inside an event (a line or fields not yet dispatched). */
  get partial(): boolean {
    return this.#buffer.length > 0 || this.#fields;
  }

  /** Parses a chunk of decoded text, appending dispatched events to `out`. */
  feed(chunk: string, out: SseEvent[]): void {
    if (this.overflow) return;
    let text = chunk;
    if (!this.#started && text.length > 0) {
      this.#started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (this.#skipLF && text.length > 0) {
      this.#skipLF = false;
      if (text.charCodeAt(0) === 10) text = text.slice(1);
    }
    const buf = this.#buffer.length > 0 ? this.#buffer + text : text;
    let pos = 0;
    let cr = buf.indexOf('\r');
    while (pos < buf.length) {
      let lf = buf.indexOf('\n', pos);
      if (cr !== -1 && cr < pos) cr = buf.indexOf('\r', pos);
      let end: number;
      let next: number;
      if (cr !== -1 && (lf === -1 || cr < lf)) {
        end = cr;
        if (cr + 1 < buf.length) next = buf.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1;
        else {
          next = cr + 1; // a CR at the end of a chunk: skip the LF that may start the next one
          this.#skipLF = true;
        }
      } else if (lf !== -1) {
        end = lf;
        next = lf + 1;
      } else break;
      if (end - pos > this.#maxLine) {
        this.overflow = true;
        this.#buffer = '';
        return;
      }
      this.#line(buf, pos, end, out);
      pos = next;
    }
    if (buf.length - pos > this.#maxLine) {
      this.overflow = true; // never buffer past the limit
      this.#buffer = '';
      return;
    }
    this.#buffer = pos === 0 ? buf : buf.slice(pos);
  }

  #line(buf: string, start: number, end: number, out: SseEvent[]): void {
    if (start === end) return this.#dispatch(out);
    if (buf.charCodeAt(start) === 58) return; // ':' starts a comment (heartbeats)
    this.#fields = true;
    // Fields are recognised in place: no string is made for the field name.
    let colon = buf.indexOf(':', start);
    if (colon === -1 || colon >= end) colon = end;
    const from = colon < end && buf.charCodeAt(colon + 1) === 32 ? colon + 2 : colon + 1;
    const value = from >= end ? '' : buf.slice(from, end);
    const length = colon - start;
    if (length === 4 && buf.startsWith('data', start)) {
      this.#data = this.#data === undefined ? value : `${this.#data}\n${value}`;
    } else if (length === 2 && buf.startsWith('id', start)) {
      if (!value.includes('\0')) this.#idBuffer = value;
    } else if (length === 5 && buf.startsWith('event', start)) {
      this.#event = value;
    } else if (length === 5 && buf.startsWith('retry', start)) {
      if (/^\d+$/.test(value)) this.retry = Number(value);
    }
  }

  #dispatch(out: SseEvent[]): void {
    this.#fields = false;
    this.lastEventId = this.#idBuffer;
    const data = this.#data;
    const event = this.#event;
    this.#data = undefined;
    this.#event = '';
    if (data === undefined) return;
    out.push({ id: this.lastEventId, event: event === '' ? 'message' : event, data });
  }
}
