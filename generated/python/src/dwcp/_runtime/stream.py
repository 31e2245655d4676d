# Code generated from templates/python/runtime/stream.py by generator/; DO NOT EDIT.
"""A server stream that resumes after a drop with Last-Event-ID and delivers each event exactly once."""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import AsyncIterator
from types import TracebackType
from typing import Generic, Optional, TypeVar, cast

import aiohttp
import pydantic

from .errors import CONNECTION_RESET, MALFORMED_RESPONSE, DWCPError
from .model import Model, decode
from .sse import Decoder, LineTooLong, Raw
from .transport import Call, Transport

T = TypeVar("T", bound=Model)
EVENT_STREAM = "text/event-stream"
LAST_EVENT_ID = "Last-Event-ID"


class EventStream(Generic[T], AsyncIterator[T]):
    """Iterate with `async for`; `open()` connects early, `aclose()` (or leaving `async with`) hangs up."""

    def __init__(self, transport: Transport, call: Call, output: type[T]) -> None:
        self._transport = transport
        self._call = call
        self._output = output
        self._decoder = Decoder(transport.settings.buffer_size)
        self._event = call.endpoint.event.encode()
        self._validate = output.__pydantic_validator__.validate_json
        self._pending: deque[tuple[Optional[int], bytes]] = deque()  # (SSE id, data) of events not yet read
        self.last_event_id: Optional[int] = None
        """The SSE id of the event last returned (metrics samples carry theirs only here)."""
        self._response: Optional[aiohttp.ClientResponse] = None
        self._last_id: Optional[int] = None
        self._done = False
        self._failed: Optional[DWCPError] = None  # raised once the events before it are read
        self._opening: Optional[asyncio.Future[Optional[aiohttp.ClientResponse]]] = (
            None  # an open in progress
        )
        self._dropped: Optional[DWCPError] = (
            None  # a drop whose reconnect waits until the events before it are read
        )

    async def open(self) -> EventStream[T]:
        """Connects now, so that an error of the first request surfaces here rather than on first read."""
        if self._response is None and not self._done:
            await self._connect()
        return self

    async def __aenter__(self) -> EventStream[T]:
        return await self.open()

    async def __aexit__(
        self, kind: Optional[type[BaseException]], value: Optional[BaseException], tb: Optional[TracebackType]
    ) -> None:
        await self.aclose()

    def __aiter__(self) -> EventStream[T]:
        return self

    async def __anext__(self) -> T:
        while not self._pending:
            if self._done:
                failed, self._failed = self._failed, None
                if failed is not None:
                    raise failed
                raise StopAsyncIteration
            await self._fill()
        self.last_event_id, data = self._pending.popleft()
        # Decoded one at a time as the caller reads: the model is built and dropped before the next one.
        try:
            return cast(T, self._validate(data))
        except pydantic.ValidationError:  # as text (bad UTF-8 replaced), or malformed_response
            return decode(self._output, data.decode("utf-8", "replace"), self._transport.catalogue)

    async def aclose(self) -> None:
        """Stops the stream: its connection is closed at once, and a reconnect in progress (even one sleeping
        in backoff) is cancelled; a read waiting in another task ends the iteration."""
        opening = self._opening
        self._finish(None)
        if opening is not None and not opening.done():
            opening.cancel()
            await asyncio.wait((opening,))  # nothing of the stream is left running

    def __del__(self) -> None:
        # A stream dropped without aclose() (e.g. `break` out of `async for` on a temporary) hangs up too.
        response = getattr(self, "_response", None)
        if response is not None:
            response.close()

    def _error(self, code: str, reason: str) -> DWCPError:
        """A typed error of this stream's call, naming its operation."""
        call = self._call
        return self._transport.catalogue.make(
            code,
            f"{call.endpoint.id}: {reason}",
            request_id=call.request_id,
            attempts=call.attempt,
            idempotency_key=call.idempotency_key,
        )

    def _hang_up(self) -> None:
        response, self._response = self._response, None
        if response is not None:
            response.close()

    async def _fill(self) -> None:
        if self._dropped is not None:
            dropped, self._dropped = self._dropped, None
            await self._reconnect(dropped)
            return
        if self._response is None:
            await self._connect()
            return
        content = self._response.content
        try:
            chunk = await content.readany()
        except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
            if self._done:  # aclose() from another task closed the connection under this read
                return
            error = self._transport.failure(exc, self._call)
            error.__cause__ = exc
            # aiohttp raises the drop before handing out the bytes that came ahead of it: their complete events
            # are delivered first (so the reconnect's Last-Event-ID names the last of them), then it reconnects.
            rest = _salvage(content)
            if rest and self._feed(rest) and self._pending:
                self._dropped = error
                return
            if not self._done:
                await self._reconnect(error)
            return
        if not chunk:
            if self._decoder.partial:  # the body ended inside an event: a drop, resumed after Last-Event-ID
                await self._reconnect(
                    self._error(CONNECTION_RESET, "the stream ended in the middle of an event")
                )
                return
            self._decoder.close()
            self._finish(None)
            return
        self._feed(chunk)

    def _feed(self, chunk: bytes) -> bool:
        """Decodes a chunk and queues its events; False when a line too long ended the stream."""
        self._transport.metrics.bytes_received += len(chunk)
        try:
            events = self._decoder.feed_raw(chunk)
        except LineTooLong as exc:
            self._accept(self._decoder.too_long)
            error = self._failed = self._error(MALFORMED_RESPONSE, str(exc))
            self._finish(error)
            return False
        self._accept(events)
        return True

    def _accept(self, events: list[Raw]) -> None:
        if not events:
            return
        pending, last, before = self._pending, self._last_id, len(self._pending)
        name = self._event
        for data, event, id in events:
            if event and event != name and event != b"message":
                continue  # a kind the operation does not declare (a newer server's): ignored
            seq = _int(id)
            if seq is not None:
                if last is not None and seq <= last:
                    continue  # already delivered before the reconnect
                last = seq
            pending.append((seq, data))
        self._transport.metrics.messages_received += len(pending) - before
        self._last_id = last
        if len(pending) > before:  # only a new event is progress: replayed ones leave the failure count alone
            self._call.failures = 0

    async def _connect(self, pending: Optional[DWCPError] = None) -> None:
        """Opens (or reopens) the stream through the transport's attempt loop: DWCP-Attempt keeps counting."""
        call = self._call
        if self._done:
            return
        if self._last_id is not None:
            call.headers[LAST_EVENT_ID] = str(self._last_id)
        retry = self._decoder.retry
        # A task of its own, so that aclose() from another task can cancel a (re)connect in progress.
        opening = self._opening = asyncio.ensure_future(
            self._transport.open_stream(call, pending, 0.0 if retry is None else retry / 1000)
        )
        try:
            response = await opening
        except asyncio.CancelledError:
            if self._done and not _cancelling():  # aclose() stopped the reconnect: the iteration ends
                return
            raise
        except DWCPError as error:
            self._finish(error)
            raise
        finally:
            self._opening = None
        if self._done:  # closed while the answer arrived
            if response is not None:
                response.close()
            return
        if response is None:  # 204: nothing to stream
            self._finish(None)
        else:
            self._response = response

    async def _reconnect(self, error: DWCPError) -> None:
        """A drop mid-stream: the loop waits it out and reopens after Last-Event-ID, or raises the error."""
        self._hang_up()
        self._decoder.close()  # a half-received event is dropped; the server resends it after Last-Event-ID
        await self._connect(error)

    def _finish(self, error: Optional[BaseException]) -> None:
        """The stream is over: no more reads, and the call's span ends."""
        self._done = True
        self._hang_up()
        self._transport.end_call(self._call, error)


def _salvage(content: aiohttp.StreamReader) -> bytes:
    """The bytes still buffered in a body whose connection broke (aiohttp's readany raises the error first)."""
    read_nowait = getattr(content, "_read_nowait", None)
    if read_nowait is None:
        return b""
    try:
        data = read_nowait(-1)
    except Exception:  # an aiohttp whose private reader differs: nothing salvaged, the server resends
        return b""
    return data if isinstance(data, bytes) else b""


def _cancelling() -> bool:
    """True when the running task itself is being cancelled (Python 3.11+; before, a cancel is assumed)."""
    task = asyncio.current_task()
    cancelling = getattr(task, "cancelling", None)
    return cancelling is None or bool(cancelling())


def _int(value: Optional[str]) -> Optional[int]:
    try:
        return int(value) if value else None
    except ValueError:
        return None
