"""The control API under /_conformance/ (conformance mode only): reset, faults, journal, events, connections."""

from __future__ import annotations

from typing import Any

import orjson
from aiohttp import web
from dwcp_server_http import OPERATIONS, ApiError
from dwcp_server_http.parsing import MAX_BODY, read_body

from conformance.server import faults, limits, responses, synthetic
from conformance.server.state import ServerState

PREFIX = "/_conformance"
MAX_SYNTHETIC = 1_000_000
MAX_CONTROL_BODY = MAX_BODY
LOOPBACK = frozenset({"127.0.0.1", "localhost", "[::1]", "::1"})


def add_routes(app: web.Application, state: ServerState) -> None:
    """Registers the control routes (before the generated catch-all)."""
    routes = {
        "/reset": {"POST": _reset},
        "/faults": {"POST": _add_faults, "GET": _list_faults},
        "/journal": {"GET": _journal},
        "/events": {"POST": _events},
        "/connections": {"GET": _connections},
        "/vms": {"POST": _vms},
    }
    for path, methods in routes.items():
        app.router.add_route("*", PREFIX + path, _handler(state, methods))


def _handler(state: ServerState, methods: dict[str, Any]) -> Any:
    allow = ", ".join(sorted(methods))

    async def handle(request: web.Request) -> web.StreamResponse:
        connection = limits.busy(request)
        try:
            return await answer(request)
        finally:
            limits.idle(connection)

    async def answer(request: web.Request) -> web.StreamResponse:
        try:
            origin = _check_caller(state, request)
        except ApiError as error:
            return _answer(request, None, responses.error_response(request, error, "control"))
        if request.method == "OPTIONS" and "Access-Control-Request-Method" in request.headers:
            headers = {"Access-Control-Allow-Methods": allow, "Access-Control-Allow-Headers": "Content-Type"}
            return _answer(request, origin, web.Response(status=204, headers=headers))
        method = methods.get(request.method)
        try:
            if method is None:
                raise ApiError("method_not_allowed", f"use {allow}")
            result = await method(state, request)
        except ApiError as error:
            return _answer(request, origin, responses.error_response(request, error, "control", {"Allow": allow}))
        except ValueError as error:
            response = responses.error_response(request, ApiError("invalid_argument", str(error)), "control")
            return _answer(request, origin, response)
        return _answer(request, origin, responses.json_response(request, 200, orjson.dumps(result), "control"))

    return handle


def _check_caller(state: ServerState, request: web.Request) -> str | None:
    """Refuses (403) a Host that is not the server's own and an Origin that is not same-origin or configured.

    A web page the developer visits can send requests to localhost: the Host check stops DNS
    rebinding, the Origin check stops cross-site scripts; neither header is sent wrong by a
    non-browser client such as the conformance runner. Returns the allowed Origin, if any.
    """
    port = request.transport.get_extra_info("sockname")[1] if request.transport is not None else None
    host = request.host
    name, _, given_port = host.rpartition(":") if not host.endswith("]") else (host, "", "")
    hosts = {state.listen_host, *LOOPBACK}
    if name.lower() not in hosts or (port is not None and given_port != str(port)):
        raise ApiError("forbidden_origin", f"the control API answers only Host {state.listen_host}:{port}")
    origin = request.headers.get("Origin")
    if origin is None:
        return None
    scheme = "https" if request.secure else "http"
    own = {f"{scheme}://{h}:{port}" for h in hosts}
    if origin.rstrip("/") in own or origin.rstrip("/") in state.settings.limits.control_origins:
        return origin
    raise ApiError("forbidden_origin", f"the control API does not answer pages of {origin}", {"origin": origin})


def _answer(request: web.Request, origin: str | None, response: web.Response) -> web.Response:
    """Control answers carry CORS headers only for an allowed origin (never an echo of any Origin)."""
    for name in ("Access-Control-Allow-Origin", "Access-Control-Expose-Headers"):
        response.headers.popall(name, None)
    if origin is not None:
        response.headers["Access-Control-Allow-Origin"] = origin
        response.headers["Vary"] = "Origin"
    return response


async def _body(request: web.Request) -> dict[str, Any]:
    if request.content_type != "application/json":
        raise ApiError(
            "unsupported_media_type",
            "control requests carry an application/json body",
            {"content_type": request.content_type},
        )
    raw = await read_body(request, 10.0, MAX_CONTROL_BODY)
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
    for fault in parsed:
        synthetic.check_divert(fault.op, fault.action)
    return {"ids": state.faults.add(parsed)}


async def _list_faults(state: ServerState, request: web.Request) -> dict[str, Any]:
    return {"unconsumed": state.faults.unconsumed()}


async def _journal(state: ServerState, request: web.Request) -> dict[str, Any]:
    journal = state.journal
    # One synchronous snapshot: a close the entries do not show happened after `now_ms`.
    attempts = journal.select(request.query.get("op"), state.connections.closed_at)
    return {"attempts": attempts, "now_ms": journal.now_ms()}


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


async def _vms(state: ServerState, request: web.Request) -> dict[str, Any]:
    count, labels, vm_state, prefix = synthetic.parse_request(await _body(request))
    return {"created": synthetic.create_vms(state.sim, count, labels, vm_state, prefix), "total": len(state.sim.vms)}


async def _connections(state: ServerState, request: web.Request) -> dict[str, Any]:
    conns = state.connections
    streams = sum(state.streams.values())
    gate = state.gate
    limits = {"cap": gate.cap, "refused": gate.refused} if gate is not None else {}
    held = {"idempotency_keys": len(state.idempotency), "journal_entries": len(state.journal.entries)}
    return {
        "opened": conns.opened,
        "open": conns.open,
        "max_open": conns.max_open,
        "streams": streams,
        **limits,
        **held,
        "now_ms": state.journal.now_ms(),
    }
