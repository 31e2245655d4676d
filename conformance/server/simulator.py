"""The simulated cluster behind the HTTP layer: one coroutine per operation (dwcp_server_http.backend)."""

from __future__ import annotations

import random
import time
import uuid
from typing import Any

from dwcp_server_http import ApiError

from conformance.server import VERSION, metrics
from conformance.server import migration as model
from conformance.server.clock import Clock
from conformance.server.cluster import Cluster
from conformance.server.events import EventLog
from conformance.server.migrations import Migration
from conformance.server.numbers import is_count
from conformance.server.settings import Settings
from conformance.server.streams import MetricsStream, WatchStream
from conformance.server.vms import CREATE_MS, FORCE_STOP_MS, RESTORE_MS, START_MS, STOP_MS, VM

DEFAULT_PAGE, MAX_PAGE = 100, 1000  # the spec documents the server default of 100
DEFAULT_WINDOW_MS, DEFAULT_INTERVAL_MS, MIN_INTERVAL_MS = 300_000, 1000, 10
LOAD_ANNOTATION, DIRTY_ANNOTATION = "dwcp.sim/load", "dwcp.sim/dirty-rate"


def new_id(prefix: str) -> str:
    """A fresh opaque id such as vm-3f2a9c1b7d4e."""
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


class Simulator:
    """VMs, migrations and snapshots on a cluster of nodes, driven by the server's clock."""

    def __init__(self, settings: Settings) -> None:
        self.started = time.monotonic()
        self.reset(settings)

    def reset(self, settings: Settings) -> None:
        """Drops all state and applies `settings` (seed, cluster, clock speed, retention)."""
        for vm in getattr(self, "vms", {}).values():
            _stop_timers(vm)
        self.settings = settings
        self.clock = Clock(settings.clock_speed)
        self.cluster = Cluster(settings.cluster)
        self.vms: dict[str, VM] = {}
        self.migrations: dict[str, Migration] = {}
        self.snapshots: dict[str, dict[str, Any]] = {}

    # -- lookups ---------------------------------------------------------------------------------

    def vm(self, vm_id: str) -> VM:
        """The VM, settled to now, or VMNotFoundError."""
        vm = self.vms.get(vm_id)
        if vm is None:
            raise ApiError("vm_not_found", f"no VM {vm_id}", {"vm_id": vm_id})
        vm.settle()
        return vm

    def _migration(self, migration_id: str) -> Migration:
        found = self.migrations.get(migration_id)
        if found is None:
            raise ApiError("migration_not_found", f"no migration {migration_id}", {"migration_id": migration_id})
        return found

    def _snapshot(self, snapshot_id: str) -> dict[str, Any]:
        found = self.snapshots.get(snapshot_id)
        if found is None:
            raise ApiError("snapshot_not_found", f"no snapshot {snapshot_id}", {"snapshot_id": snapshot_id})
        return found

    # -- system ----------------------------------------------------------------------------------

    async def system_health(self) -> dict[str, Any]:
        """Reports serving, the version and the uptime."""
        uptime = int((time.monotonic() - self.started) * 1000)
        return {"status": "ok", "version": VERSION, "uptime": uptime}

    async def system_create_session(self) -> dict[str, Any]:
        """Accepts the (already checked) key and opens a session."""
        return {"authenticated": True, "session_id": new_id("sess"), "server_version": VERSION}

    # -- lifecycle -------------------------------------------------------------------------------

    async def vm_create(self, config: dict[str, Any]) -> bytes:
        """Places a VM on a node that fits and starts provisioning it."""
        avoid = self._anti_affinity_nodes(config)
        node = self.cluster.place(config, avoid)
        if node is None:
            allowed = [n.name for n in self.cluster.candidates(config)]
            raise ApiError(
                "resource_exhausted",
                f"no node has room for {config['cpus']} CPUs and {config['memory']} bytes of memory",
                {"candidates": allowed},
                retry_after=1,
            )
        node.reserve(config["cpus"], config["memory"], config["disk"])
        vm_id = new_id("vm")
        stamp = self.clock.stamp()
        rng = random.Random(f"{self.settings.seed}/{vm_id}")
        vm = VM(
            id=vm_id,
            config=config,
            node=node.name,
            state="creating",
            created_at=stamp,
            updated_at=stamp,
            log=EventLog(self.settings.event_retention),
            clock=self.clock,
            load=_annotation(config, LOAD_ANNOTATION, rng.uniform(0.2, 0.8), 0.0, 1.0),
            disk_used=int(config["disk"] * rng.uniform(0.05, 0.3)),
        )
        self.vms[vm_id] = vm
        vm.emit("created", f"created on {node.name}", stamp)
        vm.schedule(CREATE_MS, "stopped", "provisioned", then=_run_queued_start)
        return vm.json()

    def _anti_affinity_nodes(self, config: dict[str, Any]) -> set[str]:
        names = (config.get("affinity") or {}).get("anti_affinity_vms") or []
        return {self.vms[n].node for n in names if n in self.vms}

    async def vm_get(self, vm_id: str) -> bytes:
        """The VM."""
        return self.vm(vm_id).json()

    async def vm_list(
        self, labels: dict[str, str] | None = None, page_size: int | None = None, page_token: str | None = None
    ) -> dict[str, Any]:
        """A page of the VMs whose labels include `labels`."""
        wanted = labels or {}
        if wanted:
            matching = [
                vm
                for vm in self.vms.values()
                if all((vm.config.get("labels") or {}).get(k) == v for k, v in wanted.items())
            ]
        else:
            matching = list(self.vms.values())
        page, token = _page(matching, page_size, page_token)
        for vm in page:  # only the page is settled: a list of 100,000 synthetic VMs stays cheap per page
            vm.settle()
        return {"vms": [vm.wire() for vm in page], "next_page_token": token}

    async def vm_start(self, vm_id: str) -> bytes:
        """Boots a stopped VM; no-op when running or starting; queued while creating."""
        vm = self.vm(vm_id)
        if vm.state in ("running", "starting"):
            return vm.json()
        if vm.state == "creating":
            vm.start_queued = True
            return vm.json()
        _require(vm, "start", "stopped")
        _begin_start(vm, self.clock.now())
        return vm.json()

    async def vm_stop(self, vm_id: str, force: bool | None = None) -> bytes:
        """Shuts a running VM down (or powers it off with force); no-op when stopped or stopping."""
        vm = self.vm(vm_id)
        if vm.state in ("stopped", "stopping"):
            return vm.json()
        if vm.state == "starting" and force:
            vm.pending = None
        else:
            _require(vm, "stop", "running")
        vm.set_state("stopping", "forced power-off" if force else "graceful shutdown")
        vm.schedule(FORCE_STOP_MS if force else STOP_MS, "stopped", "powered off")
        return vm.json()

    async def vm_destroy(self, vm_id: str) -> None:
        """Destroys the VM (cancelling its migration) and its snapshots; its event stream ends."""
        vm = self.vm(vm_id)
        if vm.migration is not None:
            vm.migration.cancel(self.clock.now())
        _stop_timers(vm)
        config = vm.config
        if vm.reserved:
            self.cluster.nodes[vm.node].reserve(config["cpus"], config["memory"], config["disk"], sign=-1)
        for snap_id in [s for s, snap in self.snapshots.items() if snap["vm_id"] == vm_id]:
            del self.snapshots[snap_id]
        del self.vms[vm_id]
        vm.state = "stopped"
        vm.emit("destroyed", "destroyed")
        vm.log.close()

    # -- migration -------------------------------------------------------------------------------

    async def vm_migrate(self, vm_id: str, target_node: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
        """Starts a live (pre-copy) or offline migration to `target_node`."""
        vm = self.vm(vm_id)
        options = options or {}
        if vm.migration is not None:
            raise ApiError(
                "migration_in_progress", f"VM {vm_id} is already migrating", {"migration_id": vm.migration.id}
            )
        _require(vm, "migrate", "running", "stopped")
        target = self._target(vm, target_node)
        source = self.cluster.nodes[vm.node]
        bandwidth = options.get("bandwidth") or min(source.link, target.link)
        live = options.get("live", True) and vm.state == "running"
        memory = vm.config["memory"]
        if live:
            dirty = _annotation(vm.config, DIRTY_ANNOTATION, memory * 0.02 * vm.load, 0.0, float(2**62))
            plan = model.plan_live(memory, dirty, bandwidth, options)
        else:
            plan = model.plan_offline(memory, bandwidth, options, was_running=vm.state == "running")
        config = vm.config
        if not vm.reserved:  # a synthetic VM holds its capacity from its first migration on
            source.reserve(config["cpus"], config["memory"], config["disk"])
            vm.reserved = True
        target.reserve(config["cpus"], config["memory"], config["disk"])
        now = self.clock.now()
        found = Migration(
            id=new_id("mig"),
            vm=vm,
            source=source,
            target=target,
            plan=plan,
            start=now,
            started_at=self.clock.stamp(now),
            resume_state=vm.state,
            final_state=vm.state,
        )
        self.migrations[found.id] = found
        vm.migration = found
        vm.set_state("migrating", f"{'live' if live else 'offline'} migration to {target.name}")
        vm.emit("migration_started", f"migration {found.id} to {target.name} started")
        found.attach()
        return found.status(now)

    def _target(self, vm: VM, name: str) -> Any:
        target = self.cluster.nodes.get(name)
        if target is None:
            raise ApiError("invalid_argument", f"no node {name}", {"field": "target_node"})
        if target.name == vm.node:
            raise ApiError("invalid_argument", f"VM {vm.id} already runs on {name}", {"field": "target_node"})
        config = vm.config
        if not target.fits(config["cpus"], config["memory"], config["disk"]):
            raise ApiError(
                "resource_exhausted", f"node {name} has no room for VM {vm.id}", {"node": name}, retry_after=1
            )
        return target

    async def vm_get_migration_status(self, migration_id: str) -> dict[str, Any]:
        """The migration's status at the current clock time."""
        return self._migration(migration_id).status(self.clock.now())

    async def vm_cancel_migration(self, migration_id: str) -> dict[str, Any]:
        """Cancels a running migration (no-op once cancelled); a finished one cannot be cancelled."""
        found = self._migration(migration_id)
        now = self.clock.now()
        found.settle(now)
        if found.state in ("completed", "failed"):
            raise ApiError("invalid_state", f"migration {migration_id} already {found.state}", {"state": found.state})
        found.cancel(now)
        return found.status(now)

    # -- snapshots -------------------------------------------------------------------------------

    async def vm_snapshot(self, vm_id: str, name: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
        """Takes a snapshot; its size is the disk in use plus the memory in use when included."""
        vm = self.vm(vm_id)
        _require(vm, "snapshot", "running", "stopped")
        options = options or {}
        include_memory = bool(options.get("include_memory")) and vm.state == "running"
        size = vm.disk_used
        if include_memory:
            size += int(metrics.sample(self.settings.seed, vm, int(self.clock.now() // 1000))["mem"])
        previous = [s for s in self.snapshots.values() if s["vm_id"] == vm_id]
        snap: dict[str, Any] = {
            "id": new_id("snap"),
            "vm_id": vm_id,
            "name": name,
            "size": size,
            "include_memory": include_memory,
            "created_at": self.clock.stamp(),
        }
        if options.get("description"):
            snap["description"] = options["description"]
        if previous:
            snap["parent"] = previous[-1]["id"]
        self.snapshots[snap["id"]] = snap
        vm.emit("snapshot_created", f"snapshot {snap['id']} ({name}) taken, {size} bytes")
        return snap

    async def vm_list_snapshots(
        self, vm_id: str, page_size: int | None = None, page_token: str | None = None
    ) -> dict[str, Any]:
        """A page of the VM's snapshots, oldest first."""
        self.vm(vm_id)
        owned = [s for s in self.snapshots.values() if s["vm_id"] == vm_id]
        page, token = _page(owned, page_size, page_token)
        return {"snapshots": page, "next_page_token": token}

    async def vm_restore_snapshot(self, vm_id: str, snapshot_id: str) -> bytes:
        """Restores the VM from its snapshot: restoring, then running (memory image) or stopped."""
        vm = self.vm(vm_id)
        snap = self._snapshot(snapshot_id)
        if snap["vm_id"] != vm_id:
            raise ApiError(
                "snapshot_not_found", f"VM {vm_id} has no snapshot {snapshot_id}", {"snapshot_id": snapshot_id}
            )
        _require(vm, "restore", "running", "stopped")
        after = "running" if snap["include_memory"] else "stopped"
        vm.set_state("restoring", f"restoring snapshot {snapshot_id}")
        vm.schedule(RESTORE_MS, after, f"restored from {snapshot_id}", then=_restored(snapshot_id))
        return vm.json()

    async def vm_delete_snapshot(self, snapshot_id: str) -> None:
        """Deletes the snapshot (children keep their data; their parent link is dropped)."""
        self._snapshot(snapshot_id)
        del self.snapshots[snapshot_id]
        for snap in self.snapshots.values():
            if snap.get("parent") == snapshot_id:
                del snap["parent"]

    # -- metrics and events ----------------------------------------------------------------------

    async def vm_get_metrics(self, vm_id: str, window: int | None = None) -> dict[str, Any]:
        """Usage over the window (default 5 minutes) ending now."""
        vm = self.vm(vm_id)
        now = self.clock.now()
        return metrics.window(self.settings.seed, vm, now, self.clock.stamp(now), window or DEFAULT_WINDOW_MS)

    async def vm_stream_metrics(self, vm_id: str, interval: int | None = None) -> MetricsStream:
        """A stream of one sample per interval (model time)."""
        vm = self.vm(vm_id)
        return MetricsStream(self, vm, max(MIN_INTERVAL_MS, interval or DEFAULT_INTERVAL_MS))

    async def vm_watch(self, vm_id: str, since: int | None = None, follow: bool | None = None) -> WatchStream:
        """The VM's retained events after `since`, then new ones unless follow is false."""
        vm = self.vm(vm_id)
        return WatchStream(vm.log, since, follow is not False, vm.wire)


def _require(vm: VM, action: str, *states: str) -> None:
    if vm.state not in states:
        raise ApiError(
            "invalid_state",
            f"cannot {action} VM {vm.id} while it is {vm.state}",
            {"state": vm.state, "allowed": list(states)},
        )


def _begin_start(vm: VM, at: float) -> None:
    vm.set_state("starting", "booting", at)
    vm.schedule(START_MS, "running", "booted", start=at)


def _run_queued_start(vm: VM, at: float) -> None:
    """After provisioning, a start requested while creating begins at once."""
    if vm.start_queued:
        vm.start_queued = False
        _begin_start(vm, at)


def _restored(snapshot_id: str) -> Any:
    def then(vm: VM, at: float) -> None:
        vm.emit("snapshot_restored", f"restored from snapshot {snapshot_id}", vm.clock.stamp(at))

    return then


def _annotation(config: dict[str, Any], key: str, default: float, low: float, high: float) -> float:
    """A simulator knob from the VM's annotations (tests set load and dirty rate this way)."""
    raw = (config.get("annotations") or {}).get(key)
    try:
        return min(high, max(low, float(raw))) if raw is not None else default
    except ValueError:
        return default


def _page(items: list[Any], page_size: int | None, page_token: str | None) -> tuple[list[Any], str]:
    size = min(MAX_PAGE, page_size) if page_size and page_size > 0 else DEFAULT_PAGE
    # A token names an offset; one this server did not issue reads as past the end (an empty last page).
    start = int(page_token) if page_token and is_count(page_token, 9) else 0
    if page_token and not is_count(page_token, 9):
        start = len(items)
    end = start + size
    return items[start:end], str(end) if end < len(items) else ""


def _stop_timers(vm: VM) -> None:
    vm.cancel_timer()
    vm.pending = None
    if vm.migration is not None and vm.migration.timer is not None:
        vm.migration.timer.cancel()
