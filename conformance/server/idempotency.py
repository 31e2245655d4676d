"""Idempotency-Key records: first outcome kept per (API key, key) for a TTL; replay, conflict, in-flight.

The store is bounded: expired records go on a sweep (at most once a second, from begin()), and past
`max_keys` the records expiring soonest are evicted first, so memory stays flat under any load.
"""

from __future__ import annotations

import heapq
import time
from dataclasses import dataclass

from dwcp_server_http import ApiError

TTL_S = 24 * 3600.0
MAX_KEYS = 10_000
MAX_KEY = 255
SWEEP_EVERY_S = 1.0


@dataclass
class Record:
    """What a key saw first: the request's fingerprint and, once done, the response to replay."""

    fingerprint: str
    expires: float
    status: int = 0
    body: bytes = b""
    done: bool = False


class IdempotencyStore:
    """Records by (API key, Idempotency-Key), at most `max_keys` of them, each kept `ttl_s`."""

    def __init__(self, ttl_s: float = TTL_S, max_keys: int = MAX_KEYS) -> None:
        self.ttl_s = ttl_s
        self.max_keys = max_keys
        self.records: dict[tuple[str, str], Record] = {}
        # (expires, owner, key) in expiry order; stale entries (a key re-begun later) are skipped.
        self._expiry: list[tuple[float, str, str]] = []
        self._next_sweep = 0.0

    def begin(self, owner: str, key: str, fingerprint: str) -> Record | None:
        """The finished record to replay, or None after reserving the key for this request."""
        if len(key) > MAX_KEY:
            raise ApiError(
                "invalid_argument",
                f"Idempotency-Key must be at most {MAX_KEY} characters",
                {"field": "Idempotency-Key"},
            )
        now = time.monotonic()
        if now >= self._next_sweep:
            self.sweep(now)
        record = self.records.get((owner, key))
        if record is not None and record.expires < now:
            record = None
        if record is None:
            self._evict_for_one()
            expires = now + self.ttl_s
            self.records[(owner, key)] = Record(fingerprint, expires)
            heapq.heappush(self._expiry, (expires, owner, key))
            return None
        if record.fingerprint != fingerprint:
            raise ApiError(
                "idempotency_key_reused", f"Idempotency-Key {key} was used with another request", {"key": key}
            )
        if not record.done:
            raise ApiError("idempotency_key_in_use", f"a request with Idempotency-Key {key} is still running")
        return record

    def commit(self, owner: str, key: str, status: int, body: bytes) -> None:
        """Stores the outcome that later attempts replay."""
        record = self.records.get((owner, key))
        if record is not None:
            record.status, record.body, record.done = status, body, True

    def release(self, owner: str, key: str) -> None:
        """Forgets a reservation whose request did not commit (a later attempt runs it afresh)."""
        record = self.records.get((owner, key))
        if record is not None and not record.done:
            del self.records[(owner, key)]

    def sweep(self, now: float | None = None) -> int:
        """Drops every expired record; returns how many."""
        now = time.monotonic() if now is None else now
        self._next_sweep = now + SWEEP_EVERY_S
        dropped = 0
        while self._expiry and self._expiry[0][0] < now:
            dropped += self._pop_oldest()
        if len(self._expiry) > 2 * len(self.records) + 1024:
            # Released and re-begun keys leave stale heap entries: rebuild from the live records.
            self._expiry = [(r.expires, o, k) for (o, k), r in self.records.items()]
            heapq.heapify(self._expiry)
        return dropped

    def _evict_for_one(self) -> None:
        while len(self.records) >= self.max_keys and self._expiry:
            self._pop_oldest()

    def _pop_oldest(self) -> int:
        expires, owner, key = heapq.heappop(self._expiry)
        record = self.records.get((owner, key))
        if record is not None and record.expires == expires:
            del self.records[(owner, key)]
            return 1
        return 0

    def __len__(self) -> int:
        return len(self.records)
