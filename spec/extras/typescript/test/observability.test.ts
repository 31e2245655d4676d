// Issue 15: hooks, logging, tracing, per-call options, raw responses and the User-Agent
// (docs/observability.md), against node:http servers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inspect } from 'node:util';

import { trace } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';

import {
  AuthenticationError,
  Client,
  ConnectionError,
  HookError,
  TimeoutError,
  VMClient,
  type Hook,
  type LogFields,
  type Logger,
} from '../src/index.js';
import { otelTracing } from '../src/otel.js';
import { VM_CONFIG, VM_WIRE, connected, failure, json, serve, session } from './helpers.js';

const KEY = 'sk-secret-key';

/** A hook that records `point op attempt` for every point it sees. */
function recorder(name: string, seen: string[]): Hook {
  return {
    beforeAttempt: (ctx) => void seen.push(`${name} before ${ctx.operation} ${ctx.attempt}`),
    afterResponse: async (ctx, r) => void seen.push(`${name} after ${ctx.operation} ${ctx.attempt} ${r.status}`),
    beforeRetry: (ctx, r) => void seen.push(`${name} retry ${ctx.operation} ${ctx.attempt} ${r.cause.code} ${r.delayMs}`),
    onError: (ctx, e) => void seen.push(`${name} error ${ctx.operation} ${ctx.attempt} ${(e as HookError).code}`),
  };
}

/** A logger that keeps every line. */
function keeper(lines: { level: string; text: string; fields: LogFields }[]): Logger {
  const keep = (level: string) => (text: string, fields: LogFields) => void lines.push({ level, text, fields });
  return { debug: keep('debug'), info: keep('info'), warn: keep('warn'), error: keep('error') };
}

test('hooks run in order at every point of a retried call; a header change holds for its attempt only', async () => {
  const server = await serve((req, res, i) => {
    if (session(req, res)) return;
    if (i === 1) return failure(res, 503, 'ConnectionError', 'unavailable');
    json(res, 201, VM_WIRE);
  });
  const seen: string[] = [];
  const stamp: Hook = {
    beforeAttempt(ctx) {
      if (ctx.attempt === 1) ctx.headers['x-first'] = 'yes';
      ctx.headers['x-attempt-seen'] = String(ctx.attempt);
    },
  };
  const client = await connected(server.port, { hooks: [recorder('a', seen), recorder('b', seen), stamp], retryBackoff: 0 });
  seen.length = 0; // forget the session call
  await client.vm().create(VM_CONFIG);
  assert.deepEqual(seen, [
    'a before vm.create 1',
    'b before vm.create 1',
    'a after vm.create 1 503',
    'b after vm.create 1 503',
    'a retry vm.create 1 unavailable 0',
    'b retry vm.create 1 unavailable 0',
    'a before vm.create 2',
    'b before vm.create 2',
    'a after vm.create 2 201',
    'b after vm.create 2 201',
  ]);
  const creates = server.seen.filter((r) => r.url === '/v3/vms');
  assert.deepEqual(
    creates.map((r) => [r.headers['x-first'], r.headers['x-attempt-seen'], r.headers['dwcp-attempt']]),
    [
      ['yes', '1', '1'],
      [undefined, '2', '2'],
    ],
  );
  await client.disconnect();
  await server.close();
});

test('a hook that throws ends the call with HookError (cause kept, never retried); beforeAttempt sends nothing', async () => {
  const server = await serve((req, res) => {
    if (session(req, res)) return;
    json(res, 200, VM_WIRE);
  });
  const boom = new Error('boom');
  let fail: 'before' | 'after' | undefined;
  const seen: string[] = [];
  const client = await connected(server.port, {
    hooks: [
      {
        beforeAttempt: () => {
          if (fail === 'before') throw boom;
        },
        afterResponse: async () => {
          if (fail === 'after') throw boom;
        },
      },
      recorder('r', seen),
    ],
  });
  const before = server.seen.length;
  fail = 'before';
  const error = await client.vm().get('vm-1').catch((e: unknown) => e);
  assert.ok(error instanceof HookError);
  assert.equal(error.code, 'hook_failed');
  assert.equal(error.cause, boom);
  assert.equal(error.attempts, 0);
  assert.equal(server.seen.length, before, 'nothing was sent');
  assert.deepEqual(seen.slice(-1), ['r error vm.get 1 hook_failed']);
  fail = 'after';
  const late = await client.vm().get('vm-1').catch((e: unknown) => e);
  assert.ok(late instanceof HookError && late.cause === boom);
  assert.equal(late.attempts, 1);
  assert.equal(server.seen.length, before + 1, 'a hook error is not retried');
  await client.disconnect();
  await server.close();
});

test('DWCP_LOG=info: one line per attempt, a retry line, a failed line; the key appears nowhere', async () => {
  const server = await serve((req, res) => {
    if (session(req, res)) return;
    failure(res, 503, 'ConnectionError', 'unavailable');
  });
  const lines: { level: string; text: string; fields: LogFields }[] = [];
  process.env['DWCP_LOG'] = 'info';
  const client = await connected(server.port, { logger: keeper(lines), retryAttempts: 1 });
  delete process.env['DWCP_LOG'];
  lines.length = 0;
  await assert.rejects(client.vm().get('vm-1'), ConnectionError);
  assert.deepEqual(
    lines.map((l) => `${l.level} ${l.fields.event}`),
    ['info attempt', 'warn retry', 'info attempt', 'warn failed'],
  );
  const attempt = lines[0]?.fields ?? { event: 'attempt' };
  assert.equal(attempt['operation'], 'vm.get');
  assert.equal(attempt['method'], 'GET');
  assert.equal(attempt['path'], '/v3/vms/vm-1');
  assert.equal(attempt['status'], 503);
  assert.equal(attempt['attempt'], 1);
  assert.equal(typeof attempt['duration_ms'], 'number');
  assert.match(String(attempt['request_id']), /^[0-9a-f-]{36}$/);
  assert.match(lines[0]?.text ?? '', /^dwcp: attempt operation=vm\.get method=GET path=\/v3\/vms\/vm-1 status=503 attempt=1 /);
  assert.deepEqual(lines[3]?.fields, { event: 'failed', operation: 'vm.get', category: 'ConnectionError', code: 'unavailable', attempts: 2 });
  await client.disconnect();
  await server.close();
});

test('debug logs headers and bodies with Authorization and the key redacted; a logLevel option wins', async () => {
  const server = await serve((req, res) => {
    if (session(req, res)) return;
    if (req.headers['authorization'] !== `Bearer ${KEY}`) return failure(res, 401, 'AuthenticationError', 'unauthenticated');
    json(res, 201, VM_WIRE);
  });
  const lines: { level: string; text: string; fields: LogFields }[] = [];
  const client = await connected(server.port, { logger: keeper(lines), logLevel: 'debug' });
  await client.vm().create({ ...VM_CONFIG, name: `vm-${KEY}` }, { headers: { 'x-api-key': KEY } });
  const events = lines.map((l) => l.fields.event);
  assert.deepEqual(events.slice(-3), ['request', 'response', 'attempt']);
  const request = lines.at(-3)?.fields ?? { event: 'request' };
  assert.equal((request['headers'] as Record<string, string>)['authorization'], '[REDACTED]');
  assert.equal((request['body'] as Record<string, unknown>)['memory'], VM_CONFIG.memory);
  for (const line of lines) {
    assert.ok(!line.text.includes(KEY), line.text);
    assert.ok(!JSON.stringify(line.fields).includes(KEY), line.text);
  }
  const quiet = await connected(server.port, { logger: keeper(lines), logLevel: 'off' });
  const count = lines.length;
  await quiet.vm().create(VM_CONFIG);
  assert.equal(lines.length, count, 'off writes nothing');
  await quiet.disconnect();
  await client.disconnect();
  await server.close();
});

test('the API key is in no inspect, JSON or error text of the client and its errors', async () => {
  const server = await serve((req, res) => failure(res, 401, 'AuthenticationError', 'unauthenticated'));
  const client = new Client({ address: '127.0.0.1', port: server.port, apiKey: KEY, hooks: [{}], logLevel: 'off' });
  const error = await client.connect().catch((e: unknown) => e);
  assert.ok(error instanceof AuthenticationError);
  for (const text of [inspect(client, { depth: 10, showHidden: true }), JSON.stringify(client), inspect(error, { depth: 10 }), String(error)]) {
    assert.ok(!text.includes(KEY), text);
  }
  const hooked = new Client({
    address: '127.0.0.1',
    port: server.port,
    apiKey: KEY,
    hooks: [
      {
        beforeAttempt: (ctx) => {
          throw new Error(`refusing ${ctx.headers['authorization']}`);
        },
      },
    ],
  });
  const hookError = await hooked.connect().catch((e: unknown) => e);
  assert.ok(hookError instanceof HookError);
  assert.ok(!hookError.message.includes(KEY), hookError.message);
  await server.close();
});

test('per-call options override the client for that call only; protected headers stay', async () => {
  const server = await serve((req, res) => {
    if (session(req, res)) return;
    if (req.url === '/v3/vms/slow') return void setTimeout(() => json(res, 200, VM_WIRE), 300);
    failure(res, 503, 'ConnectionError', 'unavailable');
  });
  const client = await connected(server.port, { retryAttempts: 3, retryBackoff: 0 });
  const vms = client.vm();
  const once = await vms.get('vm-1', { retryAttempts: 0, headers: { 'X-Extra': 'a', Authorization: 'Bearer other', 'dwcp-attempt': '9' } }).catch((e: unknown) => e);
  assert.ok(once instanceof ConnectionError);
  assert.equal(once.attempts, 1);
  const sent = server.seen.at(-1);
  assert.equal(sent?.headers['x-extra'], 'a');
  assert.equal(sent?.headers['authorization'], `Bearer ${KEY}`);
  assert.equal(sent?.headers['dwcp-attempt'], '1');
  const all = await vms.get('vm-1').catch((e: unknown) => e);
  assert.ok(all instanceof ConnectionError && all.attempts === 4, 'the client setting is back');
  assert.equal(server.seen.at(-1)?.headers['x-extra'], undefined);
  const slow = await vms.get('slow', { timeout: 50, retryAttempts: 0 }).catch((e: unknown) => e);
  assert.ok(slow instanceof TimeoutError && slow.code === 'client_timeout');
  const key = await vms.create(VM_CONFIG, { idempotencyKey: 'my-key', retryAttempts: 0 }).catch((e: unknown) => e);
  assert.ok(key instanceof ConnectionError && key.idempotencyKey === 'my-key');
  assert.equal(server.seen.at(-1)?.headers['idempotency-key'], 'my-key');
  await client.disconnect();
  await server.close();
});

test('withResponse() gives status, lower-cased headers and request id with the result; await gives the result', async () => {
  const server = await serve((req, res) => {
    if (session(req, res)) return;
    json(res, 200, VM_WIRE, { 'X-Request-ID': 'rid-9', 'X-Custom': 'v' });
  });
  const client = await connected(server.port);
  const { data, response } = await client.vm().get('vm-1').withResponse();
  assert.equal(data.id, 'vm-1');
  assert.equal(response.status, 200);
  assert.equal(response.requestId, 'rid-9');
  assert.equal(response.headers['x-custom'], 'v');
  const vm = await client.vm().get('vm-1');
  assert.equal(vm.id, 'vm-1');
  const list = await client.vm().get('vm-1').then((v) => v.name);
  assert.equal(list, 'web-1');
  await client.disconnect();
  await server.close();
});

test('every attempt sends the User-Agent dwcp-typescript/<version> (node <v>; <os>; <arch>)', async () => {
  const server = await serve((req, res) => {
    if (session(req, res)) return;
    json(res, 200, VM_WIRE);
  });
  const client = await connected(server.port);
  await client.vm().get('vm-1');
  const agent = server.seen.at(-1)?.headers['user-agent'] ?? '';
  assert.equal(agent, `dwcp-typescript/3.0.0 (node ${process.versions.node}; ${process.platform}; ${process.arch})`);
  await client.disconnect();
  await server.close();
});

test('tracing: a call span, a child span per attempt, one trace id per call in traceparent', async () => {
  const server = await serve((req, res, i) => {
    if (session(req, res)) return;
    if (i === 1) return failure(res, 503, 'ConnectionError', 'unavailable');
    json(res, 200, VM_WIRE);
  });
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const client = await connected(server.port, { tracing: otelTracing({ tracerProvider: provider }), retryBackoff: 0 });
  exporter.reset();
  await client.vm().get('vm-1');
  await client.vm().get('vm-1');
  const spans = exporter.getFinishedSpans();
  assert.deepEqual(
    spans.map((s) => s.name),
    ['GET /vms/{vm_id}', 'GET /vms/{vm_id}', 'vm.get', 'GET /vms/{vm_id}', 'vm.get'],
  );
  const [a1, a2, call, b1, second] = spans;
  assert.ok(a1 && a2 && call && b1 && second);
  assert.equal(a1.parentSpanContext?.spanId, call.spanContext().spanId);
  assert.equal(a2.attributes['http.request.resend_count'], 1);
  assert.equal(a1.attributes['http.response.status_code'], 503);
  assert.equal(a1.attributes['error.type'], 'unavailable');
  assert.equal(a1.attributes['url.template'], '/vms/{vm_id}');
  assert.equal(call.attributes['dwcp.attempts'], 2);
  assert.notEqual(second.spanContext().traceId, call.spanContext().traceId, 'a new trace per call');
  const parents = server.seen.slice(1).map((r) => String(r.headers['traceparent']).split('-'));
  assert.deepEqual(
    parents.map((p) => p[1]),
    [call.spanContext().traceId, call.spanContext().traceId, second.spanContext().traceId],
  );
  assert.deepEqual(
    parents.map((p) => p[2]),
    [a1.spanContext().spanId, a2.spanContext().spanId, b1.spanContext().spanId],
  );
  // Without a provider (the global no-op), nothing is sent.
  const plain = await connected(server.port, { tracing: otelTracing({ tracerProvider: trace.getTracerProvider() }) });
  await plain.vm().get('vm-1');
  assert.equal(server.seen.at(-1)?.headers['traceparent'], undefined);
  await plain.disconnect();
  await client.disconnect();
  await server.close();
});

test("a stream's reconnects are attempts of its call: DWCP-Attempt and the hooks keep counting", async () => {
  const event = (id: number): string =>
    `id: ${id}\ndata: ${JSON.stringify({ id, type: 'state_changed', vm: VM_WIRE, timestamp: '2026-01-01T00:00:00Z', message: 'm' })}\n\n`;
  const server = await serve((req, res, i) => {
    if (session(req, res)) return;
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    if (i === 1) {
      res.write(event(1));
      setTimeout(() => res.destroy(), 20);
      return;
    }
    res.end(event(2));
  });
  const seen: string[] = [];
  const client = await connected(server.port, { hooks: [recorder('h', seen)], retryBackoff: 0 });
  seen.length = 0;
  const ids: number[] = [];
  for await (const e of new VMClient(client).watch('vm-1')) ids.push(e.id);
  assert.deepEqual(ids, [1, 2]);
  assert.deepEqual(
    server.seen.slice(1).map((r) => r.headers['dwcp-attempt']),
    ['1', '2'],
  );
  assert.equal(new Set(server.seen.slice(1).map((r) => r.headers['x-request-id'])).size, 1);
  assert.deepEqual(seen, ['h before vm.watch 1', 'h after vm.watch 1 200', 'h retry vm.watch 1 connection_reset 0', 'h before vm.watch 2', 'h after vm.watch 2 200']);
  await client.disconnect();
  await server.close();
});
