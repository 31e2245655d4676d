"""Issue 16 control API: a large synthetic set of VMs (POST /_conformance/vms) and the `vm_state`
fault that makes a start or stop end in another state."""

from __future__ import annotations

import time

import pytest

pytest.importorskip("aiohttp")

from tests.server.client import Api


def test_synthetic_vms_are_listed_page_by_page(api: Api) -> None:
    own = api.create(name="own-1", labels={"team": "a"})
    reply = api.control("/vms", {"count": 1000, "labels": {"set": "big"}, "state": "stopped"})
    assert reply == {"created": 1000, "total": 1001}
    first = api.get("/vms?labels=set=big&page_size=100").body
    assert len(first["vms"]) == 100 and first["next_page_token"]
    assert {vm["state"] for vm in first["vms"]} == {"stopped"}
    assert first["vms"][0]["labels"] == {"set": "big"} and first["vms"][0]["name"] == "synthetic-1"
    seen, token = len(first["vms"]), first["next_page_token"]
    while token:
        page = api.get(f"/vms?labels=set=big&page_size=1000&page_token={token}").body
        seen, token = seen + len(page["vms"]), page["next_page_token"]
    assert seen == 1000
    assert [vm["id"] for vm in api.get("/vms?labels=team=a").body["vms"]] == [own["id"]]


def test_synthetic_vms_behave_like_any_vm(api: Api) -> None:
    api.control("/vms", {"count": 3, "state": "running", "name_prefix": "bulk"})
    vm = api.get("/vms?page_size=1").body["vms"][0]
    assert vm["state"] == "running" and vm["name"] == "bulk-0" and vm["started_at"]
    assert api.post(f"/vms/{vm['id']}/stop", {}).status == 200
    api.wait_state(vm["id"], "stopped")
    assert api.delete(f"/vms/{vm['id']}").status == 204
    assert api.get(f"/vms/{vm['id']}").status == 404
    # They hold no capacity: the cluster still takes VMs of its full size after many synthetic ones.
    api.control("/vms", {"count": 5000})
    api.create(name="after-bulk")


def test_a_hundred_thousand_synthetic_vms_are_created_fast(api: Api) -> None:
    start = time.monotonic()
    assert api.control("/vms", {"count": 100_000, "labels": {"bench": "1"}})["created"] == 100_000
    created = time.monotonic() - start
    page = api.get("/vms?labels=bench=1&page_size=500&page_token=99500").body
    assert len(page["vms"]) == 500 and page["next_page_token"] == ""
    assert created < 60  # a bound that only catches a quadratic build, not a timing target


@pytest.mark.parametrize(
    "body",
    [
        {"count": 0},
        {"count": 200_001},
        {"count": "10"},
        {"count": 10, "state": "starting"},
        {"count": 10, "labels": {"a": 1}},
        {"count": 10, "labels": {"a": "x,y"}},
        {"count": 10, "name_prefix": "Bad_Prefix!"},
    ],
)
def test_synthetic_request_is_checked(api: Api, body: dict) -> None:
    reply = api.post("/_conformance/vms", body)
    assert reply.status == 400 and reply.error["code"] == "invalid_argument"
    assert api.get("/vms").body["vms"] == []


def test_vm_state_fault_makes_a_start_end_in_error(api: Api, reset) -> None:
    reset(clock_speed=20)
    vm = api.create()
    api.wait_state(vm["id"], "stopped")
    api.control("/faults", {"faults": [{"op": "vm.start", "vm_state": "error"}]})
    started = api.post(f"/vms/{vm['id']}/start")
    assert started.status == 200 and started.body["state"] == "starting"  # the call itself succeeds
    failed = api.wait_state(vm["id"], "error")
    assert "started_at" not in failed
    assert api.control("/faults")["unconsumed"] == []
    assert api.post(f"/vms/{vm['id']}/start").error["code"] == "invalid_state"  # only destroy is allowed
    assert api.delete(f"/vms/{vm['id']}").status == 204
    journal = api.control("/journal?op=vm.start")["attempts"]
    assert journal[0]["fault"]["vm_state"] == "error" and journal[0]["status"] == 200


def test_vm_state_fault_on_stop_and_on_a_start_queued_while_creating(api: Api, reset) -> None:
    reset(clock_speed=20)
    running = api.running_vm(name="web-1")
    api.control("/faults", {"faults": [{"op": "vm.stop", "vm_state": "error"}]})
    assert api.post(f"/vms/{running['id']}/stop", {}).status == 200
    api.wait_state(running["id"], "error")
    queued = api.create(name="web-2")
    api.control("/faults", {"faults": [{"op": "vm.start", "vm_state": "error"}]})
    assert api.post(f"/vms/{queued['id']}/start").body["state"] == "creating"
    api.wait_state(queued["id"], "error")


@pytest.mark.parametrize(
    "fault",
    [{"op": "vm.get", "vm_state": "error"}, {"op": "vm.start", "vm_state": "migrating"}],
)
def test_vm_state_fault_is_checked(api: Api, fault: dict) -> None:
    reply = api.post("/_conformance/faults", {"faults": [fault]})
    assert reply.status == 400 and reply.error["code"] == "invalid_argument"
