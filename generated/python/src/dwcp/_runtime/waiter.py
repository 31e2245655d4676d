# Code generated from templates/python/runtime/waiter.py by generator/; DO NOT EDIT.
"""Spec-declared waiters: poll one operation until an acceptor matches (docs/resilience.md)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from dataclasses import dataclass
from enum import Enum
from typing import Any, Callable, Optional, TypeVar

from .durations import Duration, seconds
from .errors import CLIENT_TIMEOUT, Catalogue, DWCPError

T = TypeVar("T")
WAIT_TIMEOUT = "wait_timeout"
SUCCESS = "success"


@dataclass(frozen=True)
class Acceptor:
    """One rule: the output's `field` (Python attribute) is one of `values`, or the poll failed with `error`."""

    result: str
    field: Optional[str] = None
    values: tuple[Any, ...] = ()
    error: Optional[str] = None


@dataclass(frozen=True)
class Waiter:
    """A waiter of the spec: its acceptors, delays and maximum wait (seconds), and the error a failure raises."""

    id: str
    acceptors: tuple[Acceptor, ...]
    min_delay: float
    max_delay: float
    max_wait: float
    error: str
    error_field: Optional[str] = None
    """The output field whose text a failure's error carries."""

    def delay(self, poll: int, jitter: float, min_delay: float, max_delay: float) -> float:
        """Seconds before poll `poll + 1`: min + jitter x (cap - min), cap = min(max, min x 2^(poll-1))."""
        cap = min(max_delay, min_delay * 2.0 ** (poll - 1))
        return min_delay + jitter * max(0.0, cap - min_delay)


def _value(output: Any, field: str) -> Any:
    value = getattr(output, field, None)
    return value.value if isinstance(value, Enum) else value


async def wait(
    poll: Callable[[], Awaitable[T]],
    waiter: Waiter,
    catalogue: Catalogue,
    jitter: Callable[[], float],
    max_wait: Optional[Duration] = None,
    min_delay: Optional[Duration] = None,
    max_delay: Optional[Duration] = None,
    ids: Optional[dict[str, Any]] = None,
) -> Optional[T]:
    """Polls until an acceptor matches: the output (None for an error rule's success), or the waiter's
    error (failure), or TimeoutError `wait_timeout` at the maximum wait (a poll in flight is abandoned)."""
    loop = asyncio.get_running_loop()
    limit = waiter.max_wait if max_wait is None else seconds(max_wait)
    low = waiter.min_delay if min_delay is None else seconds(min_delay)
    high = max(low, waiter.max_delay if max_delay is None else seconds(max_delay))
    end = loop.time() + limit
    polls = 0
    while True:
        remaining = end - loop.time()
        if remaining <= 0:
            raise _timed_out(catalogue, waiter, limit, ids)
        polls += 1
        try:
            output = await asyncio.wait_for(poll(), remaining)
        except DWCPError as error:
            rule = next((a for a in waiter.acceptors if a.error is not None and a.error == error.code), None)
            if rule is None:
                raise
            if rule.result == SUCCESS:
                return None
            raise _failed(catalogue, waiter, None, "error", error.code, ids) from error
        except asyncio.TimeoutError:
            raise _timed_out(catalogue, waiter, limit, ids) from None
        for rule in waiter.acceptors:
            if rule.field is None:
                continue
            value = _value(output, rule.field)
            if value in rule.values:
                if rule.result == SUCCESS:
                    return output
                raise _failed(catalogue, waiter, output, rule.field, value, ids)
        delay = waiter.delay(polls, jitter(), low, high)
        await asyncio.sleep(max(0.0, min(delay, end - loop.time())))


def _failed(
    catalogue: Catalogue, waiter: Waiter, output: Any, field: str, state: Any, ids: Optional[dict[str, Any]]
) -> DWCPError:
    """The waiter's error, naming the state reached (details["state"]), or the text of error_field."""
    text = getattr(output, waiter.error_field, None) if waiter.error_field and output is not None else None
    message = str(text) if text else f"{waiter.id.rpartition('.')[2]}: {field} is {state}"
    # A client-side verdict: no HTTP status, whatever status the catalogue gives the error's code.
    return catalogue.make(waiter.error, message, status=None, details={**(ids or {}), "state": state})


def _timed_out(
    catalogue: Catalogue, waiter: Waiter, limit: float, ids: Optional[dict[str, Any]]
) -> DWCPError:
    message = f"{waiter.id}: not done within {limit:g} s (nothing was changed on the server)"
    try:
        return catalogue.make(WAIT_TIMEOUT, message, details=dict(ids or {}))
    except KeyError:  # a spec without wait_timeout
        return catalogue.make(CLIENT_TIMEOUT, message, details=dict(ids or {}))
