"""Live and offline migration over the API: converge, fail, auto-converge, post-copy, cancel, refusal."""

from __future__ import annotations

import time
from typing import Any

import pytest

pytest.importorskip("aiohttp")

from tests.server.client import GIB, Api

REFERENCE = {  # the options of the reference guide's migration example
    "live": True,
    "max_downtime": 500,
    "bandwidth": 1024**3,
    "compression": True,
    "auto_converge": True,
    "parallel": 4,
    "verify_checksum": True,
    "encrypt_transport": True,
}
HOT = {"dwcp.sim/dirty-rate": str(400 * 1024**2)}  # dirties 400 MiB/s: faster than a 1 Gbit/s link


def migrate(api: Api, vm_id: str, options: dict[str, Any], target: str = "target-node") -> dict[str, Any]:
    reply = api.post(f"/vms/{vm_id}/migrations", {"target_node": target, "options": options})
    assert reply.status == 202, reply.raw
    return reply.body


def follow(api: Api, migration_id: str, timeout: float = 10.0) -> list[dict[str, Any]]:
    """Every status polled until the migration ends."""
    seen, deadline = [], time.monotonic() + timeout
    while time.monotonic() < deadline:
        status = api.get(f"/migrations/{migration_id}").body
        seen.append(status)
        if status["state"] in ("completed", "failed", "cancelled"):
            return seen
        time.sleep(0.002)
    raise AssertionError(f"migration still {seen[-1]['state']}")


def test_reference_migration_converges(api: Api, reset) -> None:
    reset(clock_speed=200.0)  # ~25 s of model time in ~0.15 s: polls see the phases
    vm = api.running_vm()
    first = migrate(api, vm["id"], REFERENCE)
    assert first["state"] == "pending" and first["phase"] == "setup" and first["progress"] == 0
    assert api.get(f"/vms/{vm['id']}").body["state"] == "migrating"
    seen = follow(api, first["id"])
    final = seen[-1]
    assert final["state"] == "completed" and final["phase"] == "done" and final["progress"] == 100
    assert 0 < final["downtime"] <= 500 and final["round"] >= 1
    assert final["bytes_sent"] >= 4 * GIB and final["throughput"] > 0 and final["completed_at"]
    progress = [s["progress"] for s in seen]
    assert progress == sorted(progress)
    moved = api.get(f"/vms/{vm['id']}").body
    assert moved["node"] == "target-node" and moved["state"] == "running"
    assert "precopy" in {s["phase"] for s in seen}


def test_model_downtime_and_throughput_do_not_depend_on_clock_speed(api: Api, reset) -> None:
    results = []
    for speed in (1000.0, 4000.0):
        reset(clock_speed=speed, seed=7)
        vm = api.running_vm(annotations={"dwcp.sim/load": "0.5"})
        final = follow(api, migrate(api, vm["id"], {"bandwidth": 10**9})["id"])[-1]
        results.append((final["downtime"], final["throughput"], final["round"]))
    assert results[0] == results[1]


def test_hot_vm_without_help_fails_to_converge(api: Api) -> None:
    vm = api.running_vm(annotations=HOT)
    final = follow(api, migrate(api, vm["id"], {"bandwidth": 10**9})["id"])[-1]
    assert final["state"] == "failed" and "not converging" in final["error"]
    after = api.get(f"/vms/{vm['id']}").body
    assert after["node"] != "target-node" and after["state"] == "running"
    log = api.get(f"/vms/{vm['id']}/events?follow=false").raw.decode()
    assert "migration_failed" in log


def test_auto_converge_throttles_the_hot_vm_until_it_fits(api: Api) -> None:
    vm = api.running_vm(annotations=HOT)
    final = follow(api, migrate(api, vm["id"], {"bandwidth": 10**9, "auto_converge": True})["id"])[-1]
    assert final["state"] == "completed" and final["downtime"] <= 500 and final["round"] > 3


def test_post_copy_switches_after_a_few_rounds(api: Api, reset) -> None:
    reset(clock_speed=100.0)
    vm = api.running_vm(annotations=HOT)
    seen = follow(api, migrate(api, vm["id"], {"bandwidth": 10**9, "post_copy": True})["id"], timeout=20)
    assert "postcopy" in {s["phase"] for s in seen}
    assert seen[-1]["state"] == "completed" and seen[-1]["downtime"] == 30 and seen[-1]["round"] == 3


def test_cancel_leaves_the_vm_on_its_source(api: Api, reset) -> None:
    reset(clock_speed=10.0)
    vm = api.running_vm()
    started = migrate(api, vm["id"], {"bandwidth": 10**9})
    cancelled = api.post(f"/migrations/{started['id']}/cancel")
    assert cancelled.status == 200 and cancelled.body["state"] == "cancelled"
    assert api.post(f"/migrations/{started['id']}/cancel").body["state"] == "cancelled"
    after = api.wait_state(vm["id"], "running")
    assert after["node"] == vm["node"]


def test_second_migration_is_refused(api: Api, reset) -> None:
    reset(clock_speed=10.0)
    vm = api.running_vm()
    migrate(api, vm["id"], {})
    again = api.post(f"/vms/{vm['id']}/migrations", {"target_node": "node-02"})
    assert again.status == 409 and again.error["code"] == "migration_in_progress"


def test_offline_migration_of_a_stopped_vm(api: Api) -> None:
    vm = api.create()
    api.wait_state(vm["id"], "stopped")
    final = follow(api, migrate(api, vm["id"], {"live": True, "bandwidth": 10**9})["id"])[-1]
    assert final["state"] == "completed" and final["downtime"] == 0 and final["round"] == 1
    after = api.get(f"/vms/{vm['id']}").body
    assert after["state"] == "stopped" and after["node"] == "target-node"


def test_non_live_migration_of_a_running_vm_pauses_for_the_whole_copy(api: Api) -> None:
    vm = api.running_vm()
    final = follow(api, migrate(api, vm["id"], {"live": False, "bandwidth": 10**9})["id"])[-1]
    assert final["state"] == "completed" and final["downtime"] > 30_000  # 4 GiB over ~94 MB/s


def test_migration_needs_a_running_or_stopped_vm_and_a_valid_target(api: Api, reset) -> None:
    reset(clock_speed=1.0)
    vm = api.create()
    assert api.post(f"/vms/{vm['id']}/migrations", {"target_node": "node-02"}).error["code"] == "invalid_state"
    api.wait_state(vm["id"], "stopped")
    same = api.post(f"/vms/{vm['id']}/migrations", {"target_node": vm["node"]})
    assert same.status == 400 and same.error["details"]["field"] == "target_node"
