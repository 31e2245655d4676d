"""Snapshots: sizes with and without memory, listing, restore, delete."""

from __future__ import annotations

import pytest

pytest.importorskip("aiohttp")

from tests.server.client import GIB, Api


def test_sizes_with_and_without_memory(api: Api) -> None:
    vm = api.running_vm()
    disk_only = api.post(f"/vms/{vm['id']}/snapshots", {"name": "disk"}).body
    with_memory = api.post(
        f"/vms/{vm['id']}/snapshots", {"name": "full", "options": {"include_memory": True, "description": "d"}}
    ).body
    assert disk_only["include_memory"] is False and 0 < disk_only["size"] < 40 * GIB
    assert with_memory["include_memory"] is True and with_memory["description"] == "d"
    assert disk_only["size"] < with_memory["size"] < disk_only["size"] + 4 * GIB
    assert with_memory["parent"] == disk_only["id"]
    listed = api.get(f"/vms/{vm['id']}/snapshots").body
    assert [s["id"] for s in listed["snapshots"]] == [disk_only["id"], with_memory["id"]]


def test_restore_goes_through_restoring(api: Api, reset) -> None:
    reset(clock_speed=20.0)
    vm = api.running_vm()
    snap = api.post(f"/vms/{vm['id']}/snapshots", {"name": "s1"}).body
    restoring = api.post(f"/vms/{vm['id']}/snapshots/{snap['id']}/restore")
    assert restoring.status == 200 and restoring.body["state"] == "restoring"
    api.wait_state(vm["id"], "stopped")  # a disk-only snapshot restores a powered-off VM
    assert "snapshot_restored" in api.get(f"/vms/{vm['id']}/events?follow=false").raw.decode()


def test_restore_with_memory_resumes_running(api: Api) -> None:
    vm = api.running_vm()
    snap = api.post(f"/vms/{vm['id']}/snapshots", {"name": "s1", "options": {"include_memory": True}}).body
    api.post(f"/vms/{vm['id']}/snapshots/{snap['id']}/restore")
    api.wait_state(vm["id"], "running")


def test_snapshot_of_another_vm_and_delete(api: Api) -> None:
    one, two = api.running_vm(name="one"), api.running_vm(name="two")
    snap = api.post(f"/vms/{one['id']}/snapshots", {"name": "s1"}).body
    other = api.post(f"/vms/{two['id']}/snapshots/{snap['id']}/restore")
    assert other.status == 404 and other.error["code"] == "snapshot_not_found"
    assert api.delete(f"/snapshots/{snap['id']}").status == 204
    assert api.delete(f"/snapshots/{snap['id']}").status == 404
    assert api.get(f"/vms/{one['id']}/snapshots").body["snapshots"] == []


def test_destroy_removes_snapshots(api: Api) -> None:
    vm = api.running_vm()
    snap = api.post(f"/vms/{vm['id']}/snapshots", {"name": "s1"}).body
    api.delete(f"/vms/{vm['id']}")
    assert api.delete(f"/snapshots/{snap['id']}").status == 404


def test_snapshot_needs_a_settled_vm(api: Api, reset) -> None:
    reset(clock_speed=1.0)
    vm = api.create()
    reply = api.post(f"/vms/{vm['id']}/snapshots", {"name": "s1"})
    assert reply.status == 400 and reply.error["code"] == "invalid_state"
