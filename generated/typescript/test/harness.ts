// Code generated from templates/typescript/test/harness.ts by generator/; DO NOT EDIT.
// The runtime's test harness: an Invoker over the Node transport (undici) talking to a local
// node:http or node:https server that records its requests and connections. Generic over the spec:
// the endpoints are made up, and errors come from the generated catalogue by wire code.
import {
  createServer as createHttp,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttps } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';

import { catalogue, RETRY_POLICY } from '../src/policy.js';
import { EventStream } from '../src/runtime/event-stream.js';
import type { Hook } from '../src/runtime/hooks.js';
import { Invoker, type Endpoint, type InvokerSettings } from '../src/runtime/invoker.js';
import { newMetrics } from '../src/runtime/metrics.js';
import { UndiciTransport } from '../src/runtime/undici-transport.js';

/** The API key of every harness invoker: no error message may quote it. */
export const KEY = 'sk-harness-key-never-printed';

export const GET: Endpoint = {
  operation: 'thing.get',
  method: 'GET',
  template: '/thing',
  path: '/thing',
  idempotent: true,
  auth: true,
  success: 200,
};
export const WATCH: Endpoint = {
  operation: 'thing.watch',
  method: 'GET',
  template: '/watch',
  path: '/watch',
  idempotent: true,
  auth: true,
  success: 200,
};

/** A local server and what it saw: requests, connections opened, and each connection's close. */
export interface Harness {
  origin: string;
  port: number;
  requests: IncomingMessage[];
  /** Every TCP connection accepted (TLS ones included, before their handshake). */
  sockets: Socket[];
  /** Connections closed so far. */
  closed: number;
  /** Resolves when `n` connections have closed (fails when that takes more than settles' guard). */
  whenClosed(n: number): Promise<void>;
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse, index: number) => void;

/** A server on a free loopback port; `tls` serves HTTPS with that key and certificate, on `host`. */
export async function listen(
  handler: Handler,
  tls?: { key: string; cert: string; host?: string },
): Promise<Harness> {
  const requests: IncomingMessage[] = [];
  const sockets: Socket[] = [];
  const waiters: { n: number; resolve: () => void }[] = [];
  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    requests.push(req);
    res.on('error', () => undefined);
    handler(req, res, requests.length - 1);
  };
  const server: Server =
    tls === undefined
      ? createHttp(onRequest)
      : createHttps({ key: tls.key, cert: tls.cert }, onRequest);
  server.on('tlsClientError', () => undefined);
  const h: Harness = {
    origin: '',
    port: 0,
    requests,
    sockets,
    closed: 0,
    whenClosed: (n) =>
      h.closed >= n
        ? Promise.resolve()
        : settles(
            new Promise<void>((resolve) => waiters.push({ n, resolve })),
            `the close of connection ${n}`,
          ),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  server.on('connection', (socket: Socket) => {
    sockets.push(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => {
      h.closed++;
      for (const w of waiters.filter((w) => w.n <= h.closed)) w.resolve();
    });
  });
  const host = tls?.host ?? '127.0.0.1';
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  h.port = (server.address() as AddressInfo).port;
  h.origin = `${tls === undefined ? 'http' : 'https'}://${host}:${h.port}`;
  return h;
}

/** An invoker over a fresh undici pool to `origin` (`ca`: extra trusted certificates). */
export function invoker(
  origin: string,
  settings: Partial<InvokerSettings> & { ca?: string; hooks?: Hook[] } = {},
): { invoker: Invoker; transport: UndiciTransport } {
  const { ca, ...rest } = settings;
  const transport = new UndiciTransport(origin, {
    connections: 4,
    keepAlive: true,
    keepAliveTimeout: 4000,
    connectTimeout: 2000,
    ca,
  });
  let n = 0;
  const inv = new Invoker({
    transport,
    basePath: '',
    apiKey: KEY,
    retryAttempts: 3,
    retryBackoff: 5,
    maxBackoff: RETRY_POLICY.maxBackoff,
    maxRetryAfter: RETRY_POLICY.maxRetryAfter,
    requestTimeout: 5000,
    jitter: () => 1,
    catalogue,
    metrics: newMetrics(),
    headers: RETRY_POLICY.headers,
    newId: () => `id-${++n}`,
    ...rest,
  });
  return { invoker: inv, transport };
}

/** Runs `body` against a server answering with `handler` and an invoker to it; closes both afterwards. */
export async function withInvoker(
  handler: Handler,
  settings: Parameters<typeof invoker>[1],
  body: (server: Harness, inv: Invoker, transport: UndiciTransport) => Promise<void>,
): Promise<void> {
  const server = await listen(handler);
  const { invoker: inv, transport } = invoker(server.origin, settings);
  try {
    await body(server, inv, transport);
  } finally {
    await transport.close();
    await server.close();
  }
}

/** A stream of `data:` events from WATCH over `inv`. */
export function watch(inv: Invoker, signal?: AbortSignal): EventStream<string> {
  return new EventStream(
    { invoker: inv, endpoint: () => WATCH, decode: (e) => e.data },
    { signal },
  );
}

/** The rejection of `promise` (fails when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

/** Waits `ms` (lets a retry that should not happen show up). */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** How many timers the process holds (a cancelled call must leave none behind). */
export function timers(): number {
  return process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
}

/**
 * `promise`, or a failure naming `what` if it is still pending after `ms` (a hang guard, far above
 * any expected duration: it turns a regression into a failing test instead of a hung run).
 */
export async function settles<T>(promise: Promise<T>, what: string, ms = 5000): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const guard = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} still pending after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, guard]);
  } finally {
    clearTimeout(timer);
  }
}
