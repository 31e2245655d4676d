"""Step actions of the issue 16 cases (retry budgets, waiters, lazy pagination), kept apart from
steps.py: `synthetic_vms` creates a large set of VMs through the control API."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from conformance.runner.templating import render

if TYPE_CHECKING:
    from conformance.runner.execute import Run


def synthetic_vms(run: Run, step: dict[str, Any]) -> list[str]:
    """`synthetic_vms: {count, labels, state, name_prefix}`: POST /_conformance/vms; the server must
    confirm every VM asked for."""
    spec = render(step["synthetic_vms"], run.variables)
    created = run.control.add_vms(spec)
    if created != spec["count"]:
        return [f"synthetic_vms: asked for {spec['count']} VMs, the server created {created}"]
    return []


ACTIONS: dict[str, Any] = {"synthetic_vms": synthetic_vms}
