"""Server settings: command-line flags, overridable per test by POST /_conformance/reset."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field, replace
from typing import Any

from conformance.server import cluster

DEFAULT_HEARTBEAT_MS = 15_000
DEFAULT_RETENTION = 1000
DEFAULT_MAX_STREAMS = 64
RESETTABLE = frozenset({"seed", "cluster", "clock_speed", "event_retention", "heartbeat_ms", "max_streams_per_key"})


@dataclass(frozen=True)
class Settings:
    """What reset() may change, plus the fixed serving options."""

    api_key: str = "test-key"
    seed: int = 0
    cluster: list[dict[str, Any]] = field(default_factory=lambda: copy.deepcopy(cluster.DEFAULT_NODES))
    clock_speed: float = 1.0
    event_retention: int = DEFAULT_RETENTION
    heartbeat_ms: int = DEFAULT_HEARTBEAT_MS
    max_streams_per_key: int = DEFAULT_MAX_STREAMS
    conformance: bool = False

    def with_overrides(self, body: dict[str, Any]) -> Settings:
        """A copy with the reset body's settings applied (ValueError when one is malformed)."""
        unknown = set(body) - RESETTABLE
        if unknown:
            raise ValueError(f"unknown setting(s) {sorted(unknown)}; known: {sorted(RESETTABLE)}")
        changes: dict[str, Any] = {}
        for key, kind, low in (
            ("seed", int, None),
            ("clock_speed", (int, float), 0.001),
            ("event_retention", int, 1),
            ("heartbeat_ms", int, 1),
            ("max_streams_per_key", int, 1),
        ):
            if key in body:
                value = body[key]
                if isinstance(value, bool) or not isinstance(value, kind) or (low is not None and value < low):
                    raise ValueError(f"{key} must be a number{f' >= {low}' if low is not None else ''}")
                changes[key] = float(value) if key == "clock_speed" else value
        if "cluster" in body:
            changes["cluster"] = cluster.validate(body["cluster"])
        return replace(self, **changes)
