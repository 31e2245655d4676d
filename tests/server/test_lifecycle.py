"""The VM state machine, placement, listing and capacity."""

from __future__ import annotations

import pytest

pytest.importorskip("aiohttp")

from tests.server.client import GIB, Api

SMALL = {"nodes": [{"name": "tiny-01", "cpus": 4, "memory": 8 * GIB, "disk": 100 * GIB, "labels": {"zone": "z1"}}]}


def test_create_then_provisioned(api: Api) -> None:
    vm = api.create(labels={"app": "web"})
    assert vm["state"] == "creating" and vm["id"].startswith("vm-")
    assert vm["labels"] == {"app": "web"} and vm["config"]["memory"] == 4 * GIB
    stopped = api.wait_state(vm["id"], "stopped")
    assert stopped["updated_at"] >= stopped["created_at"]


def test_start_stop_cycle_passes_through_transitions(api: Api, reset) -> None:
    reset(clock_speed=20.0)  # 1 s boot = 50 ms real: the intermediate states are observable
    vm = api.create()
    api.wait_state(vm["id"], "stopped")
    started = api.post(f"/vms/{vm['id']}/start")
    assert started.status == 200 and started.body["state"] == "starting"
    running = api.wait_state(vm["id"], "running")
    assert running["started_at"]
    stopping = api.post(f"/vms/{vm['id']}/stop", {})
    assert stopping.body["state"] == "stopping"
    assert api.wait_state(vm["id"], "stopped")["stopped_at"]


def test_start_while_creating_is_queued(api: Api, reset) -> None:
    reset(clock_speed=20.0)
    vm = api.create()
    queued = api.post(f"/vms/{vm['id']}/start")
    assert queued.body["state"] == "creating"
    api.wait_state(vm["id"], "running")
    log = api.get(f"/vms/{vm['id']}/events?follow=false").raw.decode()
    assert "booting" in log and "provisioned" in log


def test_start_and_stop_are_no_ops_in_their_target_state(api: Api) -> None:
    vm = api.running_vm()
    assert api.post(f"/vms/{vm['id']}/start").body["state"] == "running"
    api.post(f"/vms/{vm['id']}/stop", {"force": True})
    api.wait_state(vm["id"], "stopped")
    assert api.post(f"/vms/{vm['id']}/stop", {}).body["state"] == "stopped"


def test_force_stop_is_faster_than_graceful(api: Api, reset) -> None:
    reset(clock_speed=2.0)  # graceful 800 ms model = 400 ms real, force 100 ms model = 50 ms real
    vm = api.running_vm()
    api.post(f"/vms/{vm['id']}/stop", {"force": True})
    api.wait_state(vm["id"], "stopped", timeout=0.3)


def test_invalid_operation_in_state(api: Api, reset) -> None:
    reset(clock_speed=1.0)
    vm = api.create()
    reply = api.post(f"/vms/{vm['id']}/stop", {})
    assert reply.status == 400
    assert reply.error["type"] == "InvalidOperationError" and reply.error["code"] == "invalid_state"
    assert reply.error["details"]["state"] == "creating"


def test_destroy_then_get_is_not_found(api: Api) -> None:
    vm = api.create()
    assert api.delete(f"/vms/{vm['id']}").status == 204
    reply = api.get(f"/vms/{vm['id']}")
    assert reply.status == 404 and reply.error["type"] == "VMNotFoundError"
    assert api.delete(f"/vms/{vm['id']}").status == 404


def test_list_filters_by_labels_and_pages(api: Api) -> None:
    for i in range(5):
        api.create(name=f"web-{i}", labels={"app": "web", "tier": str(i % 2)})
    api.create(name="db-1", labels={"app": "db"})
    assert len(api.get("/vms").body["vms"]) == 6
    assert {v["name"] for v in api.get("/vms?labels=app=web,tier=1").body["vms"]} == {"web-1", "web-3"}
    first = api.get("/vms?page_size=4").body
    assert len(first["vms"]) == 4 and first["next_page_token"]
    second = api.get(f"/vms?page_size=4&page_token={first['next_page_token']}").body
    assert len(second["vms"]) == 2 and second["next_page_token"] == ""
    assert api.get("/vms?page_token=bogus").body == {"vms": [], "next_page_token": ""}


def test_placement_honours_selector_and_required_nodes(api: Api) -> None:
    gpu = api.create(
        name="ml-training",
        memory=32 * GIB,
        cpus=16,
        disk=500 * GIB,
        enable_gpu=True,
        gpu_type="nvidia-tesla-v100",
        affinity={
            "node_selector": {"gpu": "nvidia", "zone": "us-west-1a"},
            "required_nodes": ["node-gpu-01", "node-gpu-02"],
        },
    )
    assert gpu["node"] in ("node-gpu-01", "node-gpu-02")
    web = api.create(affinity={"node_selector": {"zone": "us-west-1a"}, "required_nodes": ["node-01", "node-02"]})
    assert web["node"] in ("node-01", "node-02")
    nowhere = api.post("/vms", {**web["config"], "affinity": {"node_selector": {"zone": "mars"}}})
    assert nowhere.status == 429 and nowhere.error["code"] == "resource_exhausted"


def test_anti_affinity_keeps_vms_apart(api: Api) -> None:
    first = api.create(affinity={"required_nodes": ["node-01", "node-02"]})
    second = api.create(affinity={"required_nodes": ["node-01", "node-02"], "anti_affinity_vms": [first["id"]]})
    assert first["node"] != second["node"]


def test_capacity_exhaustion_is_resource_limit_with_retry_after(api: Api, reset) -> None:
    reset(cluster=SMALL)
    api.create(name="a", memory=4 * GIB, cpus=2)
    api.create(name="b", memory=4 * GIB, cpus=2)
    full = api.post("/vms", {"name": "c", "memory": 4 * GIB, "cpus": 1, "disk": 10 * GIB, "image": "x"})
    assert full.status == 429
    assert full.error["type"] == "ResourceLimitError" and full.error["retryable"] is True
    assert int(full.headers["retry-after"]) > 0
    destroyed = api.get("/vms").body["vms"][0]["id"]
    api.delete(f"/vms/{destroyed}")
    assert api.post("/vms", {"name": "c", "memory": 4 * GIB, "cpus": 1, "disk": 10 * GIB, "image": "x"}).status == 201
