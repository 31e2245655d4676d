// Code generated from templates/typescript/test/tls.test.ts by generator/; DO NOT EDIT.
import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { test } from 'node:test';

import { DWCPError } from '../src/runtime/error.js';
import { EXPIRED_CERT, TEST_CERT, TEST_KEY } from './certs.js';
import { GET, KEY, invoker, listen, pause, rejection } from './harness.js';

const ok = (_req: unknown, res: ServerResponse): void => {
  res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
};

/** Calls GET once over TLS (3 retries allowed) and returns its error, checking what every TLS failure shares. */
async function tlsFailure(
  cert: string,
  options: { ca?: string; host?: string } = {},
): Promise<DWCPError> {
  const server = await listen(ok, { key: TEST_KEY, cert, host: options.host });
  const { invoker: inv, transport } = invoker(server.origin, { ca: options.ca, retryAttempts: 3 });
  try {
    const error = await rejection(inv.call(GET, undefined, (json) => json));
    assert.ok(error instanceof DWCPError, `a typed error, not ${String(error)}`);
    assert.equal(error.name, 'ConnectionError');
    assert.equal(error.code, 'tls_failed');
    assert.equal(error.status, undefined);
    assert.equal(error.attempts, 1, 'a TLS failure is never retried');
    assert.ok(!error.message.includes(KEY), 'the message never quotes the API key');
    await pause(50); // a retry would show up as a second connection
    assert.equal(server.sockets.length, 1, 'one connection: no retry');
    assert.equal(server.requests.length, 0, 'no request got through');
    return error;
  } finally {
    await transport.close();
    await server.close();
  }
}

test('an untrusted (self-signed) certificate is tls_failed, naming the TLS reason', async () => {
  const error = await tlsFailure(TEST_CERT);
  assert.match(
    error.message,
    /self[- ]signed|DEPTH_ZERO_SELF_SIGNED_CERT|UNABLE_TO_VERIFY_LEAF_SIGNATURE/,
  );
});

test('a certificate for another name is tls_failed (ERR_TLS_CERT_ALTNAME_INVALID)', async () => {
  const error = await tlsFailure(TEST_CERT, { ca: TEST_CERT }); // trusted, but it names localhost, not 127.0.0.1
  assert.match(error.message, /ERR_TLS_CERT_ALTNAME_INVALID/);
});

test('an expired certificate is tls_failed (CERT_HAS_EXPIRED)', async () => {
  const error = await tlsFailure(EXPIRED_CERT, { ca: EXPIRED_CERT, host: 'localhost' });
  assert.match(error.message, /CERT_HAS_EXPIRED|expired/);
});

test('a trusted certificate naming the host succeeds (the mapping is not a blanket one)', async () => {
  const server = await listen(ok, { key: TEST_KEY, cert: TEST_CERT, host: 'localhost' });
  const { invoker: inv, transport } = invoker(server.origin, { ca: TEST_CERT });
  try {
    const outcome = await inv.call(GET, undefined, (json) => json);
    assert.deepEqual(outcome.data, { ok: true });
  } finally {
    await transport.close();
    await server.close();
  }
});

test('a refused connection is still connection_refused and retried', async () => {
  const server = await listen(ok);
  const origin = server.origin;
  await server.close(); // nothing listens on that port any more
  const { invoker: inv, transport } = invoker(origin, { retryAttempts: 1 });
  try {
    const error = await rejection(inv.call(GET, undefined, (json) => json));
    assert.ok(error instanceof DWCPError);
    assert.equal(error.code, 'connection_refused');
    assert.equal(error.attempts, 2);
  } finally {
    await transport.close();
  }
});
