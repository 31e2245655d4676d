"""A running migration: its plan, its status at any clock time, and its end (complete, fail, cancel)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

from conformance.server import migration as model
from conformance.server.cluster import Node
from conformance.server.vms import VM

TERMINAL = ("completed", "failed", "cancelled")


@dataclass
class Migration:
    """One migration of one VM from `source` to `target`."""

    id: str
    vm: VM
    source: Node
    target: Node
    plan: model.Plan
    start: float
    started_at: str
    resume_state: str  # the VM's state before the migration, restored on failure or cancel
    final_state: str  # the VM's state on the target once completed
    state: str = "pending"
    frozen: dict[str, Any] | None = None
    completed_at: str | None = None
    error: str | None = None
    timer: asyncio.TimerHandle | None = None

    def status(self, now: float) -> dict[str, Any]:
        """The MigrationStatus at model time `now`."""
        self.settle(now)
        progress = self.frozen if self.frozen is not None else model.at(self.plan, now - self.start)
        state = self.state
        if state == "pending" and now > self.start:
            state = "running"
        body = {
            "id": self.id,
            "vm_id": self.vm.id,
            "source_node": self.source.name,
            "target_node": self.target.name,
            "state": state,
            **progress,
            "bytes_total": self.plan.bytes_total,
            "started_at": self.started_at,
        }
        if self.completed_at:
            body["completed_at"] = self.completed_at
        if self.error:
            body["error"] = self.error
        return body

    def arm(self) -> None:
        """Wakes the VM when the plan ends, so the outcome (and its events) happen on time."""
        delay = self.vm.clock.real_delay(self.start + self.plan.end - self.vm.clock.now())
        self.timer = asyncio.get_running_loop().call_later(delay, self.vm.settle)

    def settle(self, now: float) -> None:
        """Ends the migration once its plan is over."""
        if self.state in TERMINAL or now < self.start + self.plan.end:
            return
        at = self.start + self.plan.end
        if self.plan.failed:
            self._stop("failed", at, self.plan.failed, "migration_failed")
        else:
            self._complete(at)

    def cancel(self, now: float) -> None:
        """Stops the migration where it is; the VM stays on its source node."""
        self.settle(now)
        if self.state not in TERMINAL:
            self._stop("cancelled", now, "cancelled by request", "migration_failed")

    def _complete(self, at: float) -> None:
        vm = self.vm
        config = vm.config
        self.source.reserve(config["cpus"], config["memory"], config["disk"], sign=-1)
        vm.node = self.target.name
        self.frozen = model.at(self.plan, self.plan.end)
        self._end("completed", at)
        vm.set_state(self.final_state, f"migrated to {self.target.name}", at)
        vm.emit("migration_completed", f"migration {self.id} completed in {self.plan.end:.0f} ms", vm.clock.stamp(at))

    def _stop(self, state: str, at: float, reason: str, event: str) -> None:
        vm = self.vm
        config = vm.config
        self.target.reserve(config["cpus"], config["memory"], config["disk"], sign=-1)
        self.frozen = model.at(self.plan, min(at - self.start, self.plan.end))
        self.frozen["downtime"] = 0
        self.error = reason
        self._end(state, at)
        vm.set_state(self.resume_state, f"migration {state}; back on {self.source.name}", at)
        vm.emit(event, f"migration {self.id} {state}: {reason}", vm.clock.stamp(at))

    def _end(self, state: str, at: float) -> None:
        self.state = state
        self.completed_at = self.vm.clock.stamp(at)
        self.vm.migration = None
        if self.timer is not None:
            self.timer.cancel()
        if self._settle_hook in self.vm.settle_hooks:
            self.vm.settle_hooks.remove(self._settle_hook)

    def _settle_hook(self, now: float) -> None:
        self.settle(now)

    def attach(self) -> None:
        """Lets the VM's settle() end this migration when due."""
        self.vm.settle_hooks.append(self._settle_hook)
        self.arm()
