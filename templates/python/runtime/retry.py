"""When to retry and how long to wait: full-jitter backoff, Retry-After and Retry-After-Ms."""

from __future__ import annotations

import math
import random
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Callable, Optional

from .errors import AFTER_RETRY_AFTER, RETRY, WITH_IDEMPOTENCY_KEY, DWCPError

MAX_BACKOFF = 20.0  # seconds, cap of one backoff delay
MAX_RETRY_AFTER = 120.0  # seconds; a longer Retry-After means the server wants no retry now


@dataclass(frozen=True)
class RetryPolicy:
    """Retries after the first attempt, the backoff base and the jitter source (a test hook)."""

    attempts: int
    backoff: float
    jitter: Callable[[], float] = field(default=random.random)
    max_backoff: float = MAX_BACKOFF

    def backoff_delay(self, retry: int) -> float:
        """Full jitter: a delay in [0, min(cap, base * 2^(retry-1))] before retry number `retry`."""
        return self.jitter() * min(self.max_backoff, self.backoff * 2.0 ** (retry - 1))

    def delay(self, error: DWCPError, attempt: int, keyed: bool) -> Optional[float]:
        """Seconds to wait before the next attempt, or None when `error` must be raised."""
        if attempt > self.attempts or not retryable(error, keyed):
            return None
        if error.retry_after is not None:
            if error.retry_after > MAX_RETRY_AFTER:
                return None
            if error.retry_after > 0:
                return error.retry_after
        return self.backoff_delay(attempt)


def retryable(error: DWCPError, keyed: bool) -> bool:
    """The catalogue's retry class decides; a 500 is safe to repeat only under an idempotency key."""
    if error.retry in (RETRY, AFTER_RETRY_AFTER):
        return True
    return error.retry == WITH_IDEMPOTENCY_KEY and keyed


def retry_after(headers: Mapping[str, str], now: Optional[float] = None) -> Optional[float]:
    """Seconds the server asks to wait: Retry-After-Ms first, then Retry-After (seconds or HTTP date)."""
    millis = _number(headers.get("Retry-After-Ms"))
    if millis is not None:
        return millis / 1000
    raw = headers.get("Retry-After")
    if raw is None:
        return None
    seconds = _number(raw)
    return seconds if seconds is not None else _date_delay(raw, time.time() if now is None else now)


def _number(raw: Optional[str]) -> Optional[float]:
    if raw is None:
        return None
    try:
        value = float(raw.strip())
    except ValueError:
        return None
    return value if math.isfinite(value) and value >= 0 else None


def _date_delay(raw: str, now: float) -> Optional[float]:
    try:
        when = parsedate_to_datetime(raw)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when is None or when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - now)


class RetryQuota:
    """The client's retry budget (AWS standard retry mode): a token bucket shared by every call and stream.

    A retry takes `retry_cost` tokens (`timeout_retry_cost` after a timeout); too few left means no retry.
    A success gives back its last retry's cost, or `success_refund` when it needed none, up to `capacity`.
    Capacity 0 turns it off. One event loop owns it, and take/give never await, so it is concurrency-safe.
    """

    __slots__ = ("capacity", "retry_cost", "success_refund", "timeout_retry_cost", "tokens")

    def __init__(self, capacity: int, retry_cost: int, timeout_retry_cost: int, success_refund: int) -> None:
        self.capacity = capacity
        self.retry_cost = retry_cost
        self.timeout_retry_cost = timeout_retry_cost
        self.success_refund = success_refund
        self.tokens = capacity

    @classmethod
    def from_settings(cls, block: object) -> Optional[RetryQuota]:
        """The quota of a config's retry_budget block, or None when there is none or its capacity is 0."""
        if block is None or getattr(block, "capacity", 0) <= 0:
            return None
        return cls(
            int(getattr(block, "capacity")),  # noqa: B009
            int(getattr(block, "retry_cost", 5)),
            int(getattr(block, "timeout_retry_cost", 10)),
            int(getattr(block, "success_refund", 1)),
        )

    def take(self, timed_out: bool) -> Optional[int]:
        """Takes the cost of one retry and returns it, or None (and takes nothing) when too few tokens are left."""
        cost = self.timeout_retry_cost if timed_out else self.retry_cost
        if self.tokens < cost:
            return None
        self.tokens -= cost
        return cost

    def give(self, retry_cost: Optional[int]) -> None:
        """A success: back comes the cost of the retry that led to it, or success_refund when it needed none."""
        refund = self.success_refund if retry_cost is None else retry_cost
        self.tokens = min(self.capacity, self.tokens + refund)
