import assert from 'node:assert/strict';
import { test } from 'node:test';

import { ConnectionError, VMEventType, VMNotFoundError, type VMEvent } from '../src/index.js';
import { VM_WIRE, connected, failure, serve, session } from './helpers.js';

function event(id: number): string {
  const data = { id, type: 'state_changed', vm: VM_WIRE, timestamp: '2026-01-01T00:00:00Z', message: `e${id}` };
  return `id: ${id}\nevent: vm_event\ndata: ${JSON.stringify(data)}\n\n`;
}

test('a dropped stream resumes with Last-Event-ID; every event arrives once, in order', async () => {
  const server = await serve((req, res, i) => {
    if (session(req, res)) return;
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    if (i === 1) {
      res.write(': hello\n\n' + event(1) + event(2) + 'id: 3\ndata: {"trunc');
      setTimeout(() => res.destroy(), 20);
      return;
    }
    // The server replays from an older point than asked: the client must drop what it has seen.
    res.end(event(2) + event(3) + event(4));
  });
  const client = await connected(server.port);
  const seen: number[] = [];
  for await (const e of client.vm().watch('vm-1')) seen.push(e.id);
  assert.deepEqual(seen, [1, 2, 3, 4]);
  assert.equal(server.seen[2]?.headers['last-event-id'], '2');
  await client.disconnect();
  await server.close();
});

test('break closes the stream; 404 ends it with a typed error', async () => {
  let closed = false;
  const server = await serve((req, res) => {
    if (session(req, res)) return;
    if (req.url.startsWith('/v3/vms/missing')) return failure(res, 404, 'VMNotFoundError', 'vm_not_found');
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write(event(1) + event(2));
    res.on('close', () => (closed = true));
  });
  const client = await connected(server.port);
  const got: VMEvent[] = [];
  for await (const e of client.vm().watch('vm-1')) {
    got.push(e);
    if (e.type === VMEventType.STATE_CHANGED) break;
  }
  assert.equal(got.length, 1);
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.ok(closed, 'the server saw the connection close');
  await assert.rejects(async () => {
    for await (const _ of client.vm().watch('missing')) void _;
  }, VMNotFoundError);
  await client.disconnect();
  await server.close();
});

test('metrics stream with a duration string interval', async () => {
  const server = await serve((req, res) => {
    if (session(req, res)) return;
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    const sample = {
      vm_id: 'vm-1',
      timestamp: '2026-01-01T00:00:00Z',
      cpu_usage: 12.5,
      memory_used: 1024,
      memory_available: 2048,
      disk_read: 0,
      disk_write: 0,
      network_rx: 0,
      network_tx: 0,
    };
    res.end(`id: 1\nevent: metrics\ndata: ${JSON.stringify(sample)}\n\n`);
  });
  const client = await connected(server.port);
  const stream = client.vm().streamMetrics('vm-1', '1s');
  for await (const m of stream) assert.equal(m.cpuUsage.toFixed(2), '12.50');
  assert.equal(stream.lastEventId, '1');
  assert.match(server.seen[1]?.url ?? '', /interval=1000/);
  await client.disconnect();
  await server.close();
});

test('a malformed event ends the stream with a typed error after the good ones before it', async () => {
  const server = await serve((req, res) => {
    if (session(req, res)) return;
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.end(event(1) + 'id: 2\ndata: {"id": "two"}\n\n' + event(3));
  });
  const client = await connected(server.port);
  const seen: number[] = [];
  const error = await (async () => {
    for await (const e of client.vm().watch('vm-1')) seen.push(e.id);
  })().catch((e: unknown) => e);
  assert.deepEqual(seen, [1]);
  assert.ok(error instanceof ConnectionError);
  assert.equal(error.code, 'malformed_response');
  await client.disconnect();
  await server.close();
});
