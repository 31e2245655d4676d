"""The journal of every attempt, for assertions by the conformance suite: a bounded ring."""

from __future__ import annotations

import collections
import time
from collections.abc import Callable
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
            "time_ms": self.now_ms(),
            **fields,
            "body_sha256": None,
            "status": None,
            "replayed": False,
            "fault": None,
        }
        self.entries.append(entry)
        return entry

    def now_ms(self) -> float:
        """The journal's clock now: real monotonic ms since the last reset (the clock of `time_ms`)."""
        return self.ms(time.monotonic())

    def ms(self, moment: float) -> float:
        """A `time.monotonic()` moment on the journal's clock."""
        return round((moment - self.origin) * 1000.0, 3)

    def select(
        self, op: str | None, closed_at: Callable[[int | None], float | None] | None = None
    ) -> list[dict[str, Any]]:
        """Every retained entry, or those of one operation, each rendered with `connection_closed_ms`:
        when its connection closed (`closed_at(connection_id)`, a monotonic moment) on the journal's
        clock, or None while the connection is open."""
        rendered = []
        for entry in self.entries:
            if op is not None and entry["op"] != op:
                continue
            moment = closed_at(entry.get("connection_id")) if closed_at is not None else None
            rendered.append({**entry, "connection_closed_ms": None if moment is None else self.ms(moment)})
        return rendered
