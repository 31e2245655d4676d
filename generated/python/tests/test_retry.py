# Code generated from extras/python/tests/test_retry.py by generator/; DO NOT EDIT.
"""Backoff, Retry-After parsing and the retry decision (vectors after AWS and openai-python)."""

from __future__ import annotations

from datetime import datetime, timezone
from email.utils import format_datetime
from typing import Optional

import pytest

from dwcp import ConnectionError, InvalidOperationError, MigrationError, ResourceLimitError
from dwcp._runtime.retry import RetryPolicy, retry_after

NOW = 1_800_000_000.0


def policy(attempts: int = 3, jitter: float = 1.0) -> RetryPolicy:
    return RetryPolicy(attempts, 1.0, lambda: jitter)


def test_backoff_doubles_and_caps_at_20s() -> None:
    assert [policy(10).backoff_delay(n) for n in range(1, 8)] == [1, 2, 4, 8, 16, 20, 20]


def test_full_jitter_scales_the_delay() -> None:
    assert policy(jitter=0.5).backoff_delay(3) == 2.0
    assert policy(jitter=0.0).backoff_delay(3) == 0.0


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"Retry-After": "20"}, 20.0),
        ({"Retry-After": "0"}, 0.0),
        ({"Retry-After": "-10"}, None),
        ({"Retry-After": "inf"}, None),
        ({"Retry-After": "nan"}, None),
        ({"Retry-After": "soon"}, None),
        ({"Retry-After": format_datetime(datetime.fromtimestamp(NOW + 20, timezone.utc), usegmt=True)}, 20.0),
        ({"Retry-After": format_datetime(datetime.fromtimestamp(NOW - 20, timezone.utc), usegmt=True)}, 0.0),
        ({"Retry-After-Ms": "1500", "Retry-After": "9"}, 1.5),
        ({"Retry-After-Ms": "120001"}, 120.001),
        ({}, None),
    ],
)
def test_retry_after_vectors(headers: dict[str, str], expected: Optional[float]) -> None:
    assert retry_after(headers, now=NOW) == expected


def test_retryable_errors_retry_until_the_budget_is_spent() -> None:
    error = ConnectionError("down", retry="retry")
    assert [policy().delay(error, n, keyed=False) for n in (1, 2, 3, 4)] == [1, 2, 4, None]


def test_never_class_is_not_retried() -> None:
    assert policy().delay(InvalidOperationError("bad", retry="never"), 1, keyed=True) is None


def test_500_is_retried_only_under_an_idempotency_key() -> None:
    error = MigrationError("boom", retry="with_idempotency_key")
    assert policy().delay(error, 1, keyed=False) is None
    assert policy().delay(error, 1, keyed=True) == 1


@pytest.mark.parametrize(("after", "expected"), [(2.5, 2.5), (120.0, 120.0), (120.5, None), (0.0, 1.0)])
def test_retry_after_wins_up_to_120s(after: float, expected: Optional[float]) -> None:
    error = ResourceLimitError("slow down", retry="after_retry_after", retry_after=after)
    assert policy().delay(error, 1, keyed=False) == expected
