# Code generated from templates/python/runtime/resource.py by generator/; DO NOT EDIT.
"""The base of generated resource clients: each method is one call into these helpers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Optional, TypeVar, cast

import pydantic

from .endpoint import Endpoint, QueryValue, query
from .errors import VALIDATION_FAILED
from .model import Model, malformed
from .stream import EVENT_STREAM, EventStream
from .transport import Transport

M = TypeVar("M", bound=Model)


class Resource:
    """Holds the client's transport."""

    def __init__(self, transport: Transport) -> None:
        self._transport = transport

    def _query(self, endpoint: Endpoint, params: Mapping[str, QueryValue]) -> Optional[dict[str, str]]:
        """The query of a call in wire form, after checking each value against the spec's limits."""
        for name, value in params.items():
            limits = endpoint.limits.get(name)
            why = None if limits is None or value is None else limits.broken(value)
            if why is not None:
                raise self._transport.catalogue.make(
                    VALIDATION_FAILED, f"{name}: {why}", details={"field": name}
                )
        return query(params)

    async def _fetch(
        self,
        endpoint: Endpoint,
        output: type[M],
        path: str,
        *,
        body: Optional[Model] = None,
        params: Optional[Mapping[str, str]] = None,
        idempotency_key: Optional[str] = None,
        options: Any = None,
    ) -> M:
        """Sends the call (with its per-call RequestOptions, if any) and decodes its result as `output`."""
        transport = self._transport
        call = transport.call(
            endpoint,
            path,
            body=None if body is None else body.to_wire(),
            params=params,
            idempotency_key=idempotency_key,
            options=options,
        )
        data = await transport.send(call)
        try:
            # The model's own validator, as model_validate_json calls it, without its per-call argument checks.
            return cast(M, output.__pydantic_validator__.validate_json(data))
        except pydantic.ValidationError as exc:
            context = {"request_id": call.request_id, "attempts": call.attempt, "status": call.status}
            raise malformed(output, exc, transport.catalogue, **context) from None

    async def _send(
        self,
        endpoint: Endpoint,
        path: str,
        *,
        body: Optional[Model] = None,
        params: Optional[Mapping[str, str]] = None,
        idempotency_key: Optional[str] = None,
        options: Any = None,
    ) -> None:
        """Sends a call that returns nothing."""
        call = self._transport.call(
            endpoint,
            path,
            body=None if body is None else body.to_wire(),
            params=params,
            idempotency_key=idempotency_key,
            options=options,
        )
        await self._transport.send(call)

    def _stream(
        self,
        endpoint: Endpoint,
        output: type[M],
        path: str,
        params: Optional[Mapping[str, str]] = None,
        options: Any = None,
    ) -> EventStream[M]:
        """A resumable SSE stream of `output` events (connects on open() or the first read)."""
        call = self._transport.call(endpoint, path, params=params, accept=EVENT_STREAM, options=options)
        return EventStream(self._transport, call, output)
