"""Server settings: command-line flags, overridable per test by POST /_conformance/reset."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field, replace
from typing import Any

from conformance.server import cluster

DEFAULT_HEARTBEAT_MS = 15_000
DEFAULT_RETENTION = 1000
DEFAULT_MAX_STREAMS = 64
DEFAULT_JOURNAL_SIZE = 10_000
DEFAULT_IDEMPOTENCY_TTL_MS = 24 * 3600 * 1000
DEFAULT_IDEMPOTENCY_MAX_KEYS = 10_000
DEFAULT_AUTH_FAILURE_LIMIT = 20
DEFAULT_AUTH_FAILURE_WINDOW_MS = 10_000
RESETTABLE = frozenset(
    {"seed", "cluster", "clock_speed", "event_retention", "heartbeat_ms", "max_streams_per_key"}
    | {"journal_size", "idempotency_ttl_ms", "idempotency_max_keys", "auth_failure_limit", "auth_failure_window_ms"}
)


@dataclass(frozen=True)
class Limits:
    """Fixed serving limits (command-line flags; docs/server.md gives the capacity they allow)."""

    max_connections: int = 4096
    backlog: int = 1024
    header_timeout_s: float = 10.0
    body_timeout_s: float = 10.0
    keepalive_s: float = 75.0
    control_origins: tuple[str, ...] = ()


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
    journal_size: int = DEFAULT_JOURNAL_SIZE
    idempotency_ttl_ms: int = DEFAULT_IDEMPOTENCY_TTL_MS
    idempotency_max_keys: int = DEFAULT_IDEMPOTENCY_MAX_KEYS
    auth_failure_limit: int = DEFAULT_AUTH_FAILURE_LIMIT
    auth_failure_window_ms: int = DEFAULT_AUTH_FAILURE_WINDOW_MS
    conformance: bool = False
    limits: Limits = field(default_factory=Limits)

    def __repr__(self) -> str:
        # The API key never reaches a log line or a traceback through this object.
        return f"Settings(seed={self.seed}, clock_speed={self.clock_speed}, conformance={self.conformance})"

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
            ("journal_size", int, 1),
            ("idempotency_ttl_ms", int, 1),
            ("idempotency_max_keys", int, 1),
            ("auth_failure_limit", int, 1),
            ("auth_failure_window_ms", int, 1),
        ):
            if key in body:
                value = body[key]
                if isinstance(value, bool) or not isinstance(value, kind) or (low is not None and value < low):
                    raise ValueError(f"{key} must be a number{f' >= {low}' if low is not None else ''}")
                changes[key] = float(value) if key == "clock_speed" else value
        if "cluster" in body:
            changes["cluster"] = cluster.validate(body["cluster"])
        return replace(self, **changes)
