// Code generated from spec/dwcp.yaml by generator/; DO NOT EDIT.
//
// The spec's error catalogue as the SDK resolves it: every wire code maps to its class and retry
// class, with the status or type the server sends, and client-side codes raise their own class.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  DWCPError,
  ConnectionError,
  NotConnectedError,
  AuthenticationError,
  VMNotFoundError,
  TimeoutError,
  InvalidOperationError,
  ValidationError,
  ResourceLimitError,
  MigrationError,
  InternalError,
  HookError,
  WaiterError,
} from '../src/index.js';
import { catalogue } from '../src/policy.js';

test('every wire code resolves to its type and retry class, by code or by type and status', () => {
  assert.deepEqual(catalogue.classify(503, 'ConnectionError', 'unavailable'), {
    type: 'ConnectionError',
    code: 'unavailable',
    retry: 'retry',
  });
  assert.equal(catalogue.classify(503, undefined, 'unavailable').type, 'ConnectionError');
  assert.deepEqual(catalogue.classify(503, 'ConnectionError', 'too_many_connections'), {
    type: 'ConnectionError',
    code: 'too_many_connections',
    retry: 'retry',
  });
  assert.equal(catalogue.classify(503, undefined, 'too_many_connections').type, 'ConnectionError');
  assert.deepEqual(catalogue.classify(401, 'AuthenticationError', 'unauthenticated'), {
    type: 'AuthenticationError',
    code: 'unauthenticated',
    retry: 'never',
  });
  assert.equal(catalogue.classify(401, undefined, 'unauthenticated').type, 'AuthenticationError');
  assert.deepEqual(catalogue.classify(403, 'AuthenticationError', 'forbidden_origin'), {
    type: 'AuthenticationError',
    code: 'forbidden_origin',
    retry: 'never',
  });
  assert.equal(catalogue.classify(403, undefined, 'forbidden_origin').type, 'AuthenticationError');
  assert.deepEqual(catalogue.classify(404, 'VMNotFoundError', 'vm_not_found'), {
    type: 'VMNotFoundError',
    code: 'vm_not_found',
    retry: 'never',
  });
  assert.equal(catalogue.classify(404, undefined, 'vm_not_found').type, 'VMNotFoundError');
  assert.deepEqual(catalogue.classify(404, 'VMNotFoundError', 'snapshot_not_found'), {
    type: 'VMNotFoundError',
    code: 'snapshot_not_found',
    retry: 'never',
  });
  assert.equal(catalogue.classify(404, undefined, 'snapshot_not_found').type, 'VMNotFoundError');
  assert.deepEqual(catalogue.classify(404, 'VMNotFoundError', 'migration_not_found'), {
    type: 'VMNotFoundError',
    code: 'migration_not_found',
    retry: 'never',
  });
  assert.equal(catalogue.classify(404, undefined, 'migration_not_found').type, 'VMNotFoundError');
  assert.deepEqual(catalogue.classify(404, 'VMNotFoundError', 'route_not_found'), {
    type: 'VMNotFoundError',
    code: 'route_not_found',
    retry: 'never',
  });
  assert.equal(catalogue.classify(404, undefined, 'route_not_found').type, 'VMNotFoundError');
  assert.deepEqual(catalogue.classify(504, 'TimeoutError', 'deadline_exceeded'), {
    type: 'TimeoutError',
    code: 'deadline_exceeded',
    retry: 'retry',
  });
  assert.equal(catalogue.classify(504, undefined, 'deadline_exceeded').type, 'TimeoutError');
  assert.deepEqual(catalogue.classify(408, 'TimeoutError', 'request_timeout'), {
    type: 'TimeoutError',
    code: 'request_timeout',
    retry: 'retry',
  });
  assert.equal(catalogue.classify(408, undefined, 'request_timeout').type, 'TimeoutError');
  assert.deepEqual(catalogue.classify(400, 'InvalidOperationError', 'invalid_argument'), {
    type: 'InvalidOperationError',
    code: 'invalid_argument',
    retry: 'never',
  });
  assert.equal(
    catalogue.classify(400, undefined, 'invalid_argument').type,
    'InvalidOperationError',
  );
  assert.deepEqual(catalogue.classify(400, 'InvalidOperationError', 'invalid_state'), {
    type: 'InvalidOperationError',
    code: 'invalid_state',
    retry: 'never',
  });
  assert.equal(catalogue.classify(400, undefined, 'invalid_state').type, 'InvalidOperationError');
  assert.deepEqual(catalogue.classify(405, 'InvalidOperationError', 'method_not_allowed'), {
    type: 'InvalidOperationError',
    code: 'method_not_allowed',
    retry: 'never',
  });
  assert.equal(
    catalogue.classify(405, undefined, 'method_not_allowed').type,
    'InvalidOperationError',
  );
  assert.deepEqual(catalogue.classify(413, 'InvalidOperationError', 'payload_too_large'), {
    type: 'InvalidOperationError',
    code: 'payload_too_large',
    retry: 'never',
  });
  assert.equal(
    catalogue.classify(413, undefined, 'payload_too_large').type,
    'InvalidOperationError',
  );
  assert.deepEqual(catalogue.classify(414, 'InvalidOperationError', 'uri_too_long'), {
    type: 'InvalidOperationError',
    code: 'uri_too_long',
    retry: 'never',
  });
  assert.equal(catalogue.classify(414, undefined, 'uri_too_long').type, 'InvalidOperationError');
  assert.deepEqual(catalogue.classify(415, 'InvalidOperationError', 'unsupported_media_type'), {
    type: 'InvalidOperationError',
    code: 'unsupported_media_type',
    retry: 'never',
  });
  assert.equal(
    catalogue.classify(415, undefined, 'unsupported_media_type').type,
    'InvalidOperationError',
  );
  assert.deepEqual(catalogue.classify(431, 'InvalidOperationError', 'headers_too_large'), {
    type: 'InvalidOperationError',
    code: 'headers_too_large',
    retry: 'never',
  });
  assert.equal(
    catalogue.classify(431, undefined, 'headers_too_large').type,
    'InvalidOperationError',
  );
  assert.deepEqual(catalogue.classify(409, 'InvalidOperationError', 'migration_in_progress'), {
    type: 'InvalidOperationError',
    code: 'migration_in_progress',
    retry: 'never',
  });
  assert.equal(
    catalogue.classify(409, undefined, 'migration_in_progress').type,
    'InvalidOperationError',
  );
  assert.deepEqual(catalogue.classify(422, 'InvalidOperationError', 'idempotency_key_reused'), {
    type: 'InvalidOperationError',
    code: 'idempotency_key_reused',
    retry: 'never',
  });
  assert.equal(
    catalogue.classify(422, undefined, 'idempotency_key_reused').type,
    'InvalidOperationError',
  );
  assert.deepEqual(catalogue.classify(409, 'InvalidOperationError', 'idempotency_key_in_use'), {
    type: 'InvalidOperationError',
    code: 'idempotency_key_in_use',
    retry: 'retry',
  });
  assert.equal(
    catalogue.classify(409, undefined, 'idempotency_key_in_use').type,
    'InvalidOperationError',
  );
  assert.deepEqual(catalogue.classify(429, 'ResourceLimitError', 'resource_exhausted'), {
    type: 'ResourceLimitError',
    code: 'resource_exhausted',
    retry: 'after_retry_after',
  });
  assert.equal(catalogue.classify(429, undefined, 'resource_exhausted').type, 'ResourceLimitError');
  assert.deepEqual(catalogue.classify(429, 'ResourceLimitError', 'too_many_streams'), {
    type: 'ResourceLimitError',
    code: 'too_many_streams',
    retry: 'after_retry_after',
  });
  assert.equal(catalogue.classify(429, undefined, 'too_many_streams').type, 'ResourceLimitError');
  assert.deepEqual(catalogue.classify(429, 'ResourceLimitError', 'rate_limited'), {
    type: 'ResourceLimitError',
    code: 'rate_limited',
    retry: 'after_retry_after',
  });
  assert.equal(catalogue.classify(429, undefined, 'rate_limited').type, 'ResourceLimitError');
  assert.deepEqual(catalogue.classify(500, 'MigrationError', 'migration_failed'), {
    type: 'MigrationError',
    code: 'migration_failed',
    retry: 'with_idempotency_key',
  });
  assert.equal(catalogue.classify(500, undefined, 'migration_failed').type, 'MigrationError');
  assert.deepEqual(catalogue.classify(500, 'MigrationError', 'not_converging'), {
    type: 'MigrationError',
    code: 'not_converging',
    retry: 'never',
  });
  assert.equal(catalogue.classify(500, undefined, 'not_converging').type, 'MigrationError');
  assert.deepEqual(catalogue.classify(500, 'InternalError', 'internal'), {
    type: 'InternalError',
    code: 'internal',
    retry: 'with_idempotency_key',
  });
  assert.equal(catalogue.classify(500, undefined, 'internal').type, 'InternalError');
  assert.deepEqual(catalogue.classify(501, 'InternalError', 'not_implemented'), {
    type: 'InternalError',
    code: 'not_implemented',
    retry: 'never',
  });
  assert.equal(catalogue.classify(501, undefined, 'not_implemented').type, 'InternalError');
});

test('a bare status maps to the catalogue entry of that status', () => {
  assert.equal(catalogue.classify(400).type, 'InvalidOperationError');
  assert.equal(catalogue.classify(401).type, 'AuthenticationError');
  assert.equal(catalogue.classify(403).type, 'AuthenticationError');
  assert.equal(catalogue.classify(404).type, 'VMNotFoundError');
  assert.equal(catalogue.classify(405).type, 'InvalidOperationError');
  assert.equal(catalogue.classify(408).type, 'TimeoutError');
  assert.equal(catalogue.classify(409).type, 'InvalidOperationError');
  assert.equal(catalogue.classify(413).type, 'InvalidOperationError');
  assert.equal(catalogue.classify(414).type, 'InvalidOperationError');
  assert.equal(catalogue.classify(415).type, 'InvalidOperationError');
  assert.equal(catalogue.classify(422).type, 'InvalidOperationError');
  assert.equal(catalogue.classify(429).type, 'ResourceLimitError');
  assert.equal(catalogue.classify(431).type, 'InvalidOperationError');
  assert.equal(catalogue.classify(500).type, 'InternalError');
  assert.equal(catalogue.classify(501).type, 'InternalError');
  assert.equal(catalogue.classify(503).type, 'ConnectionError');
  assert.equal(catalogue.classify(504).type, 'TimeoutError');
});

test('every code creates an instance of its class, under DWCPError', () => {
  {
    const error = catalogue.create(undefined, { code: 'unavailable', message: 'm' });
    assert.ok(error instanceof ConnectionError, 'unavailable');
    assert.ok(error instanceof DWCPError);
    assert.equal(error.code, 'unavailable');
  }
  {
    const error = catalogue.create(undefined, { code: 'too_many_connections', message: 'm' });
    assert.ok(error instanceof ConnectionError, 'too_many_connections');
    assert.ok(error instanceof DWCPError);
    assert.equal(error.code, 'too_many_connections');
  }
  {
    const error = catalogue.create(undefined, { code: 'connection_refused', message: 'm' });
    assert.ok(error instanceof ConnectionError, 'connection_refused');
    assert.ok(error instanceof DWCPError);
    assert.equal(error.code, 'connection_refused');
  }
  {
    const error = catalogue.create(undefined, { code: 'connection_reset', message: 'm' });
    assert.ok(error instanceof ConnectionError, 'connection_reset');
    assert.ok(error instanceof DWCPError);
    assert.equal(error.code, 'connection_reset');
  }
  {
    const error = catalogue.create(undefined, { code: 'malformed_response', message: 'm' });
    assert.ok(error instanceof ConnectionError, 'malformed_response');
    assert.ok(error instanceof DWCPError);
    assert.equal(error.code, 'malformed_response');
  }
  {
    const error = catalogue.create(undefined, { code: 'response_too_large', message: 'm' });
    assert.ok(error instanceof ConnectionError, 'response_too_large');
    assert.ok(error instanceof DWCPError);
    assert.equal(error.code, 'response_too_large');
  }
  {
    const error = catalogue.create(undefined, { code: 'tls_failed', message: 'm' });
    assert.ok(error instanceof ConnectionError, 'tls_failed');
    assert.ok(error instanceof DWCPError);
    assert.equal(error.code, 'tls_failed');
  }
  {
    const error = catalogue.create(undefined, { code: 'not_connected', message: 'm' });
    assert.ok(error instanceof NotConnectedError, 'not_connected');
    assert.ok(error instanceof DWCPError);
    assert.equal(error.code, 'not_connected');
  }
  {
    const error = catalogue.create(undefined, { code: 'unauthenticated', message: 'm' });
    assert.ok(error instanceof AuthenticationError, 'unauthenticated');
    assert.ok(error instanceof DWCPError);
    assert.equal(error.code, 'unauthenticated');
  }
  {
    const error = catalogue.create(undefined, { code: 'forbidden_origin', message: 'm' });
    assert.ok(error instanceof AuthenticationError, 'forbidden_origin');
    assert.ok(error instanceof DWCPError);
    assert.equal(error.code, 'forbidden_origin');
  }
  {
    const error = catalogue.create(undefined, { code: 'vm_not_found', message: 'm' });
    assert.ok(error instanceof VMNotFoundError, 'vm_not_found');
    assert.ok(error instanceof DWCPError);
    assert.equal(error.code, 'vm_not_found');
  }
  {
    const error = catalogue.create(undefined, { code: 'snapshot_not_found', message: 'm' });
    assert.ok(error instanceof VMNotFoundError, 'snapshot_not_found');
    assert.ok(error instanceof DWCPError);
    assert.equal(error.code, 'snapshot_not_found');
  }
  {
    const error = catalogue.create(undefined, { code: 'migration_not_found', message: 'm' });
    assert.ok(error instanceof VMNotFoundError, 'migration_not_found');
    assert.ok(error instanceof DWCPError);
    assert.equal(error.code, 'migration_not_found');
  }
  {
    const error = catalogue.create(undefined, { code: 'route_not_found', message: 'm' });
    assert.ok(error instanceof VMNotFoundError, 'route_not_found');
    assert.ok(error instanceof DWCPError);
    assert.equal(error.code, 'route_not_found');
  }
  {
    const error = catalogue.create(undefined, { code: 'deadline_exceeded', message: 'm' });
    assert.ok(error instanceof TimeoutError, 'deadline_exceeded');
    assert.ok(error instanceof DWCPError);
    assert.equal(error.code, 'deadline_exceeded');
  }
  {
    const error = catalogue.create(undefined, { code: 'request_timeout', message: 'm' });
    assert.ok(error instanceof TimeoutError, 'request_timeout');
    assert.ok(error instanceof DWCPError);
    assert.equal(error.code, 'request_timeout');
  }
  {
    const error = catalogue.create(undefined, { code: 'client_timeout', message: 'm' });
    assert.ok(error instanceof TimeoutError, 'client_timeout');
    assert.ok(error instanceof DWCPError);
    assert.equal(error.code, 'client_timeout');
  }
  {
    const error = catalogue.create(undefined, { code: 'wait_timeout', message: 'm' });
    assert.ok(error instanceof TimeoutError, 'wait_timeout');
    assert.ok(error instanceof DWCPError);
    assert.equal(error.code, 'wait_timeout');
  }
  {
    const error = catalogue.create(undefined, { code: 'invalid_argument', message: 'm' });
    assert.ok(error instanceof InvalidOperationError, 'invalid_argument');
    assert.ok(error instanceof DWCPError);
    assert.equal(error.code, 'invalid_argument');
  }
  {
    const error = catalogue.create(undefined, { code: 'invalid_state', message: 'm' });
    assert.ok(error instanceof InvalidOperationError, 'invalid_state');
    assert.ok(error instanceof DWCPError);
    assert.equal(error.code, 'invalid_state');
  }
  {
    const error = catalogue.create(undefined, { code: 'method_not_allowed', message: 'm' });
    assert.ok(error instanceof InvalidOperationError, 'method_not_allowed');
    assert.ok(error instanceof DWCPError);
    assert.equal(error.code, 'method_not_allowed');
  }
  {
    const error = catalogue.create(undefined, { code: 'payload_too_large', message: 'm' });
    assert.ok(error instanceof InvalidOperationError, 'payload_too_large');
    assert.ok(error instanceof DWCPError);
    assert.equal(error.code, 'payload_too_large');
  }
  {
    const error = catalogue.create(undefined, { code: 'uri_too_long', message: 'm' });
    assert.ok(error instanceof InvalidOperationError, 'uri_too_long');
    assert.ok(error instanceof DWCPError);
    assert.equal(error.code, 'uri_too_long');
  }
  {
    const error = catalogue.create(undefined, { code: 'unsupported_media_type', message: 'm' });
    assert.ok(error instanceof InvalidOperationError, 'unsupported_media_type');
    assert.ok(error instanceof DWCPError);
    assert.equal(error.code, 'unsupported_media_type');
  }
  {
    const error = catalogue.create(undefined, { code: 'headers_too_large', message: 'm' });
    assert.ok(error instanceof InvalidOperationError, 'headers_too_large');
    assert.ok(error instanceof DWCPError);
    assert.equal(error.code, 'headers_too_large');
  }
  {
    const error = catalogue.create(undefined, { code: 'migration_in_progress', message: 'm' });
    assert.ok(error instanceof InvalidOperationError, 'migration_in_progress');
    assert.ok(error instanceof DWCPError);
    assert.equal(error.code, 'migration_in_progress');
  }
  {
    const error = catalogue.create(undefined, { code: 'idempotency_key_reused', message: 'm' });
    assert.ok(error instanceof InvalidOperationError, 'idempotency_key_reused');
    assert.ok(error instanceof DWCPError);
    assert.equal(error.code, 'idempotency_key_reused');
  }
  {
    const error = catalogue.create(undefined, { code: 'idempotency_key_in_use', message: 'm' });
    assert.ok(error instanceof InvalidOperationError, 'idempotency_key_in_use');
    assert.ok(error instanceof DWCPError);
    assert.equal(error.code, 'idempotency_key_in_use');
  }
  {
    const error = catalogue.create(undefined, { code: 'validation_failed', message: 'm' });
    assert.ok(error instanceof ValidationError, 'validation_failed');
    assert.ok(error instanceof DWCPError);
    assert.equal(error.code, 'validation_failed');
  }
  {
    const error = catalogue.create(undefined, { code: 'resource_exhausted', message: 'm' });
    assert.ok(error instanceof ResourceLimitError, 'resource_exhausted');
    assert.ok(error instanceof DWCPError);
    assert.equal(error.code, 'resource_exhausted');
  }
  {
    const error = catalogue.create(undefined, { code: 'too_many_streams', message: 'm' });
    assert.ok(error instanceof ResourceLimitError, 'too_many_streams');
    assert.ok(error instanceof DWCPError);
    assert.equal(error.code, 'too_many_streams');
  }
  {
    const error = catalogue.create(undefined, { code: 'rate_limited', message: 'm' });
    assert.ok(error instanceof ResourceLimitError, 'rate_limited');
    assert.ok(error instanceof DWCPError);
    assert.equal(error.code, 'rate_limited');
  }
  {
    const error = catalogue.create(undefined, { code: 'migration_failed', message: 'm' });
    assert.ok(error instanceof MigrationError, 'migration_failed');
    assert.ok(error instanceof DWCPError);
    assert.equal(error.code, 'migration_failed');
  }
  {
    const error = catalogue.create(undefined, { code: 'not_converging', message: 'm' });
    assert.ok(error instanceof MigrationError, 'not_converging');
    assert.ok(error instanceof DWCPError);
    assert.equal(error.code, 'not_converging');
  }
  {
    const error = catalogue.create(undefined, { code: 'internal', message: 'm' });
    assert.ok(error instanceof InternalError, 'internal');
    assert.ok(error instanceof DWCPError);
    assert.equal(error.code, 'internal');
  }
  {
    const error = catalogue.create(undefined, { code: 'not_implemented', message: 'm' });
    assert.ok(error instanceof InternalError, 'not_implemented');
    assert.ok(error instanceof DWCPError);
    assert.equal(error.code, 'not_implemented');
  }
  {
    const error = catalogue.create(undefined, { code: 'hook_failed', message: 'm' });
    assert.ok(error instanceof HookError, 'hook_failed');
    assert.ok(error instanceof DWCPError);
    assert.equal(error.code, 'hook_failed');
  }
  {
    const error = catalogue.create(undefined, { code: 'waiter_failed', message: 'm' });
    assert.ok(error instanceof WaiterError, 'waiter_failed');
    assert.ok(error instanceof DWCPError);
    assert.equal(error.code, 'waiter_failed');
  }
});
