import assert from 'node:assert/strict';
import { test } from 'node:test';

import { MigrationError, MigrationState, TimeoutError } from '../src/index.js';
import { connected, json, serve, session } from './helpers.js';

function status(state: string, progress: number): Record<string, unknown> {
  return {
    id: 'm-1',
    vm_id: 'vm-1',
    source_node: 'a',
    target_node: 'b',
    state,
    phase: 'precopy',
    progress,
    round: 1,
    bytes_total: 10,
    bytes_sent: 1,
    throughput: 1,
    downtime: 0,
    started_at: '2026-01-01T00:00:00Z',
  };
}

test('waitForMigration polls until a final state', async () => {
  const server = await serve((req, res, i) => {
    if (session(req, res)) return;
    json(res, 200, status(i < 3 ? 'running' : 'completed', i * 25));
  });
  const client = await connected(server.port);
  const final = await client.vm().waitForMigration('m-1', { deadline: '5s' });
  assert.equal(final.state, MigrationState.COMPLETED);
  await client.disconnect();
  await server.close();
});

test('the deadline is a TimeoutError; a failed migration is a MigrationError', async () => {
  const server = await serve((req, res) => {
    if (session(req, res)) return;
    json(res, 200, status(req.url.includes('m-bad') ? 'failed' : 'running', 10));
  });
  const client = await connected(server.port);
  await assert.rejects(client.vm().waitForMigration('m-1', { maxWait: 120 }), TimeoutError);
  await assert.rejects(client.vm().waitForMigration('m-bad', { deadline: 1000 }), MigrationError);
  await client.disconnect();
  await server.close();
});
