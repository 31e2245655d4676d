// Issue 16 (docs/resilience.md): retry budget, spec waiters and lazy pagination, on node:http servers.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { ConnectionError, TimeoutError, WaiterError } from '../src/index.js';
import { VM_WIRE, connected, failure, json, serve, session } from './helpers.js';

test('list() is a Promise of every item and an AsyncIterable that fetches pages only as needed', async () => {
  const server = await serve((req, res) => {
    if (session(req, res)) return;
    const page = Number(new URL(req.url, 'http://x').searchParams.get('page_token') ?? '0');
    const vms = [0, 1].map((i) => ({ ...VM_WIRE, id: `vm-${page * 2 + i}` }));
    json(res, 200, { vms, next_page_token: page < 2 ? String(page + 1) : '' });
  });
  const client = await connected(server.port);
  const all = await client.vm().list();
  assert.deepEqual(
    all.map((v) => v.id),
    ['vm-0', 'vm-1', 'vm-2', 'vm-3', 'vm-4', 'vm-5'],
  );
  const before = server.seen.length;
  const list = client.vm().list();
  assert.equal(server.seen.length, before, 'nothing is fetched before it is used');
  const seen: string[] = [];
  for await (const vm of list) {
    seen.push(vm.id);
    if (seen.length === 3) break;
  }
  assert.deepEqual(seen, ['vm-0', 'vm-1', 'vm-2']);
  assert.equal(server.seen.length, before + 2, 'breaking out fetched no further page');
  const { response } = await client.vm().list().withResponse();
  assert.equal(response.status, 200);
  await client.disconnect();
  await server.close();
});

test('the retry budget stops retries when empty, flags the error, and refunds successes', async () => {
  let fail = true;
  const server = await serve((req, res) => {
    if (session(req, res)) return;
    if (fail) return failure(res, 503, 'ConnectionError', 'unavailable');
    json(res, 200, VM_WIRE);
  });
  const client = await connected(server.port, { retryAttempts: 5, retryBackoff: 0, retryBudget: { capacity: 12, retryCost: 5 } });
  assert.equal(client.getMetrics().retryTokens, 12, 'connect refunded up to the capacity');
  const error = await client.vm().get('vm-1').catch((e: unknown) => e);
  assert.ok(error instanceof ConnectionError);
  assert.equal(error.retryQuotaExhausted, true);
  assert.equal(error.attempts, 3, 'two retries of 5 tokens, then 2 left');
  assert.equal(client.getMetrics().retryTokens, 2);
  fail = false;
  await client.vm().get('vm-1');
  assert.equal(client.getMetrics().retryTokens, 3, 'a first-time success refunds 1');
  await client.disconnect();
  const off = await connected(server.port, { retryAttempts: 2, retryBackoff: 0, retryBudget: { capacity: 0 } });
  fail = true;
  const unlimited = await off.vm().get('vm-1').catch((e: unknown) => e);
  assert.ok(unlimited instanceof ConnectionError && unlimited.attempts === 3 && !unlimited.retryQuotaExhausted);
  await off.disconnect();
  await server.close();
});

test('waiters: success and failure acceptors, an error acceptor, and the maximum wait', async () => {
  const states: Record<string, string[]> = { 'vm-up': ['creating', 'running'], 'vm-bad': ['creating', 'error'], 'vm-slow': ['creating'] };
  const polls: Record<string, number> = {};
  const server = await serve((req, res) => {
    if (session(req, res)) return;
    const id = req.url.split('/')[3] ?? '';
    if (id === 'vm-gone') return failure(res, 404, 'VMNotFoundError', 'vm_not_found');
    const n = (polls[id] = (polls[id] ?? 0) + 1);
    const list = states[id] ?? ['running'];
    json(res, 200, { ...VM_WIRE, id, state: list[Math.min(n, list.length) - 1] });
  });
  const client = await connected(server.port, { jitter: () => 0 });
  const vm = await client.vm().waitUntilRunning('vm-up');
  assert.equal(vm.state, 'running');
  const bad = await client.vm().waitUntilRunning('vm-bad').catch((e: unknown) => e);
  assert.ok(bad instanceof WaiterError);
  assert.equal(bad.code, 'waiter_failed');
  assert.equal(bad.details['state'], 'error');
  assert.match(bad.message, /state is error/);
  assert.equal(await client.vm().waitUntilDestroyed('vm-gone'), undefined);
  const slow = await client.vm().waitUntilRunning('vm-slow', { maxWait: 300 }).catch((e: unknown) => e);
  assert.ok(slow instanceof TimeoutError);
  assert.equal(slow.code, 'wait_timeout');
  await client.disconnect();
  await server.close();
});
