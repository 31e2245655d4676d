"""Deterministic metrics: sample i of a VM depends only on (seed, VM id, i) and whether it runs."""

from __future__ import annotations

import random
from typing import Any

SAMPLE_MS = 1000.0
MAX_SAMPLES = 300  # longer windows are sampled with a coarser step
INT64_MAX = 2**63 - 1  # counters are int64 on the wire: they saturate rather than overflow


def _draw(seed: int, vm_id: str, index: int) -> random.Random:
    return random.Random(f"{seed}/{vm_id}/{index}")


def sample(seed: int, vm: Any, index: int, seconds: float = 1.0, running: bool = True) -> dict[str, int | float]:
    """Usage over one sample of `seconds`: cpu %, memory in use, bytes moved."""
    memory = vm.config["memory"]
    if not running:
        return {"cpu": 0.0, "mem": 0, "dr": 0, "dw": 0, "rx": 0, "tx": 0}
    rng = _draw(seed, vm.id, index)
    load = vm.load
    return {
        "cpu": max(0.0, min(100.0, load * 100.0 + rng.uniform(-15.0, 15.0))),
        "mem": int(memory * min(0.95, 0.3 + 0.5 * load + rng.uniform(-0.05, 0.05))),
        "dr": int(seconds * load * rng.uniform(5e6, 50e6)),
        "dw": int(seconds * load * rng.uniform(2e6, 30e6)),
        "rx": int(seconds * load * rng.uniform(1e6, 20e6)),
        "tx": int(seconds * load * rng.uniform(1e6, 20e6)),
    }


def wire(vm: Any, stamp: str, values: dict[str, int | float], cpu: float) -> dict[str, Any]:
    """A VMMetrics body from summed values."""
    memory = vm.config["memory"]
    used = int(values["mem"])
    return {
        "vm_id": vm.id,
        "timestamp": stamp,
        "cpu_usage": round(cpu, 2),
        "memory_used": used,
        "memory_available": memory - used,
        "disk_read": min(INT64_MAX, int(values["dr"])),
        "disk_write": min(INT64_MAX, int(values["dw"])),
        "network_rx": min(INT64_MAX, int(values["rx"])),
        "network_tx": min(INT64_MAX, int(values["tx"])),
    }


def window(seed: int, vm: Any, now: float, stamp: str, window_ms: float) -> dict[str, Any]:
    """Usage over the `window_ms` ending at model time `now`: mean CPU, last memory, summed bytes."""
    count = max(1, int(window_ms // SAMPLE_MS))
    step = max(1, -(-count // MAX_SAMPLES))
    last = int(now // SAMPLE_MS)
    running = vm.state == "running"
    totals = {"dr": 0, "dw": 0, "rx": 0, "tx": 0}
    cpu_sum, taken, memory_used = 0.0, 0, 0
    for index in range(last - count + 1, last + 1, step):
        values = sample(seed, vm, index, seconds=step * SAMPLE_MS / 1000.0, running=running)
        cpu_sum += values["cpu"]
        taken += 1
        memory_used = int(values["mem"])
        for key in totals:
            totals[key] += int(values[key])
    return wire(vm, stamp, {**totals, "mem": memory_used}, cpu_sum / taken)


def stream_sample(seed: int, vm: Any, number: int, stamp: str, interval_ms: float) -> dict[str, Any]:
    """Sample `number` of a metrics stream (its SSE id)."""
    values = sample(seed, vm, number, seconds=interval_ms / 1000.0, running=vm.state == "running")
    return wire(vm, stamp, values, float(values["cpu"]))
