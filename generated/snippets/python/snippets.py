# Code generated from spec/dwcp.yaml by generator/; DO NOT EDIT.
"""One example per public operation of the spec, type-checked with mypy --strict (nox -s snippets).

The site shows the lines between the `--8<--` markers of each function.
"""

from __future__ import annotations

import datetime

import dwcp

_ = datetime.timezone.utc


async def setup() -> None:
    """Connects a client (the first lines of every example)."""
    # --8<-- [start:setup]
    config = dwcp.ClientConfig(address="localhost", port=9000, api_key="your-api-key")
    async with dwcp.Client(config) as client:
        print(client)
    # --8<-- [end:setup]


async def system_health(client: dwcp.Client) -> None:
    """Reports whether the server is serving."""
    # --8<-- [start:system_health]
    result = await client.health()
    print(result)
    # --8<-- [end:system_health]


async def vm_create(client: dwcp.Client) -> None:
    """Creates a VM (placed on a node that fits) and returns it in state creating."""
    # --8<-- [start:vm_create]
    vm_client = client.VM()
    config = dwcp.VMConfig(name="example-name", memory=536870912, cpus=1)
    result = await vm_client.create(config)
    print(result)
    # --8<-- [end:vm_create]


async def vm_get(client: dwcp.Client) -> None:
    """Returns a VM."""
    # --8<-- [start:vm_get]
    vm_client = client.VM()
    result = await vm_client.get("vm-1234")
    print(result)
    # --8<-- [end:vm_get]


async def vm_list(client: dwcp.Client) -> None:
    """Lists VMs whose labels match all the given labels, page by page."""
    # --8<-- [start:vm_list]
    vm_client = client.VM()
    result = await vm_client.list({"env": "example-production"})
    print(result)
    # --8<-- [end:vm_list]


async def vm_start(client: dwcp.Client) -> None:
    """Starts a stopped VM; starting a running VM is a no-op."""
    # --8<-- [start:vm_start]
    vm_client = client.VM()
    result = await vm_client.start("vm-1234")
    print(result)
    # --8<-- [end:vm_start]


async def vm_stop(client: dwcp.Client) -> None:
    """Stops a running VM, gracefully or by force; stopping a stopped VM is a no-op."""
    # --8<-- [start:vm_stop]
    vm_client = client.VM()
    result = await vm_client.stop("vm-1234", False)
    print(result)
    # --8<-- [end:vm_stop]


async def vm_destroy(client: dwcp.Client) -> None:
    """Destroys a VM and its snapshots."""
    # --8<-- [start:vm_destroy]
    vm_client = client.VM()
    await vm_client.destroy("vm-1234")
    # --8<-- [end:vm_destroy]


async def vm_migrate(client: dwcp.Client) -> None:
    """Starts moving a VM to another node; poll get_migration_status or wait for it."""
    # --8<-- [start:vm_migrate]
    vm_client = client.VM()
    options = dwcp.MigrationOptions()
    result = await vm_client.migrate("vm-1234", "example-target-node", options)
    print(result)
    # --8<-- [end:vm_migrate]


async def vm_get_migration_status(client: dwcp.Client) -> None:
    """Returns the progress of a migration."""
    # --8<-- [start:vm_get_migration_status]
    vm_client = client.VM()
    result = await vm_client.get_migration_status("migration-1234")
    print(result)
    # --8<-- [end:vm_get_migration_status]


async def vm_cancel_migration(client: dwcp.Client) -> None:
    """Cancels a migration; the VM stays on its source node."""
    # --8<-- [start:vm_cancel_migration]
    vm_client = client.VM()
    result = await vm_client.cancel_migration("migration-1234")
    print(result)
    # --8<-- [end:vm_cancel_migration]


async def vm_snapshot(client: dwcp.Client) -> None:
    """Takes a snapshot of a VM."""
    # --8<-- [start:vm_snapshot]
    vm_client = client.VM()
    options = dwcp.SnapshotOptions()
    result = await vm_client.snapshot("vm-1234", "example-name", options)
    print(result)
    # --8<-- [end:vm_snapshot]


async def vm_list_snapshots(client: dwcp.Client) -> None:
    """Lists a VM's snapshots, page by page."""
    # --8<-- [start:vm_list_snapshots]
    vm_client = client.VM()
    result = await vm_client.list_snapshots("vm-1234")
    print(result)
    # --8<-- [end:vm_list_snapshots]


async def vm_restore_snapshot(client: dwcp.Client) -> None:
    """Restores a VM from one of its snapshots."""
    # --8<-- [start:vm_restore_snapshot]
    vm_client = client.VM()
    result = await vm_client.restore_snapshot("vm-1234", "snapshot-1234")
    print(result)
    # --8<-- [end:vm_restore_snapshot]


async def vm_delete_snapshot(client: dwcp.Client) -> None:
    """Deletes a snapshot."""
    # --8<-- [start:vm_delete_snapshot]
    vm_client = client.VM()
    await vm_client.delete_snapshot("snapshot-1234")
    # --8<-- [end:vm_delete_snapshot]


async def vm_get_metrics(client: dwcp.Client) -> None:
    """Returns a VM's resource usage over a window (default 5 minutes)."""
    # --8<-- [start:vm_get_metrics]
    vm_client = client.VM()
    result = await vm_client.get_metrics("vm-1234", "1m")
    print(result)
    # --8<-- [end:vm_get_metrics]


async def vm_stream_metrics(client: dwcp.Client) -> None:
    """Streams a VM's metrics, one sample per interval (default 1 s)."""
    # --8<-- [start:vm_stream_metrics]
    vm_client = client.VM()
    async for item in vm_client.stream_metrics("vm-1234", "1m"):
        print(item)
        break
    # --8<-- [end:vm_stream_metrics]


async def vm_watch(client: dwcp.Client) -> None:
    """Streams a VM's retained events, then new ones as they happen (follow: false ends after the backlog)."""
    # --8<-- [start:vm_watch]
    vm_client = client.VM()
    async for item in vm_client.watch("vm-1234"):
        print(item)
        break
    # --8<-- [end:vm_watch]
