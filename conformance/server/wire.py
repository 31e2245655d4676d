"""Wire faults (issue 17): broken bytes, slow bodies, huge error bodies, hostile SSE, and the
forward-compatibility mutations a newer server would send. The pipeline handles the attempt
normally and hands its answer here; nothing in this module changes what the operation did."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

import orjson
from aiohttp import web

from conformance.server import responses

# Fault actions this module adds (faults.ACTIONS includes them) and the values of the shared ones.
# `body_bytes` is an action of its own only without `status` (a padded success body); with `status`
# it modifies the error body (faults.parse counts it accordingly).
ACTIONS = ("drip_ms", "sse", "extra_fields", "enum_value", "extra_headers")
PADDED_SUCCESS = "body_bytes"
BODIES = ("truncated", "malformed", "html", "array", "invalid_utf8", "long_length", "empty")
SSE = ("unknown_event", "long_line", "cut_frame", "not_sse", "replay_last")
# Modifiers: keys a fault may carry beside its one action.
INTS = ("drip_bytes", "body_bytes", "bytes", "after", "extra_length")
STRINGS = ("content_type", "error_type", "error_code", "field")
MAX_BODY_BYTES = 1 << 31  # 2 GiB: generated lazily, so only the client's patience bounds it
CHUNK = 1 << 16
HOLD_S = 30.0  # how long a held-open answer waits for its client to give up
# Fields whose spec type is a map (string keys chosen by the user): an extra key there is data, not an
# unknown field, so the mutation leaves them alone (tests/server checks this list against the spec).
MAP_FIELDS = frozenset({"labels", "annotations", "node_selector", "details"})
HTML = b"<!DOCTYPE html>\n<html><head><title>Gateway</title></head><body><h1>Please sign in</h1></body></html>\n"

Send = Callable[[bytes], Awaitable[None]]


class EndStream(Exception):
    """Raised by a stream's send wrapper: end the body cleanly now (the fault cut it)."""


def check(action: dict[str, Any]) -> None:
    """ValueError naming the problem of a wire action or modifier."""
    if "body" in action and action["body"] not in BODIES:
        raise ValueError(f"body must be one of {BODIES}")
    if "sse" in action and action["sse"] not in SSE:
        raise ValueError(f"sse must be one of {SSE}")
    if "drip_ms" in action and (not _is_int(action["drip_ms"]) or not 1 <= action["drip_ms"] <= 60_000):
        raise ValueError("drip_ms must be an integer in 1..60000")
    for key in INTS:
        if key in action and (not _is_int(action[key]) or not 0 <= action[key] <= MAX_BODY_BYTES):
            raise ValueError(f"{key} must be an integer in 0..{MAX_BODY_BYTES}")
    for key in (*STRINGS, "enum_value"):
        if key in action and (not isinstance(action[key], str) or not action[key].isprintable()):
            raise ValueError(f"{key} must be a printable string")
    if "extra_fields" in action and action["extra_fields"] is not True:
        raise ValueError("extra_fields must be true")
    if "extra_headers" in action:
        headers = action["extra_headers"]
        if not isinstance(headers, dict) or not headers or not all(_header_ok(k, v) for k, v in headers.items()):
            raise ValueError("extra_headers must be a non-empty object of header names to printable strings")


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _header_ok(name: Any, value: Any) -> bool:
    token = isinstance(name, str) and name != "" and all(c.isalnum() or c in "-_" for c in name)
    return token and isinstance(value, str) and value.isprintable()


# --- success bodies -------------------------------------------------------------------------------------


def mutate(action: dict[str, Any], body: bytes) -> bytes:
    """The JSON body as a newer server would send it (unknown fields, an unknown enum value)."""
    if not body or not ("extra_fields" in action or "enum_value" in action):
        return body
    value = orjson.loads(body)
    if "extra_fields" in action:
        value = _with_extra_fields(value)
    if "enum_value" in action:
        value = _with_value(value, action.get("field", "state"), action["enum_value"])
    return orjson.dumps(value)


def _with_extra_fields(value: Any) -> Any:
    """Every object gains fields no SDK knows: a scalar, an object and a list."""
    if isinstance(value, list):
        return [_with_extra_fields(item) for item in value]
    if not isinstance(value, dict):
        return value
    grown = {key: item if key in MAP_FIELDS else _with_extra_fields(item) for key, item in value.items()}
    grown["x_future_flag"] = True
    grown["x_future_object"] = {"policy": "auto", "level": 3, "nested": {"tags": ["a"]}}
    grown["x_future_list"] = [1, "two", None]
    return grown


def _with_value(value: Any, field: str, new: str) -> Any:
    """Every `field` of every object (at any depth) set to `new`."""
    if isinstance(value, list):
        return [_with_value(item, field, new) for item in value]
    if not isinstance(value, dict):
        return value
    return {key: new if key == field else _with_value(item, field, new) for key, item in value.items()}


async def reply(
    request: web.Request, status: int, body: bytes, request_id: str, action: dict[str, Any]
) -> web.StreamResponse | None:
    """The answer a wire fault makes of a handled call, or None when this action is not one of ours."""
    kind = action.get("body")
    if status == 204 and "extra_headers" not in action:
        return None  # no body to break or drip: HTTP forbids one (destroy, delete_snapshot answer normally)
    if kind == "html":
        return _fixed(request, status, HTML, request_id, "text/html; charset=utf-8")
    if kind == "array":
        return _fixed(request, status, b"[" + (body or b"{}") + b"]", request_id)
    if kind == "invalid_utf8":
        return _fixed(request, status, _invalid_utf8(body), request_id)
    if kind == "empty":
        return _fixed(request, status, b"", request_id)
    if "body_bytes" in action:  # without `status` (a status fault never gets here): a huge success body
        return await _large_result(request, status, body, request_id, action["body_bytes"])
    if kind == "long_length":
        return await _long_length(request, status, body or b"{}", request_id, action.get("extra_length", 64))
    if "drip_ms" in action:
        return await _drip(
            request, status, body, request_id, every_ms=action["drip_ms"], size=action.get("drip_bytes", 1)
        )
    if "extra_fields" in action or "enum_value" in action or "extra_headers" in action:
        response = (
            web.Response(status=204, headers=responses.cors(request, {"X-Request-ID": request_id}))
            if status == 204
            else responses.json_response(request, status, mutate(action, body), request_id)
        )
        response.headers.update(action.get("extra_headers", {}))
        return response
    return None


def _fixed(
    request: web.Request, status: int, body: bytes, request_id: str, content_type: str = responses.JSON
) -> web.Response:
    headers = responses.cors(request, {"Content-Type": content_type, "X-Request-ID": request_id})
    return web.Response(status=status, body=body, headers=headers)


def _invalid_utf8(body: bytes) -> bytes:
    """The body with bytes that are not UTF-8 inside its first string value (still valid JSON otherwise)."""
    at = body.find(b'":"')
    if at < 0:
        at = body.find(b'": "')
        at = at + 1 if at >= 0 else -1
    if at < 0:
        return b'{"message":"\xff\xfe\xc3\x28"}'
    cut = at + 3
    return body[:cut] + b"\xff\xfe\xc3\x28" + body[cut:]


async def _long_length(
    request: web.Request, status: int, body: bytes, request_id: str, extra: int
) -> web.StreamResponse:
    """Declares `extra` more bytes than the whole (valid) body it sends, then closes gracefully."""
    headers = {"Content-Type": responses.JSON, "X-Request-ID": request_id, "Content-Length": str(len(body) + extra)}
    response = web.StreamResponse(status=status, headers=responses.cors(request, headers))
    await response.prepare(request)
    with contextlib.suppress(ConnectionError):
        await response.write(body)
    if request.transport is not None:
        request.transport.close()
    return response


async def _drip(
    request: web.Request, status: int, body: bytes, request_id: str, *, every_ms: int, size: int
) -> web.StreamResponse:
    """Sends the body `size` bytes every `every_ms` ms (headers at once, Content-Length honest)."""
    body = body or b"{}"
    headers = {"Content-Type": responses.JSON, "X-Request-ID": request_id, "Content-Length": str(len(body))}
    response = web.StreamResponse(status=status, headers=responses.cors(request, headers))
    await response.prepare(request)
    step = max(1, size)
    try:
        for start in range(0, len(body), step):
            await asyncio.sleep(every_ms / 1000.0)
            if _gone(request):
                return response
            await response.write(body[start : start + step])
        await response.write_eof()
    except (ConnectionError, asyncio.CancelledError):
        pass
    return response


def _gone(request: web.Request) -> bool:
    transport = request.transport
    return transport is None or transport.is_closing()


# --- error bodies ---------------------------------------------------------------------------------------


async def error_reply(
    request: web.Request, action: dict[str, Any], body: dict[str, Any], request_id: str
) -> web.StreamResponse | None:
    """A status fault's answer when a modifier changes its body, or None (the typed body as usual).

    `error_type` / `error_code` write those strings into the typed body verbatim (a newer server's
    catalogue); `content_type` sends a proxy's HTML page instead of JSON; `body_bytes` pads the
    message so the body is that many bytes, generated as it is sent (never held in memory)."""
    error = body["error"]
    if "error_type" in action:
        error["type"] = action["error_type"]
    if "error_code" in action:
        error["code"] = action["error_code"]
    status = action["status"]
    headers = _status_headers(action, request_id)
    if "content_type" in action:
        page = b"<html><body><h1>%d</h1><p>upstream said no</p></body></html>\n" % status
        headers["Content-Type"] = action["content_type"]
        return web.Response(status=status, body=page, headers=responses.cors(request, headers))
    if "body_bytes" in action:
        return await _large_error(request, status, error, headers, action["body_bytes"])
    if "error_type" in action or "error_code" in action:
        headers["Content-Type"] = responses.JSON
        return web.Response(status=status, body=orjson.dumps(body), headers=responses.cors(request, headers))
    return None


def _status_headers(action: dict[str, Any], request_id: str) -> dict[str, str]:
    headers = {"X-Request-ID": request_id}
    if "retry_after" in action:
        headers["Retry-After"] = str(action["retry_after"])
    if "retry_after_ms" in action:
        headers["Retry-After-Ms"] = str(action["retry_after_ms"])
    return headers


def large_error_chunks(error: dict[str, Any], size: int) -> tuple[int, Iterator[bytes]]:
    """The typed error body padded (in its message) to `size` bytes: its length and its chunks.

    The padding is produced chunk by chunk, so memory stays at one chunk whatever the size."""
    head_error = {**error, "message": ""}
    encoded = orjson.dumps({"error": head_error})
    # Split the encoded body at the empty message's closing quote: `..."message":"` + pad + `"...`.
    marker = b'"message":""'
    at = encoded.index(marker) + len(marker) - 1
    return _padded(encoded[:at], encoded[at:], size)


def large_result_chunks(body: bytes, size: int) -> tuple[int, Iterator[bytes]]:
    """The operation's JSON result with a string field `x_padding` making it `size` bytes (at least
    the result and an empty padding): its length and its chunks, the padding generated as it is sent.

    A result that is not a JSON object (never the case for the spec's operations) is wrapped as
    `{"result": ..., "x_padding": ...}` so the body stays one valid JSON object."""
    body = body.strip() or b"{}"
    if not body.startswith(b"{"):
        body = b'{"result":' + body + b"}"
    inner = body[1:-1].strip()
    head = b"{" + inner + (b"," if inner else b"") + b'"x_padding":"'
    return _padded(head, b'"}', size)


def _padded(head: bytes, tail: bytes, size: int) -> tuple[int, Iterator[bytes]]:
    """`head`, `x` bytes up to `size` in all, `tail`: the total length and the chunks."""
    pad = max(0, size - len(head) - len(tail))

    def chunks() -> Iterator[bytes]:
        yield head
        block = b"x" * CHUNK
        left = pad
        while left > 0:
            yield block[: min(CHUNK, left)]
            left -= CHUNK
        yield tail

    return len(head) + pad + len(tail), chunks()


async def _large_error(
    request: web.Request, status: int, error: dict[str, Any], headers: dict[str, str], size: int
) -> web.StreamResponse:
    length, chunks = large_error_chunks(error, size)
    return await _send_chunks(request, status, headers, length, chunks)


async def _large_result(
    request: web.Request, status: int, body: bytes, request_id: str, size: int
) -> web.StreamResponse:
    """`body_bytes` without `status`: the real result padded past any sane size (the 32 MiB cap)."""
    length, chunks = large_result_chunks(body, size)
    return await _send_chunks(request, status, {"X-Request-ID": request_id}, length, chunks)


async def _send_chunks(
    request: web.Request, status: int, headers: dict[str, str], length: int, chunks: Iterator[bytes]
) -> web.StreamResponse:
    """A JSON body of `length` bytes sent chunk by chunk; stops as soon as the client hangs up."""
    headers.update({"Content-Type": responses.JSON, "Content-Length": str(length)})
    response = web.StreamResponse(status=status, headers=responses.cors(request, headers))
    await response.prepare(request)
    try:
        for chunk in chunks:
            if _gone(request):
                return response
            await response.write(chunk)
        await response.write_eof()
    except (ConnectionError, asyncio.CancelledError):
        pass
    return response


# --- streams --------------------------------------------------------------------------------------------


def not_a_stream(request: web.Request, request_id: str, action: dict[str, Any]) -> web.Response | None:
    """`sse: not_sse`: a 200 JSON object where the event stream is due."""
    if action.get("sse") != "not_sse":
        return None
    return responses.json_response(request, 200, b'{"events": []}', request_id)


def resume_point(action: dict[str, Any], last_event_id: int | None) -> int | None:
    """`sse: replay_last`: a resumed stream starts one event early, so its first event is the one its
    Last-Event-ID names (already delivered)."""
    if action.get("sse") != "replay_last" or not last_event_id:
        return last_event_id
    return last_event_id - 1


def stream_limit(action: dict[str, Any], limit: int | None) -> int | None:
    """Events a stream sends before its connection drops: `sse: replay_last` drops it after one."""
    return 1 if action.get("sse") == "replay_last" else limit


def stream_headers(action: dict[str, Any]) -> dict[str, str]:
    """Extra headers a fault adds to a stream's answer."""
    return dict(action.get("extra_headers", {}))


def wrap_send(action: dict[str, Any], send: Send, request: web.Request) -> Send:
    """`send` for a stream under a wire fault: frames rewritten, unknown events added, or the body
    cut; unchanged when the fault is not about streams."""
    sse = action.get("sse")
    rewrite = "extra_fields" in action or "enum_value" in action
    if sse is None and not rewrite:
        return send
    after = action.get("after", 0)
    sent = 0

    async def wrapped(data: bytes) -> None:
        nonlocal sent
        out: list[bytes] = []
        for frame in _frames(data):
            is_event = frame.startswith(b"id:")
            if is_event and sse == "cut_frame" and sent >= after:
                if out:
                    await send(b"".join(out))
                await send(frame[: len(frame) // 2])
                raise EndStream
            if is_event and sse == "long_line" and sent >= after:
                if out:
                    await send(b"".join(out))
                await _long_line(send, request, action.get("bytes", 1 << 20))
                raise EndStream
            if is_event and sse == "unknown_event":
                out.append(b'event: x_future_event\ndata: {"x_future": true, "note": "ignore me"}\n\n')
            out.append(_rewrite(action, frame) if is_event and rewrite else frame)
            sent += is_event
        if out:
            await send(b"".join(out))

    return wrapped


def _frames(data: bytes) -> Iterator[bytes]:
    """The SSE frames in one write (each with its blank line)."""
    start = 0
    while start < len(data):
        end = data.find(b"\n\n", start)
        end = len(data) if end < 0 else end + 2
        yield data[start:end]
        start = end


def _rewrite(action: dict[str, Any], frame: bytes) -> bytes:
    lines = frame.split(b"\n")
    for number, line in enumerate(lines):
        if line.startswith(b"data: "):
            lines[number] = b"data: " + mutate(action, line[6:])
    return b"\n".join(lines)


async def _long_line(send: Send, request: web.Request, size: int) -> None:
    """A `data:` line of `size` bytes with no newline, then the connection held open (the client must
    give up by itself: its buffer limit, not this server, ends it)."""
    await send(b"data: ")
    block = b"x" * CHUNK
    left = size
    while left > 0:
        if _gone(request):
            return
        await send(block[: min(CHUNK, left)])
        left -= CHUNK
    loop = asyncio.get_running_loop()
    until = loop.time() + HOLD_S
    while loop.time() < until and not _gone(request):
        await asyncio.sleep(0.05)
