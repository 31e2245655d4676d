// Code generated from extras/typescript/test/client.test.ts by generator/; DO NOT EDIT.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inspect } from 'node:util';

import {
  AuthenticationError,
  Client,
  ConnectionError,
  DWCPError,
  NotConnectedError,
  ResourceLimitError,
  TimeoutError,
  VMClient,
  VMState,
  ValidationError,
} from '../src/index.js';
import { VM_CONFIG, VM_WIRE, connected, failure, json, serve, session } from './helpers.js';

test('a create retried after 503s keeps one key, one body, one request id; attempts count up', async () => {
  const server = await serve((req, res, i) => {
    if (session(req, res)) return;
    if (i < 3) return failure(res, 503, 'ConnectionError', 'unavailable');
    json(res, 201, VM_WIRE);
  });
  const client = await connected(server.port);
  const vm = await new VMClient(client).create(VM_CONFIG);
  assert.equal(vm.state, VMState.RUNNING);
  assert.ok(vm.createdAt instanceof Date);
  const creates = server.seen.filter((r) => r.url === '/v3/vms');
  assert.equal(creates.length, 3);
  assert.deepEqual(
    creates.map((r) => r.headers['dwcp-attempt']),
    ['1', '2', '3'],
  );
  assert.equal(new Set(creates.map((r) => r.headers['idempotency-key'])).size, 1);
  assert.equal(new Set(creates.map((r) => r.headers['x-request-id'])).size, 1);
  assert.equal(new Set(creates.map((r) => r.body)).size, 1);
  assert.match(creates[0]?.body ?? '', /"memory":2147483648/);
  assert.equal(creates[0]?.headers['authorization'], 'Bearer sk-secret-key');
  await client.disconnect();
  await server.close();
});

test('retries stop after retryAttempts; the error carries status, code, request id and attempts', async () => {
  const server = await serve((req, res) => {
    if (session(req, res)) return;
    failure(res, 503, 'ConnectionError', 'unavailable', { 'x-request-id': 'rid-1' });
  });
  const client = await connected(server.port, { retryAttempts: 2 });
  const error = await new VMClient(client).get('vm-1').catch((e: unknown) => e);
  assert.ok(error instanceof ConnectionError && error instanceof DWCPError);
  assert.equal(error.status, 503);
  assert.equal(error.code, 'unavailable');
  assert.equal(error.requestId, 'rid-1');
  assert.equal(error.attempts, 3);
  assert.equal(client.getMetrics().errorsTotal, 1);
  await client.disconnect();
  await server.close();
});

test('Retry-After-Ms is honoured; Retry-After over 120 s means no retry', async () => {
  let first = 0;
  const server = await serve((req, res, i) => {
    if (session(req, res)) return;
    if (req.url === '/v3/vms/slow') {
      return failure(res, 429, 'ResourceLimitError', 'rate_limited', { 'retry-after': '121' });
    }
    if (i === 1) {
      first = Date.now();
      return failure(res, 429, 'ResourceLimitError', 'rate_limited', { 'retry-after-ms': '120' });
    }
    json(res, 200, VM_WIRE);
  });
  const client = await connected(server.port);
  const vms = client.vm();
  await vms.get('vm-1');
  assert.ok(Date.now() - first >= 115, 'waited the Retry-After-Ms');
  const error = await vms.get('slow').catch((e: unknown) => e);
  assert.ok(error instanceof ResourceLimitError);
  assert.equal(error.retryAfter, 121_000);
  assert.equal(error.attempts, 1);
  await client.disconnect();
  await server.close();
});

test('non-retryable errors make one request; 500 is retried only with an idempotency key', async () => {
  const server = await serve((req, res) => {
    if (session(req, res)) return;
    if (req.url.startsWith('/v3/migrations'))
      return failure(res, 500, 'MigrationError', 'internal');
    failure(res, 401, 'AuthenticationError', 'unauthenticated');
  });
  const client = await connected(server.port, { retryAttempts: 2 });
  const vms = client.vm();
  await assert.rejects(vms.get('vm-1'), AuthenticationError);
  await assert.rejects(vms.getMigrationStatus('m-1'), (e: DWCPError) => e.attempts === 1);
  assert.equal(server.seen.filter((r) => r.url === '/v3/vms/vm-1').length, 1);
  await client.disconnect();
  await server.close();
});

test('requestTimeout bounds each attempt; a slow attempt is abandoned and retried', async () => {
  const server = await serve((req, res, i) => {
    if (session(req, res)) return;
    setTimeout(() => json(res, 200, VM_WIRE), i === 1 ? 400 : 0);
  });
  const client = await connected(server.port, { requestTimeout: 100, retryAttempts: 1 });
  const started = Date.now();
  await client.vm().get('vm-1');
  assert.ok(Date.now() - started < 350, 'did not wait for the slow attempt');
  assert.equal(server.seen.length, 3);
  await client.disconnect();
  await server.close();
});

test('a caller deadline is a TimeoutError; an abort rejects with the AbortError', async () => {
  const server = await serve((req, res) => {
    if (session(req, res)) return;
    failure(res, 503, 'ConnectionError', 'unavailable');
  });
  const client = await connected(server.port, { retryBackoff: 200 });
  await assert.rejects(client.vm().get('vm-1', { signal: AbortSignal.timeout(100) }), TimeoutError);
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 50);
  await assert.rejects(client.vm().get('vm-1', { signal: controller.signal }), {
    name: 'AbortError',
  });
  await client.disconnect();
  await server.close();
});

test('malformed and truncated bodies are typed errors, never a SyntaxError or TypeError', async () => {
  const server = await serve((req, res) => {
    if (session(req, res)) return;
    if (req.url === '/v3/vms/bad-json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id": ');
      return;
    }
    if (req.url === '/v3/vms/bad-shape') return json(res, 200, { ...VM_WIRE, created_at: 42 });
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': '500' });
    res.write('{"id":');
    res.destroy();
  });
  const client = await connected(server.port, { retryAttempts: 1 });
  for (const id of ['bad-json', 'bad-shape', 'truncated']) {
    const error = await client
      .vm()
      .get(id)
      .catch((e: unknown) => e);
    assert.ok(error instanceof ConnectionError, `${id}: ${String(error)}`);
  }
  const shape = (await client
    .vm()
    .get('bad-shape')
    .catch((e: unknown) => e)) as DWCPError;
  assert.equal(shape.code, 'malformed_response');
  assert.match(shape.message, /created_at/);
  await client.disconnect();
  await server.close();
});

test('an invalid VMConfig is rejected before any request, naming the field', async () => {
  const server = await serve((req, res) => {
    if (!session(req, res)) json(res, 500, {});
  });
  const client = await connected(server.port);
  const vms = client.vm();
  const cases: [Record<string, unknown>, string][] = [
    [{ ...VM_CONFIG, memory: 1024 }, 'memory'],
    [{ ...VM_CONFIG, cpus: 1.5 }, 'cpus'],
    [{ ...VM_CONFIG, name: 'Bad Name' }, 'name'],
    [{ ...VM_CONFIG, cpus: undefined }, 'cpus'],
    [{ ...VM_CONFIG, image: '' }, 'image'],
    [
      { ...VM_CONFIG, network: { interfaces: [{ name: 'eth0', mac: 'zz' }] } },
      'network.interfaces[0].mac',
    ],
  ];
  for (const [config, field] of cases) {
    const error = await vms.create(config as never).catch((e: unknown) => e);
    assert.ok(error instanceof ValidationError, field);
    assert.equal(error.field, field);
  }
  assert.equal(server.seen.length, 1, 'only the session request reached the server');
  assert.throws(() => new Client({ address: 'x', port: 70000 }), ValidationError);
  await client.disconnect();
  await server.close();
});

test('calls before connect are NotConnectedError; the API key never shows', async () => {
  const client = new Client({
    address: '127.0.0.1',
    port: 1,
    apiKey: 'sk-secret-key',
    retryAttempts: 0,
  });
  await assert.rejects(new VMClient(client).get('vm-1'), NotConnectedError);
  const refused = await client.connect().catch((e: unknown) => e);
  assert.ok(refused instanceof ConnectionError);
  assert.equal(refused.code, 'connection_refused');
  for (const text of [
    inspect(client, { depth: 5 }),
    JSON.stringify(client),
    inspect(refused, { depth: 5 }),
  ]) {
    assert.ok(!text.includes('sk-secret-key'), text);
  }
  assert.equal(client.isConnected, false);
});

test('lists walk every page; labels travel sorted in one parameter', async () => {
  const server = await serve((req, res) => {
    if (session(req, res)) return;
    const token = new URL(req.url, 'http://x').searchParams.get('page_token');
    json(res, 200, {
      vms: [{ ...VM_WIRE, id: token ?? 'first' }],
      next_page_token: token === null ? 'p2' : '',
    });
  });
  const client = await connected(server.port);
  const vms = await client.vm().list({ tier: 'web', env: 'prod' }, { pageSize: 1 });
  assert.deepEqual(
    vms.map((v) => v.id),
    ['first', 'p2'],
  );
  assert.match(server.seen[1]?.url ?? '', /labels=env%3Dprod%2Ctier%3Dweb/);
  await client.disconnect();
  await server.close();
});
