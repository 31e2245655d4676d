// Code generated from extras/typescript/test/browser/run-browser.ts by generator/; DO NOT EDIT.
// Loads the built browser entry (dist/browser.js, plain ESM, no bundler) into headless Debian
// Chromium from a page on localhost, and runs create, get, watch and an error case against the
// conformance server on another origin (so CORS is exercised too). Env: DWCP_URL, DWCP_API_KEY.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

const SDK = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const PAGE = `<!doctype html><meta charset="utf-8"><title>dwcp browser test</title>
<script type="module">
import { Client, VMClient, VMNotFoundError, VMEventType } from '/dist/browser.js';
const q = new URLSearchParams(location.search);
const out = {};
try {
  const client = new Client({ address: q.get('address'), port: Number(q.get('port')), apiKey: q.get('key') });
  await client.connect();
  out.authenticated = client.isAuthenticated;
  const vms = new VMClient(client);
  const vm = await vms.create({ name: 'browser-vm', memory: 1073741824, cpus: 1, disk: 10737418240, image: 'img' });
  out.created = vm.name;
  out.got = (await vms.get(vm.id)).id === vm.id;
  out.events = [];
  for await (const event of vms.watch(vm.id)) {
    out.events.push(event.type);
    if (event.type === VMEventType.STATE_CHANGED) break;
  }
  try {
    await vms.get('vm-missing');
  } catch (error) {
    out.error = error instanceof VMNotFoundError ? error.code + ':' + error.status : String(error);
  }
  await client.disconnect();
} catch (error) {
  out.failure = String((error && error.stack) || error);
}
window.__result = out;
</script>`;

async function main(): Promise<void> {
  const target = new URL(process.env['DWCP_URL'] ?? 'http://127.0.0.1:9000');
  const pages = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === '/') {
      res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
      return;
    }
    const file = normalize(join(SDK, path));
    if (!path.startsWith('/dist/') || !file.startsWith(join(SDK, 'dist'))) {
      res.writeHead(404).end();
      return;
    }
    readFile(file).then(
      (body) => res.writeHead(200, { 'content-type': 'text/javascript' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => pages.listen(0, 'localhost', resolve));
  const port = (pages.address() as AddressInfo).port;
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM'] ?? '/usr/bin/chromium',
    args: ARGS,
  });
  try {
    const page = await browser.newPage();
    const logs: string[] = [];
    page.on('console', (m) => logs.push(m.text()));
    page.on('pageerror', (e) => logs.push(String(e)));
    const query = new URLSearchParams({
      address: `${target.protocol}//${target.hostname}`,
      port: target.port,
      key: process.env['DWCP_API_KEY'] ?? 'test-key',
    });
    await page.goto(`http://localhost:${port}/?${query.toString()}`);
    await page.waitForFunction(
      () => (window as unknown as { __result?: unknown }).__result !== undefined,
      null,
      {
        timeout: 20_000,
      },
    );
    const result = (await page.evaluate(
      () => (window as unknown as { __result: unknown }).__result,
    )) as Record<string, unknown>;
    console.log(
      'browser result:',
      JSON.stringify(result),
      logs.length > 0 ? `console: ${logs.join(' | ')}` : '',
    );
    assert.equal(result['failure'], undefined);
    assert.equal(result['authenticated'], true);
    assert.equal(result['created'], 'browser-vm');
    assert.equal(result['got'], true);
    assert.deepEqual((result['events'] as string[]).slice(0, 1), ['created']);
    assert.equal(result['error'], 'vm_not_found:404');
    console.log('1 passed, 0 failed');
  } finally {
    await browser.close();
    pages.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
