# Code generated from templates/python/runtime/waiter.py by generator/; DO NOT EDIT.
"""Polls a long-running operation until it is done or the caller's deadline passes."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Callable, TypeVar

from .durations import Duration, seconds

T = TypeVar("T")

POLL_INTERVAL = 1.0  # seconds before the second poll
POLL_FACTOR = 1.5
POLL_CAP = 20.0


async def wait(
    poll: Callable[[], Awaitable[T]],
    done: Callable[[T], bool],
    deadline: Duration,
    timed_out: Callable[[], Exception],
    interval: Duration = POLL_INTERVAL,
) -> T:
    """Polls at 1 s x1.5 (capped at 20 s) until `done`; at the deadline raises timed_out(), never cancelling."""
    loop = asyncio.get_running_loop()
    end = loop.time() + seconds(deadline)
    delay = seconds(interval)
    while True:
        remaining = end - loop.time()
        if remaining <= 0:
            raise timed_out()
        try:
            status = await asyncio.wait_for(poll(), remaining)
        except asyncio.TimeoutError:
            raise timed_out() from None
        if done(status):
            return status
        await asyncio.sleep(max(0.0, min(delay, end - loop.time())))
        delay = min(delay * POLL_FACTOR, POLL_CAP)
