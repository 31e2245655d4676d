"""Durations as users write them."""

from __future__ import annotations

from datetime import timedelta

import pytest

from dwcp._runtime.durations import millis, seconds


@pytest.mark.parametrize(
    ("value", "ms"), [(1, 1000), (0.25, 250), ("500ms", 500), ("1s", 1000), ("5m", 300000), ("1h", 3600000)]
)
def test_millis(value: object, ms: int) -> None:
    assert millis(value) == ms  # type: ignore[arg-type]


def test_timedelta() -> None:
    assert seconds(timedelta(minutes=2)) == 120


@pytest.mark.parametrize("value", ["5 minutes", "-1s", -1])
def test_invalid(value: object) -> None:
    with pytest.raises(ValueError):
        seconds(value)  # type: ignore[arg-type]
