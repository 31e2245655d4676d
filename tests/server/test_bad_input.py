"""Malformed requests get a typed 4xx and change nothing."""

from __future__ import annotations

import pytest

pytest.importorskip("aiohttp")

from tests.server.client import GIB, Api

GOOD = {"name": "web-1", "memory": 4 * GIB, "cpus": 2, "disk": 40 * GIB, "image": "ubuntu"}


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (b"{not json", ""),
        (b"[1, 2]", ""),
        ({**GOOD, "cpus": "two"}, "cpus"),
        ({**GOOD, "cpus": True}, "cpus"),
        ({k: v for k, v in GOOD.items() if k != "cpus"}, "cpus"),
        ({**GOOD, "colour": "blue"}, "colour"),
        ({**GOOD, "memory": 1024}, "memory"),
        ({**GOOD, "cpus": 129}, "cpus"),
        ({**GOOD, "name": "Bad_Name"}, "name"),
        ({**GOOD, "name": "web\n"}, "name"),
        ({**GOOD, "network": {"interfaces": [{"name": "eth0", "type": "pcnet"}]}}, "network.interfaces[0].type"),
        ({**GOOD, "labels": {"a": 1}}, "labels.a"),
        ({**GOOD, "memory": 2**70}, "memory"),
        ({**GOOD, "cpus": None}, "cpus"),
        ({"name": "web-1", "memory": 4 * GIB}, "cpus"),
    ],
)
def test_bad_create_bodies_are_400_and_store_nothing(api: Api, body: object, field: str) -> None:
    reply = api.post("/vms", body, headers={"Idempotency-Key": "k-bad"})
    assert reply.status == 400, reply.raw
    assert reply.error["type"] == "InvalidOperationError" and reply.error["code"] == "invalid_argument"
    if field:
        assert reply.error["details"]["field"] == field
    assert api.get("/vms").body["vms"] == []
    # Validation failures store nothing: the key still works for the fixed request.
    assert api.post("/vms", GOOD, headers={"Idempotency-Key": "k-bad"}).status == 201


def test_body_over_one_mib_is_413(api: Api) -> None:
    reply = api.post("/vms", b'{"name": "' + b"a" * (1024 * 1024 + 10) + b'"}')
    assert reply.status == 413 and reply.error["code"] == "payload_too_large"


def test_bad_query_values_are_400(api: Api) -> None:
    vm = api.create()
    assert api.get(f"/vms/{vm['id']}/metrics?window=soon").status == 400
    assert api.get(f"/vms/{vm['id']}/events?follow=maybe").status == 400
    assert api.get("/vms?page_size=1e3").status == 400
    assert api.get("/vms?labels=novalue").status == 400
    assert api.post(f"/vms/{vm['id']}/stop").error["message"] == "a JSON body is required"


def test_unknown_ids_are_404(api: Api) -> None:
    for path in ("/vms/nope", "/vms/%00%ff", "/migrations/nope", "/vms/x/snapshots/y/restore"):
        method = "POST" if path.endswith("restore") else "GET"
        reply = api.call(method, path)
        assert reply.status == 404 and reply.error["type"] == "VMNotFoundError", path
    assert api.delete("/snapshots/nope").error["code"] == "snapshot_not_found"
    assert api.get("/migrations/nope").error["code"] == "migration_not_found"


def test_bad_migration_options_are_400(api: Api) -> None:
    vm = api.running_vm()
    reply = api.post(f"/vms/{vm['id']}/migrations", {"target_node": "node-02", "options": {"parallel": 99}})
    assert reply.status == 400 and reply.error["details"]["field"] == "options.parallel"
    assert api.post(f"/vms/{vm['id']}/migrations", {}).error["details"]["field"] == "target_node"
    assert api.post(f"/vms/{vm['id']}/migrations", {"target_node": "mars"}).status == 400
    assert api.get(f"/vms/{vm['id']}").body["state"] == "running"


def test_defaults_fill_absent_fields(api: Api) -> None:
    reply = api.post("/vms", {"name": "defaults", "memory": 4 * GIB, "cpus": 1})
    assert reply.status == 201, reply.raw
    assert reply.body["config"]["disk"] == 20 * GIB and reply.body["config"]["image"] == "ubuntu-22.04"
