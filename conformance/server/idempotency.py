"""Idempotency-Key records: first outcome kept 24 h per (API key, key); replay, conflict and in-flight."""

from __future__ import annotations

import time
from dataclasses import dataclass

from dwcp_server_http import ApiError

TTL_S = 24 * 3600.0
MAX_KEY = 255


@dataclass
class Record:
    """What a key saw first: the request's fingerprint and, once done, the response to replay."""

    fingerprint: str
    expires: float
    status: int = 0
    body: bytes = b""
    done: bool = False


class IdempotencyStore:
    """Records by (API key, Idempotency-Key)."""

    def __init__(self) -> None:
        self.records: dict[tuple[str, str], Record] = {}

    def begin(self, owner: str, key: str, fingerprint: str) -> Record | None:
        """The finished record to replay, or None after reserving the key for this request."""
        if not key or len(key) > MAX_KEY:
            raise ApiError("invalid_argument", f"Idempotency-Key must be 1-{MAX_KEY} characters")
        now = time.monotonic()
        record = self.records.get((owner, key))
        if record is not None and record.expires < now:
            record = None
        if record is None:
            self.records[(owner, key)] = Record(fingerprint, now + TTL_S)
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
