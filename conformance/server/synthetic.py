"""Issue 16 helpers of the control API: a large synthetic set of VMs at once (lazy pagination
cases and the list bench), and the `vm_state` fault that makes a start or stop end in another state
(the failure acceptors of waiters)."""

from __future__ import annotations

import uuid
from typing import Any

from conformance.server.events import EventLog
from conformance.server.simulator import Simulator
from conformance.server.vms import VM, Pending, diverted_message

MAX_SYNTHETIC_VMS = 200_000  # per request
SYNTHETIC_STATES = ("stopped", "running", "error")
DIVERT_STATES = ("error", "stopped", "running")
DIVERT_OPS = ("vm.start", "vm.stop")
# The configuration every synthetic VM shares (but its name): the smallest the spec allows.
MEMORY, CPUS, DISK, IMAGE = 536_870_912, 1, 1_073_741_824, "synthetic"
_LABEL_TEXT = 63


def parse_request(body: dict[str, Any]) -> tuple[int, dict[str, str], str, str]:
    """count, labels, state and name prefix of a `POST /_conformance/vms` body, or ValueError."""
    count = body.get("count")
    if not isinstance(count, int) or isinstance(count, bool) or not 1 <= count <= MAX_SYNTHETIC_VMS:
        raise ValueError(f"count must be an integer in 1..{MAX_SYNTHETIC_VMS}")
    labels = body.get("labels", {})
    if not isinstance(labels, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in labels.items()):
        raise ValueError("labels must be an object of strings")
    if any(len(k) > _LABEL_TEXT or len(v) > _LABEL_TEXT or "," in k + v or "=" in k + v for k, v in labels.items()):
        raise ValueError(f"label keys and values are at most {_LABEL_TEXT} characters without ',' or '='")
    state = body.get("state", "stopped")
    if state not in SYNTHETIC_STATES:
        raise ValueError(f"state must be one of {', '.join(SYNTHETIC_STATES)}")
    prefix = body.get("name_prefix", "synthetic")
    if not isinstance(prefix, str) or not prefix or len(prefix) > 40 or not prefix.replace("-", "").isalnum():
        raise ValueError("name_prefix must be 1-40 letters, digits or '-'")
    return count, dict(sorted(labels.items())), state, prefix.lower()


def create_vms(sim: Simulator, count: int, labels: dict[str, str], state: str, prefix: str) -> int:
    """Adds `count` VMs in `state`, already provisioned, with `labels`, on the cluster's first node.

    They take no capacity (so the cases' own VMs still fit) and emit no events; everything else
    (get, list, start, stop, destroy, watch) treats them as any VM. Returns how many were added.
    """
    node = next(iter(sim.cluster.nodes))
    stamp = sim.clock.stamp()
    retention = sim.settings.event_retention
    first = len(sim.vms)
    for number in range(first, first + count):
        vm_id = f"vm-{uuid.uuid4().hex[:12]}"
        config = {
            "name": f"{prefix}-{number}",
            "memory": MEMORY,
            "cpus": CPUS,
            "disk": DISK,
            "image": IMAGE,
            "labels": labels,
        }
        vm = VM(
            id=vm_id,
            config=config,
            node=node,
            state=state,
            created_at=stamp,
            updated_at=stamp,
            log=EventLog(retention),
            clock=sim.clock,
            load=0.0,
            disk_used=0,
            reserved=False,
        )
        if state == "running":
            vm.started_at = stamp
        sim.vms[vm_id] = vm
    return count


def check_divert(op: str, action: dict[str, Any]) -> None:
    """ValueError unless a `vm_state` fault names a start or stop and a state the VM can end in."""
    if "vm_state" not in action:
        return
    if op not in DIVERT_OPS:
        raise ValueError(f"vm_state applies to {' and '.join(DIVERT_OPS)} only")
    if action["vm_state"] not in DIVERT_STATES:
        raise ValueError(f"vm_state must be one of {', '.join(DIVERT_STATES)}")


def divert(sim: Simulator, vm_id: Any, state: str) -> None:
    """The transition the call began (or, when it began none, the VM's next start or stop) ends in `state`."""
    vm = sim.vms.get(str(vm_id))
    if vm is None:
        return
    pending = vm.pending
    if pending is not None and vm.state in ("starting", "stopping"):
        vm.pending = Pending(pending.due, state, diverted_message(pending.state, state))
        vm.settle()
    else:
        vm.divert = state
