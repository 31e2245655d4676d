"""Lazy pagination: a pager that is awaitable (every item, as a list) and async-iterable (page by page)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Generator
from typing import Any, Callable, Generic, Optional, TypeVar

T = TypeVar("T")
P = TypeVar("P")


class Pager(Generic[T], Awaitable[list[T]]):
    """`await pager` is the list of every item of every page; `async for item in pager` hands items out
    as pages arrive, and breaking out early fetches no further page. Each use starts from the first page."""

    __slots__ = ("_fetch", "_items", "_next")

    def __init__(
        self,
        fetch: Callable[[Optional[str]], Awaitable[Any]],
        items: Callable[[Any], list[T]],
        next_token: Callable[[Any], Optional[str]],
    ) -> None:
        self._fetch = fetch
        self._items = items
        self._next = next_token

    def __await__(self) -> Generator[Any, None, list[T]]:
        return self.all().__await__()

    def __aiter__(self) -> AsyncIterator[T]:
        return self._iterate()

    async def all(self) -> list[T]:
        """Every item of every page, in order."""
        out: list[T] = []
        async for page in self.pages():
            out.extend(self._items(page))
        return out

    async def pages(self) -> AsyncIterator[Any]:
        """The pages themselves, fetched one at a time; stops on an empty or repeated token."""
        token: Optional[str] = None
        seen: set[str] = set()
        while True:
            page = await self._fetch(token)
            yield page
            token = self._next(page)
            if not token or token in seen:
                return
            seen.add(token)

    async def _iterate(self) -> AsyncIterator[T]:
        async for page in self.pages():
            for item in self._items(page):
                yield item


async def all_pages(
    fetch: Callable[[Optional[str]], Awaitable[P]],
    items: Callable[[P], list[T]],
    next_token: Callable[[P], Optional[str]],
) -> list[T]:
    """Every item of every page, in order (a Pager awaited)."""
    return await Pager(fetch, items, next_token)
