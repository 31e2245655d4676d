// Code generated from templates/typescript/test/stream-resume.test.ts by generator/; DO NOT EDIT.
import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { test } from 'node:test';

import { DWCPError } from '../src/runtime/error.js';
import { rejection, settles, watch, withInvoker } from './harness.js';

test('reconnects that bring only a replayed event are failures: retryAttempts of them end the stream', async () => {
  const handler = (_req: unknown, res: ServerResponse, index: number): void => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    // The first answer has events 1 and 2; each reconnect repeats event 2 (its Last-Event-ID).
    res.write(index === 0 ? 'id: 1\ndata: one\n\nid: 2\ndata: two\n\n' : 'id: 2\ndata: two\n\n');
    setTimeout(() => res.destroy(), 10); // then the connection drops
  };
  await withInvoker(handler, { retryAttempts: 2, retryBackoff: 1 }, async (server, inv) => {
    const seen: string[] = [];
    const reading = (async () => {
      for await (const value of watch(inv)) seen.push(value);
    })();
    // A stream that reconnected forever would never settle.
    const error = await settles(rejection(reading), 'the stream');
    assert.ok(error instanceof DWCPError && error.name === 'ConnectionError', String(error));
    assert.deepEqual(seen, ['one', 'two'], 'each event once');
    assert.equal(
      server.requests.length,
      3,
      'the open and retryAttempts reconnects, never a reconnect loop',
    );
    assert.equal(server.requests[2]?.headers['last-event-id'], '2');
  });
});
