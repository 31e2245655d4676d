"""The journal of every attempt, for assertions by the conformance suite."""

from __future__ import annotations

import time
from typing import Any


class Journal:
    """Entries in arrival order; `time_ms` is real monotonic ms since the last reset."""

    def __init__(self) -> None:
        self.entries: list[dict[str, Any]] = []
        self.origin = time.monotonic()

    def open(self, **fields: Any) -> dict[str, Any]:
        """Starts an entry; the caller fills status, replayed and fault as the attempt goes on."""
        entry = {
            "seq": len(self.entries) + 1,
            "time_ms": round((time.monotonic() - self.origin) * 1000.0, 3),
            **fields,
            "body_sha256": None,
            "status": None,
            "replayed": False,
            "fault": None,
        }
        self.entries.append(entry)
        return entry

    def select(self, op: str | None) -> list[dict[str, Any]]:
        """Every entry, or those of one operation."""
        return [e for e in self.entries if op is None or e["op"] == op]
