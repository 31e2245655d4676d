import { BaseClient } from './base-client.js';
import { FetchTransport } from './runtime/fetch-transport.js';
import type { Transport } from './runtime/transport.js';

/** The browser client: global fetch; streams read through ReadableStream. */
export class Client extends BaseClient {
  protected createTransport(origin: string): Transport {
    return new FetchTransport(origin);
  }
}
