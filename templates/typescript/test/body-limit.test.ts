import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { test } from 'node:test';

import { boundedText } from '../src/runtime/body.js';
import { DWCPError } from '../src/runtime/error.js';
import { FetchTransport } from '../src/runtime/fetch-transport.js';
import { SUCCESS_BODY } from '../src/runtime/invoker.js';
import { TransportError } from '../src/runtime/transport.js';
import { GET, pause, rejection, withInvoker } from './harness.js';

const MiB = 1024 * 1024;

/** Writes `total` bytes of a JSON string body in 64 KiB chunks while the client reads; returns the count written. */
function pour(res: ServerResponse, total: number): { written: () => number } {
  let written = 0;
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  const write = (): void => {
    if (written === 0) {
      res.write('"');
      written = 1;
    }
    while (written < total - 1) {
      if (res.destroyed) return;
      const part = chunk.subarray(0, Math.min(chunk.length, total - 1 - written));
      written += part.length;
      if (!res.write(part)) return void res.once('drain', write);
    }
    if (!res.destroyed) res.end('"');
  };
  write();
  return { written: () => written };
}

/** A success body past SUCCESS_BODY: response_too_large, one attempt, the connection closed, the rest not read. */
async function tooLarge(headers: Record<string, string | number>): Promise<void> {
  const total = 64 * MiB;
  let out: { written: () => number } | undefined;
  const handler = (_req: unknown, res: ServerResponse): void => {
    res.writeHead(200, { 'content-type': 'application/json', ...headers });
    out = pour(res, total);
  };
  await withInvoker(handler, { retryAttempts: 2 }, async (server, inv) => {
    const error = await rejection(inv.call(GET, undefined, (json) => json));
    assert.ok(error instanceof DWCPError, `a typed error, not ${String(error)}`);
    assert.equal(error.name, 'ConnectionError');
    assert.equal(error.code, 'response_too_large');
    assert.equal(error.status, undefined, "the client's verdict: no status");
    assert.equal(error.attempts, 1, 'never retried');
    await server.whenClosed(1); // the connection is dropped, not kept for reuse
    await pause(20);
    assert.equal(server.requests.length, 1);
    assert.ok((out?.written() ?? 0) < total, 'the body was not read to its end');
  });
}

test('the success-body limit is 32 MiB', () => {
  assert.equal(SUCCESS_BODY, 32 * MiB);
});

test('a Content-Length past 32 MiB is response_too_large before the body is read', async () => {
  await tooLarge({ 'content-length': 64 * MiB });
});

test('a chunked success body is counted while read: past 32 MiB it is response_too_large', async () => {
  await tooLarge({});
});

/** A body read within `limit` through the Node transport; the server answers `body` (with or without its length). */
async function nodeText(body: string, limit: number, withLength: boolean): Promise<string> {
  const handler = (_req: unknown, res: ServerResponse): void => {
    res.writeHead(200, withLength ? { 'content-length': Buffer.byteLength(body) } : {});
    if (withLength) return void res.end(body);
    // No length: send it in two pieces (chunked).
    const half = Math.floor(body.length / 2);
    res.write(body.slice(0, half));
    setTimeout(() => res.end(body.slice(half)), 5);
  };
  let text = '';
  await withInvoker(handler, {}, async (_server, _inv, transport) => {
    const response = await transport.send({ method: 'GET', path: '/', headers: {}, timeout: 2000 });
    text = await boundedText(response, limit);
  });
  return text;
}

test('Node transport: a body of exactly the limit is read; one byte more is too_large (with and without a length)', async () => {
  for (const withLength of [true, false]) {
    assert.equal(await nodeText('x'.repeat(1024), 1024, withLength), 'x'.repeat(1024));
    const error = await rejection(nodeText('x'.repeat(1025), 1024, withLength));
    assert.ok(error instanceof TransportError && error.kind === 'too_large', `withLength=${withLength}: ${String(error)}`);
  }
});

test('fetch transport: the same limit, by Content-Length and by counting', async () => {
  const text = async (body: Uint8Array, headers: Record<string, string>, limit: number): Promise<string> => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(body.subarray(0, 10));
        controller.enqueue(body.subarray(10));
        controller.close();
      },
    });
    const fake = (async () => new Response(stream, { status: 200, headers })) as typeof fetch;
    const response = await new FetchTransport('http://x', fake).send({ method: 'GET', path: '/', headers: {}, timeout: 1000 });
    return boundedText(response, limit);
  };
  const body = new TextEncoder().encode('y'.repeat(64));
  assert.equal(await text(body, {}, 64), 'y'.repeat(64));
  const counted = await rejection(text(body, {}, 63));
  assert.ok(counted instanceof TransportError && counted.kind === 'too_large', String(counted));
  const told = await rejection(text(body, { 'content-length': '64' }, 63));
  assert.ok(told instanceof TransportError && told.kind === 'too_large', String(told));
  assert.match((told as Error).message, /64 bytes/);
});
