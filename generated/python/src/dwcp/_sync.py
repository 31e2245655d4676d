# Code generated from spec/dwcp.yaml by generator/; DO NOT EDIT.
"""SyncClient: the blocking twin of Client, running it on a private event-loop thread."""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from functools import cached_property
from types import TracebackType
from typing import Any, Callable, Optional

from ._client import Client
from ._config import ClientConfig, RequestOptions
from ._models import (
    VM,
    HealthStatus,
    MigrationOptions,
    MigrationStatus,
    Snapshot,
    SnapshotOptions,
    VMConfig,
    VMEvent,
    VMMetrics,
)
from ._resources import VMClient
from ._runtime.durations import Duration
from ._runtime.hooks import Hook
from ._runtime.metrics import ClientMetrics
from ._runtime.sync import LoopThread, SyncEventStream

__all__ = ["SyncClient", "SyncEventStream", "SyncVMClient"]


class SyncClient:
    """A blocking DWCP client; `with SyncClient(config) as client:` connects and authenticates."""

    def __init__(
        self,
        config: ClientConfig,
        *,
        hooks: Sequence[Hook] = (),
        tracer_provider: Optional[Any] = None,
        jitter: Optional[Callable[[], float]] = None,
    ) -> None:
        """`hooks`, `tracer_provider` and `jitter` as for Client (hooks run on the client's loop thread)."""
        self._loop = LoopThread()
        self._client = Client(config, hooks=hooks, tracer_provider=tracer_provider, jitter=jitter)
        self.config = config

    def __enter__(self) -> SyncClient:
        self.connect()
        return self

    def __exit__(
        self, kind: Optional[type[BaseException]], value: Optional[BaseException], tb: Optional[TracebackType]
    ) -> None:
        self.close()

    def connect(self) -> None:
        """Opens the connection pool and authenticates the API key."""
        self._loop.run(self._client.connect())

    def disconnect(self) -> None:
        """Closes every connection; later calls raise NotConnectedError."""
        self._loop.run(self._client.disconnect())

    def close(self) -> None:
        """Disconnects and stops the private event-loop thread."""
        self.disconnect()
        self._loop.close()

    @property
    def is_connected(self) -> bool:
        """True between connect() and disconnect()."""
        return self._client.is_connected

    @property
    def is_authenticated(self) -> bool:
        """True once the server accepted the API key."""
        return self._client.is_authenticated

    def get_metrics(self) -> ClientMetrics:
        """Messages and bytes sent and received, and failed attempts, so far."""
        return self._client.get_metrics()

    def health(self, *, request_options: Optional[RequestOptions] = None) -> HealthStatus:
        """Reports whether the server is serving."""
        return self._loop.run(self._client.health(request_options=request_options))

    def VM(self) -> SyncVMClient:
        """The vm client (as in the reference guide); same as `client.vm`."""
        return self.vm

    @cached_property
    def vm(self) -> SyncVMClient:
        """Virtual machines, their migrations, snapshots, metrics and events."""
        return SyncVMClient(self._client.vm, self._loop)


class SyncVMClient:
    """Virtual machines, their migrations, snapshots, metrics and events. (blocking)"""

    def __init__(self, client: VMClient, loop: LoopThread) -> None:
        self._client = client
        self._loop = loop

    def create(
        self,
        config: VMConfig,
        *,
        idempotency_key: Optional[str] = None,
        request_options: Optional[RequestOptions] = None,
    ) -> VM:
        """Creates a VM (placed on a node that fits) and returns it in state creating."""
        return self._loop.run(
            self._client.create(
                config=config, idempotency_key=idempotency_key, request_options=request_options
            )
        )

    def get(self, vm_id: str, *, request_options: Optional[RequestOptions] = None) -> VM:
        """Returns a VM."""
        return self._loop.run(self._client.get(vm_id=vm_id, request_options=request_options))

    def list(
        self,
        labels: Optional[dict[str, str]] = None,
        *,
        page_size: Optional[int] = None,
        request_options: Optional[RequestOptions] = None,
    ) -> builtins.list[VM]:
        """Lists VMs whose labels match all the given labels, page by page."""
        return self._loop.run(
            self._client.list(labels=labels, page_size=page_size, request_options=request_options).all()
        )

    def start(self, vm_id: str, *, request_options: Optional[RequestOptions] = None) -> VM:
        """Starts a stopped VM; starting a running VM is a no-op."""
        return self._loop.run(self._client.start(vm_id=vm_id, request_options=request_options))

    def stop(
        self, vm_id: str, force: Optional[bool] = None, *, request_options: Optional[RequestOptions] = None
    ) -> VM:
        """Stops a running VM, gracefully or by force; stopping a stopped VM is a no-op."""
        return self._loop.run(self._client.stop(vm_id=vm_id, force=force, request_options=request_options))

    def destroy(self, vm_id: str, *, request_options: Optional[RequestOptions] = None) -> None:
        """Destroys a VM and its snapshots."""
        return self._loop.run(self._client.destroy(vm_id=vm_id, request_options=request_options))

    def migrate(
        self,
        vm_id: str,
        target_node: str,
        options: Optional[MigrationOptions] = None,
        *,
        idempotency_key: Optional[str] = None,
        request_options: Optional[RequestOptions] = None,
    ) -> MigrationStatus:
        """Starts moving a VM to another node; poll get_migration_status or wait for it."""
        return self._loop.run(
            self._client.migrate(
                vm_id=vm_id,
                target_node=target_node,
                options=options,
                idempotency_key=idempotency_key,
                request_options=request_options,
            )
        )

    def get_migration_status(
        self, migration_id: str, *, request_options: Optional[RequestOptions] = None
    ) -> MigrationStatus:
        """Returns the progress of a migration."""
        return self._loop.run(
            self._client.get_migration_status(migration_id=migration_id, request_options=request_options)
        )

    def cancel_migration(
        self, migration_id: str, *, request_options: Optional[RequestOptions] = None
    ) -> MigrationStatus:
        """Cancels a migration; the VM stays on its source node."""
        return self._loop.run(
            self._client.cancel_migration(migration_id=migration_id, request_options=request_options)
        )

    def snapshot(
        self,
        vm_id: str,
        name: str,
        options: Optional[SnapshotOptions] = None,
        *,
        idempotency_key: Optional[str] = None,
        request_options: Optional[RequestOptions] = None,
    ) -> Snapshot:
        """Takes a snapshot of a VM."""
        return self._loop.run(
            self._client.snapshot(
                vm_id=vm_id,
                name=name,
                options=options,
                idempotency_key=idempotency_key,
                request_options=request_options,
            )
        )

    def list_snapshots(
        self, vm_id: str, *, page_size: Optional[int] = None, request_options: Optional[RequestOptions] = None
    ) -> builtins.list[Snapshot]:
        """Lists a VM's snapshots, page by page."""
        return self._loop.run(
            self._client.list_snapshots(
                vm_id=vm_id, page_size=page_size, request_options=request_options
            ).all()
        )

    def restore_snapshot(
        self,
        vm_id: str,
        snapshot_id: str,
        *,
        idempotency_key: Optional[str] = None,
        request_options: Optional[RequestOptions] = None,
    ) -> VM:
        """Restores a VM from one of its snapshots."""
        return self._loop.run(
            self._client.restore_snapshot(
                vm_id=vm_id,
                snapshot_id=snapshot_id,
                idempotency_key=idempotency_key,
                request_options=request_options,
            )
        )

    def delete_snapshot(self, snapshot_id: str, *, request_options: Optional[RequestOptions] = None) -> None:
        """Deletes a snapshot."""
        return self._loop.run(
            self._client.delete_snapshot(snapshot_id=snapshot_id, request_options=request_options)
        )

    def get_metrics(
        self,
        vm_id: str,
        window: Optional[Duration] = None,
        *,
        request_options: Optional[RequestOptions] = None,
    ) -> VMMetrics:
        """Returns a VM's resource usage over a window (default 5 minutes)."""
        return self._loop.run(
            self._client.get_metrics(vm_id=vm_id, window=window, request_options=request_options)
        )

    def stream_metrics(
        self,
        vm_id: str,
        interval: Optional[Duration] = None,
        *,
        request_options: Optional[RequestOptions] = None,
    ) -> SyncEventStream[VMMetrics]:
        """Streams a VM's metrics, one sample per interval (default 1 s)."""
        return SyncEventStream(
            self._client.stream_metrics(vm_id=vm_id, interval=interval, request_options=request_options),
            self._loop,
        )

    def watch(
        self,
        vm_id: str,
        *,
        since: Optional[int] = None,
        follow: Optional[bool] = None,
        request_options: Optional[RequestOptions] = None,
    ) -> SyncEventStream[VMEvent]:
        """Streams a VM's retained events, then new ones as they happen (follow: false ends after the backlog)."""
        return SyncEventStream(
            self._client.watch(vm_id=vm_id, since=since, follow=follow, request_options=request_options),
            self._loop,
        )

    def wait_until_running(
        self,
        vm_id: str,
        max_wait: Optional[Duration] = None,
        *,
        min_delay: Optional[Duration] = None,
        max_delay: Optional[Duration] = None,
        request_options: Optional[RequestOptions] = None,
    ) -> VM:
        """Waits until the VM runs; a VM that ends in error fails the wait."""
        return self._loop.run(
            self._client.wait_until_running(
                vm_id, max_wait, min_delay=min_delay, max_delay=max_delay, request_options=request_options
            )
        )

    def wait_until_stopped(
        self,
        vm_id: str,
        max_wait: Optional[Duration] = None,
        *,
        min_delay: Optional[Duration] = None,
        max_delay: Optional[Duration] = None,
        request_options: Optional[RequestOptions] = None,
    ) -> VM:
        """Waits until the VM is stopped; a VM that ends in error fails the wait."""
        return self._loop.run(
            self._client.wait_until_stopped(
                vm_id, max_wait, min_delay=min_delay, max_delay=max_delay, request_options=request_options
            )
        )

    def wait_until_destroyed(
        self,
        vm_id: str,
        max_wait: Optional[Duration] = None,
        *,
        min_delay: Optional[Duration] = None,
        max_delay: Optional[Duration] = None,
        request_options: Optional[RequestOptions] = None,
    ) -> None:
        """Waits until the VM is gone (get answers vm_not_found)."""
        return self._loop.run(
            self._client.wait_until_destroyed(
                vm_id, max_wait, min_delay=min_delay, max_delay=max_delay, request_options=request_options
            )
        )

    def wait_for_migration(
        self,
        migration_id: str,
        max_wait: Optional[Duration] = None,
        *,
        min_delay: Optional[Duration] = None,
        max_delay: Optional[Duration] = None,
        request_options: Optional[RequestOptions] = None,
    ) -> MigrationStatus:
        """Waits until a migration ends; failed or cancelled raise MigrationError with the status's error text."""
        return self._loop.run(
            self._client.wait_for_migration(
                migration_id,
                max_wait,
                min_delay=min_delay,
                max_delay=max_delay,
                request_options=request_options,
            )
        )

    def health(self, *, request_options: Optional[RequestOptions] = None) -> HealthStatus:
        """Reports whether the server is serving."""
        return self._loop.run(self._client.health(request_options=request_options))
