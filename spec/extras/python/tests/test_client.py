"""The async client over real sockets: retries, keys, headers, timeouts, streams, waiter, sync twin."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from aiohttp import web

import dwcp
from tests.conftest import HEALTH, Server, error, ok, reply

GIB = 1024**3
VM = {
    "id": "vm-1",
    "name": "web-1",
    "state": "running",
    "node": "node-01",
    "created_at": "2026-01-01T00:00:00Z",
    "updated_at": "2026-01-01T00:00:00Z",
    "config": {"name": "web-1", "memory": 2 * GIB, "cpus": 2, "disk": 20 * GIB, "image": "ubuntu"},
}
STATUS = {
    "id": "mig-1",
    "vm_id": "vm-1",
    "source_node": "a",
    "target_node": "b",
    "state": "running",
    "phase": "precopy",
    "progress": 10.0,
    "round": 1,
    "bytes_total": 1,
    "bytes_sent": 0,
    "throughput": 0,
    "downtime": 0,
    "started_at": "2026-01-01T00:00:00Z",
}


def vm_config() -> dwcp.VMConfig:
    return dwcp.VMConfig(name="web-1", memory=2 * GIB, cpus=2, disk=20 * GIB, image="ubuntu")


async def test_connect_authenticates_and_hides_the_key(server: Server) -> None:
    async with dwcp.Client(server.config()) as client:
        assert client.is_connected and client.is_authenticated
        assert "sk-test" not in repr(client)
        assert (await client.health()).status == "ok"
    assert server.requests("/v3/session")[0].headers["Authorization"] == "Bearer sk-test"
    assert not client.is_connected


async def test_calls_before_connect_raise_not_connected(server: Server) -> None:
    client = dwcp.Client(server.config())
    with pytest.raises(dwcp.NotConnectedError):
        await client.vm.get("vm-1")
    assert server.seen == []


async def test_create_retries_with_one_key_and_identical_body(server: Server) -> None:
    server.on("POST", "/v3/vms", error(503, "ConnectionError", "unavailable"), error(503, "ConnectionError", "x"))
    server.on("POST", "/v3/vms", ok(201, VM))
    async with dwcp.Client(server.config()) as client:
        vm = await client.VM().create(vm_config())
    assert vm.id == "vm-1" and vm.state is dwcp.VMState.RUNNING
    seen = server.requests("/v3/vms")
    assert [s.headers["DWCP-Attempt"] for s in seen] == ["1", "2", "3"]
    assert len({s.headers["Idempotency-Key"] for s in seen}) == 1
    assert len({s.headers["X-Request-ID"] for s in seen}) == 1
    assert len({s.body for s in seen}) == 1


async def test_exhausted_retries_raise_the_last_error_with_attempts(server: Server) -> None:
    server.on("GET", "/v3/vms/vm-1", *[error(503, "ConnectionError", "unavailable")] * 4)
    async with dwcp.Client(server.config(retry_attempts=3)) as client:
        with pytest.raises(dwcp.ConnectionError) as caught:
            await client.vm.get("vm-1")
    assert caught.value.attempts == 4 and caught.value.status == 503
    assert len(server.requests("/v3/vms/vm-1")) == 4


async def test_backoff_gaps_follow_the_pinned_jitter(server: Server) -> None:
    server.on("GET", "/v3/vms/vm-1", *[error(503, "ConnectionError", "unavailable")] * 3, ok(200, VM))
    async with dwcp.Client(server.config(retry_backoff=0.05), jitter=lambda: 1.0) as client:
        await client.vm.get("vm-1")
    times = [s.time for s in server.requests("/v3/vms/vm-1")]
    gaps = [b - a for a, b in zip(times, times[1:])]
    for gap, expected in zip(gaps, (0.05, 0.1, 0.2)):
        assert expected <= gap < expected + 0.1


async def test_retry_after_is_honoured_and_a_long_one_stops(server: Server) -> None:
    server.on("GET", "/v3/vms/vm-1", error(429, "ResourceLimitError", "rate_limited", {"Retry-After-Ms": "150"}))
    server.on("GET", "/v3/vms/vm-1", ok(200, VM))
    server.on("GET", "/v3/vms/vm-2", error(429, "ResourceLimitError", "rate_limited", {"Retry-After": "121"}))
    async with dwcp.Client(server.config(), jitter=lambda: 0.0) as client:
        await client.vm.get("vm-1")
        with pytest.raises(dwcp.ResourceLimitError) as caught:
            await client.vm.get("vm-2")
    first, second = server.requests("/v3/vms/vm-1")
    assert second.time - first.time >= 0.15
    assert caught.value.retry_after == 121 and caught.value.attempts == 1


async def test_non_retryable_errors_make_one_request(server: Server) -> None:
    server.on("GET", "/v3/vms/nope", error(404, "VMNotFoundError", "vm_not_found"))
    async with dwcp.Client(server.config()) as client:
        with pytest.raises(dwcp.VMNotFoundError):
            await client.vm.get("nope")
    assert len(server.requests("/v3/vms/nope")) == 1


async def test_request_timeout_applies_per_attempt(server: Server) -> None:
    async def slow(request: web.Request) -> web.Response:
        await asyncio.sleep(0.5)
        return reply(200, VM)

    server.on("GET", "/v3/vms/vm-1", slow, slow)
    async with dwcp.Client(server.config(request_timeout=0.1, retry_attempts=1)) as client:
        with pytest.raises(dwcp.TimeoutError) as caught:
            await client.vm.get("vm-1")
    assert caught.value.code == "client_timeout" and caught.value.attempts == 2


async def test_truncated_or_malformed_bodies_are_typed(server: Server) -> None:
    async def garbage(request: web.Request) -> web.Response:
        return web.Response(status=200, body=b'{"id": "vm-1", "na', content_type="application/json")

    server.on("GET", "/v3/vms/vm-1", garbage)
    async with dwcp.Client(server.config()) as client:
        with pytest.raises(dwcp.ConnectionError) as caught:
            await client.vm.get("vm-1")
    assert caught.value.code == "malformed_response"


async def test_validation_happens_before_any_request(server: Server) -> None:
    async with dwcp.Client(server.config()) as client:
        with pytest.raises(dwcp.ValidationError) as caught:
            await client.vm.snapshot("vm-1", "bad name!")
    assert caught.value.field == "name"
    assert server.requests("/v3/vms/vm-1/snapshots") == []


async def test_list_walks_every_page(server: Server) -> None:
    server.on("GET", "/v3/vms", ok(200, {"vms": [VM], "next_page_token": "p2"}), ok(200, {"vms": [VM]}))
    async with dwcp.Client(server.config()) as client:
        vms = await client.vm.list(labels={"tier": "web", "env": "prod"}, page_size=1)
    assert len(vms) == 2
    first, second = server.requests("/v3/vms")
    assert first.query == "labels=env%3Dprod,tier%3Dweb&page_size=1"
    assert second.query.endswith("&page_token=p2")
    assert second.headers["X-Request-ID"] != first.headers["X-Request-ID"]


def sse(*frames: str) -> bytes:
    return "".join(frames).encode()


def event_frame(n: int) -> str:
    data = {"id": n, "type": "state_changed", "timestamp": "2026-01-01T00:00:00Z", "message": f"e{n}", "vm": VM}
    return f"id: {n}\nevent: vm_event\ndata: {json.dumps(data)}\n\n"


async def test_watch_resumes_with_last_event_id_exactly_once(server: Server) -> None:
    async def broken(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "text/event-stream"})
        await response.prepare(request)
        await response.write(sse(": hi\n\n", event_frame(1), event_frame(2), "data: half"))
        assert request.transport is not None
        request.transport.close()  # drop without the chunked terminator
        return response

    async def resumed(request: web.Request) -> web.StreamResponse:
        start = int(request.headers["Last-Event-ID"])
        response = web.StreamResponse(headers={"Content-Type": "text/event-stream"})
        await response.prepare(request)
        # replays one already-delivered event on purpose: the client must drop it
        await response.write(sse(*(event_frame(n) for n in range(start, 5))))
        await response.write_eof()
        return response

    server.on("GET", "/v3/vms/vm-1/events", broken, resumed)
    async with dwcp.Client(server.config(), jitter=lambda: 0.0) as client:
        ids = [event.id async for event in client.vm.watch("vm-1")]
    assert ids == [1, 2, 3, 4]
    assert server.requests("/v3/vms/vm-1/events")[1].headers["Last-Event-ID"] == "2"


async def test_stream_errors_are_typed_and_not_retried(server: Server) -> None:
    server.on("GET", "/v3/vms/nope/events", error(404, "VMNotFoundError", "vm_not_found"))
    async with dwcp.Client(server.config()) as client:
        with pytest.raises(dwcp.VMNotFoundError):
            await client.vm.watch("nope").open()
    assert len(server.requests("/v3/vms/nope/events")) == 1


async def test_waiter_times_out_without_cancelling(server: Server) -> None:
    server.on("GET", "/v3/migrations/mig-1", *[ok(200, STATUS)] * 50)
    async with dwcp.Client(server.config()) as client:
        with pytest.raises(dwcp.TimeoutError):
            await client.vm.wait_for_migration("mig-1", 0.2, min_delay=0.02, max_delay=0.02)
    assert server.requests("/v3/migrations/mig-1/cancel") == []
    assert len(server.requests("/v3/migrations/mig-1")) >= 3


async def test_waiter_returns_the_final_status_or_raises_on_failure(server: Server) -> None:
    done = {**STATUS, "state": "completed", "phase": "done", "progress": 100.0}
    failed = {**STATUS, "state": "failed", "error": "did not converge"}
    server.on("GET", "/v3/migrations/mig-1", ok(200, STATUS), ok(200, done))
    server.on("GET", "/v3/migrations/mig-2", ok(200, failed))
    async with dwcp.Client(server.config()) as client:
        status = await client.vm.wait_for_migration("mig-1", 5, min_delay=0.01, max_delay=0.01)
        assert status.state is dwcp.MigrationState.COMPLETED
        with pytest.raises(dwcp.MigrationError, match="did not converge"):
            await client.vm.wait_for_migration("mig-2", 5, min_delay=0.01, max_delay=0.01)


async def test_metrics_count_traffic(server: Server) -> None:
    server.on("GET", "/v3/vms/vm-1", error(503, "ConnectionError", "unavailable"), ok(200, VM))
    async with dwcp.Client(server.config()) as client:
        await client.vm.get("vm-1")
        metrics = client.get_metrics()
    assert (metrics.messages_sent, metrics.messages_received, metrics.errors_total) == (3, 3, 1)
    assert metrics.bytes_sent > 0 and metrics.bytes_received > 0


async def test_sync_client_against_the_server(server: Server) -> None:
    # The server runs on this test's loop, so the blocking client runs in a worker thread.
    def blocking() -> Any:
        with dwcp.SyncClient(server.config()) as client:
            return client.health(), client.VM().health(), client.is_authenticated

    health, again, authenticated = await asyncio.get_running_loop().run_in_executor(None, blocking)
    assert health.status == again.status == HEALTH["status"] and authenticated
