"""Reads one SSE stream as fast as possible and prints "<events> <seconds>" (the bench's client)."""

from __future__ import annotations

import asyncio
import sys
import time

import aiohttp


async def read(url: str, key: str) -> tuple[int, float]:
    """Counts complete events (frames ending in a blank line that carry an id) until the stream ends."""
    async with aiohttp.ClientSession() as session:
        start = time.perf_counter()
        async with session.get(url, headers={"Authorization": f"Bearer {key}"}) as resp:
            resp.raise_for_status()
            events, tail = 0, b"\n"  # a leading newline counts the very first "id: " too
            async for chunk in resp.content.iter_any():
                data = tail + chunk
                events += data.count(b"\nid: ")
                tail = data[-4:]  # shorter than the pattern, so no match is counted twice
        return events, time.perf_counter() - start


def main() -> None:
    """Entry point: sse_reader URL API_KEY."""
    events, seconds = asyncio.run(read(sys.argv[1], sys.argv[2]))
    print(events, seconds)


if __name__ == "__main__":
    main()
