"""Turns an aiohttp request into an operation's validated arguments, or raises ApiError."""

from __future__ import annotations

from typing import Any

import orjson
from aiohttp import web

from dwcp_server_http.errors import ApiError
from dwcp_server_http.operations import Operation
from dwcp_server_http.validation import Invalid, check_struct, parse_query

MAX_BODY = 1024 * 1024


def parse_args(op: Operation, request: web.Request, raw_body: bytes) -> dict[str, Any]:
    """Path, query and body inputs of `op`, checked against the spec."""
    try:
        args: dict[str, Any] = {}
        for name in op.path_params:
            # Any string is a well-formed id: an unknown one is the simulator's 404, never a 400.
            args[name] = request.match_info[name]
        query = request.query
        for name, t in op.query_params:
            if name in query:
                # A map may also come as repeated parameters (k1=v1&...=k2=v2): the same items.
                raw = ",".join(query.getall(name)) if t.kind == "map" else query[name]
                args[name] = parse_query(t, raw, name)
        if op.body is not None:
            body = _body(op, raw_body)
            if op.flatten:
                args.update(body)
            else:
                args[op.body_param or "body"] = body
        return args
    except Invalid as err:
        raise ApiError("invalid_argument", str(err), {"field": err.field}) from None


def _body(op: Operation, raw: bytes) -> dict[str, Any]:
    assert op.body is not None
    if not raw.strip():
        raise Invalid("", "a JSON body is required")
    try:
        value = orjson.loads(raw)
    except orjson.JSONDecodeError:
        raise Invalid("", "the body is not valid JSON") from None
    return check_struct(op.body, value)


async def read_body(request: web.Request) -> bytes:
    """The request body, refusing more than 1 MiB with 413 payload_too_large."""
    length = request.content_length
    if length is not None and length > MAX_BODY:
        raise ApiError("payload_too_large", f"the body is over {MAX_BODY} bytes", {"limit": MAX_BODY})
    if not request.body_exists:
        return b""
    try:
        return await request.read()
    except web.HTTPRequestEntityTooLarge:
        raise ApiError("payload_too_large", f"the body is over {MAX_BODY} bytes", {"limit": MAX_BODY}) from None
