"""Builds the aiohttp application: one route per spec path, typed 404 and 405 for everything else."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from aiohttp import web

from dwcp_server_http.errors import ApiError
from dwcp_server_http.operations import OPERATIONS, Operation
from dwcp_server_http.parsing import MAX_BODY

Dispatch = Callable[[Operation, web.Request], Awaitable[web.StreamResponse]]
Refuse = Callable[[web.Request, ApiError, dict[str, str]], Awaitable[web.StreamResponse]]


def build_app(base_path: str, dispatch: Dispatch, refuse: Refuse) -> web.Application:
    """An application whose routes call `dispatch(op, request)`; `refuse` answers 404 and 405."""
    app = web.Application(client_max_size=MAX_BODY + 1)
    by_path: dict[str, dict[str, Operation]] = {}
    for op in OPERATIONS:
        by_path.setdefault(op.path, {})[op.method] = op
    for path, methods in by_path.items():
        app.router.add_route("*", base_path + path, _route(methods, dispatch, refuse))
    app.router.add_route("*", "/{tail:.*}", _not_found(refuse))
    return app


def _route(methods: dict[str, Operation], dispatch: Dispatch, refuse: Refuse) -> web.Handler:
    allow = ", ".join(sorted(methods))

    async def handle(request: web.Request) -> web.StreamResponse:
        op = methods.get(request.method)
        if op is None:
            error = ApiError("method_not_allowed", f"{request.method} is not allowed here; use {allow}")
            return await refuse(request, error, {"Allow": allow})
        return await dispatch(op, request)

    return handle


def _not_found(refuse: Refuse) -> web.Handler:
    async def handle(request: web.Request) -> web.StreamResponse:
        return await refuse(request, ApiError("route_not_found", f"no route {request.path}"), {})

    return handle
