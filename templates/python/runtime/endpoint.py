"""How one operation travels: method, path template, success status and whether it needs a key."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Optional, Union
from urllib.parse import quote

_SAFE = re.compile(r"[A-Za-z0-9._~-]+")
QueryValue = Union[str, int, float, bool, Mapping[str, str], None]


@dataclass(frozen=True)
class Endpoint:
    """One operation of the spec; `keyed` operations carry an Idempotency-Key reused on every attempt."""

    id: str
    method: str
    path: str
    status: int
    keyed: bool = False
    auth: bool = True

    def url_path(self, **params: str) -> str:
        """The path with each parameter percent-encoded as one segment."""
        if not params:
            return self.path
        return self.path.format_map({name: _segment(str(value)) for name, value in params.items()})


def _segment(value: str) -> str:
    """One path segment; ids are almost always safe already, and quote() is slow."""
    return value if _SAFE.fullmatch(value) else quote(value, safe="")


def query(**params: QueryValue) -> Optional[dict[str, str]]:
    """Query parameters in wire form; absent ones dropped, maps as k1=v1,k2=v2 with sorted keys."""
    out = {name: _wire(value) for name, value in params.items() if value is not None}
    return out or None


def _wire(value: QueryValue) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Mapping):
        return ",".join(f"{k}={value[k]}" for k in sorted(value))
    return str(value)
