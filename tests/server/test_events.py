"""watch: replay, follow, resume by since and Last-Event-ID, gap past retention, heartbeats, limits."""

from __future__ import annotations

import threading
import time

import pytest

pytest.importorskip("aiohttp")

from tests.server.client import Api, read_sse


def test_replay_then_end_without_follow(api: Api) -> None:
    vm = api.running_vm()
    seen = read_sse(api, f"/vms/{vm['id']}/events?follow=false")
    assert seen.ended and not seen.broken
    kinds = [e["data"]["type"] for e in seen.events]
    assert kinds[0] == "created" and kinds.count("state_changed") == 3  # stopped, starting, running
    assert seen.ids == list(range(1, len(seen.ids) + 1))
    assert all(e["event"] == "vm_event" and e["data"]["vm"]["id"] == vm["id"] for e in seen.events)
    assert seen.events[-1]["data"]["vm"]["state"] == "running"


def test_resume_with_since_and_last_event_id(api: Api) -> None:
    vm = api.running_vm()
    assert read_sse(api, f"/vms/{vm['id']}/events?follow=false&since=2").ids == [3, 4]
    resumed = read_sse(api, f"/vms/{vm['id']}/events?follow=false", headers={"Last-Event-ID": "3"})
    assert resumed.ids == [4]


def test_follow_receives_new_events(api: Api) -> None:
    vm = api.running_vm()
    got: list = []
    reader = threading.Thread(target=lambda: got.append(read_sse(api, f"/vms/{vm['id']}/events?since=4", count=2)))
    reader.start()
    time.sleep(0.1)
    api.post(f"/vms/{vm['id']}/stop", {})
    reader.join(5)
    assert [e["data"]["vm"]["state"] for e in got[0].events[:2]] == ["stopping", "stopped"]


def test_destroy_ends_the_stream(api: Api) -> None:
    vm = api.create()
    got: list = []
    reader = threading.Thread(target=lambda: got.append(read_sse(api, f"/vms/{vm['id']}/events")))
    reader.start()
    time.sleep(0.1)
    api.delete(f"/vms/{vm['id']}")
    reader.join(5)
    assert got[0].ended and got[0].events[-1]["data"]["type"] == "destroyed"


def test_resume_past_retention_yields_a_gap_event(api: Api, reset) -> None:
    reset(event_retention=10)
    vm = api.create()
    api.control("/events", {"vm_id": vm["id"], "count": 30})
    api.wait_state(vm["id"], "stopped")
    seen = read_sse(api, f"/vms/{vm['id']}/events?follow=false", headers={"Last-Event-ID": "5"})
    gap = seen.events[0]
    # The gap carries the VM as it is now (the spec makes vm required): where things stand after the loss.
    assert gap["data"]["type"] == "gap" and gap["data"]["vm"]["id"] == vm["id"]
    assert gap["data"]["vm"]["state"] == "stopped"
    first_kept = seen.ids[1]
    assert gap["data"]["id"] == int(gap["id"]) == first_kept - 1
    assert "6.." in gap["data"]["message"]
    assert seen.ids[1:] == list(range(first_kept, first_kept + 10))


def test_heartbeat_comments(api: Api, reset) -> None:
    reset(heartbeat_ms=30)
    vm = api.running_vm()
    seen = read_sse(api, f"/vms/{vm['id']}/events?since=4", timeout=0.3)
    assert seen.events == [] and ": ping" in seen.comments


def test_errors_come_before_the_stream(api: Api) -> None:
    assert read_sse(api, "/vms/vm-nope/events").status == 404
    unauthorised = read_sse(Api(api.server, key="bad"), "/vms/vm-nope/events")
    assert unauthorised.status == 401 and unauthorised.error["code"] == "unauthenticated"


def wait_streams_closed(api: Api) -> None:
    """Waits until the server has noticed that earlier tests' clients left their streams."""
    deadline = time.monotonic() + 2
    while api.control("/connections")["streams"] and time.monotonic() < deadline:
        time.sleep(0.02)


def test_streams_per_key_are_limited(api: Api, reset) -> None:
    reset(max_streams_per_key=1)
    wait_streams_closed(api)
    vm = api.create()
    holder = api.connection()
    holder.request("GET", f"/v3/vms/{vm['id']}/events", headers={"Authorization": f"Bearer {api.key}"})
    assert holder.getresponse().status == 200  # headers arrive with the first event: the stream is open
    refused = read_sse(api, f"/vms/{vm['id']}/events")
    holder.close()
    assert refused.status == 429 and refused.error["code"] == "too_many_streams"


def test_burst_is_delivered_in_order(api: Api, reset) -> None:
    reset(event_retention=20000)
    vm = api.create()
    api.control("/events", {"vm_id": vm["id"], "count": 10000})
    seen = read_sse(api, f"/vms/{vm['id']}/events?follow=false&since=1", timeout=30)
    assert seen.ids == list(range(2, seen.ids[-1] + 1)) and len(seen.ids) >= 10000


def test_a_closed_stream_frees_its_slot(api: Api, reset) -> None:
    reset(max_streams_per_key=1)
    vm = api.create()
    read_sse(api, f"/vms/{vm['id']}/events", timeout=0.2)  # the client gives up and disconnects
    wait_streams_closed(api)  # the server notices within CHECK_S
    assert api.control("/connections")["streams"] == 0
    again = read_sse(api, f"/vms/{vm['id']}/events?follow=false")
    assert again.status == 200 and again.ended
