"""SyncClient's sequential get() against blocking HTTP clients doing the same request, in one run.

python benchmarks/sync_bench.py --host 127.0.0.1 --port 9000 --api-key KEY   (needs urllib3 and httpx)

Every side sends the SDK's headers (Authorization, a fresh X-Request-ID, Accept, DWCP-Attempt), checks the
status and decodes the body into the same pydantic model; calls alternate side by side (and which goes first),
so drift on the machine hits all alike. SyncClient runs the async client on a private event-loop thread.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from typing import Callable

import httpx
import urllib3

import dwcp

GIB = 1024**3


def main(args: argparse.Namespace) -> int:
    config = dwcp.ClientConfig(address=args.host, port=args.port, api_key=args.api_key)
    with dwcp.SyncClient(config) as client, httpx.Client() as hx:
        vm = client.vm.create(dwcp.VMConfig(name="bench", memory=GIB, cpus=1, disk=10 * GIB, image="img"))
        path = f"/v3/vms/{vm.id}"
        pool = urllib3.HTTPConnectionPool(args.host, args.port, maxsize=1)

        def headers() -> dict[str, str]:
            request_id = os.urandom(16).hex()
            auth = f"Bearer {args.api_key}"
            return {"Authorization": auth, "X-Request-ID": request_id, "Accept": "application/json", "DWCP-Attempt": "1"}

        def with_urllib3() -> object:
            response = pool.request("GET", path, headers=headers())
            if response.status != 200:
                raise RuntimeError(f"HTTP {response.status}")
            return dwcp.VM.model_validate_json(response.data)

        def with_httpx() -> object:
            response = hx.get(f"http://{args.host}:{args.port}{path}", headers=headers())
            if response.status_code != 200:
                raise RuntimeError(f"HTTP {response.status_code}")
            return dwcp.VM.model_validate_json(response.content)

        sides: list[tuple[str, Callable[[], object]]] = [
            ("SyncClient", lambda: client.vm.get(vm.id)),
            (f"urllib3 {urllib3.__version__}", with_urllib3),
            (f"httpx.Client {httpx.__version__}", with_httpx),
        ]
        for _, call in sides:  # warm every pool
            for _ in range(200):
                call()
        seconds: dict[str, list[float]] = {name: [] for name, _ in sides}
        cpu = dict.fromkeys(seconds, 0.0)
        for i in range(args.requests):
            for name, call in sides if i % 2 else reversed(sides):
                c, start = time.process_time(), time.perf_counter()
                call()
                seconds[name].append(time.perf_counter() - start)
                cpu[name] += time.process_time() - c
    base = statistics.median(seconds["SyncClient"])
    print(f"{'sequential get()':24} {'p50 us':>8} {'vs SyncClient':>14} {'req/s':>8} {'CPU us/call':>12}")
    for name, values in seconds.items():
        p50 = statistics.median(values)
        rate = 1 / statistics.mean(values)
        print(f"{name:24} {p50 * 1e6:8.0f} {p50 / base:13.2f}x {rate:8.0f} {cpu[name] / args.requests * 1e6:12.0f}")
    print(f"{args.requests} calls per side, interleaved")
    return 0


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=9000)
    parser.add_argument("--api-key", default="test-key")
    parser.add_argument("--requests", type=int, default=3000, help="calls per side")
    return parser.parse_args()


if __name__ == "__main__":
    sys.exit(main(parse()))
