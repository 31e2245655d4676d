import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { Client, type ClientConfig } from '../src/index.js';

/** A request as the test server saw it. */
export interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A node:http server on a free port that records requests and answers through `handler`. */
export async function serve(
  handler: (req: Seen, res: ServerResponse, index: number) => void | Promise<void>,
): Promise<{ port: number; seen: Seen[]; close: () => Promise<void> }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const entry = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      seen.push(entry);
      void handler(entry, res, seen.length - 1);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Answers JSON. */
export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** An error body of the catalogue. */
export function failure(res: ServerResponse, status: number, type: string, code: string, headers: Record<string, string> = {}): void {
  json(res, status, { error: { type, code, message: `${code} happened`, retryable: status >= 500 } }, headers);
}

/** A connected client (session calls are answered by `serve` handlers through `session`). */
export async function connected(port: number, config: Partial<ClientConfig> = {}): Promise<Client> {
  const client = new Client({ address: '127.0.0.1', port, apiKey: 'sk-secret-key', jitter: () => 1, retryBackoff: 5, ...config });
  await client.connect();
  return client;
}

/** Answers POST /v3/session; returns true when it did. */
export function session(req: Seen, res: ServerResponse): boolean {
  if (req.url !== '/v3/session') return false;
  json(res, 200, { authenticated: true, session_id: 's-1', server_version: '3.0.0' });
  return true;
}

export const VM_WIRE = {
  id: 'vm-1',
  name: 'web-1',
  state: 'running',
  node: 'node-01',
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:01Z',
  config: { name: 'web-1', memory: 1073741824, cpus: 1, disk: 10737418240, image: 'img' },
  some_future_field: true,
};

export const VM_CONFIG = { name: 'web-1', memory: 2 * 1024 ** 3, cpus: 2, disk: 20 * 1024 ** 3, image: 'ubuntu-22.04' };
