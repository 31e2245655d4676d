"""How one operation travels: method, path template, success status and whether it needs a key."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from enum import Enum
from typing import Any, Optional, Union
from urllib.parse import quote

_SAFE = re.compile(r"[A-Za-z0-9._~-]+")
QueryValue = Union[str, int, float, bool, datetime, Enum, Mapping[str, Any], Sequence[Any], None]


@dataclass(frozen=True)
class Limits:
    """The spec's constraints of one query parameter, checked before a request is sent."""

    ge: Optional[float] = None
    le: Optional[float] = None
    min_length: Optional[int] = None
    max_length: Optional[int] = None
    pattern: Optional[str] = None
    one_of: tuple[str, ...] = ()

    def broken(self, value: QueryValue) -> Optional[str]:
        """Why `value` breaks these limits (as pydantic would word it), or None when it keeps them."""
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if self.ge is not None and value < self.ge:
                return f"Input should be greater than or equal to {_number(self.ge)}"
            if self.le is not None and value > self.le:
                return f"Input should be less than or equal to {_number(self.le)}"
        if isinstance(value, str) and not isinstance(value, Enum):
            return self._text(value)
        if isinstance(value, (Mapping, list, tuple)):
            return self._length(len(value), "items")
        return None

    def _text(self, value: str) -> Optional[str]:
        if self.one_of and value not in self.one_of:
            return "Input should be " + " or ".join(repr(v) for v in self.one_of)
        if self.pattern is not None and re.search(self.pattern, value) is None:
            return f"String should match pattern '{self.pattern}'"
        return self._length(len(value), "characters")

    def _length(self, size: int, unit: str) -> Optional[str]:
        if self.min_length is not None and size < self.min_length:
            return f"Value should have at least {self.min_length} {unit}"
        if self.max_length is not None and size > self.max_length:
            return f"Value should have at most {self.max_length} {unit}"
        return None


@dataclass(frozen=True)
class Endpoint:
    """One operation of the spec; `keyed` operations carry an Idempotency-Key reused on every attempt."""

    id: str
    method: str
    path: str
    status: int
    keyed: bool = False
    auth: bool = True
    limits: Mapping[str, Limits] = field(default_factory=dict)
    event: str = ""
    """A stream's SSE event name (an event named otherwise is ignored); "" for a unary operation."""

    def url_path(self, params: Optional[Mapping[str, object]] = None) -> str:
        """The path with each parameter (by wire name) percent-encoded as one segment."""
        if not params:
            return self.path
        return self.path.format_map({name: _segment(_wire(value)) for name, value in params.items()})


def _segment(value: str) -> str:
    """One path segment; ids are almost always safe already, and quote() is slow."""
    return value if _SAFE.fullmatch(value) else quote(value, safe="")


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def query(params: Mapping[str, QueryValue]) -> Optional[dict[str, str]]:
    """Query parameters (by wire name) in wire form; absent ones dropped, maps as k1=v1,k2=v2 sorted."""
    out = {name: _wire(value) for name, value in params.items() if value is not None}
    return out or None


def _wire(value: object) -> str:
    """One value as text: booleans lower-case, timestamps RFC 3339 UTC, enums by value, lists comma-joined."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, datetime):
        stamp = value if value.tzinfo is None else value.astimezone(timezone.utc).replace(tzinfo=None)
        return stamp.isoformat() + "Z"
    if isinstance(value, Mapping):
        return ",".join(f"{k}={_wire(value[k])}" for k in sorted(value))
    if isinstance(value, (list, tuple)):
        return ",".join(_wire(item) for item in value)
    return str(value)
