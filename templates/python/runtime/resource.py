"""The base of generated resource clients: each method is one call into these helpers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Optional, TypeVar

from .endpoint import Endpoint
from .model import Model, decode
from .stream import EVENT_STREAM, EventStream
from .transport import Transport

M = TypeVar("M", bound=Model)


class Resource:
    """Holds the client's transport."""

    def __init__(self, transport: Transport) -> None:
        self._transport = transport

    async def _fetch(
        self,
        endpoint: Endpoint,
        output: type[M],
        path: str,
        *,
        body: Optional[Model] = None,
        params: Optional[Mapping[str, str]] = None,
        idempotency_key: Optional[str] = None,
    ) -> M:
        """Sends the call and decodes its result as `output`."""
        call = self._transport.call(
            endpoint, path, body=body.to_wire() if body else None, params=params, idempotency_key=idempotency_key
        )
        reply = await self._transport.send(call)
        context = {"request_id": call.request_id, "attempts": call.attempt, "status": reply.status}
        return decode(output, reply.body, self._transport.catalogue, **context)

    async def _send(
        self,
        endpoint: Endpoint,
        path: str,
        *,
        body: Optional[Model] = None,
        params: Optional[Mapping[str, str]] = None,
        idempotency_key: Optional[str] = None,
    ) -> None:
        """Sends a call that returns nothing."""
        call = self._transport.call(
            endpoint, path, body=body.to_wire() if body else None, params=params, idempotency_key=idempotency_key
        )
        await self._transport.send(call)

    def _stream(
        self, endpoint: Endpoint, output: type[M], path: str, params: Optional[Mapping[str, str]] = None
    ) -> EventStream[M]:
        """A resumable SSE stream of `output` events (connects on open() or the first read)."""
        call = self._transport.call(endpoint, path, params=params, accept=EVENT_STREAM)
        catalogue = self._transport.catalogue
        return EventStream(self._transport, call, lambda data: decode(output, data, catalogue))
