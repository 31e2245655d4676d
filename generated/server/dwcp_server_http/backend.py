# Code generated from spec/dwcp.yaml by generator/; DO NOT EDIT.
"""What the simulator implements: one coroutine per operation, taking the parsed, validated inputs."""

from __future__ import annotations

from typing import Any, Protocol


class Backend(Protocol):
    """The server's behaviour behind the HTTP layer; values are wire-form dicts."""

    async def system_health(
        self,
    ) -> Any:
        """Reports whether the server is serving."""
        ...

    async def system_create_session(
        self,
    ) -> Any:
        """Authenticates the API key; connect calls it."""
        ...

    async def vm_create(
        self,
        config: dict[str, Any] | None = None,
    ) -> Any:
        """Creates a VM (placed on a node that fits) and returns it in state creating."""
        ...

    async def vm_get(
        self,
        vm_id: Any | None = None,
    ) -> Any:
        """Returns a VM."""
        ...

    async def vm_list(
        self,
        labels: Any | None = None,
        page_size: Any | None = None,
        page_token: Any | None = None,
    ) -> Any:
        """Lists VMs whose labels match all the given labels, page by page."""
        ...

    async def vm_start(
        self,
        vm_id: Any | None = None,
    ) -> Any:
        """Starts a stopped VM; starting a running VM is a no-op."""
        ...

    async def vm_stop(
        self,
        vm_id: Any | None = None,
        force: Any | None = None,
    ) -> Any:
        """Stops a running VM, gracefully or by force; stopping a stopped VM is a no-op."""
        ...

    async def vm_destroy(
        self,
        vm_id: Any | None = None,
    ) -> Any:
        """Destroys a VM and its snapshots."""
        ...

    async def vm_migrate(
        self,
        vm_id: Any | None = None,
        target_node: Any | None = None,
        options: Any | None = None,
    ) -> Any:
        """Starts moving a VM to another node; poll get_migration_status or wait for it."""
        ...

    async def vm_get_migration_status(
        self,
        migration_id: Any | None = None,
    ) -> Any:
        """Returns the progress of a migration."""
        ...

    async def vm_cancel_migration(
        self,
        migration_id: Any | None = None,
    ) -> Any:
        """Cancels a migration; the VM stays on its source node."""
        ...

    async def vm_snapshot(
        self,
        vm_id: Any | None = None,
        name: Any | None = None,
        options: Any | None = None,
    ) -> Any:
        """Takes a snapshot of a VM."""
        ...

    async def vm_list_snapshots(
        self,
        vm_id: Any | None = None,
        page_size: Any | None = None,
        page_token: Any | None = None,
    ) -> Any:
        """Lists a VM's snapshots, page by page."""
        ...

    async def vm_restore_snapshot(
        self,
        vm_id: Any | None = None,
        snapshot_id: Any | None = None,
    ) -> Any:
        """Restores a VM from one of its snapshots."""
        ...

    async def vm_delete_snapshot(
        self,
        snapshot_id: Any | None = None,
    ) -> Any:
        """Deletes a snapshot."""
        ...

    async def vm_get_metrics(
        self,
        vm_id: Any | None = None,
        window: Any | None = None,
    ) -> Any:
        """Returns a VM's resource usage over a window (default 5 minutes)."""
        ...

    async def vm_stream_metrics(
        self,
        vm_id: Any | None = None,
        interval: Any | None = None,
    ) -> Any:
        """Streams a VM's metrics, one sample per interval (default 1 s)."""
        ...

    async def vm_watch(
        self,
        vm_id: Any | None = None,
        since: Any | None = None,
        follow: Any | None = None,
    ) -> Any:
        """Streams a VM's retained events, then new ones as they happen (follow: false ends after the backlog)."""
        ...
