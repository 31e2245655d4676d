"""A scripted aiohttp server: each test queues responses per route and reads back what arrived."""

from __future__ import annotations

import asyncio
import json
from collections import defaultdict, deque
from collections.abc import AsyncIterator, Awaitable
from dataclasses import dataclass, field
from typing import Any, Callable

import pytest
from aiohttp import web

import dwcp

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
HEALTH = {"status": "ok", "version": "3.0.0", "uptime": 1}


@dataclass
class Seen:
    """One request as the server received it."""

    method: str
    path: str
    query: str
    headers: dict[str, str]
    body: bytes
    time: float


@dataclass
class Server:
    """Answers scripted handlers per (method, path), then a default; records every request."""

    port: int = 0
    script: dict[tuple[str, str], deque[Handler]] = field(default_factory=lambda: defaultdict(deque))
    seen: list[Seen] = field(default_factory=list)

    def on(self, method: str, path: str, *handlers: Handler) -> None:
        self.script[(method, path)].extend(handlers)

    def requests(self, path: str) -> list[Seen]:
        return [s for s in self.seen if s.path == path]

    async def handle(self, request: web.Request) -> web.StreamResponse:
        body = await request.read()
        loop = asyncio.get_running_loop()
        self.seen.append(Seen(request.method, request.path, request.query_string, dict(request.headers), body, loop.time()))
        queue = self.script.get((request.method, request.path))
        if queue:
            return await queue.popleft()(request)
        if request.path == "/v3/session":
            return reply(200, {"authenticated": True, "session_id": "s1", "server_version": "3.0.0"})
        return reply(200, HEALTH)

    def config(self, **changes: Any) -> dwcp.ClientConfig:
        base: dict[str, Any] = {"address": "127.0.0.1", "port": self.port, "api_key": "sk-test", "retry_backoff": 0.01}
        return dwcp.ClientConfig(**{**base, **changes})


def reply(status: int, data: Any, headers: dict[str, str] | None = None) -> web.Response:
    return web.Response(status=status, body=json.dumps(data).encode(), headers=headers, content_type="application/json")


def error(status: int, kind: str, code: str, headers: dict[str, str] | None = None) -> Handler:
    async def handler(request: web.Request) -> web.Response:
        detail = {"type": kind, "code": code, "message": code, "retryable": True}
        return reply(status, {"error": detail}, headers)

    return handler


def ok(status: int, data: Any) -> Handler:
    async def handler(request: web.Request) -> web.Response:
        return reply(status, data)

    return handler


@pytest.fixture
async def server() -> AsyncIterator[Server]:
    state = Server()
    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", state.handle)
    runner = web.AppRunner(app, handle_signals=False)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    state.port = runner.addresses[0][1]
    yield state
    await runner.cleanup()
