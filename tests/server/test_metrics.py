"""Metrics: a deterministic series per VM over a window, and a stream with resumable sample ids."""

from __future__ import annotations

import itertools
from datetime import datetime

import pytest

pytest.importorskip("aiohttp")

from tests.server.client import Api, read_sse


def test_window_metrics_of_a_running_vm(api: Api) -> None:
    vm = api.running_vm()
    metrics = api.get(f"/vms/{vm['id']}/metrics?window=60000").body
    assert metrics["vm_id"] == vm["id"] and 0 <= metrics["cpu_usage"] <= 100
    assert metrics["memory_used"] + metrics["memory_available"] == vm["config"]["memory"]
    assert metrics["disk_read"] > 0 and metrics["network_tx"] > 0
    longer = api.get(f"/vms/{vm['id']}/metrics?window=3600000").body
    assert longer["disk_read"] > metrics["disk_read"]


def test_stopped_vm_uses_nothing(api: Api) -> None:
    vm = api.create()
    api.wait_state(vm["id"], "stopped")
    metrics = api.get(f"/vms/{vm['id']}/metrics").body
    assert metrics["cpu_usage"] == 0 and metrics["disk_read"] == 0


def test_stream_is_deterministic_and_resumes(api: Api, reset) -> None:
    reset(seed=3)
    vm = api.running_vm()
    first = read_sse(api, f"/vms/{vm['id']}/metrics/stream?interval=1000", count=4)
    assert first.ids == [1, 2, 3, 4] and all(e["event"] == "metrics" for e in first.events)
    resumed = read_sse(api, f"/vms/{vm['id']}/metrics/stream?interval=1000", headers={"Last-Event-ID": "2"}, count=2)
    assert resumed.ids == [3, 4]
    assert [e["data"]["cpu_usage"] for e in resumed.events] == [e["data"]["cpu_usage"] for e in first.events[2:]]


def test_stream_timestamps_are_one_interval_apart(api: Api) -> None:
    vm = api.running_vm()
    seen = read_sse(api, f"/vms/{vm['id']}/metrics/stream?interval=2000", count=3)
    stamps = [datetime.fromisoformat(e["data"]["timestamp"].replace("Z", "+00:00")) for e in seen.events]
    assert [(b - a).total_seconds() for a, b in itertools.pairwise(stamps)] == [2.0, 2.0]
