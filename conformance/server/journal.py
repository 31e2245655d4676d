"""The journal of every attempt, for assertions by the conformance suite: a bounded ring."""

from __future__ import annotations

import collections
import time
from typing import Any

DEFAULT_SIZE = 10_000


class Journal:
    """The last `size` entries in arrival order; `time_ms` is real monotonic ms since the last reset.

    `seq` keeps counting past the ring's size, so a reader sees that older entries were dropped.
    """

    def __init__(self, size: int = DEFAULT_SIZE) -> None:
        self.entries: collections.deque[dict[str, Any]] = collections.deque(maxlen=size)
        self.origin = time.monotonic()
        self.seq = 0

    def open(self, **fields: Any) -> dict[str, Any]:
        """Starts an entry; the caller fills status, replayed and fault as the attempt goes on."""
        self.seq += 1
        entry = {
            "seq": self.seq,
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
        """Every retained entry, or those of one operation."""
        return [e for e in self.entries if op is None or e["op"] == op]
