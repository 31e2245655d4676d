"""nox -s bench -- soak: a bounded soak of the conformance server, then a slow-client run.

1. Soak: conformance mode (journal on), wrk on the load core running a mix of GET /v3/vms/{id}
   (about 80 %), keyed POST /v3/vms (10 %, a fresh Idempotency-Key each) and DELETE of the VMs
   created (10 %). RSS is read after a warm-up, at the end and after a quiet period; latency
   percentiles come from wrk (p50, p99, p99.9).
2. Slow clients: SLOW_CLIENTS connections each send one header byte per second while wrk measures
   GET /v3/health; the slow ones must be cut by the header timeout afterwards.

Targets (issue 14): RSS after the soak within 50 MB of its level after warm-up, p99.9 < 25 ms,
/v3/health p99 < 10 ms under the slow clients.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from conformance.server.bench import LOAD_CORE, SERVER_CORE, _ceiling, _pin, _request, _taskset, cpu_seconds
from conformance.server.testing import RunningServer, start_server

CONNECTIONS = 32
SLOW_CLIENTS = 1000
RSS_GROWTH_MB = 50.0
P999_MS = 25.0
HEALTH_P99_MS = 10.0

# wrk prints one JSON line of totals and latency percentiles (ms) at the end of a run.
REPORT = r"""
done = function(summary, latency, requests)
  local s = summary
  io.write(string.format("JSON {\"requests\": %d, \"seconds\": %f, \"non2xx\": %d, \"errors\": %d, "
    .. "\"p50\": %f, \"p99\": %f, \"p999\": %f, \"max\": %f}\n",
    s.requests, s.duration / 1e6, s.errors.status, s.errors.connect + s.errors.read + s.errors.write
    + s.errors.timeout, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency:percentile(99.9) / 1000, latency.max / 1000))
end
"""
PLAIN = REPORT  # a plain GET load: wrk's own requests, then the report

MIX = (
    r"""
local key = os.getenv("DWCP_KEY")
local vm_path = os.getenv("DWCP_VM_PATH")
local body = '{"name":"soak","memory":1073741824,"cpus":1,"disk":1073741824,"image":"img"}'
local counter, pending, queued = 0, {}, {}
thread_id = 0  -- a global: setup() gives each thread its own
local auth = {["Authorization"] = "Bearer " .. key}
local create = {["Authorization"] = "Bearer " .. key, ["Content-Type"] = "application/json"}
local next_thread = 0
setup = function(thread)
  next_thread = next_thread + 1
  thread:set("thread_id", next_thread .. "-" .. os.time())
end
request = function()
  counter = counter + 1
  if counter % 10 == 5 and #pending > 0 then
    local id = table.remove(pending)
    queued[id] = nil
    return wrk.format("DELETE", "/v3/vms/" .. id, auth)
  end
  if counter % 10 == 0 then
    create["Idempotency-Key"] = "soak-" .. thread_id .. "-" .. counter
    return wrk.format("POST", "/v3/vms", create, body)
  end
  return wrk.format("GET", vm_path, auth)
end
response = function(status, headers, body)
  if status == 201 then
    local id = body:match('"id":"([^"]+)"')
    if id and not queued[id] then
      queued[id] = true
      table.insert(pending, id)
    end
  end
end
"""
    + REPORT
)


def rss_mb(pid: int) -> float:
    """Resident set size of a process in MB (Linux /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024.0
    raise RuntimeError("no VmRSS")


def run_wrk(url: str, script: str, seconds: float, connections: int, env: dict[str, str]) -> dict[str, float]:
    """One wrk run with a Lua script whose done() prints a JSON summary."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as lua:
        lua.write(script)
    args = [*_taskset(LOAD_CORE), "wrk", "-t2", f"-c{connections}", f"-d{seconds:g}s", "-s", lua.name]
    out = subprocess.run([*args, url], check=True, capture_output=True, text=True, env={**os.environ, **env}).stdout
    Path(lua.name).unlink()
    found = re.search(r"^JSON (.*)$", out, re.MULTILINE)
    if found is None:
        raise RuntimeError(f"wrk printed no summary:\n{out}")
    result: dict[str, float] = json.loads(found.group(1))
    result["rps"] = result["requests"] / result["seconds"]
    return result


def soak(seconds: float, warmup: float, quiet: float) -> dict[str, float]:
    """The mixed soak in conformance mode; RSS after warm-up, at the end and after a quiet period."""
    server = start_server(conformance=True, clock_speed=1000.0)
    _pin(server.process.pid, SERVER_CORE)
    try:
        vm = _request(server, "POST", "/v3/vms", {**_config(), "name": "target"})
        env = {"DWCP_KEY": server.api_key, "DWCP_VM_PATH": f"/v3/vms/{vm['id']}"}
        start = rss_mb(server.process.pid)
        run_wrk(server.url, MIX, warmup, CONNECTIONS, env)
        warm = rss_mb(server.process.pid)
        before = cpu_seconds(server.process.pid)
        result = run_wrk(server.url, MIX, seconds, CONNECTIONS, env)
        result["cpu_us"] = (cpu_seconds(server.process.pid) - before) / max(1.0, result["requests"]) * 1e6
        end = rss_mb(server.process.pid)
        time.sleep(quiet)
        after = rss_mb(server.process.pid)
        held = _request(server, "GET", "/_conformance/connections")
        return {
            **result,
            "rss_start": start,
            "rss_warm": warm,
            "rss_end": end,
            "rss_quiet": after,
            "keys": held["idempotency_keys"],
            "journal": held["journal_entries"],
        }
    finally:
        server.stop()


def _config() -> dict[str, object]:
    return {"name": "soak", "memory": 1024**3, "cpus": 1, "disk": 1024**3, "image": "img"}


SLOW = r"""
import asyncio, sys, time
host, port, count, seconds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
request = b"GET /v3/health HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * 200 + b"\r\n\r\n"
cut = 0
async def one(n):
    global cut
    reader, writer = await asyncio.open_connection(host, port)
    start = time.monotonic()
    for i in range(len(request)):
        if time.monotonic() - start > seconds:
            break
        try:
            writer.write(request[i:i + 1])
            await writer.drain()
        except ConnectionError:
            cut += 1
            return
        if reader.at_eof():
            cut += 1
            return
        try:
            data = await asyncio.wait_for(reader.read(4096), 1.0)
            if data.startswith(b"HTTP/1.1 408") or not data:
                cut += 1
                return
        except asyncio.TimeoutError:
            pass
    writer.close()
async def main():
    tasks = []
    for n in range(count):
        tasks.append(asyncio.create_task(one(n)))
        if n % 100 == 99:
            await asyncio.sleep(0.05)
    print("connected", flush=True)
    await asyncio.gather(*tasks, return_exceptions=True)
    print(f"cut {cut}", flush=True)
asyncio.run(main())
"""


def slow_clients(seconds: float) -> dict[str, float]:
    """GET /v3/health latency while SLOW_CLIENTS connections trickle their headers one byte a second."""
    server = start_server(conformance=False, clock_speed=1000.0)
    _pin(server.process.pid, SERVER_CORE)
    try:
        hold = seconds + 8.0  # past the 10 s header timeout: every slow client must be cut
        args = [*_taskset(LOAD_CORE), sys.executable, "-c", SLOW, server.host, str(server.port)]
        slow = subprocess.Popen([*args, str(SLOW_CLIENTS), str(hold)], stdout=subprocess.PIPE, text=True)
        assert slow.stdout is not None
        slow.stdout.readline()  # "connected"
        time.sleep(1.0)
        opened = _request(server, "GET", "/v3/health") and _open_connections(server)
        result = run_wrk(server.url + "/v3/health", PLAIN, seconds, 4, {"DWCP_KEY": server.api_key})
        out, _ = slow.communicate(timeout=hold + 30)
        cut = int(re.search(r"cut (\d+)", out).group(1))  # type: ignore[union-attr]
        return {**result, "slow_open": opened, "slow_cut": cut}
    finally:
        server.stop()


def floor(seconds: float) -> dict[str, float]:
    """The machine's floor right now: bare aiohttp answering a constant body, under the same wrk load.

    On a shared machine the tail latency of any Python server follows the machine's load; this run
    tells the server's own tail from the machine's.
    """
    body = b'{"id":"vm-0","name":"soak","state":"running"}'
    proc, url = _ceiling(body)
    try:
        before = cpu_seconds(proc.pid)
        result = run_wrk(url + "/v3/vms/vm-0", PLAIN, seconds, CONNECTIONS, {"DWCP_KEY": ""})
        result["cpu_us"] = (cpu_seconds(proc.pid) - before) / max(1.0, result["requests"]) * 1e6
        return result
    finally:
        proc.terminate()
        proc.wait()


def _open_connections(server: RunningServer) -> float:
    # Descriptors of the server that are sockets: the slow clients really hold connections.
    fds = Path(f"/proc/{server.process.pid}/fd")
    return float(sum(1 for fd in fds.iterdir() if os.readlink(fd).startswith("socket:")))


def main() -> None:
    """Runs the soak and the slow-client run and prints the figures against the targets."""
    parser = argparse.ArgumentParser(prog="python -m conformance.server.soak")
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--warmup", type=float, default=10.0)
    parser.add_argument("--quiet", type=float, default=10.0)
    parser.add_argument("--slow-seconds", type=float, default=8.0)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed (Debian: apt-get install wrk)")
    s = soak(args.seconds, args.warmup, args.quiet)
    print(
        f"\nsoak: {args.seconds:g} s after a {args.warmup:g} s warm-up, conformance mode, {CONNECTIONS} connections,"
        " 80% GET / 10% keyed create / 10% delete; server on core 0, wrk on core 1"
    )
    print(
        f"  {s['rps']:,.0f} req/s ({s['requests']:,.0f} requests, {s['non2xx']:.0f} non-2xx, {s['errors']:.0f} errors)"
        f"   p50 {s['p50']:.2f} ms   p99 {s['p99']:.2f} ms   p99.9 {s['p999']:.2f} ms   max {s['max']:.1f} ms"
    )
    print(
        f"  server CPU {s['cpu_us']:.0f} µs/request: CPU-bound capacity {1e6 / s['cpu_us']:,.0f} req/s on one core"
        f" (steadier than req/s on a shared machine; load average now {os.getloadavg()[0]:.1f})"
    )
    print(
        f"  RSS MB: start {s['rss_start']:.1f}, after warm-up {s['rss_warm']:.1f}, end {s['rss_end']:.1f},"
        f" after {args.quiet:g} s quiet {s['rss_quiet']:.1f}   (held: {s['keys']:.0f} idempotency keys,"
        f" {s['journal']:.0f} journal entries)"
    )
    f = floor(min(10.0, args.seconds))
    print(
        f"floor (bare aiohttp, constant body, same wrk load, {min(10.0, args.seconds):g} s): {f['rps']:,.0f} req/s,"
        f" p50 {f['p50']:.2f} ms, p99 {f['p99']:.2f} ms, p99.9 {f['p999']:.2f} ms, CPU {f['cpu_us']:.0f} µs/request"
    )
    h = slow_clients(args.slow_seconds)
    print(
        f"slow clients: {SLOW_CLIENTS} connections sending 1 header byte/s ({h['slow_open']:.0f} server sockets open);"
        f" GET /v3/health {h['rps']:,.0f} req/s, p50 {h['p50']:.2f} ms, p99 {h['p99']:.2f} ms,"
        f" p99.9 {h['p999']:.2f} ms; {h['slow_cut']:.0f} of {SLOW_CLIENTS} slow clients cut by the header timeout"
    )
    growth = max(s["rss_end"], s["rss_quiet"]) - s["rss_warm"]
    checks = {
        f"RSS growth after warm-up {growth:.1f} MB <= {RSS_GROWTH_MB:g} MB": growth <= RSS_GROWTH_MB,
        f"p99.9 {s['p999']:.2f} ms < {P999_MS:g} ms": s["p999"] < P999_MS,
        f"health p99 {h['p99']:.2f} ms < {HEALTH_P99_MS:g} ms": h["p99"] < HEALTH_P99_MS,
        "no transport errors and no non-2xx in the soak": s["errors"] == 0 and s["non2xx"] == 0,
        "every slow client cut by the header timeout": h["slow_cut"] == SLOW_CLIENTS,
    }
    for text, ok in checks.items():
        print(f"  [{'ok' if ok else 'MISSED'}] {text}")
    print("targets met" if all(checks.values()) else "TARGETS MISSED")
    if not all(checks.values()):
        sys.exit(1)


if __name__ == "__main__":
    main()
