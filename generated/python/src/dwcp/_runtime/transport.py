# Code generated from templates/python/runtime/transport.py by generator/; DO NOT EDIT.
"""One logical call over aiohttp: headers, per-attempt timeout, typed errors, retries with backoff."""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Reply:
    """A successful response: status, headers and the whole body."""

    status: int
    headers: Mapping[str, str]
    body: bytes


@dataclass
class Call:
    """The identity of one logical call, shared by all its attempts."""

    endpoint: Endpoint
    url: str
    headers: dict[str, str]
    body: Optional[bytes]
    params: Optional[Mapping[str, str]]
    attempt: int = 0

    def __post_init__(self) -> None:
        # Bytes of one attempt: headers as written ("Name: value\r\n", DWCP-Attempt included) and body.
        head = sum(len(k) + len(v) + 4 for k, v in self.headers.items()) + len(ATTEMPT) + 5
        self.size = head + (len(self.body) if self.body else 0)

    @property
    def request_id(self) -> str:
        """The X-Request-ID of every attempt."""
        return self.headers[REQUEST_ID]

    @property
    def idempotency_key(self) -> Optional[str]:
        """The key reused on every attempt, if the operation needs one."""
        return self.headers.get(IDEMPOTENCY_KEY)


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
        headers = {REQUEST_ID: os.urandom(16).hex(), "Accept": accept}  # cheaper than uuid4().hex
        if endpoint.auth:
            headers["Authorization"] = self._auth
        if body is not None:
            headers["Content-Type"] = JSON
        if endpoint.keyed:
            headers[IDEMPOTENCY_KEY] = idempotency_key or str(uuid.uuid4())
        return Call(endpoint, self.base_url + path, headers, body, params)

    async def send(self, call: Call) -> Reply:
        """Runs the call's attempts until success, a final error or the end of the retry budget."""
        session = self.session()
        while True:
            call.attempt += 1
            try:
                return await self._attempt(session, call)
            except DWCPError as error:
                self.metrics.errors_total += 1
                delay = self.policy.delay(error, call.attempt, call.idempotency_key is not None)
                if delay is None:
                    raise
            await asyncio.sleep(delay)

    async def _attempt(self, session: aiohttp.ClientSession, call: Call) -> Reply:
        call.headers[ATTEMPT] = str(call.attempt)
        self.count_sent(call)
        try:
            async with session.request(
                call.endpoint.method,
                call.url,
                headers=call.headers,
                data=call.body,
                params=call.params,
            ) as response:
                body = await response.read()
        except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
            raise self.failure(exc, call) from exc
        self._count_received(len(body))
        if response.status >= 400:
            raise self.error(response.status, response.headers, body, call)
        return Reply(response.status, response.headers, body)

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

    def _count_received(self, size: int) -> None:
        self.metrics.messages_received += 1
        self.metrics.bytes_received += size
