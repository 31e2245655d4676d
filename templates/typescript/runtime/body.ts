// Reading a unary response body within its limit (docs/resilience.md, "Hostile responses"): one
// implementation over HttpResponse.chunks(), so every transport bounds bodies the same way.
import { tooLarge, type HttpResponse } from './transport.js';
import { utf8 } from './wire.js';

/** At most `limit` bytes of a body; leaving the loop early drops the rest with the connection. */
export async function prefix(response: HttpResponse, limit: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.chunks()) {
    const room = limit - size;
    const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
    parts.push(part);
    size += part.length;
    if (size >= limit) break;
  }
  return concat(parts, size);
}

/**
 * A success body as UTF-8 text, or a `too_large` TransportError when it is longer than `limit`
 * bytes: by its Content-Length (then nothing is read), or counted while reading, since a length can
 * lie or be absent. Either way the rest is never read and the connection is dropped, not reused.
 */
export async function boundedText(response: HttpResponse, limit: number): Promise<string> {
  const length = Number(response.header('content-length'));
  if (length > limit) {
    response.discard();
    throw tooLarge(limit, length);
  }
  // One byte past the limit tells a body that is too long.
  const bytes = await prefix(response, limit + 1);
  if (bytes.length > limit) throw tooLarge(limit);
  // RFC 8259 requires UTF-8: invalid bytes are a malformed body, never U+FFFD.
  return utf8(bytes);
}

/** The chunks read so far (`size` bytes in all) as one array. */
function concat(parts: readonly Uint8Array[], size: number): Uint8Array {
  if (parts.length === 1) return parts[0] as Uint8Array;
  const out = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
