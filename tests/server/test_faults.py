"""Scripted faults: status with Retry-After, times/skip, delay, resets, broken bodies, stream breaks."""

from __future__ import annotations

import http.client
import json
import time

import pytest

pytest.importorskip("aiohttp")

from tests.server.client import GIB, Api, read_sse

CONFIG = {"name": "web-1", "memory": 4 * GIB, "cpus": 2, "disk": 40 * GIB, "image": "ubuntu"}


def script(api: Api, *faults: dict) -> list[str]:
    return api.control("/faults", {"faults": list(faults)})["ids"]


def test_status_fault_with_retry_after_headers(api: Api) -> None:
    script(api, {"op": "vm.list", "times": 1, "status": 503, "retry_after": "2", "retry_after_ms": 150})
    reply = api.get("/vms")
    assert reply.status == 503 and reply.error["type"] == "ConnectionError" and reply.error["retryable"]
    assert reply.headers["retry-after"] == "2" and reply.headers["retry-after-ms"] == "150"
    assert api.get("/vms").status == 200
    assert api.control("/faults")["unconsumed"] == []


def test_status_fault_maps_to_the_catalogue(api: Api) -> None:
    script(api, {"op": "vm.create", "times": 1, "status": 429, "retry_after": "1"})
    reply = api.post("/vms", CONFIG)
    assert reply.status == 429 and reply.error["type"] == "ResourceLimitError"
    assert api.get("/vms").body["vms"] == []  # the fault answered; nothing ran


def test_skip_and_times_select_attempts(api: Api) -> None:
    script(api, {"op": "vm.list", "skip": 1, "times": 2, "status": 504})
    assert [api.get("/vms").status for _ in range(4)] == [200, 504, 504, 200]


def test_always_fault_and_unconsumed_report(api: Api) -> None:
    ids = script(api, {"op": "vm.get", "times": 2, "status": 503}, {"op": "vm.list", "times": -1, "status": 500})
    api.get("/vms/vm-x")
    assert [api.get("/vms").status for _ in range(3)] == [500, 500, 500]
    left = api.control("/faults")["unconsumed"]
    assert [f["id"] for f in left] == [ids[0]] and left[0]["left"] == 1


def test_delay_then_normal_handling(api: Api) -> None:
    script(api, {"op": "system.health", "times": 1, "delay_ms": 200})
    start = time.monotonic()
    assert api.get("/health").status == 200
    assert time.monotonic() - start >= 0.2


def test_reset_before_commit_runs_nothing(api: Api) -> None:
    script(api, {"op": "vm.create", "times": 1, "reset": "before"})
    with pytest.raises((ConnectionError, http.client.RemoteDisconnected)):
        api.post("/vms", CONFIG, headers={"Idempotency-Key": "k1"})
    assert api.get("/vms").body["vms"] == []
    retry = api.post("/vms", CONFIG, headers={"Idempotency-Key": "k1"})
    assert retry.status == 201 and "idempotent-replayed" not in retry.headers


def test_reset_after_commit_keeps_the_effect(api: Api) -> None:
    vm = api.create()
    api.wait_state(vm["id"], "stopped")
    script(api, {"op": "vm.start", "times": 1, "reset": "after"})
    with pytest.raises((ConnectionError, http.client.RemoteDisconnected)):
        api.post(f"/vms/{vm['id']}/start")
    assert api.get(f"/vms/{vm['id']}").body["state"] in ("starting", "running")


def test_truncated_body(api: Api) -> None:
    script(api, {"op": "vm.list", "times": 1, "body": "truncated"})
    with pytest.raises(http.client.IncompleteRead):
        api.get("/vms")


def test_malformed_body_keeps_the_status(api: Api) -> None:
    script(api, {"op": "vm.list", "times": 1, "body": "malformed"})
    with pytest.raises(json.JSONDecodeError):
        api.get("/vms")
    status = api.control("/journal?op=vm.list")["attempts"][0]["status"]
    assert status == 200


def test_stream_break_after_n_events_then_resume(api: Api) -> None:
    vm = api.running_vm()
    script(api, {"op": "vm.watch", "times": 1, "stream_break_after": 2})
    broken = read_sse(api, f"/vms/{vm['id']}/events?follow=false")
    assert broken.ids == [1, 2] and broken.broken
    rest = read_sse(api, f"/vms/{vm['id']}/events?follow=false", headers={"Last-Event-ID": "2"})
    assert rest.ids == [3, 4] and rest.ended


def test_reset_after_on_a_stream_opens_then_drops(api: Api) -> None:
    vm = api.create()
    script(api, {"op": "vm.watch", "times": 1, "reset": "after"})
    dropped = read_sse(api, f"/vms/{vm['id']}/events?follow=false")
    assert dropped.status == 200 and dropped.events == [] and dropped.broken


def test_journal_records_every_attempt(api: Api) -> None:
    script(api, {"op": "vm.create", "times": 1, "status": 503})
    headers = {"Idempotency-Key": "k9", "X-Request-ID": "r-1", "DWCP-Attempt": "1"}
    api.post("/vms", CONFIG, headers=headers)
    api.post("/vms", CONFIG, headers={**headers, "DWCP-Attempt": "2"})
    Api(api.server, key="bad").get("/vms")
    first, second = api.control("/journal?op=vm.create")["attempts"]
    assert first["fault"]["status"] == 503 and first["status"] == 503 and second["status"] == 201
    assert (first["attempt"], second["attempt"]) == (1, 2)
    assert first["request_id"] == second["request_id"] == "r-1" and second["idempotency_key"] == "k9"
    assert second["body_sha256"] and second["connection_id"] and second["time_ms"] >= first["time_ms"]
    assert first["body_sha256"] == second["body_sha256"]  # a fault's attempt records its body too
    assert second["method"] == "POST" and second["path"] == "/v3/vms"
    assert "authorization" not in {k.lower() for k in second["headers"]}
    assert api.control("/journal?op=vm.list")["attempts"][-1]["status"] == 401


def test_bad_fault_scripts_are_rejected(api: Api) -> None:
    for fault in ({"op": "vm.nope", "status": 503}, {"op": "vm.get"}, {"op": "vm.get", "reset": "middle"}):
        reply = api.call("POST", "/_conformance/faults", {"faults": [fault]})
        assert reply.status == 400
