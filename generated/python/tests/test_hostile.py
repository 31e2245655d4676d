# Code generated from extras/python/tests/test_hostile.py by generator/; DO NOT EDIT.
"""Hostile responses (issue 17, docs/resilience.md): each rule against a scripted server."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from aiohttp import web

import dwcp
from dwcp._runtime.sse import Decoder, LineTooLong
from tests.conftest import Server, reply
from tests.test_client import VM


def _event(n: int, name: str = "vm_event") -> bytes:
    data: dict[str, Any] = {
        "id": n,
        "type": "created",
        "vm": VM,
        "timestamp": "2026-01-01T00:00:00Z",
        "message": "m",
    }
    return b"id: %d\nevent: %s\ndata: %s\n\n" % (n, name.encode(), json.dumps(data).encode())


def _sse(*parts: bytes) -> Any:
    async def handler(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "text/event-stream"})
        await response.prepare(request)
        for part in parts:
            await response.write(part)
        await response.write_eof()
        return response

    return handler


def test_the_decoder_bounds_one_line_and_knows_a_partial_event() -> None:
    decoder = Decoder(max_line=16)
    assert decoder.feed_raw(b"data: a\n\n") == [(b"a", b"", None)]
    assert not decoder.partial
    decoder.feed_raw(b"data: b")
    assert decoder.partial
    with pytest.raises(LineTooLong):
        decoder.feed_raw(b"\n\ndata: " + b"x" * 64)  # unterminated, past the limit: not kept
    assert decoder.too_long == [(b"b", b"", None)]
    assert not decoder.partial


async def test_request_timeout_bounds_the_whole_unary_attempt(server: Server) -> None:
    async def drip(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "application/json"})
        await response.prepare(request)
        for byte in json.dumps(VM).encode():
            await response.write(bytes([byte]))
            await asyncio.sleep(0.05)  # each gap is under the timeout, the whole body is not
        return response

    server.on("GET", "/v3/vms/vm-1", drip)
    async with dwcp.Client(server.config(request_timeout=0.3, retry_attempts=0)) as client:
        with pytest.raises(dwcp.TimeoutError) as caught:
            await client.vm.get("vm-1")
    assert caught.value.code == "client_timeout"


async def test_an_error_body_is_read_up_to_64_kib(server: Server) -> None:
    async def huge(request: web.Request) -> web.Response:
        return web.Response(status=500, body=b"x" * (4 * 1024 * 1024), content_type="text/plain")

    server.on("GET", "/v3/vms/vm-1", huge)
    async with dwcp.Client(server.config(retry_attempts=0)) as client:
        with pytest.raises(dwcp.DWCPError) as caught:
            await client.vm.get("vm-1")
    assert caught.value.status == 500 and len(str(caught.value)) <= 64 * 1024


async def test_a_stream_answered_with_json_is_malformed(server: Server) -> None:
    server.on("GET", "/v3/vms/vm-1/events", lambda request: _json())
    async with dwcp.Client(server.config()) as client:
        with pytest.raises(dwcp.ConnectionError) as caught:
            async for _ in client.vm.watch("vm-1", follow=False):
                pass
    assert caught.value.code == "malformed_response"
    assert len(server.requests("/v3/vms/vm-1/events")) == 1  # never retried


async def _json() -> web.Response:
    return reply(200, [])


async def test_unknown_events_are_ignored_and_a_cut_event_resumes(server: Server) -> None:
    server.on(
        "GET",
        "/v3/vms/vm-1/events",
        _sse(_event(1), b'event: x_future_event\ndata: {"x": 1}\n\n', _event(2)[:20]),
        _sse(_event(2), _event(3)),
    )
    async with dwcp.Client(server.config(), jitter=lambda: 0.0) as client:
        ids = [event.id async for event in client.vm.watch("vm-1", follow=False)]
    assert ids == [1, 2, 3]
    assert server.requests("/v3/vms/vm-1/events")[1].headers["Last-Event-ID"] == "1"


async def test_a_line_longer_than_buffer_size_ends_the_stream(server: Server) -> None:
    server.on("GET", "/v3/vms/vm-1/events", _sse(_event(1), b"data: " + b"x" * 8192))
    async with dwcp.Client(server.config(buffer_size=1024)) as client:
        ids: list[int] = []
        with pytest.raises(dwcp.ConnectionError) as caught:
            async for event in client.vm.watch("vm-1", follow=False):
                ids.append(event.id)
    assert ids == [1] and caught.value.code == "malformed_response"
