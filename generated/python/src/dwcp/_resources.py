# Code generated from spec/dwcp.yaml by generator/; DO NOT EDIT.
"""Resource clients: one class per resource of the spec; each method is one call into the runtime."""

from __future__ import annotations

import builtins
from functools import cached_property
from typing import Optional

from ._config import RequestOptions
from ._models import (
    VM,
    HealthStatus,
    MigrateRequest,
    MigrationOptions,
    MigrationStatus,
    SessionInfo,
    Snapshot,
    SnapshotList,
    SnapshotOptions,
    SnapshotRequest,
    StopRequest,
    VMConfig,
    VMEvent,
    VMList,
    VMMetrics,
)
from ._runtime.durations import Duration, millis
from ._runtime.endpoint import Endpoint, Limits
from ._runtime.pagination import Pager
from ._runtime.raw import RawResponse, raw
from ._runtime.resource import Resource
from ._runtime.stream import EventStream
from ._runtime.waiter import Acceptor, Waiter, wait

__all__ = [
    "ClientOperationsWithRawResponse",
    "VMClient",
    "VMClientWithRawResponse",
]

SYSTEM_HEALTH = Endpoint("system.health", "GET", "/health", 200, auth=False)
SYSTEM_CREATE_SESSION = Endpoint("system.create_session", "POST", "/session", 200)
VM_CREATE = Endpoint("vm.create", "POST", "/vms", 201, keyed=True)
VM_GET = Endpoint("vm.get", "GET", "/vms/{vm_id}", 200)
VM_LIST = Endpoint(
    "vm.list",
    "GET",
    "/vms",
    200,
    limits={"page_size": Limits(ge=1, le=1000), "page_token": Limits(max_length=1024)},
)
VM_START = Endpoint("vm.start", "POST", "/vms/{vm_id}/start", 200)
VM_STOP = Endpoint("vm.stop", "POST", "/vms/{vm_id}/stop", 200)
VM_DESTROY = Endpoint("vm.destroy", "DELETE", "/vms/{vm_id}", 204)
VM_MIGRATE = Endpoint("vm.migrate", "POST", "/vms/{vm_id}/migrations", 202, keyed=True)
VM_GET_MIGRATION_STATUS = Endpoint("vm.get_migration_status", "GET", "/migrations/{migration_id}", 200)
VM_CANCEL_MIGRATION = Endpoint("vm.cancel_migration", "POST", "/migrations/{migration_id}/cancel", 200)
VM_SNAPSHOT = Endpoint("vm.snapshot", "POST", "/vms/{vm_id}/snapshots", 201, keyed=True)
VM_LIST_SNAPSHOTS = Endpoint(
    "vm.list_snapshots",
    "GET",
    "/vms/{vm_id}/snapshots",
    200,
    limits={"page_size": Limits(ge=1, le=1000), "page_token": Limits(max_length=1024)},
)
VM_RESTORE_SNAPSHOT = Endpoint(
    "vm.restore_snapshot", "POST", "/vms/{vm_id}/snapshots/{snapshot_id}/restore", 200, keyed=True
)
VM_DELETE_SNAPSHOT = Endpoint("vm.delete_snapshot", "DELETE", "/snapshots/{snapshot_id}", 204)
VM_GET_METRICS = Endpoint(
    "vm.get_metrics", "GET", "/vms/{vm_id}/metrics", 200, limits={"window": Limits(ge=1, le=2592000000)}
)
VM_STREAM_METRICS = Endpoint(
    "vm.stream_metrics",
    "GET",
    "/vms/{vm_id}/metrics/stream",
    200,
    event="metrics",
    limits={"interval": Limits(ge=1, le=3600000)},
)
VM_WATCH = Endpoint(
    "vm.watch", "GET", "/vms/{vm_id}/events", 200, event="vm_event", limits={"since": Limits(ge=0)}
)
WAIT_VM_WAIT_UNTIL_RUNNING = Waiter(
    "vm.wait_until_running",
    (
        Acceptor("success", "state", ("running",)),
        Acceptor("failure", "state", ("error",)),
    ),
    min_delay=0.2,
    max_delay=5.0,
    max_wait=300.0,
    error="waiter_failed",
)
WAIT_VM_WAIT_UNTIL_STOPPED = Waiter(
    "vm.wait_until_stopped",
    (
        Acceptor("success", "state", ("stopped",)),
        Acceptor("failure", "state", ("error",)),
    ),
    min_delay=0.2,
    max_delay=5.0,
    max_wait=300.0,
    error="waiter_failed",
)
WAIT_VM_WAIT_UNTIL_DESTROYED = Waiter(
    "vm.wait_until_destroyed",
    (Acceptor("success", error="vm_not_found"),),
    min_delay=0.2,
    max_delay=5.0,
    max_wait=300.0,
    error="waiter_failed",
)
WAIT_VM_WAIT_FOR_MIGRATION = Waiter(
    "vm.wait_for_migration",
    (
        Acceptor("success", "state", ("completed",)),
        Acceptor(
            "failure",
            "state",
            (
                "failed",
                "cancelled",
            ),
        ),
    ),
    min_delay=1.0,
    max_delay=20.0,
    max_wait=3600.0,
    error="migration_failed",
    error_field="error",
)


class ClientOperations(Resource):
    """The operations of the top-level client (and the session call connect makes)."""

    async def health(self, *, request_options: Optional[RequestOptions] = None) -> HealthStatus:
        """Reports whether the server is serving."""
        return await self._fetch(
            SYSTEM_HEALTH, HealthStatus, SYSTEM_HEALTH.url_path(), options=request_options
        )

    async def _create_session(self, *, request_options: Optional[RequestOptions] = None) -> SessionInfo:
        """Authenticates the API key; connect calls it."""
        return await self._fetch(
            SYSTEM_CREATE_SESSION, SessionInfo, SYSTEM_CREATE_SESSION.url_path(), options=request_options
        )

    @cached_property
    def with_raw_response(self) -> ClientOperationsWithRawResponse:
        """The same operations, each handing back a RawResponse (status, headers, request id, result)."""
        return ClientOperationsWithRawResponse(self)


class ClientOperationsWithRawResponse:
    """The client's operations with their final response: `await client.with_raw_response.<op>(...)`."""

    def __init__(self, client: ClientOperations) -> None:
        self._client = client

    async def health(self, *, request_options: Optional[RequestOptions] = None) -> RawResponse[HealthStatus]:
        """Reports whether the server is serving. With the final response's status, headers and request id."""
        return await raw(self._client.health(request_options=request_options))


class VMClient(Resource):
    """Virtual machines, their migrations, snapshots, metrics and events."""

    async def create(
        self,
        config: VMConfig,
        *,
        idempotency_key: Optional[str] = None,
        request_options: Optional[RequestOptions] = None,
    ) -> VM:
        """Creates a VM (placed on a node that fits) and returns it in state creating."""
        return await self._fetch(
            VM_CREATE,
            VM,
            VM_CREATE.url_path(),
            body=config,
            idempotency_key=idempotency_key,
            options=request_options,
        )

    async def get(self, vm_id: str, *, request_options: Optional[RequestOptions] = None) -> VM:
        """Returns a VM."""
        return await self._fetch(VM_GET, VM, VM_GET.url_path({"vm_id": vm_id}), options=request_options)

    def list(
        self,
        labels: Optional[dict[str, str]] = None,
        *,
        page_size: Optional[int] = None,
        request_options: Optional[RequestOptions] = None,
    ) -> Pager[VM]:
        """Lists VMs whose labels match all the given labels, page by page. (A Pager: `await` it for every item, or `async for` over it page by page.)"""

        async def page(token: Optional[str]) -> VMList:
            return await self._fetch(
                VM_LIST,
                VMList,
                VM_LIST.url_path(),
                params=self._query(VM_LIST, {"labels": labels, "page_size": page_size, "page_token": token}),
                options=request_options,
            )

        return Pager(page, lambda p: p.vms, lambda p: p.next_page_token)

    async def start(self, vm_id: str, *, request_options: Optional[RequestOptions] = None) -> VM:
        """Starts a stopped VM; starting a running VM is a no-op."""
        return await self._fetch(VM_START, VM, VM_START.url_path({"vm_id": vm_id}), options=request_options)

    async def stop(
        self, vm_id: str, force: Optional[bool] = None, *, request_options: Optional[RequestOptions] = None
    ) -> VM:
        """Stops a running VM, gracefully or by force; stopping a stopped VM is a no-op."""
        return await self._fetch(
            VM_STOP,
            VM,
            VM_STOP.url_path({"vm_id": vm_id}),
            body=StopRequest(force=force),
            options=request_options,
        )

    async def destroy(self, vm_id: str, *, request_options: Optional[RequestOptions] = None) -> None:
        """Destroys a VM and its snapshots."""
        await self._send(VM_DESTROY, VM_DESTROY.url_path({"vm_id": vm_id}), options=request_options)

    async def migrate(
        self,
        vm_id: str,
        target_node: str,
        options: Optional[MigrationOptions] = None,
        *,
        idempotency_key: Optional[str] = None,
        request_options: Optional[RequestOptions] = None,
    ) -> MigrationStatus:
        """Starts moving a VM to another node; poll get_migration_status or wait for it."""
        return await self._fetch(
            VM_MIGRATE,
            MigrationStatus,
            VM_MIGRATE.url_path({"vm_id": vm_id}),
            body=MigrateRequest(target_node=target_node, options=options),
            idempotency_key=idempotency_key,
            options=request_options,
        )

    async def get_migration_status(
        self, migration_id: str, *, request_options: Optional[RequestOptions] = None
    ) -> MigrationStatus:
        """Returns the progress of a migration."""
        return await self._fetch(
            VM_GET_MIGRATION_STATUS,
            MigrationStatus,
            VM_GET_MIGRATION_STATUS.url_path({"migration_id": migration_id}),
            options=request_options,
        )

    async def cancel_migration(
        self, migration_id: str, *, request_options: Optional[RequestOptions] = None
    ) -> MigrationStatus:
        """Cancels a migration; the VM stays on its source node."""
        return await self._fetch(
            VM_CANCEL_MIGRATION,
            MigrationStatus,
            VM_CANCEL_MIGRATION.url_path({"migration_id": migration_id}),
            options=request_options,
        )

    async def snapshot(
        self,
        vm_id: str,
        name: str,
        options: Optional[SnapshotOptions] = None,
        *,
        idempotency_key: Optional[str] = None,
        request_options: Optional[RequestOptions] = None,
    ) -> Snapshot:
        """Takes a snapshot of a VM."""
        return await self._fetch(
            VM_SNAPSHOT,
            Snapshot,
            VM_SNAPSHOT.url_path({"vm_id": vm_id}),
            body=SnapshotRequest(name=name, options=options),
            idempotency_key=idempotency_key,
            options=request_options,
        )

    def list_snapshots(
        self, vm_id: str, *, page_size: Optional[int] = None, request_options: Optional[RequestOptions] = None
    ) -> Pager[Snapshot]:
        """Lists a VM's snapshots, page by page. (A Pager: `await` it for every item, or `async for` over it page by page.)"""

        async def page(token: Optional[str]) -> SnapshotList:
            return await self._fetch(
                VM_LIST_SNAPSHOTS,
                SnapshotList,
                VM_LIST_SNAPSHOTS.url_path({"vm_id": vm_id}),
                params=self._query(VM_LIST_SNAPSHOTS, {"page_size": page_size, "page_token": token}),
                options=request_options,
            )

        return Pager(page, lambda p: p.snapshots, lambda p: p.next_page_token)

    async def restore_snapshot(
        self,
        vm_id: str,
        snapshot_id: str,
        *,
        idempotency_key: Optional[str] = None,
        request_options: Optional[RequestOptions] = None,
    ) -> VM:
        """Restores a VM from one of its snapshots."""
        return await self._fetch(
            VM_RESTORE_SNAPSHOT,
            VM,
            VM_RESTORE_SNAPSHOT.url_path({"vm_id": vm_id, "snapshot_id": snapshot_id}),
            idempotency_key=idempotency_key,
            options=request_options,
        )

    async def delete_snapshot(
        self, snapshot_id: str, *, request_options: Optional[RequestOptions] = None
    ) -> None:
        """Deletes a snapshot."""
        await self._send(
            VM_DELETE_SNAPSHOT,
            VM_DELETE_SNAPSHOT.url_path({"snapshot_id": snapshot_id}),
            options=request_options,
        )

    async def get_metrics(
        self,
        vm_id: str,
        window: Optional[Duration] = None,
        *,
        request_options: Optional[RequestOptions] = None,
    ) -> VMMetrics:
        """Returns a VM's resource usage over a window (default 5 minutes)."""
        return await self._fetch(
            VM_GET_METRICS,
            VMMetrics,
            VM_GET_METRICS.url_path({"vm_id": vm_id}),
            params=self._query(VM_GET_METRICS, {"window": None if window is None else millis(window)}),
            options=request_options,
        )

    def stream_metrics(
        self,
        vm_id: str,
        interval: Optional[Duration] = None,
        *,
        request_options: Optional[RequestOptions] = None,
    ) -> EventStream[VMMetrics]:
        """Streams a VM's metrics, one sample per interval (default 1 s)."""
        return self._stream(
            VM_STREAM_METRICS,
            VMMetrics,
            VM_STREAM_METRICS.url_path({"vm_id": vm_id}),
            self._query(VM_STREAM_METRICS, {"interval": None if interval is None else millis(interval)}),
            request_options,
        )

    def watch(
        self,
        vm_id: str,
        *,
        since: Optional[int] = None,
        follow: Optional[bool] = None,
        request_options: Optional[RequestOptions] = None,
    ) -> EventStream[VMEvent]:
        """Streams a VM's retained events, then new ones as they happen (follow: false ends after the backlog)."""
        return self._stream(
            VM_WATCH,
            VMEvent,
            VM_WATCH.url_path({"vm_id": vm_id}),
            self._query(VM_WATCH, {"since": since, "follow": follow}),
            request_options,
        )

    async def wait_until_running(
        self,
        vm_id: str,
        max_wait: Optional[Duration] = None,
        *,
        min_delay: Optional[Duration] = None,
        max_delay: Optional[Duration] = None,
        request_options: Optional[RequestOptions] = None,
    ) -> VM:
        """Waits until the VM runs; a VM that ends in error fails the wait. Polls get (200 ms to 5000 ms apart) for at most max_wait
        (default 300 s), then raises TimeoutError (wait_timeout); nothing is changed on the server."""
        output = await wait(
            lambda: self.get(vm_id, request_options=request_options),
            WAIT_VM_WAIT_UNTIL_RUNNING,
            self._transport.catalogue,
            self._transport.policy.jitter,
            max_wait,
            min_delay,
            max_delay,
            {"vm_id": vm_id},
        )
        assert output is not None  # only an error rule's success gives None, and this waiter has none
        return output

    async def wait_until_stopped(
        self,
        vm_id: str,
        max_wait: Optional[Duration] = None,
        *,
        min_delay: Optional[Duration] = None,
        max_delay: Optional[Duration] = None,
        request_options: Optional[RequestOptions] = None,
    ) -> VM:
        """Waits until the VM is stopped; a VM that ends in error fails the wait. Polls get (200 ms to 5000 ms apart) for at most max_wait
        (default 300 s), then raises TimeoutError (wait_timeout); nothing is changed on the server."""
        output = await wait(
            lambda: self.get(vm_id, request_options=request_options),
            WAIT_VM_WAIT_UNTIL_STOPPED,
            self._transport.catalogue,
            self._transport.policy.jitter,
            max_wait,
            min_delay,
            max_delay,
            {"vm_id": vm_id},
        )
        assert output is not None  # only an error rule's success gives None, and this waiter has none
        return output

    async def wait_until_destroyed(
        self,
        vm_id: str,
        max_wait: Optional[Duration] = None,
        *,
        min_delay: Optional[Duration] = None,
        max_delay: Optional[Duration] = None,
        request_options: Optional[RequestOptions] = None,
    ) -> None:
        """Waits until the VM is gone (get answers vm_not_found). Polls get (200 ms to 5000 ms apart) for at most max_wait
        (default 300 s), then raises TimeoutError (wait_timeout); nothing is changed on the server."""
        await wait(
            lambda: self.get(vm_id, request_options=request_options),
            WAIT_VM_WAIT_UNTIL_DESTROYED,
            self._transport.catalogue,
            self._transport.policy.jitter,
            max_wait,
            min_delay,
            max_delay,
            {"vm_id": vm_id},
        )

    async def wait_for_migration(
        self,
        migration_id: str,
        max_wait: Optional[Duration] = None,
        *,
        min_delay: Optional[Duration] = None,
        max_delay: Optional[Duration] = None,
        request_options: Optional[RequestOptions] = None,
    ) -> MigrationStatus:
        """Waits until a migration ends; failed or cancelled raise MigrationError with the status's error text. Polls get_migration_status (1000 ms to 20000 ms apart) for at most max_wait
        (default 3600 s), then raises TimeoutError (wait_timeout); nothing is changed on the server."""
        output = await wait(
            lambda: self.get_migration_status(migration_id, request_options=request_options),
            WAIT_VM_WAIT_FOR_MIGRATION,
            self._transport.catalogue,
            self._transport.policy.jitter,
            max_wait,
            min_delay,
            max_delay,
            {"migration_id": migration_id},
        )
        assert output is not None  # only an error rule's success gives None, and this waiter has none
        return output

    async def health(self, *, request_options: Optional[RequestOptions] = None) -> HealthStatus:
        """Reports whether the server is serving."""
        return await self._fetch(
            SYSTEM_HEALTH, HealthStatus, SYSTEM_HEALTH.url_path(), options=request_options
        )

    @cached_property
    def with_raw_response(self) -> VMClientWithRawResponse:
        """The same operations, each handing back a RawResponse (status, headers, request id, result)."""
        return VMClientWithRawResponse(self)


class VMClientWithRawResponse:
    """VMClient's unary operations with their final response (streams excluded)."""

    def __init__(self, client: VMClient) -> None:
        self._client = client

    async def create(
        self,
        config: VMConfig,
        *,
        idempotency_key: Optional[str] = None,
        request_options: Optional[RequestOptions] = None,
    ) -> RawResponse[VM]:
        """Creates a VM (placed on a node that fits) and returns it in state creating. With the final response's status, headers and request id."""
        return await raw(
            self._client.create(
                config=config, idempotency_key=idempotency_key, request_options=request_options
            )
        )

    async def get(self, vm_id: str, *, request_options: Optional[RequestOptions] = None) -> RawResponse[VM]:
        """Returns a VM. With the final response's status, headers and request id."""
        return await raw(self._client.get(vm_id=vm_id, request_options=request_options))

    async def list(
        self,
        labels: Optional[dict[str, str]] = None,
        *,
        page_size: Optional[int] = None,
        request_options: Optional[RequestOptions] = None,
    ) -> RawResponse[builtins.list[VM]]:
        """Lists VMs whose labels match all the given labels, page by page. With the final response's status, headers and request id."""
        return await raw(
            self._client.list(labels=labels, page_size=page_size, request_options=request_options)
        )

    async def start(self, vm_id: str, *, request_options: Optional[RequestOptions] = None) -> RawResponse[VM]:
        """Starts a stopped VM; starting a running VM is a no-op. With the final response's status, headers and request id."""
        return await raw(self._client.start(vm_id=vm_id, request_options=request_options))

    async def stop(
        self, vm_id: str, force: Optional[bool] = None, *, request_options: Optional[RequestOptions] = None
    ) -> RawResponse[VM]:
        """Stops a running VM, gracefully or by force; stopping a stopped VM is a no-op. With the final response's status, headers and request id."""
        return await raw(self._client.stop(vm_id=vm_id, force=force, request_options=request_options))

    async def destroy(
        self, vm_id: str, *, request_options: Optional[RequestOptions] = None
    ) -> RawResponse[None]:
        """Destroys a VM and its snapshots. With the final response's status, headers and request id."""
        return await raw(self._client.destroy(vm_id=vm_id, request_options=request_options))

    async def migrate(
        self,
        vm_id: str,
        target_node: str,
        options: Optional[MigrationOptions] = None,
        *,
        idempotency_key: Optional[str] = None,
        request_options: Optional[RequestOptions] = None,
    ) -> RawResponse[MigrationStatus]:
        """Starts moving a VM to another node; poll get_migration_status or wait for it. With the final response's status, headers and request id."""
        return await raw(
            self._client.migrate(
                vm_id=vm_id,
                target_node=target_node,
                options=options,
                idempotency_key=idempotency_key,
                request_options=request_options,
            )
        )

    async def get_migration_status(
        self, migration_id: str, *, request_options: Optional[RequestOptions] = None
    ) -> RawResponse[MigrationStatus]:
        """Returns the progress of a migration. With the final response's status, headers and request id."""
        return await raw(
            self._client.get_migration_status(migration_id=migration_id, request_options=request_options)
        )

    async def cancel_migration(
        self, migration_id: str, *, request_options: Optional[RequestOptions] = None
    ) -> RawResponse[MigrationStatus]:
        """Cancels a migration; the VM stays on its source node. With the final response's status, headers and request id."""
        return await raw(
            self._client.cancel_migration(migration_id=migration_id, request_options=request_options)
        )

    async def snapshot(
        self,
        vm_id: str,
        name: str,
        options: Optional[SnapshotOptions] = None,
        *,
        idempotency_key: Optional[str] = None,
        request_options: Optional[RequestOptions] = None,
    ) -> RawResponse[Snapshot]:
        """Takes a snapshot of a VM. With the final response's status, headers and request id."""
        return await raw(
            self._client.snapshot(
                vm_id=vm_id,
                name=name,
                options=options,
                idempotency_key=idempotency_key,
                request_options=request_options,
            )
        )

    async def list_snapshots(
        self, vm_id: str, *, page_size: Optional[int] = None, request_options: Optional[RequestOptions] = None
    ) -> RawResponse[builtins.list[Snapshot]]:
        """Lists a VM's snapshots, page by page. With the final response's status, headers and request id."""
        return await raw(
            self._client.list_snapshots(vm_id=vm_id, page_size=page_size, request_options=request_options)
        )

    async def restore_snapshot(
        self,
        vm_id: str,
        snapshot_id: str,
        *,
        idempotency_key: Optional[str] = None,
        request_options: Optional[RequestOptions] = None,
    ) -> RawResponse[VM]:
        """Restores a VM from one of its snapshots. With the final response's status, headers and request id."""
        return await raw(
            self._client.restore_snapshot(
                vm_id=vm_id,
                snapshot_id=snapshot_id,
                idempotency_key=idempotency_key,
                request_options=request_options,
            )
        )

    async def delete_snapshot(
        self, snapshot_id: str, *, request_options: Optional[RequestOptions] = None
    ) -> RawResponse[None]:
        """Deletes a snapshot. With the final response's status, headers and request id."""
        return await raw(
            self._client.delete_snapshot(snapshot_id=snapshot_id, request_options=request_options)
        )

    async def get_metrics(
        self,
        vm_id: str,
        window: Optional[Duration] = None,
        *,
        request_options: Optional[RequestOptions] = None,
    ) -> RawResponse[VMMetrics]:
        """Returns a VM's resource usage over a window (default 5 minutes). With the final response's status, headers and request id."""
        return await raw(
            self._client.get_metrics(vm_id=vm_id, window=window, request_options=request_options)
        )

    async def health(self, *, request_options: Optional[RequestOptions] = None) -> RawResponse[HealthStatus]:
        """Reports whether the server is serving. With the final response's status, headers and request id."""
        return await raw(self._client.health(request_options=request_options))
