# Code generated from templates/python/runtime/transport.py by generator/; DO NOT EDIT.
"""The one attempt loop: every request of every call (unary, stream opens and reconnects, waiter polls).

It alone sets DWCP-Attempt, reads the retry policy, sleeps between attempts, and calls hooks, logs and
spans (docs/observability.md).
"""

from __future__ import annotations

import asyncio
import builtins
import contextlib
import logging
import os
import time
import uuid
from collections.abc import Mapping, MutableMapping, Sequence
from contextvars import ContextVar
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Optional, Union

import aiohttp

from . import connection
from .endpoint import Endpoint
from .errors import (
    CLIENT_TIMEOUT,
    CONNECTION_REFUSED,
    CONNECTION_RESET,
    HOOK_FAILED,
    MALFORMED_RESPONSE,
    NOT_CONNECTED,
    RESPONSE_TOO_LARGE,
    TLS_FAILED,
    Catalogue,
    DWCPError,
)
from .hooks import NO_HOOKS, AttemptContext, ErrorContext, HookChain, HookFailure, RetryContext
from .logs import Log, level_from_env
from .metrics import ClientMetrics
from .retry import RetryPolicy, RetryQuota, retry_after

if TYPE_CHECKING:
    from .tracing import Tracer

ATTEMPT = "DWCP-Attempt"
REQUEST_ID = "X-Request-ID"
IDEMPOTENCY_KEY = "Idempotency-Key"
AUTHORIZATION = "Authorization"
JSON = "application/json"
# Headers a caller's per-call `headers` may not replace (compared lower-cased).
RESERVED = frozenset(h.lower() for h in (AUTHORIZATION, ATTEMPT, REQUEST_ID, IDEMPOTENCY_KEY))
_ATTEMPTS = tuple(str(n) for n in range(100))  # DWCP-Attempt values, built once
_KEY_SIZE = len(IDEMPOTENCY_KEY) + 4
_TRACEPARENT_SIZE = len("traceparent") + 4 + 55


class Capture:
    """The final response of a call run under raw(): status, lower-cased headers, request id."""

    __slots__ = ("headers", "request_id", "status")

    def __init__(self) -> None:
        self.status = 0
        self.headers: dict[str, str] = {}
        self.request_id = ""


RAW: ContextVar[Optional[Capture]] = ContextVar("dwcp_raw", default=None)


class Call:
    """The identity of one logical call, shared by all its attempts."""

    __slots__ = (
        "attempt",
        "body",
        "endpoint",
        "failures",
        "headers",
        "keyed",
        "params",
        "policy",
        "retry_cost",
        "size",
        "span",
        "status",
        "timeout",
        "url",
    )

    def __init__(
        self,
        endpoint: Endpoint,
        url: str,
        headers: dict[str, str],
        body: Optional[bytes],
        params: Optional[Mapping[str, str]],
        size: int,
        policy: RetryPolicy,
        timeout: aiohttp.ClientTimeout,
    ) -> None:
        self.endpoint = endpoint
        self.url = url
        self.headers = headers
        self.body = body
        self.params = params
        self.attempt = 0
        self.failures = 0  # failed attempts in a row (a stream resets it when events arrive)
        self.size = size  # bytes of one attempt: headers as written (DWCP-Attempt included) and body
        self.status = 0  # the HTTP status of the last response
        self.policy = policy
        self.timeout = timeout
        self.keyed = IDEMPOTENCY_KEY in headers
        self.retry_cost: Optional[int] = (
            None  # tokens the last retry took from the budget (None: no retry yet)
        )
        self.span: Any = None  # the call's span while tracing

    @property
    def request_id(self) -> str:
        """The X-Request-ID of every attempt."""
        return self.headers[REQUEST_ID]

    @property
    def idempotency_key(self) -> Optional[str]:
        """The key reused on every attempt, if the operation needs one."""
        return self.headers.get(IDEMPOTENCY_KEY)


def _size(headers: Mapping[str, str]) -> int:
    """Bytes of headers as written: "Name: value\\r\\n" each."""
    return sum(len(k) + len(v) + 4 for k, v in headers.items())


class Transport:
    """Owns the session; runs every call through the attempt loop and counts traffic."""

    def __init__(
        self,
        settings: connection.Settings,
        base_path: str,
        catalogue: Catalogue,
        policy: RetryPolicy,
        *,
        hooks: Sequence[Any] = (),
        user_agent: str = "",
        tracer_provider: Any = None,
        secret_fields: frozenset[str] = frozenset(),
        version: str = "",
    ) -> None:
        self.settings = settings
        self.catalogue = catalogue
        self.policy = policy
        self.metrics = ClientMetrics()
        self.base_url = connection.base_url(settings, base_path)
        self._auth = f"Bearer {settings.api_key}"
        self._user_agent = user_agent
        self._templates: dict[tuple[bool, str, bool], tuple[dict[str, str], int]] = {}
        self._session: Optional[aiohttp.ClientSession] = None
        self.timeout = connection.timeout(settings)
        self.hooks = HookChain(hooks) if hooks else NO_HOOKS
        level = level_from_env()
        self.log = None if level is None else Log(level, secret_fields, (settings.api_key,))
        self.tracer: Optional[Tracer] = None
        if tracer_provider is not None:
            from .tracing import Tracer  # the optional extra dwcp[otel], imported only when asked for

            host, port = _host_port(self.base_url)
            self.tracer = Tracer(tracer_provider, host, port, version)
        budget = getattr(settings, "retry_budget", None)
        self.quota = RetryQuota.from_settings(budget)
        self.metrics.retry_tokens = self.quota.tokens if self.quota is not None else 0
        self._observed = self.hooks.wants_any or self.log is not None or self.tracer is not None

    @property
    def is_open(self) -> bool:
        """True between open() and close()."""
        return self._session is not None and not self._session.closed

    async def open(self) -> None:
        """Builds the connection pool (bound to the running event loop)."""
        if not self.is_open:
            self._session = connection.session(self.settings)

    async def close(self) -> None:
        """Closes every pooled connection."""
        session, self._session = self._session, None
        if session is not None:
            await session.close()

    def session(self) -> aiohttp.ClientSession:
        """The open session, or NotConnectedError."""
        if self._session is None or self._session.closed:
            raise self.catalogue.make(NOT_CONNECTED, "the client is not connected; call connect() first")
        return self._session

    def call(
        self,
        endpoint: Endpoint,
        path: str,
        *,
        body: Optional[bytes] = None,
        params: Optional[Mapping[str, str]] = None,
        idempotency_key: Optional[str] = None,
        accept: str = JSON,
        options: Any = None,
    ) -> Call:
        """A new logical call: one request id, one idempotency key when the operation needs it, and the
        per-call options (a RequestOptions: timeout, retry_attempts, headers, idempotency_key) applied."""
        shape = (endpoint.auth, accept, body is not None)
        template = self._templates.get(shape) or self._template(shape)
        headers = {REQUEST_ID: os.urandom(16).hex(), **template[0]}  # urandom: cheaper than uuid4().hex
        size = template[1]
        policy, timeout = self.policy, self.timeout
        if options is not None:
            idempotency_key = idempotency_key or options.idempotency_key
            if options.retry_attempts is not None:
                policy = replace(policy, attempts=options.retry_attempts)
            if options.timeout is not None:
                timeout = aiohttp.ClientTimeout(
                    total=None, connect=self.settings.connect_timeout, sock_read=options.timeout
                )
            if options.headers:
                size += _merge(headers, options.headers)
        if endpoint.keyed:
            key = headers[IDEMPOTENCY_KEY] = idempotency_key or str(uuid.uuid4())
            size += _KEY_SIZE + len(key)
        if body is not None:
            size += len(body)
        if self.tracer is not None:
            size += _TRACEPARENT_SIZE
        return Call(endpoint, self.base_url + path, headers, body, params, size, policy, timeout)

    def _template(self, shape: tuple[bool, str, bool]) -> tuple[dict[str, str], int]:
        """The constant headers of calls of one shape (auth, accept, body) and the bytes of an attempt's head."""
        auth, accept, has_body = shape
        headers = {"Accept": accept}
        if self._user_agent:
            headers["User-Agent"] = self._user_agent
        if auth:
            headers[AUTHORIZATION] = self._auth
        if has_body:
            headers["Content-Type"] = JSON
        # X-Request-ID (32 hex digits) and a one-digit DWCP-Attempt, as the size of every attempt counts them.
        size = _size(headers) + len(REQUEST_ID) + 32 + 4 + len(ATTEMPT) + 5
        self._templates[shape] = template = (headers, size)
        return template

    async def send(self, call: Call) -> bytes:
        """Runs the call's attempts until success (its body; call.status is set), a final error or no budget.

        A cancel (the caller's task cancelled) closes the attempt's connection, sends nothing more, runs the
        on_error hooks and propagates as asyncio.CancelledError.
        """
        try:
            body = await self._loop(call, False, None, 0.0)
        except asyncio.CancelledError as cancel:
            await self._cancelled(call, cancel)
            raise
        assert isinstance(body, bytes)
        return body

    async def open_stream(
        self, call: Call, pending: Optional[DWCPError] = None, min_delay: float = 0.0
    ) -> Optional[aiohttp.ClientResponse]:
        """Attempts of a stream's call until a response streams (None for 204), a final error or no budget.

        `pending`: the failure of the stream's current attempt (a drop mid-stream), handled first as any
        failed attempt is: retried after the policy's delay (at least `min_delay`), or raised.
        """
        try:
            response = await self._loop(call, True, pending, min_delay)
        except asyncio.CancelledError as cancel:
            await self._cancelled(call, cancel)
            raise
        assert response is None or isinstance(response, aiohttp.ClientResponse)
        return response

    async def _loop(
        self, call: Call, stream: bool, pending: Optional[DWCPError], min_delay: float
    ) -> Union[bytes, aiohttp.ClientResponse, None]:
        """THE attempt loop. Unary (`stream` False): returns the success body. Stream: the open response."""
        session = self._session
        if session is None or session.closed:
            raise self.catalogue.make(NOT_CONNECTED, "the client is not connected; call connect() first")
        metrics, endpoint = self.metrics, call.endpoint
        observed, hooks, log, tracer = self._observed, self.hooks, self.log, self.tracer
        ctx: Optional[AttemptContext] = None
        if tracer is not None and call.span is None:
            call.span = tracer.start_call(endpoint.id)
        error = pending
        while True:
            if error is None:
                call.attempt += 1
                headers: MutableMapping[str, str] = call.headers
                headers[ATTEMPT] = (
                    _ATTEMPTS[call.attempt] if call.attempt < len(_ATTEMPTS) else str(call.attempt)
                )
                span: Any = None
                if observed:
                    # The context holds its own copy: a hook's change goes on the wire for this attempt only.
                    ctx = self._context(call)
                    headers = ctx.headers
                    if tracer is not None:
                        span = tracer.start_attempt(
                            call.span, endpoint.method, endpoint.path, call.attempt, headers
                        )
                    if hooks.wants("before_attempt"):
                        try:
                            await hooks.run("before_attempt", ctx)
                        except HookFailure as failure:
                            call.attempt -= 1  # never sent
                            raise await self._hook_error(call, ctx, failure, span) from failure.cause
                    if log is not None and log.debug:
                        request: dict[str, Any] = {"operation": endpoint.id, "attempt": call.attempt}
                        request.update(headers=log.headers(headers), body=log.body(call.body))
                        log.emit(logging.DEBUG, "request", request)
                metrics.messages_sent += 1
                metrics.bytes_sent += call.size
                started = time.perf_counter() if observed else 0.0
                # request_timeout bounds a unary attempt as a whole (sending to the body's last byte)
                limit = call.timeout.sock_read
                deadline = None if stream or limit is None else asyncio.get_running_loop().time() + limit
                try:
                    response = await session.request(
                        endpoint.method,
                        call.url,
                        headers=headers,
                        data=call.body,
                        params=call.params,
                        timeout=call.timeout,
                    )
                except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
                    error = self.failure(exc, call)
                    error.__cause__ = exc
                    if observed:
                        assert ctx is not None
                        ctx.duration = time.perf_counter() - started
                        self._attempt_done(call, ctx, span, error)
                except asyncio.CancelledError:  # aiohttp closed the attempt's connection
                    _abandon(None, span)
                    raise
                else:
                    call.status = status = response.status
                    if observed:
                        assert ctx is not None
                        ctx.duration = time.perf_counter() - started
                        ctx.status = status
                        ctx.response_headers = response.headers
                        ctx.response_request_id = response.headers.get(REQUEST_ID) or call.request_id
                        if hooks.wants("after_response"):
                            try:
                                await hooks.run("after_response", ctx)
                            except HookFailure as failure:
                                response.close()
                                raise await self._hook_error(call, ctx, failure, span) from failure.cause
                            except asyncio.CancelledError:
                                _abandon(response, span)
                                raise
                    if stream and status < 400 and status != 204 and not _is_event_stream(response):
                        response.close()
                        error = self.catalogue.make(
                            MALFORMED_RESPONSE,
                            f"{endpoint.id}: expected text/event-stream, got {response.content_type or 'no Content-Type'}",
                            request_id=response.headers.get(REQUEST_ID) or call.request_id,
                            attempts=call.attempt,
                            idempotency_key=call.idempotency_key,
                        )
                        metrics.errors_total += 1
                        if observed:
                            assert ctx is not None
                            self._attempt_done(call, ctx, span, error)
                            await self._call_failed(call, ctx, error)
                        raise error
                    if stream and status < 400:
                        metrics.messages_received += 1
                        if self.quota is not None:
                            self._refund(call)
                        if observed:
                            assert ctx is not None
                            self._attempt_done(call, ctx, span, None)
                            if log is not None and log.debug:
                                self._log_response(call, ctx, None)
                        if status == 204:
                            response.release()
                            return None
                        return response
                    try:
                        if status >= 400:
                            body = await _read_capped(response, ERROR_BODY_LIMIT)
                        elif deadline is None:
                            body = await _read_success(response)
                        else:
                            body = await asyncio.wait_for(
                                _read_success(response),
                                max(0.0, deadline - asyncio.get_running_loop().time()),
                            )
                    except TooLarge as exc:  # the connection is already closed, the rest of the body unread
                        error = self.catalogue.make(
                            RESPONSE_TOO_LARGE
                            if RESPONSE_TOO_LARGE in self.catalogue
                            else MALFORMED_RESPONSE,
                            f"{endpoint.id}: {exc}",
                            request_id=response.headers.get(REQUEST_ID) or call.request_id,
                            attempts=call.attempt,
                            idempotency_key=call.idempotency_key,
                        )
                        if observed:
                            assert ctx is not None
                            self._attempt_done(call, ctx, span, error)
                    except asyncio.CancelledError:  # a half-read response: closed, never back to the pool
                        _abandon(response, span)
                        raise
                    except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
                        response.close()
                        if stream:  # an error status whose body broke: the status still decides
                            body = b""
                        else:
                            error = self.failure(exc, call)
                            error.__cause__ = exc
                            if observed:
                                assert ctx is not None
                                self._attempt_done(call, ctx, span, error)
                    finally:
                        response.release()
                    if error is None:
                        metrics.messages_received += 1
                        metrics.bytes_received += len(body)
                        if status < 400:
                            if self.quota is not None:
                                self._refund(call)
                            if observed:
                                assert ctx is not None
                                self._attempt_done(call, ctx, span, None)
                                if log is not None and log.debug:
                                    self._log_response(call, ctx, body)
                                if call.span is not None:
                                    self.end_call(call, None)
                            capture = RAW.get()
                            if capture is not None:
                                capture.status = status
                                capture.headers = {k.lower(): v for k, v in response.headers.items()}
                                capture.request_id = response.headers.get(REQUEST_ID) or call.request_id
                            return body
                        error = self.error(status, response.headers, body, call)
                        if observed:
                            assert ctx is not None
                            self._attempt_done(call, ctx, span, error)
                            if log is not None and log.debug:
                                self._log_response(call, ctx, body)
            # The attempt failed: retry after the policy's delay, or end the call with the error.
            metrics.errors_total += 1
            call.failures += 1
            delay = call.policy.delay(error, call.failures, call.keyed)
            if delay is None:
                if observed:
                    await self._call_failed(call, ctx, error)
                raise error
            if min_delay and error.retry_after is None:  # a stream's SSE `retry:` field
                delay = max(delay, min_delay)
            quota = self.quota
            if quota is not None:  # the retry budget: checked only once the policy said "retry"
                cost = quota.take(_timed_out(error))
                metrics.retry_tokens = quota.tokens
                if cost is None:
                    error.retry_quota_exhausted = True
                    if observed:
                        await self._call_failed(call, ctx, error)
                    raise error
                call.retry_cost = cost
            if observed:
                if ctx is None:  # a stream's drop mid-stream: the attempt as it was opened
                    ctx = self._context(call)
                if hooks.wants("before_retry"):
                    try:
                        await hooks.run("before_retry", RetryContext(ctx, delay, error))
                    except HookFailure as failure:
                        raise await self._hook_error(call, ctx, failure, None) from failure.cause
                if log is not None:
                    fields: dict[str, Any] = {"operation": endpoint.id, "attempt": call.attempt}
                    fields.update(delay_ms=round(delay * 1000), code=error.code)
                    log.emit(logging.WARNING, "retry", fields)
            error = None
            await asyncio.sleep(delay)

    async def _cancelled(self, call: Call, cancel: asyncio.CancelledError) -> None:
        """The caller cancelled the call: on_error hooks see the cancel (a hook's raise cannot stop it), and
        the call span ends."""
        try:
            if self.hooks.wants("on_error"):
                with contextlib.suppress(HookFailure):  # the cancel wins; a hook's raise has nowhere to go
                    await self.hooks.run("on_error", ErrorContext(self._context(call), cancel))
        finally:
            if call.span is not None:
                self.end_call(call, cancel)

    def _refund(self, call: Call) -> None:
        """A success gives tokens back to the retry budget."""
        quota = self.quota
        assert quota is not None
        quota.give(call.retry_cost)
        call.retry_cost = None
        self.metrics.retry_tokens = quota.tokens

    def _context(self, call: Call) -> AttemptContext:
        """What hooks see of the call's current attempt, with a copy of its headers."""
        endpoint = call.endpoint
        return AttemptContext(
            endpoint.id,
            endpoint.method,
            endpoint.path,
            call.url,
            call.attempt,
            call.request_id,
            call.idempotency_key,
            dict(call.headers),
        )

    def _attempt_done(self, call: Call, ctx: AttemptContext, span: Any, error: Optional[DWCPError]) -> None:
        """The attempt's info line and the end of its span."""
        request_id = (
            ctx.response_request_id or (error.request_id if error is not None else None) or call.request_id
        )
        if span is not None:
            from .tracing import end_attempt

            end_attempt(span, ctx.status, request_id, error)
        log = self.log
        if log is not None and log.info:
            fields: dict[str, Any] = {
                "operation": ctx.operation,
                "method": ctx.method,
                "path": ctx.path,
                "status": ctx.status,
                "attempt": ctx.attempt,
                "duration_ms": round(ctx.duration * 1000, 3),
                "request_id": request_id,
            }
            log.emit(logging.INFO, "attempt", fields)

    def _log_response(self, call: Call, ctx: AttemptContext, body: Optional[bytes]) -> None:
        log = self.log
        assert log is not None
        headers = log.headers(ctx.response_headers or {})
        log.emit(
            logging.DEBUG,
            "response",
            {"operation": ctx.operation, "attempt": ctx.attempt, "headers": headers, "body": log.body(body)},
        )

    async def _call_failed(self, call: Call, ctx: Optional[AttemptContext], error: DWCPError) -> None:
        """The call ends with `error`: on_error hooks (once), the failed line, the call span's end."""
        try:
            if self.hooks.wants("on_error"):
                try:
                    await self.hooks.run("on_error", ErrorContext(ctx or self._context(call), error))
                except HookFailure as failure:
                    hook_error = self._make_hook_error(call, failure)
                    hook_error.__cause__ = failure.cause
                    self._log_failed(call, hook_error)
                    raise hook_error from failure.cause
            self._log_failed(call, error)
        finally:
            if call.span is not None:
                self.end_call(call, error)

    def _log_failed(self, call: Call, error: DWCPError) -> None:
        if self.log is not None:
            fields: dict[str, Any] = {"operation": call.endpoint.id, "category": type(error).__name__}
            fields.update(code=error.code, attempts=error.attempts)
            self.log.emit(logging.WARNING, "failed", fields)

    def _make_hook_error(self, call: Call, failure: HookFailure) -> DWCPError:
        message = f"{failure} during {call.endpoint.id}"
        context: dict[str, Any] = {"request_id": call.request_id, "attempts": call.attempt}
        context["idempotency_key"] = call.idempotency_key
        try:
            return self.catalogue.make(HOOK_FAILED, message, **context)
        except KeyError:  # a spec without the hook_error entry
            return DWCPError(message, code=HOOK_FAILED, **context)

    async def _hook_error(
        self, call: Call, ctx: AttemptContext, failure: HookFailure, span: Any
    ) -> DWCPError:
        """The HookError that ends the call (never retried); on_error hooks still run once."""
        error = self._make_hook_error(call, failure)
        error.__cause__ = failure.cause
        if span is not None:
            from .tracing import end_attempt

            end_attempt(span, ctx.status, ctx.response_request_id, error)
        await self._call_failed(call, ctx, error)
        return error

    def end_call(self, call: Call, error: Optional[BaseException]) -> None:
        """Ends the call's span (tracing only); a stream's ends when the stream does."""
        span, call.span = call.span, None
        if span is not None:
            from .tracing import end_call

            end_call(span, call.request_id, call.attempt, error)

    def error(self, status: int, headers: Mapping[str, str], body: bytes, call: Call) -> DWCPError:
        """The typed error of an error response."""
        return self.catalogue.from_response(
            status,
            body,
            request_id=headers.get(REQUEST_ID) or call.request_id,
            attempts=call.attempt,
            retry_after=retry_after(headers),
            idempotency_key=call.idempotency_key,
        )

    def failure(self, exc: BaseException, call: Call) -> DWCPError:
        """The typed error of a transport failure: refused, reset or timed out."""
        if isinstance(exc, asyncio.TimeoutError):
            code, message = CLIENT_TIMEOUT, f"{call.endpoint.id} timed out"
        elif isinstance(exc, aiohttp.ClientConnectorCertificateError) and TLS_FAILED in self.catalogue:
            # Never retried: an untrusted, expired or wrongly named certificate does not heal by retrying.
            code, message = (
                TLS_FAILED,
                f"TLS with {self.base_url} failed: {_tls_reason(exc.certificate_error)}",
            )
        elif isinstance(exc, aiohttp.ClientConnectorError):
            code, message = CONNECTION_REFUSED, f"cannot connect to {self.base_url}"
        else:
            code, message = (
                CONNECTION_RESET,
                f"connection lost during {call.endpoint.id}: {type(exc).__name__}",
            )
        return self.catalogue.make(
            code,
            message,
            request_id=call.request_id,
            attempts=call.attempt,
            idempotency_key=call.idempotency_key,
        )


ERROR_BODY_LIMIT = 64 * 1024
"""The most of an error body read (its message is at most this long); the rest is not read."""
SUCCESS_BODY_LIMIT = 32 * 1024 * 1024
"""The most of a success body read: past it the attempt ends with response_too_large (never retried)."""


class TooLarge(Exception):
    """A success body passed SUCCESS_BODY_LIMIT (its response is closed, the rest unread)."""


async def _read_success(response: aiohttp.ClientResponse, limit: int = SUCCESS_BODY_LIMIT) -> bytes:
    """A success body of at most `limit` bytes: Content-Length is checked first, then the bytes are counted
    as they arrive (a length can lie); past the limit the connection is closed, not reused."""
    length = response.content_length
    if length is not None and length > limit:
        response.close()
        raise TooLarge(f"the response body is {length} bytes, over the {limit >> 20} MiB limit")
    content = response.content
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = await content.readany()
        if not chunk:
            break
        size += len(chunk)
        if size > limit:
            response.close()
            raise TooLarge(f"the response body passed the {limit >> 20} MiB limit")
        chunks.append(chunk)
        if content.at_eof():  # usually after the first chunk: no second wait for the end
            break
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def _abandon(response: Optional[aiohttp.ClientResponse], span: Any) -> None:
    """A cancelled attempt: its connection is closed (a half-read response is never pooled), its span ends."""
    if response is not None:
        response.close()
    if span is not None:
        from .tracing import end_attempt

        end_attempt(span, 0 if response is None else response.status, None, asyncio.CancelledError())


def _tls_reason(error: BaseException) -> str:
    """The TLS library's reason for refusing the certificate (as "certificate verify failed: self-signed ...")."""
    message = getattr(error, "verify_message", None)
    if message:
        return f"certificate verify failed: {message}"
    return str(error) or type(error).__name__


def _is_event_stream(response: aiohttp.ClientResponse) -> bool:
    """True when a stream's answer is `text/event-stream` (anything else is malformed_response)."""
    return response.content_type == "text/event-stream"


async def _read_capped(response: aiohttp.ClientResponse, limit: int) -> bytes:
    """At most `limit` bytes of a body; when more is left, the connection is dropped (not reused)."""
    chunks: list[bytes] = []
    size = 0
    content = response.content
    while size < limit:
        chunk = await content.read(limit - size)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
    if not content.at_eof():
        response.close()
    return b"".join(chunks)


def _timed_out(error: DWCPError) -> bool:
    """True when the failed attempt timed out (category TimeoutError): its retry costs more."""
    return isinstance(error, builtins.TimeoutError) or type(error).__name__ == "TimeoutError"


def _merge(headers: dict[str, str], extra: Mapping[str, str]) -> int:
    """Adds a call's extra headers (replacing same-named ones, never the reserved ones); their bytes."""
    size = 0
    for name, value in extra.items():
        lower = name.lower()
        if lower in RESERVED:
            continue
        for existing in [k for k in headers if k.lower() == lower]:
            size -= len(existing) + len(headers.pop(existing)) + 4
        headers[name] = value
        size += len(name) + len(value) + 4
    return size


def _host_port(url: str) -> tuple[str, int]:
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return parts.hostname or "", parts.port or (443 if parts.scheme == "https" else 80)
