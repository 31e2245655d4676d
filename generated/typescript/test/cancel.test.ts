// Code generated from templates/typescript/test/cancel.test.ts by generator/; DO NOT EDIT.
import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { test } from 'node:test';

import type { Hook } from '../src/runtime/hooks.js';
import type { Invoker } from '../src/runtime/invoker.js';
import { GET, pause, rejection, settles, timers, watch as stream, withInvoker } from './harness.js';

/** A hook that records the errors its onError sees. */
function recorder(): { hook: Hook; errors: unknown[] } {
  const errors: unknown[] = [];
  return { hook: { onError: (_ctx, error) => void errors.push(error) }, errors };
}

/** A GET through `inv` under `signal`. */
function get(inv: Invoker, signal: AbortSignal): Promise<unknown> {
  return inv.call(GET, undefined, (json) => json, { signal });
}

test('an abort while the attempt waits for its answer closes that connection; the call rejects with the reason', async () => {
  const { hook, errors } = recorder();
  // The server never answers.
  await withInvoker(
    () => undefined,
    { retryAttempts: 3, hooks: [hook] },
    async (server, inv) => {
      const before = timers();
      const controller = new AbortController();
      const reason = new DOMException('the caller gave up', 'AbortError');
      const call = get(inv, controller.signal);
      while (server.requests.length === 0) await pause(5);
      controller.abort(reason);
      assert.equal(
        await settles(rejection(call), 'the call'),
        reason,
        'rejects with the signal reason itself',
      );
      await server.whenClosed(1); // the half-done attempt's connection is closed, not pooled
      await pause(50);
      assert.equal(server.requests.length, 1, 'no further attempt');
      assert.deepEqual(errors, [reason], 'onError saw the cancellation');
      assert.equal(timers(), before, 'no timer left behind');
    },
  );
});

test('an abort while the body is being read closes the connection', async () => {
  const handler = (_req: unknown, res: ServerResponse): void => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"a":'); // and the rest never comes
  };
  await withInvoker(handler, {}, async (server, inv) => {
    const controller = new AbortController();
    const call = get(inv, controller.signal);
    while (server.requests.length === 0) await pause(5);
    await pause(20);
    controller.abort();
    const error = await rejection(call);
    assert.equal((error as Error).name, 'AbortError');
    await server.whenClosed(1);
    assert.equal(server.requests.length, 1);
  });
});

test('an abort during the backoff sleep ends the call at once; nothing more is sent', async () => {
  const controller = new AbortController();
  const { hook, errors } = recorder();
  const handler = (_req: unknown, res: ServerResponse): void => {
    res
      .writeHead(503, { 'content-type': 'application/json' })
      .end('{"error":{"code":"unavailable","message":"busy"}}');
    setTimeout(() => controller.abort(), 20); // the call is now sleeping before its retry
  };
  const settings = { retryAttempts: 3, retryBackoff: 60_000, maxBackoff: 60_000, hooks: [hook] };
  await withInvoker(handler, settings, async (server, inv) => {
    const before = timers();
    // The backoff is a minute: a call still pending after the guard's 5 s slept through the abort.
    const error = await settles(rejection(get(inv, controller.signal)), 'the call');
    assert.equal(error, controller.signal.reason);
    await pause(50);
    assert.equal(server.requests.length, 1, 'no retry after the abort');
    assert.equal(errors.length, 1);
    assert.equal(timers(), before, "the backoff's timer is cleared");
  });
});

test('an abort during a Retry-After sleep ends the call at once', async () => {
  const controller = new AbortController();
  const handler = (_req: unknown, res: ServerResponse): void => {
    res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '60' });
    res.end('{"error":{"code":"rate_limited","message":"slow down"}}');
    setTimeout(() => controller.abort(), 20);
  };
  await withInvoker(handler, { retryAttempts: 3 }, async (server, inv) => {
    const before = timers();
    const error = await settles(rejection(get(inv, controller.signal)), 'the call');
    assert.equal(error, controller.signal.reason);
    await pause(50);
    assert.equal(server.requests.length, 1);
    assert.equal(timers(), before);
  });
});

test('a signal aborted before the call sends nothing', async () => {
  await withInvoker(
    () => undefined,
    {},
    async (server, inv) => {
      const controller = new AbortController();
      controller.abort();
      assert.equal(await rejection(get(inv, controller.signal)), controller.signal.reason);
      await pause(20);
      assert.equal(server.requests.length, 0);
    },
  );
});

/** A server that opens an event stream and writes `frames`, then `then(res)` (default: silence). */
function sse(
  frames: string,
  then?: (res: ServerResponse) => void,
): (req: unknown, res: ServerResponse) => void {
  return (_req: unknown, res: ServerResponse): void => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write(frames);
    then?.(res);
  };
}

test('return() while a read is pending closes the stream connection at once', async () => {
  await withInvoker(sse('id: 1\ndata: one\n\n'), {}, async (server, inv) => {
    const it = stream(inv)[Symbol.asyncIterator]();
    assert.deepEqual(await it.next(), { value: 'one', done: false });
    const pending = it.next(); // waits for an event that never comes
    await pause(20);
    assert.deepEqual(await settles(it.return?.() as Promise<IteratorResult<string>>, 'return()'), {
      value: undefined,
      done: true,
    });
    assert.deepEqual(await pending, { value: undefined, done: true });
    await server.whenClosed(1);
    assert.equal(server.requests.length, 1);
  });
});

test('break closes the stream connection', async () => {
  await withInvoker(sse('id: 1\ndata: one\n\nid: 2\ndata: two\n\n'), {}, async (server, inv) => {
    for await (const value of stream(inv)) {
      assert.equal(value, 'one');
      break;
    }
    await server.whenClosed(1);
  });
});

test('closing a stream stops a reconnect sleeping in backoff; nothing more is sent', async () => {
  // A drop after the first event: the stream reconnects after its backoff.
  const handler = sse('id: 1\ndata: one\n\n', (res) => setTimeout(() => res.destroy(), 10));
  await withInvoker(handler, { retryBackoff: 60_000, maxBackoff: 60_000 }, async (server, inv) => {
    const before = timers();
    const it = stream(inv)[Symbol.asyncIterator]();
    assert.deepEqual(await it.next(), { value: 'one', done: false });
    const pending = it.next();
    await server.whenClosed(1);
    await pause(20); // the reconnect is now sleeping
    await settles(it.return?.() as Promise<IteratorResult<string>>, 'return()');
    assert.deepEqual(await settles(pending, 'the pending next()'), {
      value: undefined,
      done: true,
    });
    await pause(50);
    assert.equal(server.requests.length, 1, 'no reconnect');
    assert.equal(timers(), before, "the reconnect's backoff timer is cleared");
  });
});

test("aborting a stream's signal ends it with the reason and closes its connection", async () => {
  await withInvoker(sse('id: 1\ndata: one\n\n'), {}, async (server, inv) => {
    const controller = new AbortController();
    const seen: string[] = [];
    const reading = (async () => {
      for await (const value of stream(inv, controller.signal)) {
        seen.push(value);
        controller.abort();
      }
    })();
    assert.equal(await rejection(reading), controller.signal.reason);
    assert.deepEqual(seen, ['one']);
    await server.whenClosed(1);
  });
});
