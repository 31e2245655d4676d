import assert from 'node:assert/strict';
import { test } from 'node:test';

import { EventStream } from '../src/runtime/event-stream.js';
import type { Hook } from '../src/runtime/hooks.js';
import { GET, WATCH, invoker, listen, pause, rejection, settles, timers } from './harness.js';

/** A hook that records the errors its onError sees. */
function recorder(): { hook: Hook; errors: unknown[] } {
  const errors: unknown[] = [];
  return { hook: { onError: (_ctx, error) => void errors.push(error) }, errors };
}

test('an abort while the attempt waits for its answer closes that connection; the call rejects with the reason', async () => {
  const server = await listen(() => undefined); // never answers
  const { hook, errors } = recorder();
  const { invoker: inv, transport } = invoker(server.origin, { retryAttempts: 3, hooks: [hook] });
  try {
    const before = timers();
    const controller = new AbortController();
    const reason = new DOMException('the caller gave up', 'AbortError');
    const call = inv.call(GET, undefined, (json) => json, { signal: controller.signal });
    while (server.requests.length === 0) await pause(5);
    controller.abort(reason);
    assert.equal(await settles(rejection(call), 'the call'), reason, 'rejects with the signal reason itself');
    await server.whenClosed(1); // the half-done attempt's connection is closed, not pooled
    await pause(50);
    assert.equal(server.requests.length, 1, 'no further attempt');
    assert.deepEqual(errors, [reason], 'onError saw the cancellation');
    assert.equal(timers(), before, 'no timer left behind');
  } finally {
    await transport.close();
    await server.close();
  }
});

test('an abort while the body is being read closes the connection', async () => {
  const server = await listen((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"a":'); // and the rest never comes
  });
  const { invoker: inv, transport } = invoker(server.origin);
  try {
    const controller = new AbortController();
    const call = inv.call(GET, undefined, (json) => json, { signal: controller.signal });
    while (server.requests.length === 0) await pause(5);
    await pause(20);
    controller.abort();
    const error = await rejection(call);
    assert.equal((error as Error).name, 'AbortError');
    await server.whenClosed(1);
    assert.equal(server.requests.length, 1);
  } finally {
    await transport.close();
    await server.close();
  }
});

test('an abort during the backoff sleep ends the call at once; nothing more is sent', async () => {
  const controller = new AbortController();
  const server = await listen((_req, res) => {
    res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":{"code":"unavailable","message":"busy"}}');
    setTimeout(() => controller.abort(), 20); // the call is now sleeping before its retry
  });
  const { hook, errors } = recorder();
  const { invoker: inv, transport } = invoker(server.origin, { retryAttempts: 3, retryBackoff: 60_000, maxBackoff: 60_000, hooks: [hook] });
  try {
    const before = timers();
    // The backoff is a minute: a call still pending after the guard's 5 s slept through the abort.
    const error = await settles(rejection(inv.call(GET, undefined, (json) => json, { signal: controller.signal })), 'the call');
    assert.equal(error, controller.signal.reason);
    await pause(50);
    assert.equal(server.requests.length, 1, 'no retry after the abort');
    assert.equal(errors.length, 1);
    assert.equal(timers(), before, "the backoff's timer is cleared");
  } finally {
    await transport.close();
    await server.close();
  }
});

test('an abort during a Retry-After sleep ends the call at once', async () => {
  const controller = new AbortController();
  const server = await listen((_req, res) => {
    res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '60' });
    res.end('{"error":{"code":"rate_limited","message":"slow down"}}');
    setTimeout(() => controller.abort(), 20);
  });
  const { invoker: inv, transport } = invoker(server.origin, { retryAttempts: 3 });
  try {
    const before = timers();
    const error = await settles(rejection(inv.call(GET, undefined, (json) => json, { signal: controller.signal })), 'the call');
    assert.equal(error, controller.signal.reason);
    await pause(50);
    assert.equal(server.requests.length, 1);
    assert.equal(timers(), before);
  } finally {
    await transport.close();
    await server.close();
  }
});

test('a signal aborted before the call sends nothing', async () => {
  const server = await listen(() => undefined);
  const { invoker: inv, transport } = invoker(server.origin);
  try {
    const controller = new AbortController();
    controller.abort();
    assert.equal(await rejection(inv.call(GET, undefined, (json) => json, { signal: controller.signal })), controller.signal.reason);
    await pause(20);
    assert.equal(server.requests.length, 0);
  } finally {
    await transport.close();
    await server.close();
  }
});

/** A stream of `data:` events over the harness invoker. */
function stream(inv: ReturnType<typeof invoker>['invoker'], signal?: AbortSignal): EventStream<string> {
  return new EventStream({ invoker: inv, endpoint: () => WATCH, decode: (e) => e.data }, { signal });
}

test('return() while a read is pending closes the stream connection at once', async () => {
  const server = await listen((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write('id: 1\ndata: one\n\n'); // then silence
  });
  const { invoker: inv, transport } = invoker(server.origin);
  try {
    const it = stream(inv)[Symbol.asyncIterator]();
    assert.deepEqual(await it.next(), { value: 'one', done: false });
    const pending = it.next(); // waits for an event that never comes
    await pause(20);
    assert.deepEqual(await settles(it.return?.() as Promise<IteratorResult<string>>, 'return()'), { value: undefined, done: true });
    assert.deepEqual(await pending, { value: undefined, done: true });
    await server.whenClosed(1);
    assert.equal(server.requests.length, 1);
  } finally {
    await transport.close();
    await server.close();
  }
});

test('break closes the stream connection', async () => {
  const server = await listen((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write('id: 1\ndata: one\n\nid: 2\ndata: two\n\n');
  });
  const { invoker: inv, transport } = invoker(server.origin);
  try {
    for await (const value of stream(inv)) {
      assert.equal(value, 'one');
      break;
    }
    await server.whenClosed(1);
  } finally {
    await transport.close();
    await server.close();
  }
});

test('closing a stream stops a reconnect sleeping in backoff; nothing more is sent', async () => {
  const server = await listen((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write('id: 1\ndata: one\n\n');
    setTimeout(() => res.destroy(), 10); // a drop: the stream reconnects after its backoff
  });
  const { invoker: inv, transport } = invoker(server.origin, { retryBackoff: 60_000, maxBackoff: 60_000 });
  try {
    const before = timers();
    const it = stream(inv)[Symbol.asyncIterator]();
    assert.deepEqual(await it.next(), { value: 'one', done: false });
    const pending = it.next();
    await server.whenClosed(1);
    await pause(20); // the reconnect is now sleeping
    await settles(it.return?.() as Promise<IteratorResult<string>>, 'return()');
    assert.deepEqual(await settles(pending, 'the pending next()'), { value: undefined, done: true });
    await pause(50);
    assert.equal(server.requests.length, 1, 'no reconnect');
    assert.equal(timers(), before, "the reconnect's backoff timer is cleared");
  } finally {
    await transport.close();
    await server.close();
  }
});

test("aborting a stream's signal ends it with the reason and closes its connection", async () => {
  const server = await listen((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write('id: 1\ndata: one\n\n');
  });
  const { invoker: inv, transport } = invoker(server.origin);
  try {
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
  } finally {
    await transport.close();
    await server.close();
  }
});
