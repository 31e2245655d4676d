"""Per-VM event logs with monotonic ids, a retention window, and pre-serialised SSE frames."""

from __future__ import annotations

import asyncio
from typing import Any

import orjson


def sse_frame(event_id: int, event: str, data: dict[str, Any]) -> bytes:
    """One Server-Sent Event: id, event name, JSON data, blank line."""
    return b"id: %d\nevent: %s\ndata: %s\n\n" % (event_id, event.encode(), orjson.dumps(data))


class EventLog:
    """A VM's events; only the newest `retention` are kept, each stored as its SSE frame."""

    def __init__(self, retention: int) -> None:
        self.retention = retention
        self.last_id = 0
        # A list trimmed in bulk (amortised O(1)); only its last `retention` entries are retained.
        self._frames: list[tuple[int, bytes]] = []
        self.closed = False
        self._changed = asyncio.Event()

    def append(self, data: dict[str, Any]) -> int:
        """Adds an event (its id is assigned here) and wakes the followers."""
        self.last_id += 1
        data["id"] = self.last_id
        self._frames.append((self.last_id, sse_frame(self.last_id, "vm_event", data)))
        if len(self._frames) > 2 * self.retention:
            del self._frames[: len(self._frames) - self.retention]
        self._wake()
        return self.last_id

    def close(self) -> None:
        """Marks the log finished (the VM is destroyed): followers end after the backlog."""
        self.closed = True
        self._wake()

    @property
    def first_id(self) -> int:
        """Id of the oldest retained event (last_id + 1 when empty)."""
        retained = min(len(self._frames), self.retention)
        return self.last_id - retained + 1

    def after(self, since: int, limit: int = 512) -> list[tuple[int, bytes]]:
        """Up to `limit` retained frames with id > since, oldest first."""
        if since >= self.last_id:
            return []
        first = max(since + 1, self.first_id)
        start = len(self._frames) - (self.last_id - first + 1)
        return self._frames[start : start + limit]

    async def wait(self, since: int, timeout: float) -> None:
        """Returns once an event newer than `since` exists, the log closes, or `timeout` passes."""
        if since < self.last_id or self.closed:
            return
        changed = self._changed
        try:
            await asyncio.wait_for(changed.wait(), timeout)
        except TimeoutError:
            return

    def _wake(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()
