# Code generated from templates/python/runtime/pagination.py by generator/; DO NOT EDIT.
"""Walks every page of a paginated list for the caller."""

from __future__ import annotations

from collections.abc import Awaitable
from typing import Callable, Optional, TypeVar

T = TypeVar("T")
P = TypeVar("P")


async def all_pages(
    fetch: Callable[[Optional[str]], Awaitable[P]],
    items: Callable[[P], list[T]],
    next_token: Callable[[P], Optional[str]],
) -> list[T]:
    """Every item of every page, in order; stops on an empty or repeated token."""
    out: list[T] = []
    token: Optional[str] = None
    seen: set[str] = set()
    while True:
        page = await fetch(token)
        out.extend(items(page))
        token = next_token(page)
        if not token or token in seen:
            return out
        seen.add(token)
