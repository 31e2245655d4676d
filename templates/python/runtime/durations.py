"""Durations as users write them (seconds, timedelta, "500ms", "1s", "5m", "1h") to wire milliseconds."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Union

Duration = Union[int, float, str, timedelta]

_UNITS = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0}
_PATTERN = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)\s*$")


def seconds(value: Duration) -> float:
    """The duration in seconds; numbers are seconds already."""
    if isinstance(value, timedelta):
        return value.total_seconds()
    if isinstance(value, str):
        match = _PATTERN.match(value)
        if match is None:
            raise ValueError(f"invalid duration {value!r}; use a number of seconds or e.g. '500ms', '1s', '5m'")
        return float(match.group(1)) * _UNITS[match.group(2)]
    if isinstance(value, bool) or value < 0:
        raise ValueError(f"invalid duration {value!r}")
    return float(value)


def millis(value: Duration) -> int:
    """The duration in whole milliseconds, as it travels on the wire."""
    return round(seconds(value) * 1000)
