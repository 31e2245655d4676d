"""Idempotency-Key: replay, reuse with another body or op, concurrent duplicates, commit before reset."""

from __future__ import annotations

import threading

import pytest

pytest.importorskip("aiohttp")

from tests.server.client import GIB, Api, Reply

CONFIG = {"name": "web-1", "memory": 4 * GIB, "cpus": 2, "disk": 40 * GIB, "image": "ubuntu"}


def test_replay_returns_the_first_outcome(api: Api) -> None:
    first = api.post("/vms", CONFIG, headers={"Idempotency-Key": "k1"})
    again = api.post("/vms", CONFIG, headers={"Idempotency-Key": "k1"})
    assert first.status == again.status == 201
    assert again.body["id"] == first.body["id"] and again.headers["idempotent-replayed"] == "true"
    assert "idempotent-replayed" not in first.headers
    assert len(api.get("/vms").body["vms"]) == 1
    assert [e["replayed"] for e in api.control("/journal?op=vm.create")["attempts"]] == [False, True]


def test_same_key_other_body_or_op_is_422(api: Api) -> None:
    vm = api.post("/vms", CONFIG, headers={"Idempotency-Key": "k2"}).body
    other = api.post("/vms", {**CONFIG, "cpus": 4}, headers={"Idempotency-Key": "k2"})
    assert other.status == 422 and other.error["code"] == "idempotency_key_reused"
    api.wait_state(vm["id"], "stopped")
    snap = api.post(f"/vms/{vm['id']}/snapshots", {"name": "s1"}, headers={"Idempotency-Key": "k2"})
    assert snap.status == 422
    assert len(api.get("/vms").body["vms"]) == 1


def test_keys_are_per_api_key_scope(api: Api) -> None:
    assert api.post("/vms", CONFIG, headers={"Idempotency-Key": "k3"}).status == 201
    assert Api(api.server, key="other").post("/vms", CONFIG, headers={"Idempotency-Key": "k3"}).status == 401


def test_concurrent_duplicate_gets_409_then_the_replay(api: Api) -> None:
    api.control("/faults", {"faults": [{"op": "vm.create", "times": 1, "delay_ms": 300}]})
    results: list[Reply] = []
    slow = threading.Thread(target=lambda: results.append(api.post("/vms", CONFIG, headers={"Idempotency-Key": "k4"})))
    slow.start()
    # Wait until the slow attempt has reserved the key: its journal entry appears on arrival.
    while not api.control("/journal?op=vm.create")["attempts"]:
        pass
    busy = None
    for _ in range(100):
        busy = api.post("/vms", CONFIG, headers={"Idempotency-Key": "k4"})
        if busy.status == 409:
            break
    slow.join()
    assert busy is not None and busy.status == 409
    assert busy.error["code"] == "idempotency_key_in_use" and busy.error["retryable"] is True
    replay = api.post("/vms", CONFIG, headers={"Idempotency-Key": "k4"})
    assert replay.body["id"] == results[0].body["id"]
    assert len(api.get("/vms").body["vms"]) == 1


def test_reset_after_commit_then_retry_gets_the_replay(api: Api) -> None:
    api.control("/faults", {"faults": [{"op": "vm.create", "times": 1, "reset": "after"}]})
    with pytest.raises(ConnectionError):
        api.post("/vms", CONFIG, headers={"Idempotency-Key": "k5", "DWCP-Attempt": "1"})
    retry = api.post("/vms", CONFIG, headers={"Idempotency-Key": "k5", "DWCP-Attempt": "2"})
    assert retry.status == 201 and retry.headers["idempotent-replayed"] == "true"
    assert len(api.get("/vms").body["vms"]) == 1
    attempts = api.control("/journal?op=vm.create")["attempts"]
    assert [a["attempt"] for a in attempts] == [1, 2]
    assert attempts[0]["idempotency_key"] == attempts[1]["idempotency_key"] == "k5"
    assert attempts[0]["body_sha256"] == attempts[1]["body_sha256"]


def test_non_retryable_error_is_stored_and_retryable_is_not(api: Api, reset) -> None:
    reset(cluster={"nodes": [{"name": "n1", "cpus": 2, "memory": 8 * GIB, "disk": 100 * GIB}]})
    big = {**CONFIG, "cpus": 4}
    assert api.post("/vms", big, headers={"Idempotency-Key": "k6"}).status == 429
    # 429 is retryable: nothing stored, the retry runs afresh (and fails again for lack of room).
    again = api.post("/vms", big, headers={"Idempotency-Key": "k6"})
    assert again.status == 429 and "idempotent-replayed" not in again.headers
