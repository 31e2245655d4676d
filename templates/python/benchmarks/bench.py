"""The SDK against bare aiohttp on the same server, in one run: get() latency, 64 in flight, an event burst.

python benchmarks/bench.py --host 127.0.0.1 --port 9000 --api-key KEY   (a conformance-mode server)
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import time
from collections.abc import Awaitable
from typing import Callable

import aiohttp

import dwcp

ROUNDS = 5  # alternate SDK and bare blocks, so drift on the machine hits both alike
GIB = 1024**3
Call = Callable[[], Awaitable[object]]


async def latencies(call: Call, count: int) -> list[float]:
    """Seconds per call, one call at a time."""
    out = []
    for _ in range(count):
        start = time.perf_counter()
        await call()
        out.append(time.perf_counter() - start)
    return out


async def throughput(call: Call, count: int, in_flight: int = 64) -> float:
    """Calls per second with `in_flight` calls outstanding."""

    async def worker(share: int) -> None:
        for _ in range(share):
            await call()

    start = time.perf_counter()
    await asyncio.gather(*(worker(count // in_flight) for _ in range(in_flight)))
    return (count // in_flight) * in_flight / (time.perf_counter() - start)


async def compare(name: str, sdk: Call, bare: Call, measure: Callable[[Call], Awaitable[float]]) -> tuple[float, float]:
    """Best-of-rounds figure of each side, measured in alternating blocks."""
    results: dict[str, list[float]] = {"sdk": [], "bare": []}
    for _ in range(ROUNDS):
        results["sdk"].append(await measure(sdk))
        results["bare"].append(await measure(bare))
    return statistics.median(results["sdk"]), statistics.median(results["bare"])


async def main(args: argparse.Namespace) -> int:
    base = f"http://{args.host}:{args.port}"
    headers = {"Authorization": f"Bearer {args.api_key}"}
    config = dwcp.ClientConfig(address=args.host, port=args.port, api_key=args.api_key, max_streams=64)
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=64)) as bare, dwcp.Client(config) as client:
        await bare.post(f"{base}/_conformance/reset", json={"event_retention": args.events + 100})
        vm = await client.vm.create(dwcp.VMConfig(name="bench", memory=GIB, cpus=1, disk=10 * GIB, image="img"))
        url = f"{base}/v3/vms/{vm.id}"

        async def bare_get() -> object:
            # The same request as the SDK's: its headers (fresh request id, attempt, accept) and a JSON decode.
            same = {**headers, "X-Request-ID": os.urandom(16).hex(), "Accept": "application/json", "DWCP-Attempt": "1"}
            async with bare.get(url, headers=same) as response:
                return json.loads(await response.read())

        async def sdk_get() -> object:
            return await client.vm.get(vm.id)

        for call in (sdk_get, bare_get):  # warm both pools
            await latencies(call, 200)
        p50 = await compare("get p50", sdk_get, bare_get, lambda c: _p50(c, args.requests))
        rps = await compare("get x64", sdk_get, bare_get, lambda c: throughput(c, args.requests * 2))
        events = await stream_rates(client, bare, base, headers, vm.id, args.events)

    checks = [
        ("get() p50 latency (ms)", p50[0] * 1000, p50[1] * 1000, p50[0] / p50[1], "<= 1.15", p50[0] / p50[1] <= 1.15),
        ("get() x64 throughput (req/s)", rps[0], rps[1], rps[0] / rps[1], ">= 0.87", rps[0] / rps[1] >= 0.87),
        ("event burst (events/s)", events[0], events[1], events[0] / events[1], ">= 0.5 and >= 20000",
         events[0] / events[1] >= 0.5 and events[0] >= 20000),
    ]  # fmt: skip
    print(f"{'measure':32} {'sdk':>12} {'bare aiohttp':>14} {'ratio':>7}  target")
    for label, sdk, bare_value, ratio, target, passed in checks:
        print(f"{label:32} {sdk:12.3f} {bare_value:14.3f} {ratio:7.3f}  {target} {'ok' if passed else 'MISSED'}")
    return 0 if all(c[-1] for c in checks) else 1


async def _p50(call: Call, count: int) -> float:
    return statistics.median(await latencies(call, count))


async def stream_rates(
    client: dwcp.Client, bare: aiohttp.ClientSession, base: str, headers: dict[str, str], vm_id: str, count: int
) -> tuple[float, float]:
    """Events per second reading the same replayed burst through the SDK and through bare aiohttp."""
    await bare.post(f"{base}/_conformance/events", json={"vm_id": vm_id, "count": count})
    url = f"{base}/v3/vms/{vm_id}/events?follow=false"

    async def sdk() -> float:
        start, seen = time.perf_counter(), 0
        async for _ in client.vm.watch(vm_id, follow=False):
            seen += 1
        return seen / (time.perf_counter() - start)

    async def raw() -> float:
        start, seen = time.perf_counter(), 0
        async with bare.get(url, headers=headers) as response:
            async for line in response.content:
                seen += line in (b"\n", b"\r\n")
        return seen / (time.perf_counter() - start)

    sdk_rates, bare_rates = [], []
    for _ in range(3):
        sdk_rates.append(await sdk())
        bare_rates.append(await raw())
    return statistics.median(sdk_rates), statistics.median(bare_rates)


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=9000)
    parser.add_argument("--api-key", default="test-key")
    parser.add_argument("--requests", type=int, default=1000, help="calls per block")
    parser.add_argument("--events", type=int, default=20000, help="events in the replayed burst")
    return parser.parse_args()


if __name__ == "__main__":
    sys.exit(asyncio.run(main(parse())))
