"""nox -s bench -- server: GET /v3/vms/{id} against the stack's constant-reply ceiling, and an SSE burst.

Servers run on core 0, the load generator (wrk) and the SSE reader on core 1 (taskset).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from conformance.server.testing import ROOT, RunningServer, start_server

DURATION_S = 8
CONNECTIONS = 32
REPS = 2
SSE_EVENTS = 200_000
SERVER_CORE, LOAD_CORE = "0", "1"


def _taskset(core: str) -> list[str]:
    return ["taskset", "-c", core] if shutil.which("taskset") and (os.cpu_count() or 1) > 1 else []


def _pin(pid: int, core: str) -> None:
    if _taskset(core):
        subprocess.run(["taskset", "-a", "-p", "-c", core, str(pid)], check=True, capture_output=True)


def _request(server: RunningServer, method: str, path: str, body: dict | None = None) -> dict:
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(server.url + path, data=data, method=method)
    req.add_header("Authorization", f"Bearer {server.api_key}")
    req.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(req) as resp:
        return json.loads(resp.read())


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wrk(url: str, key: str, pid: int) -> dict[str, float]:
    """One wrk run on the load core: requests/s, p50 and p99 in ms, server CPU µs per request."""
    before = cpu_seconds(pid)
    args = [*_taskset(LOAD_CORE), "wrk", "-t2", f"-c{CONNECTIONS}", f"-d{DURATION_S}s", "--latency"]
    args += ["-H", f"Authorization: Bearer {key}", url]
    out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    if "Non-2xx" in out or "Socket errors" in out:
        raise RuntimeError(f"wrk saw errors:\n{out}")
    total = int(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
    return {
        "cpu_us": (cpu_seconds(pid) - before) / total * 1e6,
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),  # type: ignore[union-attr]
        "p50": _ms(re.search(r"50%\s+([\d.]+\w+)", out).group(1)),  # type: ignore[union-attr]
        "p99": _ms(re.search(r"99%\s+([\d.]+\w+)", out).group(1)),  # type: ignore[union-attr]
    }


def _ms(text: str) -> float:
    value, unit = re.fullmatch(r"([\d.]+)(\w+)", text).groups()  # type: ignore[union-attr]
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _ceiling(body: bytes) -> tuple[subprocess.Popen[bytes], str]:
    body_file = Path(tempfile.mkdtemp(prefix="dwcp-bench-")) / "vm.json"
    body_file.write_bytes(body)
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    args = [*_taskset(SERVER_CORE), sys.executable, "-m", "conformance.server.ceiling"]
    proc = subprocess.Popen([*args, "--port", str(port), "--body-file", str(body_file)], env=env, cwd=ROOT)
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            urllib.request.urlopen(url + "/v3/vms/x").read()
            return proc, url
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("the ceiling server did not start")


def bench_get() -> dict[str, dict[str, float]]:
    """Server and ceiling, interleaved REPS times; medians of each."""
    server = start_server(conformance=False, clock_speed=1000.0)
    _pin(server.process.pid, SERVER_CORE)
    try:
        vm = _request(server, "POST", "/v3/vms", _vm_config())
        raw = urllib.request.urlopen(
            urllib.request.Request(f"{server.url}/v3/vms/{vm['id']}", headers={"Authorization": "Bearer test-key"})
        ).read()
        ceiling, ceiling_url = _ceiling(raw)
        try:
            runs: dict[str, list[dict[str, float]]] = {"server": [], "ceiling": []}
            for _ in range(REPS):
                runs["server"].append(wrk(f"{server.url}/v3/vms/{vm['id']}", server.api_key, server.process.pid))
                runs["ceiling"].append(wrk(f"{ceiling_url}/v3/vms/{vm['id']}", server.api_key, ceiling.pid))
        finally:
            ceiling.terminate()
            ceiling.wait()
    finally:
        server.stop()
    return {
        name: {k: statistics.median(r[k] for r in rs) for k in ("rps", "p50", "p99", "cpu_us")}
        for name, rs in runs.items()
    }


def _vm_config() -> dict:
    gib = 1024**3
    return {
        "name": "bench-1",
        "memory": 4 * gib,
        "cpus": 2,
        "disk": 40 * gib,
        "image": "ubuntu-22.04",
        "labels": {"app": "web", "env": "bench"},
    }


def bench_sse() -> float:
    """Events per second of one watch replaying a burst of SSE_EVENTS to one reader on the load core."""
    server = start_server(conformance=True, clock_speed=1000.0)
    _pin(server.process.pid, SERVER_CORE)
    try:
        _request(server, "POST", "/_conformance/reset", {"event_retention": SSE_EVENTS + 100})
        vm = _request(server, "POST", "/v3/vms", _vm_config())
        _request(server, "POST", "/_conformance/events", {"vm_id": vm["id"], "count": SSE_EVENTS})
        url = f"{server.url}/v3/vms/{vm['id']}/events?follow=false"
        args = [*_taskset(LOAD_CORE), sys.executable, "-m", "conformance.server.sse_reader", url, server.api_key]
        out = subprocess.run(
            args, check=True, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}
        )
        count, seconds = (float(x) for x in out.stdout.split())
        if count < SSE_EVENTS:
            raise RuntimeError(f"the reader got {count:.0f} of {SSE_EVENTS} events")
        return count / seconds
    finally:
        server.stop()


def main() -> None:
    """Runs both benchmarks and prints the figures side by side."""
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed (Debian: apt-get install wrk)")
    get = bench_get()
    sse = bench_sse()
    s, c = get["server"], get["ceiling"]
    print(
        f"\nGET /v3/vms/{{id}}: {CONNECTIONS} connections, {DURATION_S} s x {REPS} reps (medians), "
        "server on core 0, wrk on core 1"
    )
    print(f"{'':10} {'req/s':>10} {'p50 ms':>8} {'p99 ms':>8} {'CPU µs/req':>11}")
    for name, row in (("server", s), ("ceiling", c)):
        print(f"{name:10} {row['rps']:>10.0f} {row['p50']:>8.2f} {row['p99']:>8.2f} {row['cpu_us']:>11.1f}")
    print(f"server/ceiling: {s['rps'] / c['rps']:.0%}   targets: >= 8000 req/s, >= 50% of ceiling, p99 < 10 ms")
    print(
        f"CPU-bound capacity (1e6 / CPU µs per request): server {1e6 / s['cpu_us']:.0f} req/s, "
        f"ceiling {1e6 / c['cpu_us']:.0f} req/s  (steadier than req/s on a shared machine)"
    )
    print(f"SSE burst replay to one client: {sse:,.0f} events/s ({SSE_EVENTS} events)   target: >= 50,000")
    ok = s["rps"] >= 8000 and s["rps"] >= 0.5 * c["rps"] and s["p99"] < 10 and sse >= 50_000
    print("targets met" if ok else "TARGETS MISSED")


if __name__ == "__main__":
    main()
