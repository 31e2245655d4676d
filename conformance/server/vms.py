"""A VM record and its state machine; timed transitions apply at their model time, lazily or by timer."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import orjson

from conformance.server.clock import Clock
from conformance.server.events import EventLog

# Model milliseconds each transition takes (docs/server.md).
CREATE_MS = 500.0
START_MS = 1000.0
STOP_MS = 800.0
FORCE_STOP_MS = 100.0
RESTORE_MS = 1000.0


def diverted_message(planned: str, state: str) -> str:
    """The event text of a transition that a `vm_state` fault diverted."""
    return f"ended {state} instead of {planned} (scripted fault)"


@dataclass
class Pending:
    """A transition due at model time `due`; `then` runs after it applied (may chain another)."""

    due: float
    state: str
    message: str
    then: Callable[[VM, float], None] | None = None


@dataclass
class VM:
    """One VM: configuration, placement, state, timestamps and its event log."""

    id: str
    config: dict[str, Any]
    node: str
    state: str
    created_at: str
    updated_at: str
    log: EventLog
    clock: Clock
    load: float
    disk_used: int
    started_at: str | None = None
    stopped_at: str | None = None
    pending: Pending | None = None
    start_queued: bool = False
    migration: Any = None
    timer: asyncio.TimerHandle | None = None
    settle_hooks: list[Callable[[float], None]] = field(default_factory=list)
    reserved: bool = True  # holds capacity on its node (synthetic VMs do not)
    divert: str | None = None  # a `vm_state` fault: the next start or stop ends in this state
    _json: bytes | None = None

    def wire(self) -> dict[str, Any]:
        """The VM in wire form."""
        body: dict[str, Any] = {
            "id": self.id,
            "name": self.config["name"],
            "state": self.state,
            "config": self.config,
            "node": self.node,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
            "labels": self.config.get("labels") or {},
        }
        if self.started_at:
            body["started_at"] = self.started_at
        if self.stopped_at:
            body["stopped_at"] = self.stopped_at
        return body

    def json(self) -> bytes:
        """The wire form serialised, cached until the VM changes."""
        if self._json is None:
            self._json = orjson.dumps(self.wire())
        return self._json

    def settle(self, now: float | None = None) -> None:
        """Applies every transition (and migration step) due by `now`, in time order."""
        now = self.clock.now() if now is None else now
        for hook in list(self.settle_hooks):
            hook(now)
        while self.pending is not None and self.pending.due <= now:
            step, self.pending = self.pending, None
            self.set_state(step.state, step.message, step.due)
            if step.then is not None:
                step.then(self, step.due)
        self._arm()

    def set_state(self, state: str, message: str, at: float | None = None, event: str = "state_changed") -> None:
        """Moves to `state` now (or at model time `at`) and logs the event."""
        stamp = self.clock.stamp(at)
        if state == "running" and self.state != "running":
            self.started_at = stamp
        elif state == "stopped" and self.state == "stopping":  # provisioning is not a stop
            self.stopped_at = stamp
        self.state = state
        self.updated_at = stamp
        self.touch()
        self.emit(event, message, stamp)

    def schedule(
        self,
        delay: float,
        state: str,
        message: str,
        then: Callable[[VM, float], None] | None = None,
        start: float | None = None,
    ) -> None:
        """Plans a transition `delay` model ms after `start` (now by default)."""
        base = self.clock.now() if start is None else start
        if self.divert is not None and self.state in ("starting", "stopping"):
            planned, state, then, self.divert = state, self.divert, None, None
            message = diverted_message(planned, state)
        self.pending = Pending(base + delay, state, message, then)
        self._arm()

    def emit(self, kind: str, message: str, stamp: str | None = None) -> None:
        """Appends an event carrying the VM as it is now."""
        self.log.append({"type": kind, "vm": self.wire(), "timestamp": stamp or self.clock.stamp(), "message": message})

    def touch(self) -> None:
        """Drops the cached JSON after a change."""
        self._json = None

    def cancel_timer(self) -> None:
        """Stops the wake-up timer (reset or destroy)."""
        if self.timer is not None:
            self.timer.cancel()
            self.timer = None

    def _arm(self) -> None:
        self.cancel_timer()
        if self.pending is not None:
            delay = self.clock.real_delay(self.pending.due - self.clock.now())
            self.timer = asyncio.get_running_loop().call_later(delay, self.settle)
