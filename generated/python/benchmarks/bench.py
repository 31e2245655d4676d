# Code generated from extras/python/benchmarks/bench.py by generator/; DO NOT EDIT.
"""The SDK against bare aiohttp on the same servers, in one run: get() latency, 64 in flight, an event burst.

python benchmarks/bench.py --host 127.0.0.1 --port 9000 --burst-port 9001 --api-key KEY

--port is a plain server (no conformance journal, as in production) for get(); --burst-port a conformance-mode
server, whose control API replays the event burst (POST /_conformance/events). Both sides of every figure run
against the same server, interleaved (call by call for latency, block by block otherwise), so drift on the
machine hits both alike.

The bare baselines do the same work as the SDK minus the SDK: the get() baseline sends the same headers
(Authorization, a fresh X-Request-ID, Accept, DWCP-Attempt), checks the status and decodes the body into the
same pydantic model with model_validate_json; the stream baseline splits the SSE events and json-decodes each
data payload (a minimal correct consumer); the count-only rate (no decode) is printed for scale.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import time
import tracemalloc
from collections.abc import Awaitable
from typing import Callable

import aiohttp

import dwcp

try:  # the extra dwcp[otel]: the traced variant is measured only when opentelemetry-sdk is installed
    from opentelemetry.sdk.trace import TracerProvider
except ImportError:  # pragma: no cover
    TracerProvider = None  # type: ignore[assignment,misc]

ROUNDS = 5  # alternate SDK and bare blocks, so drift on the machine hits both alike
GIB = 1024**3
Call = Callable[[], Awaitable[object]]


async def paired_latencies(
    sdk: Call, bare: Call, count: int
) -> tuple[list[float], list[float], float, float]:
    """Seconds per call of each side, one call at a time, alternating call by call (and which goes first),
    and each side's process CPU seconds per call."""
    out: tuple[list[float], list[float]] = ([], [])
    cpu = [0.0, 0.0]
    clock, cpu_clock = time.perf_counter, time.process_time
    for i in range(count):
        order = ((0, sdk), (1, bare)) if i % 2 else ((1, bare), (0, sdk))
        for side, call in order:
            c, start = cpu_clock(), clock()
            await call()
            out[side].append(clock() - start)
            cpu[side] += cpu_clock() - c
    return out[0], out[1], cpu[0] / count, cpu[1] / count


async def throughput(call: Call, count: int, in_flight: int = 64) -> float:
    """Calls per second with `in_flight` calls outstanding."""

    async def worker(share: int) -> None:
        for _ in range(share):
            await call()

    start = time.perf_counter()
    await asyncio.gather(*(worker(count // in_flight) for _ in range(in_flight)))
    return (count // in_flight) * in_flight / (time.perf_counter() - start)


class NoopHook(dwcp.Hook):
    """A hook that overrides every point and does nothing: the cost of the hook path itself."""

    def before_attempt(self, ctx: dwcp.AttemptContext) -> None:
        return None

    def after_response(self, ctx: dwcp.AttemptContext) -> None:
        return None

    def before_retry(self, ctx: dwcp.RetryContext) -> None:
        return None

    def on_error(self, ctx: dwcp.ErrorContext) -> None:
        return None


async def main(args: argparse.Namespace) -> int:
    base = f"http://{args.host}:{args.port}"
    headers = {"Authorization": f"Bearer {args.api_key}"}
    config = dwcp.ClientConfig(address=args.host, port=args.port, api_key=args.api_key, max_streams=64)
    os.environ.pop("DWCP_LOG", None)  # logging off in every variant
    hooked_client = dwcp.Client(config, hooks=[NoopHook()])
    traced_client = None if TracerProvider is None else dwcp.Client(config, tracer_provider=TracerProvider())
    async with (
        aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=64)) as bare,
        dwcp.Client(config) as client,
        hooked_client,
    ):
        vm = await client.vm.create(
            dwcp.VMConfig(name="bench", memory=GIB, cpus=1, disk=10 * GIB, image="img")
        )
        url = f"{base}/v3/vms/{vm.id}"

        async def bare_get() -> object:
            # The SDK's request (its headers, a fresh request id) and its decode into the same model.
            same = {
                **headers,
                "X-Request-ID": os.urandom(16).hex(),
                "Accept": "application/json",
                "DWCP-Attempt": "1",
            }
            async with bare.get(url, headers=same) as response:
                body = await response.read()
                if response.status != 200:
                    raise RuntimeError(f"HTTP {response.status}")
                return dwcp.VM.model_validate_json(body)

        async def sdk_get() -> object:
            return await client.vm.get(vm.id)

        for call in (sdk_get, bare_get):  # warm both pools
            for _ in range(200):
                await call()
        sdk_lat, bare_lat, sdk_cpu, bare_cpu = await paired_latencies(
            sdk_get, bare_get, args.requests * ROUNDS
        )
        p50 = statistics.median(sdk_lat), statistics.median(bare_lat)
        # Short adjacent blocks (which side goes first alternates); the ratio is the median of the pairs' ratios.
        rates: dict[str, list[float]] = {"sdk": [], "bare": []}
        for pair in range(2 * ROUNDS):
            for name, call in (("sdk", sdk_get), ("bare", bare_get))[:: 1 if pair % 2 else -1]:
                rates[name].append(await throughput(call, args.requests))
        rps = statistics.median(rates["sdk"]), statistics.median(rates["bare"])
        rps_ratio = statistics.median(s / b for s, b in zip(rates["sdk"], rates["bare"]))

        async def hooked_get() -> object:
            return await hooked_client.vm.get(vm.id)

        for _ in range(200):
            await hooked_get()
        hooked_lat, hooked_bare, _, _ = await paired_latencies(hooked_get, bare_get, args.requests * ROUNDS)
        hooked_p50 = statistics.median(hooked_lat), statistics.median(hooked_bare)
        traced_p50 = None
        if traced_client is not None:
            async with traced_client:

                async def traced_get() -> object:
                    return await traced_client.vm.get(vm.id)

                for _ in range(200):
                    await traced_get()
                traced_lat, traced_bare, _, _ = await paired_latencies(
                    traced_get, bare_get, args.requests * ROUNDS
                )
                traced_p50 = statistics.median(traced_lat), statistics.median(traced_bare)
    events = await stream_rates(args)
    lazy = await lazy_list(args)

    checks = [
        ("get() p50 latency (ms)", p50[0] * 1000, p50[1] * 1000, p50[0] / p50[1], "<= 1.15", p50[0] / p50[1] <= 1.15),
        ("get() x64 throughput (req/s)", rps[0], rps[1], rps_ratio, ">= 0.87", rps_ratio >= 0.87),
        ("event burst (events/s)", events[0], events[1], events[3], ">= 0.5 and >= 20000",
         events[3] >= 0.5 and events[0] >= 20000),
        ("get() p50, one no-op hook (ms)", hooked_p50[0] * 1000, hooked_p50[1] * 1000, hooked_p50[0] / hooked_p50[1],
         "<= 1.15", hooked_p50[0] / hooked_p50[1] <= 1.15),
    ]  # fmt: skip
    checks.append(
        (
            f"list {args.vms} VMs lazily (s)",
            lazy[0],
            lazy[1],
            lazy[0] / lazy[1],
            "<= 1.15",
            lazy[0] / lazy[1] <= 1.15,
        )
    )
    checks.append(("list, peak memory growth (MB)", lazy[2], lazy[3], lazy[2] / max(lazy[3], 1e-9), "sdk < 50",
                   lazy[2] < 50))  # fmt: skip
    if traced_p50 is not None:  # reported, no target: tracing on, a tracer provider without exporter
        ratio = traced_p50[0] / traced_p50[1]
        checks.append(
            ("get() p50, tracing on (ms)", traced_p50[0] * 1000, traced_p50[1] * 1000, ratio, "report", True)
        )
    print(f"{'measure':32} {'sdk':>12} {'bare aiohttp':>14} {'ratio':>7}  target")
    for label, sdk, bare_value, ratio, target, passed in checks:
        print(
            f"{label:32} {sdk:12.3f} {bare_value:14.3f} {ratio:7.3f}  {target} {'ok' if passed else 'MISSED'}"
        )
    print(
        f"{'get() CPU per call (us)':32} {sdk_cpu * 1e6:12.1f} {bare_cpu * 1e6:14.1f} {sdk_cpu / bare_cpu:7.3f}"
    )
    print(f"{'burst, bare count-only (ev/s)':32} {'':12} {events[2]:14.0f}  (no decode, for scale)")
    print(
        f"p50 of {len(sdk_lat)} calls per side, alternating; x64: {2 * ROUNDS} adjacent pairs of {args.requests}-call"
    )
    print(f"blocks, median of pair ratios; burst: {args.events} events, median of {ROUNDS} interleaved reads")
    return 0 if all(c[-1] for c in checks) else 1


async def stream_rates(args: argparse.Namespace) -> tuple[float, float, float, float]:
    """Events per second reading the same replayed burst: the SDK, bare json-decoding, bare counting (medians),
    and the median of each round's SDK / json-decoding ratio."""
    base = f"http://{args.host}:{args.burst_port}"
    headers = {"Authorization": f"Bearer {args.api_key}"}
    config = dwcp.ClientConfig(address=args.host, port=args.burst_port, api_key=args.api_key)
    async with aiohttp.ClientSession() as bare, dwcp.Client(config) as client:
        await bare.post(f"{base}/_conformance/reset", json={"event_retention": args.events + 100})
        vm = await client.vm.create(
            dwcp.VMConfig(name="bench", memory=GIB, cpus=1, disk=10 * GIB, image="img")
        )
        await bare.post(f"{base}/_conformance/events", json={"vm_id": vm.id, "count": args.events})
        url = f"{base}/v3/vms/{vm.id}/events?follow=false"

        async def sdk() -> float:
            start, seen = time.perf_counter(), 0
            async for _ in client.vm.watch(vm.id, follow=False):
                seen += 1
            return seen / (time.perf_counter() - start)

        async def decoding() -> float:
            # Splits events on the blank line, json-decodes each event's data (this server writes LF only).
            start, seen, tail = time.perf_counter(), 0, b""
            async with bare.get(url, headers=headers) as response:
                async for chunk in response.content.iter_any():
                    blocks = (tail + chunk).split(b"\n\n")
                    tail = blocks.pop()
                    for block in blocks:
                        data = [
                            line[5:].lstrip(b" ") for line in block.split(b"\n") if line.startswith(b"data:")
                        ]
                        if data:
                            json.loads(b"\n".join(data))
                            seen += 1
            return seen / (time.perf_counter() - start)

        async def counting() -> float:
            start, seen, last = time.perf_counter(), 0, b""
            async with bare.get(url, headers=headers) as response:
                async for chunk in response.content.iter_any():
                    seen += (last + chunk).count(b"\n\n")  # blank lines, one split across chunks included
                    last = chunk[-1:]
            return seen / (time.perf_counter() - start)

        rates: dict[str, list[float]] = {"sdk": [], "decoding": [], "counting": []}
        for round in range(ROUNDS):
            sides = [("sdk", sdk), ("decoding", decoding), ("counting", counting)]
            for name, reader in sides if round % 2 else reversed(sides):
                rates[name].append(await reader())
        return (
            statistics.median(rates["sdk"]),
            statistics.median(rates["decoding"]),
            statistics.median(rates["counting"]),
            statistics.median(s / d for s, d in zip(rates["sdk"], rates["decoding"])),
        )


async def lazy_list(args: argparse.Namespace) -> tuple[float, float, float, float]:
    """`async for vm in client.vm.list(...)` over synthetic VMs (page size 500) against bare aiohttp paging the
    same pages into the same model: median seconds of each side (interleaved), then each side's peak Python
    memory growth in MB (tracemalloc, a separate pass, as it slows both sides)."""
    base = f"http://{args.host}:{args.burst_port}"
    headers = {"Authorization": f"Bearer {args.api_key}", "Accept": "application/json"}
    config = dwcp.ClientConfig(address=args.host, port=args.burst_port, api_key=args.api_key)
    labels = {"set": "bench-lazy"}
    async with aiohttp.ClientSession() as bare, dwcp.Client(config) as client:
        await bare.post(f"{base}/_conformance/reset", json={})
        made = await bare.post(f"{base}/_conformance/vms", json={"count": args.vms, "labels": labels})
        made.raise_for_status()

        async def sdk() -> int:
            seen = 0
            async for _ in client.vm.list(labels, page_size=500):
                seen += 1
            return seen

        async def paging() -> int:
            seen, token = 0, None
            while True:
                params = {
                    "labels": "set=bench-lazy",
                    "page_size": "500",
                    **({"page_token": token} if token else {}),
                }
                same = {**headers, "X-Request-ID": os.urandom(16).hex(), "DWCP-Attempt": "1"}
                async with bare.get(f"{base}/v3/vms", params=params, headers=same) as response:
                    page = dwcp.VMList.model_validate_json(await response.read())
                seen += len(page.vms)
                token = page.next_page_token
                if not token:
                    return seen

        times: dict[str, list[float]] = {"sdk": [], "bare": []}
        for round in range(3):
            for name, reader in (("sdk", sdk), ("bare", paging))[:: 1 if round % 2 else -1]:
                start = time.perf_counter()
                if await reader() != args.vms:
                    raise RuntimeError(f"{name} did not list {args.vms} VMs")
                times[name].append(time.perf_counter() - start)
        peaks = []
        for reader in (sdk, paging):
            tracemalloc.start()
            await reader()
            peaks.append(tracemalloc.get_traced_memory()[1] / 2**20)
            tracemalloc.stop()
    return statistics.median(times["sdk"]), statistics.median(times["bare"]), peaks[0], peaks[1]


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=9000, help="a server for get() (plain mode is fairest)")
    parser.add_argument(
        "--burst-port", type=int, help="a conformance-mode server for the burst (default --port)"
    )
    parser.add_argument("--api-key", default="test-key")
    parser.add_argument("--requests", type=int, default=1000, help="calls per block")
    parser.add_argument("--events", type=int, default=20000, help="events in the replayed burst")
    parser.add_argument("--vms", type=int, default=100000, help="synthetic VMs listed lazily (page size 500)")
    args = parser.parse_args()
    if args.burst_port is None:
        args.burst_port = args.port
    return args


if __name__ == "__main__":
    sys.exit(asyncio.run(main(parse())))
