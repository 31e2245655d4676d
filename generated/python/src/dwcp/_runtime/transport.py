# Code generated from templates/python/runtime/transport.py by generator/; DO NOT EDIT.
"""One logical call over aiohttp: headers, per-attempt timeout, typed errors, retries with backoff."""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import Mapping
from typing import Optional

import aiohttp

from . import connection
from .endpoint import Endpoint
from .errors import CLIENT_TIMEOUT, CONNECTION_REFUSED, CONNECTION_RESET, NOT_CONNECTED, Catalogue, DWCPError
from .metrics import ClientMetrics
from .retry import RetryPolicy, retry_after

ATTEMPT = "DWCP-Attempt"
REQUEST_ID = "X-Request-ID"
IDEMPOTENCY_KEY = "Idempotency-Key"
JSON = "application/json"
_ATTEMPTS = tuple(str(n) for n in range(100))  # DWCP-Attempt values, built once
_KEY_SIZE = len(IDEMPOTENCY_KEY) + 4


class Call:
    """The identity of one logical call, shared by all its attempts."""

    __slots__ = ("attempt", "body", "endpoint", "headers", "params", "size", "status", "url")

    def __init__(
        self,
        endpoint: Endpoint,
        url: str,
        headers: dict[str, str],
        body: Optional[bytes],
        params: Optional[Mapping[str, str]],
        size: int,
    ) -> None:
        self.endpoint = endpoint
        self.url = url
        self.headers = headers
        self.body = body
        self.params = params
        self.attempt = 0
        self.size = size  # bytes of one attempt: headers as written (DWCP-Attempt included) and body
        self.status = 0  # the HTTP status of the last response

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
    """Owns the session; sends calls with the retry policy and counts traffic."""

    def __init__(
        self, settings: connection.Settings, base_path: str, catalogue: Catalogue, policy: RetryPolicy
    ):
        self.settings = settings
        self.catalogue = catalogue
        self.policy = policy
        self.metrics = ClientMetrics()
        self.base_url = connection.base_url(settings, base_path)
        self._auth = f"Bearer {settings.api_key}"
        self._templates: dict[tuple[bool, str, bool], tuple[dict[str, str], int]] = {}
        self._session: Optional[aiohttp.ClientSession] = None

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
    ) -> Call:
        """A new logical call: one request id, and one idempotency key when the operation needs it."""
        shape = (endpoint.auth, accept, body is not None)
        template = self._templates.get(shape) or self._template(shape)
        headers = {REQUEST_ID: os.urandom(16).hex(), **template[0]}  # urandom: cheaper than uuid4().hex
        size = template[1]
        if endpoint.keyed:
            key = headers[IDEMPOTENCY_KEY] = idempotency_key or str(uuid.uuid4())
            size += _KEY_SIZE + len(key)
        if body is not None:
            size += len(body)
        return Call(endpoint, self.base_url + path, headers, body, params, size)

    def _template(self, shape: tuple[bool, str, bool]) -> tuple[dict[str, str], int]:
        """The constant headers of calls of one shape (auth, accept, body) and the bytes of an attempt's head."""
        auth, accept, has_body = shape
        headers = {"Accept": accept}
        if auth:
            headers["Authorization"] = self._auth
        if has_body:
            headers["Content-Type"] = JSON
        # X-Request-ID (32 hex digits) and a one-digit DWCP-Attempt, as the size of every attempt counts them.
        size = _size(headers) + len(REQUEST_ID) + 32 + 4 + len(ATTEMPT) + 5
        self._templates[shape] = template = (headers, size)
        return template

    async def send(self, call: Call) -> bytes:
        """Runs the call's attempts until success (its body; call.status is set), a final error or no budget."""
        session = self._session
        if session is None or session.closed:
            raise self.catalogue.make(NOT_CONNECTED, "the client is not connected; call connect() first")
        metrics, headers = self.metrics, call.headers
        while True:
            call.attempt += 1
            headers[ATTEMPT] = _ATTEMPTS[call.attempt] if call.attempt < len(_ATTEMPTS) else str(call.attempt)
            metrics.messages_sent += 1
            metrics.bytes_sent += call.size
            try:
                async with session.request(
                    call.endpoint.method, call.url, headers=headers, data=call.body, params=call.params
                ) as response:
                    body = await response.read()
            except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
                error = self.failure(exc, call)
                error.__cause__ = exc
            else:
                metrics.messages_received += 1
                metrics.bytes_received += len(body)
                call.status = status = response.status
                if status < 400:
                    return body
                error = self.error(status, response.headers, body, call)
            metrics.errors_total += 1
            delay = self.policy.delay(error, call.attempt, IDEMPOTENCY_KEY in headers)
            if delay is None:
                raise error
            await asyncio.sleep(delay)

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

    def count_sent(self, call: Call) -> None:
        """Counts one attempt of `call` as sent."""
        self.metrics.messages_sent += 1
        self.metrics.bytes_sent += call.size
