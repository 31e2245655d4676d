"""Serving limits: a connection cap (typed 503 past it), header and body read timeouts, a bounded log.

aiohttp has neither a connection cap nor a header read timeout, so the server creates its own
request handlers (a subclass that notes when a request's first bytes arrive) and sweeps them once a
second: a connection whose request headers are not complete within the header timeout is answered
408 and closed. A fresh connection counts as waiting for headers, so idle sockets cannot pile up;
between requests only aiohttp's keep-alive timeout applies.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import resource
import time
from typing import Any

import orjson
from aiohttp import web, web_protocol
from dwcp_server_http import ApiError, error_body

from conformance.server.settings import Limits

log = logging.getLogger("dwcp.conformance")
IDLE, HEADERS, REQUEST, FRESH = 0, 1, 2, 3
SWEEP_S = 1.0
FD_RESERVE = 64  # descriptors kept for the listening socket, logs, TLS files and the event loop
LOG_EVERY_S = 10.0


def raw_error(error: ApiError, headers: dict[str, str] | None = None) -> bytes:
    """A complete HTTP/1.1 response carrying the typed error body, for answers written on a bare transport."""
    body = orjson.dumps(error_body(error, ""))
    lines = [f"HTTP/1.1 {error.status} {error.wire.code}", "Content-Type: application/json"]
    lines += [f"Content-Length: {len(body)}", "Connection: close"]
    if error.retry_after is not None:
        lines.append(f"Retry-After: {max(1, round(error.retry_after))}")
    lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


class TrackedHandler(web_protocol.RequestHandler):
    """aiohttp's request handler, noting when a request's first bytes arrive (for the header timeout)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.phase = FRESH
        self.since = time.monotonic()

    def data_received(self, data: bytes) -> None:
        if self.phase in (IDLE, FRESH):
            self.phase, self.since = HEADERS, time.monotonic()
        super().data_received(data)


class Refuse(asyncio.Protocol):
    """Answers a connection past the cap with a typed 503 and closes it at once."""

    def __init__(self, answer: bytes) -> None:
        self.answer = answer

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        with contextlib.suppress(Exception):
            transport.write(self.answer)
        transport.close()

    def data_received(self, data: bytes) -> None:
        """Whatever the client sends is ignored: the answer is already on its way."""


def fit_descriptors(limits: Limits) -> tuple[int, int]:
    """The connection cap and listen backlog, lowered to fit the descriptors the process may open.

    The soft descriptor limit is raised to the hard one first. asyncio accepts up to `backlog`
    sockets in one batch before any of them is refused, so the cap leaves room for a batch.
    """
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft != resource.RLIM_INFINITY and (hard == resource.RLIM_INFINITY or soft < hard):
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
            soft = hard
    if soft == resource.RLIM_INFINITY:
        return limits.max_connections, limits.backlog
    usable = max(8, soft - FD_RESERVE)
    backlog = max(1, min(limits.backlog, usable // 4))
    return max(1, min(limits.max_connections, usable - backlog)), backlog


class Gate:
    """The protocol factory of the listening socket: a tracked handler, or a refusal past the cap."""

    def __init__(self, server: web.Server, limits: Limits) -> None:
        self.server = server
        self.limits = limits
        self.cap, self.backlog = fit_descriptors(limits)
        # Counted here, at accept: asyncio accepts a whole batch before any connection_made runs.
        self.open = 0
        self.handlers: set[TrackedHandler] = set()
        self.refused = 0
        busy = ApiError(
            "too_many_connections",
            f"the server holds its maximum of {self.cap} connections",
            {"limit": self.cap},
            retry_after=1,
        )
        self._busy = raw_error(busy)
        late = ApiError("request_timeout", f"the request headers did not arrive within {limits.header_timeout_s:g} s")
        self._late = raw_error(late)

    def __call__(self) -> asyncio.BaseProtocol:
        if self.open >= self.cap:
            self.refused += 1
            return Refuse(self._busy)
        kwargs = dict(self.server._kwargs)
        kwargs["keepalive_timeout"] = self.limits.keepalive_s
        handler = TrackedHandler(self.server, loop=self.server._loop, **kwargs)
        self.handlers.add(handler)
        self.open += 1
        return handler

    def lost(self, handler: Any) -> None:
        """A connection closed."""
        self.handlers.discard(handler)
        self.open -= 1

    async def sweep(self) -> None:
        """Once a second, closes every connection whose request headers are overdue.

        One that sent part of a request gets a typed 408 first; one that never sent a byte is just
        closed (an answer nobody asked for could be read as the answer to a request sent meanwhile).
        """
        while True:
            await asyncio.sleep(SWEEP_S)
            deadline = time.monotonic() - self.limits.header_timeout_s
            late = [h for h in self.handlers if h.phase in (HEADERS, FRESH) and h.since < deadline]
            for handler in late:
                self.handlers.discard(handler)
                transport = handler.transport
                if transport is not None and not transport.is_closing():
                    if handler.phase == HEADERS:
                        with contextlib.suppress(Exception):
                            transport.write(self._late)
                    transport.close()


def busy(request: web.Request) -> Any:
    """Marks the request's connection busy (no header timeout while it is answered); returns it for idle()."""
    protocol = request.protocol
    if type(protocol) is TrackedHandler:
        protocol.phase = REQUEST
        return protocol
    return None


def idle(protocol: Any) -> None:
    """The connection's answer is done: the next bytes start a new header timeout."""
    if protocol is not None:
        protocol.phase = IDLE


class RateLimited(logging.Filter):
    """Lets one record per (logger, message) through every LOG_EVERY_S, counting the ones held back.

    When descriptors run out, the accept loop and the protocol layer fail on every attempt: the log
    gets one line per period instead of a traceback per attempt.
    """

    def __init__(self) -> None:
        super().__init__()
        self.seen: dict[tuple[str, str], tuple[float, int]] = {}

    def filter(self, record: logging.LogRecord) -> bool:
        key = (record.name, str(record.msg)[:200])
        now = time.monotonic()
        last, held = self.seen.get(key, (0.0, 0))
        if last and now - last < LOG_EVERY_S:
            self.seen[key] = (last, held + 1)
            return False
        if len(self.seen) > 1000:
            self.seen.clear()
        self.seen[key] = (now, 0)
        if held:
            record.msg = f"{record.msg} ({held} similar lines held back in the last {LOG_EVERY_S:g} s)"
        # A traceback per line is what floods: keep its one-line summary.
        if record.exc_info and record.exc_info[1] is not None:
            record.msg = f"{record.msg}: {record.exc_info[1]!r}"
            record.exc_info = None
        return True


def quiet_loop_errors(loop: asyncio.AbstractEventLoop) -> None:
    """The loop's unhandled errors (e.g. accept() failing with EMFILE) go through the rate-limited log."""
    limited = logging.getLogger("dwcp.conformance.loop")

    def handle(_loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        exc = context.get("exception")
        message = context.get("message", "event loop error")
        limited.error(message if exc is None else f"{message}: {exc!r}")

    loop.set_exception_handler(handle)


def install_log_limits() -> None:
    """Every handler of the root logger rate-limits repeated records."""
    limit = RateLimited()
    root = logging.getLogger()
    for handler in root.handlers:
        handler.addFilter(limit)
