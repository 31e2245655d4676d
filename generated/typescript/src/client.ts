// Code generated from templates/typescript/src/client.ts by generator/; DO NOT EDIT.
import { randomUUID } from 'node:crypto';

import { BaseClient, type TransportConfig } from './base-client.js';
import { VERSION } from './version.js';
import type { Transport } from './runtime/transport.js';
import { UndiciTransport } from './runtime/undici-transport.js';

/** The Node client: pooled keep-alive connections through undici. */
export class Client extends BaseClient {
  // Node 18 has no global Web Crypto (it came unflagged in Node 19).
  protected override randomId(): string {
    return randomUUID();
  }

  /** `dwcp-typescript/<version> (node <version>; <os>; <arch>)`. */
  protected override userAgent(): string {
    return USER_AGENT;
  }

  protected createTransport(origin: string, config: TransportConfig): Transport {
    return new UndiciTransport(origin, {
      connections: config.maxStreams,
      keepAlive: config.keepAlive,
      keepAliveTimeout: config.keepAlivePeriod,
      connectTimeout: config.connectTimeout,
      ca: config.ca,
    });
  }
}

const USER_AGENT = `dwcp-typescript/${VERSION} (node ${process.versions.node}; ${process.platform}; ${process.arch})`;
