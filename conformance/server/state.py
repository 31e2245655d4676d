"""Everything the server holds: settings, the simulator and the conformance bookkeeping."""

from __future__ import annotations

import collections
import itertools
import time
from typing import Any

from conformance.server.faults import Faults
from conformance.server.idempotency import IdempotencyStore
from conformance.server.journal import Journal
from conformance.server.settings import Settings
from conformance.server.simulator import Simulator


class Connections:
    """Counts connections since reset, numbers each one and remembers when the last ones closed.

    `closed` maps the ids of the last MAX_CLOSED connections that closed to the monotonic time
    (`time.monotonic()` seconds) of their close; the journal renders it as `connection_closed_ms`.
    """

    MAX_CLOSED = 8192

    def __init__(self) -> None:
        self.opened = 0
        self.open = 0
        self.max_open = 0
        self.ids: dict[int, int] = {}
        self.closed: collections.OrderedDict[int, float] = collections.OrderedDict()
        self._next = itertools.count(1)

    def made(self, handler: Any) -> None:
        """A client connected."""
        self.ids[id(handler)] = next(self._next)
        self.opened += 1
        self.open += 1
        self.max_open = max(self.max_open, self.open)

    def lost(self, handler: Any) -> None:
        """A connection closed: no longer counted as open, and its close time is kept (bounded)."""
        number = self.ids.pop(id(handler), None)
        if number is not None:
            self.open -= 1
            self.closed[number] = time.monotonic()
            while len(self.closed) > self.MAX_CLOSED:
                self.closed.popitem(last=False)

    def id_of(self, handler: Any) -> int | None:
        """The number of the connection a request came on."""
        return self.ids.get(id(handler))

    def closed_at(self, number: int | None) -> float | None:
        """The monotonic time the connection `number` closed, or None while it is open (or forgotten)."""
        return None if number is None else self.closed.get(number)

    def reset(self) -> None:
        """Restarts the counts; connections still open stay counted as open."""
        self.opened = 0
        self.max_open = self.open


class AuthThrottle:
    """Failed authentications per client address in a sliding window; past the limit, 429 until it clears.

    Bounded: at most MAX_PEERS addresses are tracked (the stalest dropped first).
    """

    MAX_PEERS = 4096

    def __init__(self, limit: int, window_s: float) -> None:
        self.limit = limit
        self.window_s = window_s
        self.failures: collections.OrderedDict[str, collections.deque[float]] = collections.OrderedDict()

    def retry_after(self, peer: str) -> float | None:
        """Seconds until `peer` may try again, or None when it is not throttled."""
        times = self.failures.get(peer)
        if times is None:
            return None
        now = time.monotonic()
        while times and times[0] <= now - self.window_s:
            times.popleft()
        if not times:
            del self.failures[peer]
            return None
        if len(times) < self.limit:
            return None
        return times[0] + self.window_s - now

    def failed(self, peer: str) -> None:
        """Records one failed authentication of `peer`."""
        times = self.failures.get(peer)
        if times is None:
            times = self.failures[peer] = collections.deque(maxlen=self.limit)
            while len(self.failures) > self.MAX_PEERS:
                self.failures.popitem(last=False)
        else:
            self.failures.move_to_end(peer)
        times.append(time.monotonic())


class ServerState:
    """The launch settings (reset goes back to them), the live settings and all state."""

    def __init__(self, launch: Settings) -> None:
        self.launch = launch
        self.settings = launch
        self.sim = Simulator(launch)
        self.idempotency = _store(launch)
        self.faults = Faults()
        self.journal = Journal(launch.journal_size)
        self.throttle = _throttle(launch)
        self.connections = Connections()
        self.streams: dict[str, int] = {}
        self.gate: Any = None  # the listening socket's limits.Gate, once serving
        self.listen_host = "127.0.0.1"  # the control API answers only requests addressed to it (or loopback)

    def reset(self, overrides: dict[str, Any]) -> None:
        """Drops VMs, migrations, snapshots, events, keys, faults and the journal; applies settings."""
        self.settings = self.launch.with_overrides(overrides)
        self.sim.reset(self.settings)
        self.idempotency = _store(self.settings)
        self.faults = Faults()
        self.journal = Journal(self.settings.journal_size)
        self.throttle = _throttle(self.settings)
        self.connections.reset()
        # Streams of earlier cases may still be winding down; they must not count against the next.
        # (Their handlers decrement the dict they incremented, which this replaces.)
        self.streams = {}


def _store(settings: Settings) -> IdempotencyStore:
    return IdempotencyStore(settings.idempotency_ttl_ms / 1000.0, settings.idempotency_max_keys)


def _throttle(settings: Settings) -> AuthThrottle:
    return AuthThrottle(settings.auth_failure_limit, settings.auth_failure_window_ms / 1000.0)
