"""Turns an aiohttp request into an operation's validated arguments, or raises ApiError."""

from __future__ import annotations

import asyncio
from typing import Any

import orjson
from aiohttp import web

from dwcp_server_http.errors import ApiError
from dwcp_server_http.operations import Operation
from dwcp_server_http.validation import Invalid, check_field, check_struct, parse_query

MAX_BODY = 1024 * 1024
BODY_TIMEOUT_S = 10.0
JSON_TYPES = frozenset({"application/json"})


def parse_args(op: Operation, request: web.Request, raw_body: bytes) -> dict[str, Any]:
    """Path, query and body inputs of `op`, checked against the spec (every query value within its bounds)."""
    try:
        args: dict[str, Any] = {}
        for name in op.path_params:
            # Any string is a well-formed id: an unknown one is the simulator's 404, never a 400.
            args[name] = request.match_info[name]
        query = request.query
        for spec in op.query_params:
            if spec.name in query:
                # A map may also come as repeated parameters (k1=v1&...=k2=v2): the same items.
                raw = ",".join(query.getall(spec.name)) if spec.type.kind == "map" else query[spec.name]
                value = parse_query(spec.type, raw, spec.name)
                check_field(spec, value, spec.name)
                args[spec.name] = value
        if op.body is not None:
            check_content_type(request, raw_body)
            body = _body(op, raw_body)
            if op.flatten:
                args.update(body)
            else:
                args[op.body_param or "body"] = body
        return args
    except Invalid as err:
        raise ApiError("invalid_argument", str(err), {"field": err.field}) from None


def check_content_type(request: web.Request, raw_body: bytes) -> None:
    """A body must be declared application/json (any charset parameter); 415 otherwise."""
    if not raw_body and "Content-Type" not in request.headers:
        return
    if request.content_type not in JSON_TYPES:
        raise ApiError(
            "unsupported_media_type",
            f"the body must be application/json, not {request.content_type or 'undeclared'}",
            {"content_type": request.content_type},
        )


def _body(op: Operation, raw: bytes) -> dict[str, Any]:
    assert op.body is not None
    if not raw.strip():
        raise Invalid("", "a JSON body is required")
    try:
        value = orjson.loads(raw)
    except orjson.JSONDecodeError:
        raise Invalid("", "the body is not valid JSON") from None
    return check_struct(op.body, value)


async def read_body(request: web.Request, timeout: float = BODY_TIMEOUT_S, limit: int = MAX_BODY) -> bytes:
    """The request body: over `limit` bytes is 413, not all there within `timeout` seconds is 408."""
    length = request.content_length
    if length is not None and length > limit:
        raise ApiError("payload_too_large", f"the body is over {limit} bytes", {"limit": limit})
    if not request.body_exists:
        return b""
    try:
        return await asyncio.wait_for(request.read(), timeout)
    except web.HTTPRequestEntityTooLarge:
        raise ApiError("payload_too_large", f"the body is over {limit} bytes", {"limit": limit}) from None
    except asyncio.TimeoutError:
        # The connection cannot be reused (the rest of the body may still come): the answer closes it.
        message = f"the body did not arrive within {timeout:g} s"
        request.content.feed_eof()  # nothing more is read: no lingering for the rest of the body
        raise ApiError("request_timeout", message, headers={"Connection": "close"}) from None
