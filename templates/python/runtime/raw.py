"""Raw responses: a call's decoded result with its final response's status, headers and request id."""

from __future__ import annotations

from collections.abc import Awaitable, Mapping
from typing import Generic, TypeVar

from .transport import RAW, Capture

T = TypeVar("T")


class RawResponse(Generic[T]):
    """What `client.<resource>.with_raw_response.<method>(...)` returns: the final response and the result."""

    __slots__ = ("headers", "parsed", "request_id", "status_code")

    def __init__(self, status_code: int, headers: Mapping[str, str], request_id: str, parsed: T) -> None:
        self.status_code = status_code
        """The HTTP status of the final response."""
        self.headers = dict(headers)
        """The final response's headers, names lower-cased."""
        self.request_id = request_id
        """The final response's X-Request-ID (the one sent when the server echoed none)."""
        self.parsed = parsed
        """The decoded result, as the plain method returns it."""

    def parse(self) -> T:
        """The decoded result (as `parsed`)."""
        return self.parsed

    def __repr__(self) -> str:
        return f"RawResponse(status_code={self.status_code}, request_id={self.request_id!r})"


async def raw(call: Awaitable[T]) -> RawResponse[T]:
    """Runs `call` (a coroutine of one client method) and hands back its final response with its result."""
    capture = Capture()
    token = RAW.set(capture)
    try:
        parsed = await call
    finally:
        RAW.reset(token)
    return RawResponse(capture.status, capture.headers, capture.request_id, parsed)
