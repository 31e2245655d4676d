"""Everything the server holds: settings, the simulator and the conformance bookkeeping."""

from __future__ import annotations

import itertools
from typing import Any

from conformance.server.faults import Faults
from conformance.server.idempotency import IdempotencyStore
from conformance.server.journal import Journal
from conformance.server.settings import Settings
from conformance.server.simulator import Simulator


class Connections:
    """Counts connections since reset and numbers each one."""

    def __init__(self) -> None:
        self.opened = 0
        self.open = 0
        self.max_open = 0
        self.ids: dict[int, int] = {}
        self._next = itertools.count(1)

    def made(self, handler: Any) -> None:
        """A client connected."""
        self.ids[id(handler)] = next(self._next)
        self.opened += 1
        self.open += 1
        self.max_open = max(self.max_open, self.open)

    def lost(self, handler: Any) -> None:
        """A connection closed."""
        if self.ids.pop(id(handler), None) is not None:
            self.open -= 1

    def id_of(self, handler: Any) -> int | None:
        """The number of the connection a request came on."""
        return self.ids.get(id(handler))

    def reset(self) -> None:
        """Restarts the counts; connections still open stay counted as open."""
        self.opened = 0
        self.max_open = self.open


class ServerState:
    """The launch settings (reset goes back to them), the live settings and all state."""

    def __init__(self, launch: Settings) -> None:
        self.launch = launch
        self.settings = launch
        self.sim = Simulator(launch)
        self.idempotency = IdempotencyStore()
        self.faults = Faults()
        self.journal = Journal()
        self.connections = Connections()
        self.streams: dict[str, int] = {}

    def reset(self, overrides: dict[str, Any]) -> None:
        """Drops VMs, migrations, snapshots, events, keys, faults and the journal; applies settings."""
        self.settings = self.launch.with_overrides(overrides)
        self.sim.reset(self.settings)
        self.idempotency = IdempotencyStore()
        self.faults = Faults()
        self.journal = Journal()
        self.connections.reset()
        # Streams of earlier cases may still be winding down; they must not count against the next.
        # (Their handlers decrement the dict they incremented, which this replaces.)
        self.streams = {}
