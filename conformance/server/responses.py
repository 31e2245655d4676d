"""Building responses: JSON bodies, typed errors, request ids, CORS, and dropping connections."""

from __future__ import annotations

import math
import socket
import struct
from typing import Any

import orjson
from aiohttp import web
from dwcp_server_http import ApiError, error_body

JSON = "application/json"
EXPOSED = "X-Request-ID, Retry-After, Retry-After-Ms, Idempotent-Replayed, Allow"
ALLOWED = "Authorization, Content-Type, X-Request-ID, DWCP-Attempt, Idempotency-Key, Last-Event-ID"


def cors(request: web.Request, headers: dict[str, str]) -> dict[str, str]:
    """Adds CORS headers when the request comes from a browser origin."""
    origin = request.headers.get("Origin")
    if origin:
        headers["Access-Control-Allow-Origin"] = origin
        headers["Access-Control-Expose-Headers"] = EXPOSED
        headers["Vary"] = "Origin"
    return headers


def preflight(request: web.Request, methods: str) -> web.Response | None:
    """The answer to a CORS preflight, or None when the request is not one."""
    if request.method != "OPTIONS" or "Access-Control-Request-Method" not in request.headers:
        return None
    headers = cors(request, {"Access-Control-Allow-Methods": methods, "Access-Control-Allow-Headers": ALLOWED})
    headers["Access-Control-Max-Age"] = "600"
    return web.Response(status=204, headers=headers)


def json_response(request: web.Request, status: int, body: bytes, request_id: str) -> web.Response:
    """A JSON response with the request id echoed."""
    headers = {"Content-Type": JSON, "X-Request-ID": request_id}
    if "Origin" in request.headers:
        cors(request, headers)
    return web.Response(status=status, body=body, headers=headers)


def error_response(
    request: web.Request, error: ApiError, request_id: str, extra: dict[str, str] | None = None
) -> web.Response:
    """The typed error body with its status; Retry-After when the error carries one."""
    response = json_response(request, error.status, orjson.dumps(error_body(error, request_id)), request_id)
    if error.retry_after is not None:
        response.headers["Retry-After"] = str(max(0, math.ceil(error.retry_after)))
    if error.headers:
        response.headers.update(error.headers)
        if error.headers.get("Connection") == "close":
            response.force_close()
    if extra:
        response.headers.update(extra)
    return response


def encode(result: Any) -> bytes:
    """Pre-serialised bodies pass through; dicts are serialised."""
    return result if isinstance(result, bytes) else orjson.dumps(result)


def drop(request: web.Request) -> None:
    """Closes the connection at once with a TCP reset, so the client sees no response."""
    transport = request.transport
    if transport is None:
        return
    sock = transport.get_extra_info("socket")
    if sock is not None:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    transport.abort()
