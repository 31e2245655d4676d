import assert from 'node:assert/strict';
import { test } from 'node:test';

import { backoff, retryAfter } from '../src/runtime/backoff.js';
import { origin } from '../src/runtime/base-url.js';
import { toMillis } from '../src/runtime/duration.js';

test('full jitter pinned to 1 doubles from the base up to the cap', () => {
  assert.deepEqual(
    [1, 2, 3, 4, 5, 6].map((n) => backoff(n, 1000, 20_000, () => 1)),
    [1000, 2000, 4000, 8000, 16_000, 20_000],
  );
  assert.equal(backoff(3, 1000, 20_000, () => 0), 0);
  assert.equal(backoff(2, 1000, 20_000, () => 0.5), 1000);
});

test('Retry-After: seconds, HTTP dates and Retry-After-Ms; garbage is ignored', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  const of = (headers: Record<string, string>) => retryAfter((name) => headers[name], now);
  assert.equal(of({ 'retry-after': '20' }), 20_000);
  assert.equal(of({ 'retry-after': '0' }), 0);
  assert.equal(of({ 'retry-after': '121' }), 121_000);
  assert.equal(of({ 'retry-after': '-10' }), undefined);
  assert.equal(of({ 'retry-after': 'soon' }), undefined);
  assert.equal(of({ 'retry-after': 'Thu, 01 Jan 2026 00:00:20 GMT' }), 20_000);
  assert.equal(of({ 'retry-after': 'Wed, 31 Dec 2025 23:00:00 GMT' }), 0);
  assert.equal(of({ 'retry-after-ms': '150', 'retry-after': '9' }), 150);
  assert.equal(of({ 'retry-after-ms': 'nan', 'retry-after': '2' }), 2000);
  assert.equal(of({}), undefined);
});

test('durations: numbers are ms, strings are Go-style', () => {
  assert.equal(toMillis(250), 250);
  assert.equal(toMillis('1s'), 1000);
  assert.equal(toMillis('1m30s'), 90_000);
  assert.equal(toMillis('500ms'), 500);
  assert.equal(toMillis('5 minutes'), undefined);
});

test('origin: scheme in the address wins, ws maps to http, IPv6 gets brackets', () => {
  assert.equal(origin('localhost', 9000, false), 'http://localhost:9000');
  assert.equal(origin('localhost', 9000, true), 'https://localhost:9000');
  assert.equal(origin('wss://dwcp.example.com', 443, false), 'https://dwcp.example.com:443');
  assert.equal(origin('http://10.0.0.1/', 8080, true), 'http://10.0.0.1:8080');
  assert.equal(origin('::1', 9000, false), 'http://[::1]:9000');
  assert.throws(() => origin('ftp://x', 1, false), RangeError);
});

test('timestamps: the fast UTC path and Date.parse agree', async () => {
  const { time } = await import('../src/runtime/wire.js');
  for (const v of ['2026-01-01T00:00:00Z', '2026-11-29T00:12:31.753Z', '2026-11-29T00:12:31.753+01:00', '2026-02-30T00:00:00Z']) {
    assert.equal(time({ t: v }, 't', 'T').getTime(), Date.parse(v), v);
  }
  assert.throws(() => time({ t: 'yesterday' }, 't', 'T'), /T.t: expected a timestamp/);
});
