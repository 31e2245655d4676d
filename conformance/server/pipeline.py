"""One attempt from arrival to answer: journal, faults, auth, parsing, idempotency, the call, the reply."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import itertools
import logging
import uuid
from collections.abc import Callable, Mapping
from typing import Any

import orjson
from aiohttp import web
from dwcp_server_http import ApiError, Operation
from dwcp_server_http.app import not_implemented, unimplemented
from dwcp_server_http.parsing import parse_args, read_body

from conformance.server import limits, responses, synthetic, wire
from conformance.server.faults import Fault
from conformance.server.numbers import is_count
from conformance.server.state import ServerState
from conformance.server.streams import MetricsStream, WatchStream

log = logging.getLogger("dwcp.conformance")
MAX_REQUEST_ID = 128
CHALLENGE = {"WWW-Authenticate": 'Bearer realm="dwcp"'}
_ID_PREFIX = uuid.uuid4().hex[:12]
_ID_COUNTER = itertools.count(1)


class Pipeline:
    """Answers every API request; the generated layer routes here."""

    def __init__(self, state: ServerState) -> None:
        self.state = state
        self.expected = ("Bearer " + state.settings.api_key).encode("utf-8", "surrogateescape")
        # Operations of the spec the simulator has no coroutine for: typed 501, listed once at start.
        self.missing = frozenset(op.handler for op in unimplemented(state.sim))

    async def dispatch(self, op: Operation, request: web.Request) -> web.StreamResponse:
        """Handles one attempt of `op`, recording it in the journal in conformance mode."""
        connection = limits.busy(request)
        try:
            return await self._dispatch(op, request)
        finally:
            limits.idle(connection)

    async def _dispatch(self, op: Operation, request: web.Request) -> web.StreamResponse:
        request_id = _request_id(request)
        state = self.state
        entry = self._journal(request, op.id, request_id) if state.settings.conformance else None
        fault = state.faults.take(op.id) if state.settings.conformance and state.faults.faults else None
        if fault is not None and entry is not None:
            entry["fault"] = fault.wire()
        try:
            response = await self._attempt(op, request, request_id, fault, entry)
        except ApiError as error:
            response = responses.error_response(request, error, request_id)
        except ConnectionError:
            # The client went away mid-request (e.g. while its body was read): nobody to answer.
            response = web.Response(status=499)
        except Exception:
            log.exception("%s failed", op.id)
            error = ApiError("internal", "internal error; see the server log", {"operation": op.id})
            response = responses.error_response(request, error, request_id)
        if entry is not None:
            entry["status"] = response.status
        return response

    async def refuse(self, request: web.Request, error: ApiError, headers: dict[str, str]) -> web.StreamResponse:
        """Answers an unknown route (404) or method (405), or a CORS preflight."""
        limits.idle(limits.busy(request))
        allow = headers.get("Allow", "")
        preflight = responses.preflight(request, allow or "GET, POST, DELETE")
        if preflight is not None:
            return preflight
        request_id = _request_id(request)
        if self.state.settings.conformance:
            self._journal(request, None, request_id)["status"] = error.status
        return responses.error_response(request, error, request_id, headers)

    async def _attempt(
        self, op: Operation, request: web.Request, request_id: str, fault: Fault | None, entry: dict[str, Any] | None
    ) -> web.StreamResponse:
        action = fault.action if fault is not None else {}
        # Authentication comes before any other check (only a scripted fault goes first), and
        # before the body is read: an unauthenticated client gets 401 and nothing else.
        api_key = self._authenticate(op, request) if fault is None else None
        # The body is read (and hashed for the journal) next, so every attempt records it.
        raw = await read_body(request, self.state.settings.limits.body_timeout_s)
        if entry is not None and raw:
            entry["body_sha256"] = hashlib.sha256(raw).hexdigest()
        if action.get("reset") == "before":
            responses.drop(request)
            return web.Response(status=499)
        if "status" in action:
            return await _fault_status(request, action, request_id)
        if api_key is None:
            api_key = self._authenticate(op, request)
        if len(request.headers.get("X-Request-ID", "")) > MAX_REQUEST_ID:
            raise ApiError(
                "invalid_argument", f"X-Request-ID is over {MAX_REQUEST_ID} characters", {"field": "X-Request-ID"}
            )
        if op.handler in self.missing:
            raise not_implemented(op)
        args = parse_args(op, request, raw)
        if op.stream_event is not None:
            return await self._stream(op, request, request_id=request_id, args=args, api_key=api_key, action=action)
        # An empty Idempotency-Key is no key (the spec's header has no minimum length): the call runs unkeyed.
        key = (request.headers.get("Idempotency-Key") or None) if op.keyed else None
        delay = action.get("delay_ms", 0) / 1000.0
        if key is None:
            status, body = await self._call(op, args, delay)
            if "vm_state" in action:  # a start or stop that succeeds, then ends in another state
                synthetic.divert(self.state.sim, args.get("vm_id"), action["vm_state"])
        else:
            status, body, replayed = await self._keyed(
                op, request, raw=raw, owner_key=(api_key, key), args=args, delay=delay
            )
            if replayed:
                if entry is not None:
                    entry["replayed"] = True
                response = responses.json_response(request, status, body, request_id)
                response.headers["Idempotent-Replayed"] = "true"
                return response
        return await self._reply(request, status, body, request_id, action)

    def _authenticate(self, op: Operation, request: web.Request) -> str:
        """The API key, compared in constant time; repeated failures from one address are throttled."""
        settings = self.state.settings
        if not op.auth:
            return settings.api_key
        peer = request.remote or ""
        throttle = self.state.throttle
        wait = throttle.retry_after(peer)
        if wait is not None:
            raise ApiError(
                "rate_limited",
                "too many failed authentications from this address; retry after Retry-After",
                {"limit": throttle.limit, "window_ms": round(throttle.window_s * 1000)},
                retry_after=wait,
            )
        given = request.headers.get("Authorization", "").encode("utf-8", "surrogateescape")
        if not hmac.compare_digest(given, self.expected):
            if given:
                # Only a key that is offered and wrong counts as a guess; a missing one is just 401.
                throttle.failed(peer)
            raise ApiError("unauthenticated", "missing or invalid API key", headers=CHALLENGE)
        return settings.api_key

    async def _call(self, op: Operation, args: dict[str, Any], delay: float = 0.0) -> tuple[int, bytes]:
        if delay:
            # A scripted delay makes the operation itself slow (an idempotency key stays in flight).
            await asyncio.sleep(delay)
        result = await getattr(self.state.sim, op.handler)(**args)
        if result is None:
            return op.status, b""
        return op.status, responses.encode(result)

    async def _keyed(
        self,
        op: Operation,
        request: web.Request,
        *,
        raw: bytes,
        owner_key: tuple[str, str],
        args: dict[str, Any],
        delay: float,
    ) -> tuple[int, bytes, bool]:
        """Runs a keyed call once: replays a finished key, refuses a reused or busy one."""
        store, (api_key, key) = self.state.idempotency, owner_key
        fingerprint = hashlib.sha256(b"%s %s\n%s" % (op.id.encode(), request.path.encode(), raw)).hexdigest()
        record = store.begin(api_key, key, fingerprint)
        if record is not None:
            return record.status, record.body, True
        try:
            status, body = await self._call(op, args, delay)
        except ApiError as error:
            if error.wire.retryable:
                store.release(api_key, key)
            else:
                request_id = _request_id(request)
                store.commit(api_key, key, error.status, orjson.dumps(_error_body(error, request_id)))
            raise
        except BaseException:
            store.release(api_key, key)
            raise
        store.commit(api_key, key, status, body)
        return status, body, False

    async def _reply(
        self, request: web.Request, status: int, body: bytes, request_id: str, action: dict[str, Any]
    ) -> web.StreamResponse:
        if action.get("reset") == "after":
            responses.drop(request)
            return web.Response(status=499)
        if action.get("body") == "malformed":
            body = b'{"id": "broken'
        if action.get("body") == "truncated":
            return await _truncated(request, status, body, request_id)
        faulty = await wire.reply(request, status, body, request_id, action)
        if faulty is not None:
            return faulty
        if status == 204:
            return web.Response(status=204, headers=responses.cors(request, {"X-Request-ID": request_id}))
        return responses.json_response(request, status, body, request_id)

    async def _stream(
        self,
        op: Operation,
        request: web.Request,
        *,
        request_id: str,
        args: dict[str, Any],
        api_key: str,
        action: dict[str, Any],
    ) -> web.StreamResponse:
        source: WatchStream | MetricsStream = await getattr(self.state.sim, op.handler)(**args)
        source.resume(wire.resume_point(action, _last_event_id(request)))
        instead = wire.not_a_stream(request, request_id, action)
        if instead is not None:
            return instead
        streams = self.state.streams
        if streams.get(api_key, 0) >= self.state.settings.max_streams_per_key:
            limit = self.state.settings.max_streams_per_key
            raise ApiError("too_many_streams", f"at most {limit} streams per API key", {"limit": limit}, retry_after=1)
        streams[api_key] = streams.get(api_key, 0) + 1
        try:
            # On a stream, "reset after" means: open it (status and headers), then drop the connection.
            limit = 0 if action.get("reset") == "after" else wire.stream_limit(action, action.get("stream_break_after"))
            return await self._serve_stream(request, request_id, source, limit, action)
        finally:
            streams[api_key] -= 1

    async def _serve_stream(
        self,
        request: web.Request,
        request_id: str,
        source: WatchStream | MetricsStream,
        limit: int | None,
        action: dict[str, Any],
    ) -> web.StreamResponse:
        headers = {"Content-Type": "text/event-stream", "Cache-Control": "no-cache", "X-Request-ID": request_id}
        headers.update(wire.stream_headers(action))
        response = web.StreamResponse(status=200, headers=responses.cors(request, headers))
        await response.prepare(request)
        heartbeat = self.state.settings.heartbeat_ms / 1000.0
        send = wire.wrap_send(action, response.write, request)
        try:
            alive = _alive(request)
            broken = await source.run(send, heartbeat, limit, self.state.sim.clock.stamp, alive)
        except wire.EndStream:
            broken = False
        except (ConnectionError, asyncio.CancelledError):
            return response
        if broken:
            responses.drop(request)
            return response
        with contextlib.suppress(ConnectionError):  # the client may have gone: nothing left to say
            await response.write_eof()
        return response

    def _journal(self, request: web.Request, op_id: str | None, request_id: str) -> dict[str, Any]:
        headers = request.headers
        return self.state.journal.open(
            connection_id=self.state.connections.id_of(request.protocol),
            op=op_id,
            method=request.method,
            path=request.path,
            attempt=_int_header(headers.get("DWCP-Attempt")),
            idempotency_key=headers.get("Idempotency-Key"),
            request_id=request_id,
            last_event_id=headers.get("Last-Event-ID"),
            user_agent=headers.get("User-Agent"),
            traceparent=headers.get("traceparent"),
            headers=_journal_headers(headers),
        )


# Bounds of one journal entry's `headers` (the journal is a ring of entries; this bounds each entry).
JOURNAL_MAX_HEADERS = 64
JOURNAL_MAX_VALUE = 1024


def _journal_headers(headers: Mapping[str, str]) -> dict[str, str]:
    """The request's headers for the journal: names lower-cased, Authorization left out, repeats
    joined with ", ", at most JOURNAL_MAX_HEADERS names and JOURNAL_MAX_VALUE characters a value."""
    seen: dict[str, str] = {}
    for name, value in headers.items():
        key = name.lower()
        if key == "authorization" or (key not in seen and len(seen) >= JOURNAL_MAX_HEADERS):
            continue
        seen[key] = f"{seen[key]}, {value}" if key in seen else value
    return {k: v[:JOURNAL_MAX_VALUE] for k, v in seen.items()}


def _request_id(request: web.Request) -> str:
    given = request.headers.get("X-Request-ID")
    if given and len(given) <= MAX_REQUEST_ID and given.isprintable():
        return given
    # A per-process random prefix and a counter: unique, and far cheaper than uuid4 per request.
    return f"req-{_ID_PREFIX}-{next(_ID_COUNTER)}"


def _alive(request: web.Request) -> Callable[[], bool]:
    """Whether the client of `request` is still connected."""

    def check() -> bool:
        transport = request.transport
        return transport is not None and not transport.is_closing()

    return check


def _int_header(value: str | None) -> int | None:
    return int(value) if value is not None and is_count(value, 9) else None


def _last_event_id(request: web.Request) -> int | None:
    value = request.headers.get("Last-Event-ID", "").strip()
    if not value:
        return None
    if not is_count(value, 18):
        raise ApiError("invalid_argument", "Last-Event-ID must be an event id", {"field": "Last-Event-ID"})
    return int(value)


def _error_body(error: ApiError, request_id: str) -> dict[str, Any]:
    from dwcp_server_http import error_body

    return error_body(error, request_id)


async def _fault_status(request: web.Request, action: dict[str, Any], request_id: str) -> web.StreamResponse:
    from dwcp_server_http.errors import BY_STATUS, CODES

    status = action["status"]
    code = action.get("code") if action.get("code") in CODES else BY_STATUS.get(status, "unavailable")
    error = ApiError(code, action.get("message", f"scripted fault: status {status}"))
    faulty = await wire.error_reply(request, action, _error_body(error, request_id), request_id)
    if faulty is not None:
        return faulty
    response = responses.error_response(request, error, request_id)
    response.set_status(status)
    if "retry_after" in action:
        response.headers["Retry-After"] = str(action["retry_after"])
    if "retry_after_ms" in action:
        response.headers["Retry-After-Ms"] = str(action["retry_after_ms"])
    return response


async def _truncated(request: web.Request, status: int, body: bytes, request_id: str) -> web.StreamResponse:
    """Announces the full length, sends half of the body, then drops the connection."""
    body = body or b'{"truncated": true}'
    headers = {"Content-Type": responses.JSON, "X-Request-ID": request_id, "Content-Length": str(len(body))}
    response = web.StreamResponse(status=status, headers=headers)
    await response.prepare(request)
    await response.write(body[: len(body) // 2])
    # A graceful close (FIN, not RST) so the client reads the half body and then end-of-stream.
    if request.transport is not None:
        request.transport.close()
    return response
