import assert from 'node:assert/strict';
import { test } from 'node:test';

import { query } from '../src/runtime/query.js';

test('absent values are dropped; no values give an empty string', () => {
  assert.equal(query({}), '');
  assert.equal(query({ a: undefined }), '');
  assert.equal(query({ a: 1, b: undefined, c: true }), '?a=1&c=true');
});

test('maps travel as one k=v parameter with sorted keys, encoded once', () => {
  assert.equal(query({ labels: { tier: 'web', env: 'prod' } }), '?labels=env%3Dprod%2Ctier%3Dweb');
});

test('lists are comma-joined; timestamps are RFC 3339 UTC', () => {
  assert.equal(query({ ids: ['a', 'b c'] }), '?ids=a%2Cb%20c');
  assert.equal(query({ after: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)) }), '?after=2026-01-02T03%3A04%3A05.000Z');
});
