// Code generated from extras/typescript/test/bench/bench.ts by generator/; DO NOT EDIT.
// nox -s bench -- typescript: in one run, (1) the SDK's get against the same request made with bare
// undici.request (p50 overhead must be <= 1.15x), also with one no-op hook installed and logging off
// (<= 1.15x too) and with OpenTelemetry tracing on without an exporter (reported), (2) consuming a burst replayed from the server's
// event log through the SDK's watch against a bare undici reader (>= 20,000 events/s and >= 0.5x).
import { performance } from 'node:perf_hooks';

import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import { Pool } from 'undici';

import { Client, VMClient } from '../../src/index.js';
import { otelTracing } from '../../src/otel.js';

const URL_ = new URL(process.env['DWCP_URL'] ?? 'http://127.0.0.1:9000');
const KEY = process.env['DWCP_API_KEY'] ?? 'test-key';
const ROUNDS = 10;
const PER_ROUND = 300;
const BURST = Number(process.env['DWCP_BENCH_EVENTS'] ?? 50_000);

async function control(path: string, body: unknown): Promise<unknown> {
  const res = await fetch(new URL(path, URL_), {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });
  return res.json();
}

function p50(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function main(): Promise<void> {
  await control('/_conformance/reset', { event_retention: BURST + 100, heartbeat_ms: 15_000 });
  const address = {
    address: URL_.hostname,
    port: Number(URL_.port),
    apiKey: KEY,
    logLevel: 'off' as const,
  };
  const client = new Client(address);
  await client.connect();
  const vms = new VMClient(client);
  // One no-op hook (every point), logging off: the observability cost a typical user pays.
  const hookedClient = new Client({
    ...address,
    hooks: [{ beforeAttempt() {}, afterResponse() {}, beforeRetry() {}, onError() {} }],
  });
  await hookedClient.connect();
  const hookedVms = hookedClient.vm();
  // Tracing on, spans recorded but exported nowhere.
  const tracedClient = new Client({
    ...address,
    tracing: otelTracing({ tracerProvider: new BasicTracerProvider() }),
  });
  await tracedClient.connect();
  const tracedVms = tracedClient.vm();
  const vm = await vms.create({
    name: 'bench',
    memory: 1073741824,
    cpus: 1,
    disk: 10737418240,
    image: 'img',
  });
  const pool = new Pool(URL_.origin, { connections: 100, pipelining: 1 });
  // The SDK's headers, User-Agent included (undici sends none of its own).
  const headers = {
    authorization: `Bearer ${KEY}`,
    accept: 'application/json',
    'user-agent': `dwcp-typescript/0.0.0 (node ${process.versions.node}; ${process.platform}; ${process.arch})`,
  };
  const path = `/v3/vms/${vm.id}`;
  // The same request as the SDK's: same headers, a fresh request id each time.
  const bare = async (): Promise<void> => {
    const { statusCode, body } = await pool.request({
      method: 'GET',
      path,
      headers: { ...headers, 'X-Request-ID': crypto.randomUUID(), 'DWCP-Attempt': '1' },
    });
    const json = (await body.json()) as { id: string };
    if (statusCode !== 200 || json.id !== vm.id) throw new Error('bad response');
  };
  const sdk = async (): Promise<void> => {
    await vms.get(vm.id);
  };
  const hooked = async (): Promise<void> => {
    await hookedVms.get(vm.id);
  };
  const traced = async (): Promise<void> => {
    await tracedVms.get(vm.id);
  };
  type Name = 'sdk' | 'hooked' | 'traced' | 'bare';
  const runs: [Name, () => Promise<void>][] = [
    ['sdk', sdk],
    ['hooked', hooked],
    ['traced', traced],
    ['bare', bare],
  ];
  const times: Record<Name, number[]> = { sdk: [], hooked: [], traced: [], bare: [] };
  for (let i = 0; i < 200; i++) await Promise.all([sdk(), hooked(), traced(), bare()]); // warm-up: JIT and connections
  for (let round = 0; round < ROUNDS; round++) {
    // Rotate the order every round, so that drift on a shared machine hits every variant alike.
    const order = [...runs.slice(round % runs.length), ...runs.slice(0, round % runs.length)];
    for (const [name, fn] of order) {
      for (let i = 0; i < PER_ROUND; i++) {
        const start = performance.now();
        await fn();
        times[name].push(performance.now() - start);
      }
    }
  }
  const us = (name: Name): string => `${(p50(times[name]) * 1000).toFixed(0)} us`;
  const ratio = p50(times.sdk) / p50(times.bare);
  const hookedRatio = p50(times.hooked) / p50(times.bare);
  const tracedRatio = p50(times.traced) / p50(times.bare);
  console.log(
    `get  p50: sdk ${us('sdk')}, bare undici.request ${us('bare')}, ratio ${ratio.toFixed(3)} (limit 1.15)`,
  );
  console.log(
    `get  p50: sdk + one no-op hook, logging off ${us('hooked')}, ratio ${hookedRatio.toFixed(3)} (limit 1.15)`,
  );
  console.log(
    `get  p50: sdk + OpenTelemetry tracing, no exporter ${us('traced')}, ratio ${tracedRatio.toFixed(3)} (reported)`,
  );

  await control('/_conformance/events', { vm_id: vm.id, count: BURST });
  const sdkRun = async (): Promise<number> => {
    let n = 0;
    for await (const _ of vms.watch(vm.id, { follow: false })) n++;
    return n;
  };
  const bareRun = async (): Promise<number> => {
    const { body } = await pool.request({
      method: 'GET',
      path: `/v3/vms/${vm.id}/events?follow=false`,
      headers: { ...headers, accept: 'text/event-stream' },
    });
    // A minimal hand-rolled consumer: split lines, JSON.parse each data line (no typing, no resume).
    let n = 0;
    const decoder = new TextDecoder();
    let tail = '';
    for await (const chunk of body) {
      const text = tail + decoder.decode(chunk as Uint8Array, { stream: true });
      let last = 0;
      let at = text.indexOf('\n');
      while (at !== -1) {
        if (text.startsWith('data:', last)) {
          JSON.parse(text.slice(last + 5, at));
          n++;
        }
        last = at + 1;
        at = text.indexOf('\n', last);
      }
      tail = text.slice(last);
    }
    return n;
  };
  // Interleaved, best of five each, so that drift on a shared machine hits both alike.
  const sdkRate = { events: 0, perSecond: 0 };
  const bareRate = { events: 0, perSecond: 0 };
  for (let i = 0; i < 5; i++) {
    for (const [run, best] of [
      [sdkRun, sdkRate],
      [bareRun, bareRate],
    ] as const) {
      const start = performance.now();
      const events = await run();
      const perSecond = events / ((performance.now() - start) / 1000);
      if (perSecond > best.perSecond) Object.assign(best, { events, perSecond });
    }
  }
  const streamRatio = sdkRate.perSecond / bareRate.perSecond;
  console.log(
    `sse  ${sdkRate.events} events: sdk ${sdkRate.perSecond.toFixed(0)}/s, bare undici reader ${bareRate.perSecond.toFixed(0)}/s, ratio ${streamRatio.toFixed(2)} (limits 20000/s, 0.5)`,
  );
  // (3) Lazy pagination: 100,000 synthetic VMs in pages of 500 through `for await` on list(),
  // against bare undici paging the same pages; the SDK's peak heap growth is reported (< 50 MB).
  const LIST = Number(process.env['DWCP_BENCH_VMS'] ?? 100_000);
  await control('/_conformance/vms', { count: LIST });
  const sdkList = async (): Promise<{ items: number; peak: number }> => {
    const base = process.memoryUsage().heapUsed;
    let peak = 0;
    let items = 0;
    for await (const _ of vms.list(undefined, { pageSize: 500 })) {
      if (++items % 500 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed - base);
    }
    return { items, peak };
  };
  const bareList = async (): Promise<{ items: number; peak: number }> => {
    let items = 0;
    let token = '';
    do {
      const { body } = await pool.request({
        method: 'GET',
        path: `/v3/vms?page_size=500${token === '' ? '' : `&page_token=${encodeURIComponent(token)}`}`,
        headers: { ...headers, 'X-Request-ID': crypto.randomUUID(), 'DWCP-Attempt': '1' },
      });
      const page = (await body.json()) as { vms: unknown[]; next_page_token?: string };
      items += page.vms.length;
      token = page.next_page_token ?? '';
    } while (token !== '');
    return { items, peak: 0 };
  };
  const listBest = { sdk: Infinity, bare: Infinity };
  let listItems = 0;
  let listPeak = 0;
  for (let i = 0; i < 3; i++) {
    for (const [name, run] of [
      ['sdk', sdkList],
      ['bare', bareList],
    ] as const) {
      const start = performance.now();
      const { items, peak } = await run();
      listBest[name] = Math.min(listBest[name], performance.now() - start);
      if (name === 'sdk') {
        listItems = items;
        listPeak = Math.max(listPeak, peak);
      }
    }
  }
  const listRatio = listBest.sdk / listBest.bare;
  const peakMb = listPeak / 1024 / 1024;
  console.log(
    `list ${listItems} VMs lazily (pages of 500): sdk ${listBest.sdk.toFixed(0)} ms, bare undici ${listBest.bare.toFixed(0)} ms, ratio ${listRatio.toFixed(3)} (limit 1.15), peak heap growth ${peakMb.toFixed(1)} MB (limit 50)`,
  );

  await client.disconnect();
  await hookedClient.disconnect();
  await tracedClient.disconnect();
  await pool.close();
  const ok =
    ratio <= 1.15 &&
    hookedRatio <= 1.15 &&
    listRatio <= 1.15 &&
    peakMb < 50 &&
    sdkRate.perSecond >= 20_000 &&
    streamRatio >= 0.5;
  console.log(ok ? 'bench: within limits' : 'bench: OUT OF LIMITS');
  process.exitCode = ok ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
