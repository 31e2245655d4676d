"""SSE sources: a VM's event log (watch) and its metrics (stream_metrics); both write in batches."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

from conformance.server import metrics
from conformance.server.events import EventLog, sse_frame

Send = Callable[[bytes], Awaitable[None]]
Alive = Callable[[], bool]
PING = b": ping\n\n"
BATCH = 512  # frames per write: one syscall carries many events
CHECK_S = 0.25  # how often an idle stream checks that its client is still connected


class WatchStream:
    """Replays the retained log after `since` (with a gap event when it is too old), then follows it."""

    def __init__(
        self, log: EventLog, since: int | None, follow: bool, current: Callable[[], dict[str, Any]] | None = None
    ) -> None:
        self.log = log
        self.since = since
        self.follow = follow
        # The VM as it is now: a gap event carries it, so a client knows where things stand.
        self.current = current

    def resume(self, last_event_id: int | None) -> None:
        """Last-Event-ID resumes when the query gave no `since`."""
        if self.since is None:
            self.since = last_event_id

    async def run(
        self, send: Send, heartbeat: float, limit: int | None, stamp: Callable[[], str], alive: Alive
    ) -> bool:
        """Writes events until the end (False) or until `limit` events were sent (True: break it)."""
        log, sent = self.log, 0
        loop = asyncio.get_running_loop()
        last_write = loop.time()
        since = self.since or 0
        if self.since is not None and since < log.first_id - 1:
            await send(_gap(since, log.first_id - 1, stamp(), self.current() if self.current else None))
            sent, since = 1, log.first_id - 1
        while limit is None or sent < limit:
            frames = log.after(since, BATCH if limit is None else min(BATCH, limit - sent))
            if frames:
                await send(b"".join(frame for _, frame in frames))
                since, sent, last_write = frames[-1][0], sent + len(frames), loop.time()
                continue
            if not self.follow or log.closed:
                return False
            # Waiting in short slices notices a gone client (and frees its stream slot) quickly.
            await log.wait(since, min(heartbeat, CHECK_S))
            if log.last_id <= since and not log.closed:
                if not alive():
                    return False
                if loop.time() - last_write >= heartbeat:
                    await send(PING)
                    last_write = loop.time()
        return True


def _gap(since: int, last_lost: int, stamp: str, vm: dict[str, Any] | None) -> bytes:
    message = f"events {since + 1}..{last_lost} were lost: they are past the server's retention"
    event: dict[str, Any] = {"id": last_lost, "type": "gap", "timestamp": stamp, "message": message}
    if vm is not None:
        event["vm"] = vm
    return sse_frame(last_lost, "vm_event", event)


class MetricsStream:
    """One sample per `interval` model ms; the SSE id is the sample number."""

    def __init__(self, sim: Any, vm: Any, interval: int) -> None:
        self.sim = sim
        self.vm = vm
        self.interval = interval
        self.after = 0

    def resume(self, last_event_id: int | None) -> None:
        """Continues after the last sample the client saw."""
        self.after = last_event_id or 0

    async def run(
        self, send: Send, heartbeat: float, limit: int | None, stamp: Callable[[], str], alive: Alive
    ) -> bool:
        """Writes samples until the VM is destroyed or the client left (False), or `limit` were sent (True)."""
        number, sent, clock = self.after, 0, self.sim.clock
        origin = clock.now()
        while limit is None or sent < limit:
            if self.vm.log.closed or not alive():
                return False
            # Sample k of this stream belongs to model time origin + k * interval: timestamps are
            # exact at any clock speed, and pacing does not drift.
            due = origin + sent * self.interval
            number += 1
            self.vm.settle()
            sample = metrics.stream_sample(self.sim.settings.seed, self.vm, number, clock.stamp(due), self.interval)
            await send(sse_frame(number, "metrics", sample))
            sent += 1
            await _sleep_with_pings(send, clock.real_delay(due + self.interval - clock.now()), heartbeat)
        return True


async def _sleep_with_pings(send: Send, seconds: float, heartbeat: float) -> None:
    while seconds > heartbeat:
        await asyncio.sleep(heartbeat)
        await send(PING)
        seconds -= heartbeat
    await asyncio.sleep(seconds)
