import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';

import { Client } from '../src/client.js';
import { boundedText } from '../src/runtime/body.js';
import { DWCPError } from '../src/runtime/error.js';
import { FetchTransport } from '../src/runtime/fetch-transport.js';
import { WireFormatError, utf8 } from '../src/runtime/wire.js';

const SESSION = JSON.stringify({ authenticated: true, session_id: 's', server_version: '3' });

/** A client connected to a node:http server whose non-session answers come from `handle`. */
async function serve(
  handle: (req: IncomingMessage, res: ServerResponse) => void,
  config: { bufferSize?: number; retryAttempts?: number } = {},
): Promise<{ client: Client; done: () => Promise<void> }> {
  const server = createServer((req, res) => {
    if (req.url?.endsWith('/session') === true) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(SESSION);
      return;
    }
    handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const client = new Client({ address: '127.0.0.1', port, apiKey: 'test-key', retryAttempts: 0, retryBackoff: 1, ...config });
  await client.connect();
  return {
    client,
    done: async () => {
      await client.disconnect();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function code(error: unknown): string {
  return error instanceof DWCPError ? error.code : String(error);
}

test('utf8 rejects invalid bytes instead of replacing them', () => {
  assert.equal(utf8(new TextEncoder().encode('{"a":"é"}')), '{"a":"é"}');
  assert.throws(() => utf8(new Uint8Array([0x22, 0xff, 0xfe, 0x22])), WireFormatError);
});

test('a body read through the fetch transport that is not UTF-8 is a WireFormatError', async () => {
  const fake = (async () => new Response(new Uint8Array([0x7b, 0xff, 0x7d]), { status: 200 })) as typeof fetch;
  const response = await new FetchTransport('http://x', fake).send({ method: 'GET', path: '/', headers: {}, timeout: 1000 });
  await assert.rejects(boundedText(response, 1024), WireFormatError);
});

test('a 200 body that is not UTF-8 is malformed_response', async (t) => {
  const { client, done } = await serve((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(Buffer.concat([Buffer.from('{"id":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]));
  });
  t.after(done);
  await assert.rejects(client.vm().get('vm-1'), (e: unknown) => code(e) === 'malformed_response');
});

test('an error body is read up to 64 KiB: typed by status, message bounded', async (t) => {
  let written = 0;
  const { client, done } = await serve((_req, res) => {
    res.writeHead(400, { 'content-type': 'application/json' });
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    // 8 MiB of body: the client must stop reading long before the end.
    const write = (): void => {
      while (written < 8 * 1024 * 1024) {
        written += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', write);
      }
      res.end();
    };
    res.on('error', () => undefined);
    write();
  });
  t.after(done);
  const error = await client.vm().get('vm-1').then(
    () => assert.fail('expected an error'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof DWCPError);
  assert.equal(error.status, 400);
  assert.ok(error.message.length <= 65_536, `message of ${error.message.length} chars`);
  assert.ok(written < 8 * 1024 * 1024, 'the whole body was read');
});

test('a stream answered with JSON is malformed_response, not an empty stream', async (t) => {
  const { client, done } = await serve((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"items":[]}');
  });
  t.after(done);
  const stream = client.vm().watch('vm-1');
  await assert.rejects(stream.ready(), (e: unknown) => code(e) === 'malformed_response');
});

const T = '2026-01-01T00:00:00Z';
const VM = { id: 'vm-1', name: 'web-1', state: 'stopped', config: { name: 'web-1', memory: 1, cpus: 1 }, node: 'n', created_at: T, updated_at: T };
const EVENT = (id: number): string =>
  `id: ${id}\nevent: vm_event\ndata: ${JSON.stringify({ id, type: 'created', vm: VM, timestamp: T, message: 'm' })}\n\n`;

test('an SSE line past buffer_size ends the stream with malformed_response after the events before it', async (t) => {
  const { client, done } = await serve((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write(EVENT(1));
    res.write(`data: ${'x'.repeat(4096)}`); // no newline, held open
  }, { bufferSize: 1024 });
  t.after(done);
  const seen: number[] = [];
  await assert.rejects(
    (async () => {
      for await (const event of client.vm().watch('vm-1')) seen.push(event.id);
    })(),
    (e: unknown) => code(e) === 'malformed_response',
  );
  assert.deepEqual(seen, [1]);
});

test('a body cut inside an event resumes with Last-Event-ID; unknown event kinds are ignored', async (t) => {
  const resumes: (string | undefined)[] = [];
  const { client, done } = await serve((req, res) => {
    const last = req.headers['last-event-id'] as string | undefined;
    resumes.push(last);
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    if (last === undefined) {
      res.end(`${EVENT(1)}event: x_future_event\ndata: {}\n\n${EVENT(2).slice(0, 20)}`);
    } else res.end(EVENT(2));
  }, { retryAttempts: 2 });
  t.after(done);
  const seen: number[] = [];
  for await (const event of client.vm().watch('vm-1')) seen.push(event.id);
  assert.deepEqual(seen, [1, 2]);
  assert.deepEqual(resumes, [undefined, '1']);
});
