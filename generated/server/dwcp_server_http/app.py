# Code generated from templates/server/dwcp_server_http/app.py by generator/; DO NOT EDIT.
"""Builds the aiohttp application: one route per spec path, typed 404 and 405 for everything else."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import orjson
from aiohttp import http_exceptions, web, web_protocol

from dwcp_server_http.errors import ApiError, error_body
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


def unimplemented(backend: object) -> list[Operation]:
    """The operations of the spec that `backend` has no coroutine for (the server answers them 501)."""
    return [op for op in OPERATIONS if not callable(getattr(backend, op.handler, None))]


def not_implemented(op: Operation) -> ApiError:
    """The typed 501 of an operation the backend lacks."""
    return ApiError("not_implemented", f"this server does not implement {op.id}", {"operation": op.id})


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


def protocol_error(status: int, exc: BaseException | None) -> ApiError:
    """The typed error of a request the HTTP parser refused (or of a handler's unhandled failure)."""
    text = str(getattr(exc, "message", "") or exc or "")
    if isinstance(exc, http_exceptions.LineTooLong):
        # The parser names the start of the line it refused: a request target starts with / (or is
        # absolute, or *); a header line does not.
        line = exc.args[0] if exc.args else b""
        start = line.encode("latin-1", "replace") if isinstance(line, str) else bytes(line or b"")
        if start.startswith((b"/", b"http://", b"https://", b"*")):
            return ApiError("uri_too_long", "the request target is too long")
        return ApiError("headers_too_large", "a header field is too long")
    if "too many headers" in text.lower() or "header" in text.lower() and "too long" in text.lower():
        return ApiError("headers_too_large", "the request has too many or too long header fields")
    if status == 413:
        return ApiError("payload_too_large", f"the body is over {MAX_BODY} bytes", {"limit": MAX_BODY})
    if status == 504:
        return ApiError("deadline_exceeded", "the handler timed out")
    if status >= 500:
        return ApiError("internal", "internal error; see the server log")
    return ApiError(
        "invalid_argument", f"malformed HTTP request: {text[:200]}" if text else "malformed HTTP request"
    )


def typed_protocol_errors(
    request_id: Callable[[Any], str] = lambda _request: "", id_header: str = ""
) -> None:
    """Makes aiohttp answer what its parser refuses (400, 413, 414, 431) with the typed error body
    (and the request id in `id_header`, when given, as every other answer carries it).

    aiohttp's own answer is plain text and logs a traceback per request; this one logs nothing
    (a flood of malformed requests must not flood the log) and always closes the connection.
    """

    def handle_error(
        self: web_protocol.RequestHandler,
        request: Any,
        status: int = 500,
        exc: BaseException | None = None,
        message: str | None = None,
    ) -> web.StreamResponse:
        if request.writer.output_size > 0:
            raise ConnectionError("the response has started: no error body can follow")
        error = protocol_error(status, exc)
        if error.status >= 500:
            self.logger.error("request failed: %r", exc)
        rid = request_id(request)
        body = orjson.dumps(error_body(error, rid))
        headers = {id_header: rid} if id_header and rid else None
        response = web.Response(
            status=error.status, body=body, content_type="application/json", headers=headers
        )
        response.force_close()
        return response

    web_protocol.RequestHandler.handle_error = handle_error  # type: ignore[method-assign]
