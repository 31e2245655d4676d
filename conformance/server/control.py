"""The control API under /_conformance/ (conformance mode only): reset, faults, journal, events, connections."""

from __future__ import annotations

from typing import Any

import orjson
from aiohttp import web
from dwcp_server_http import OPERATIONS, ApiError

from conformance.server import faults, responses
from conformance.server.state import ServerState

PREFIX = "/_conformance"
MAX_SYNTHETIC = 1_000_000


def add_routes(app: web.Application, state: ServerState) -> None:
    """Registers the control routes (before the generated catch-all)."""
    routes = {
        "/reset": {"POST": _reset},
        "/faults": {"POST": _add_faults, "GET": _list_faults},
        "/journal": {"GET": _journal},
        "/events": {"POST": _events},
        "/connections": {"GET": _connections},
    }
    for path, methods in routes.items():
        app.router.add_route("*", PREFIX + path, _handler(state, methods))


def _handler(state: ServerState, methods: dict[str, Any]) -> Any:
    allow = ", ".join(sorted(methods))

    async def handle(request: web.Request) -> web.StreamResponse:
        preflight = responses.preflight(request, allow)
        if preflight is not None:
            return preflight
        method = methods.get(request.method)
        try:
            if method is None:
                raise ApiError("method_not_allowed", f"use {allow}")
            result = await method(state, request)
        except ApiError as error:
            return responses.error_response(request, error, "control", {"Allow": allow})
        except ValueError as error:
            return responses.error_response(request, ApiError("invalid_argument", str(error)), "control")
        return responses.json_response(request, 200, orjson.dumps(result), "control")

    return handle


async def _body(request: web.Request) -> dict[str, Any]:
    raw = await request.read()
    try:
        body = orjson.loads(raw) if raw.strip() else {}
    except orjson.JSONDecodeError:
        raise ValueError("the body is not valid JSON") from None
    if not isinstance(body, dict):
        raise ValueError("the body must be a JSON object")
    return body


async def _reset(state: ServerState, request: web.Request) -> dict[str, Any]:
    state.reset(await _body(request))
    settings = state.settings
    return {
        "seed": settings.seed,
        "clock_speed": settings.clock_speed,
        "event_retention": settings.event_retention,
        "heartbeat_ms": settings.heartbeat_ms,
        "max_streams_per_key": settings.max_streams_per_key,
        "nodes": [node["name"] for node in settings.cluster],
    }


async def _add_faults(state: ServerState, request: web.Request) -> dict[str, Any]:
    raw = (await _body(request)).get("faults")
    if not isinstance(raw, list):
        raise ValueError("'faults' must be a list")
    known = {op.id for op in OPERATIONS}
    parsed = [faults.parse(item, known) for item in raw]
    return {"ids": state.faults.add(parsed)}


async def _list_faults(state: ServerState, request: web.Request) -> dict[str, Any]:
    return {"unconsumed": state.faults.unconsumed()}


async def _journal(state: ServerState, request: web.Request) -> dict[str, Any]:
    return {"attempts": state.journal.select(request.query.get("op"))}


async def _events(state: ServerState, request: web.Request) -> dict[str, Any]:
    body = await _body(request)
    count = body.get("count")
    if not isinstance(count, int) or isinstance(count, bool) or not 0 < count <= MAX_SYNTHETIC:
        raise ValueError(f"count must be an integer in 1..{MAX_SYNTHETIC}")
    vm = state.sim.vm(str(body.get("vm_id")))
    stamp = state.sim.clock.stamp()
    snapshot = vm.wire()
    for number in range(count):
        vm.log.append({"type": "state_changed", "vm": snapshot, "timestamp": stamp, "message": f"synthetic {number}"})
    return {"last_id": vm.log.last_id, "first_id": vm.log.first_id}


async def _connections(state: ServerState, request: web.Request) -> dict[str, Any]:
    conns = state.connections
    streams = sum(state.streams.values())
    return {"opened": conns.opened, "open": conns.open, "max_open": conns.max_open, "streams": streams}
