# Code generated from spec/dwcp.yaml by generator/; DO NOT EDIT.
"""Conformance driver of the dwcp Python SDK: JSON lines on stdin, one reply per line on stdout.

It maps every command of conformance/README.md (protocol 1) onto the SDK's public API.
"""

from __future__ import annotations

import asyncio
import json
import ssl
import sys
import threading
from collections.abc import Awaitable
from typing import Any, Callable, Optional, Union

import dwcp
from dwcp._runtime.durations import Duration

PROTOCOL = 1
FEATURES = [
    "sync_client",
    "async_client",
    "vm_management",
    "live_migration",
    "snapshots",
    "realtime_metrics",
    "event_streaming",
    "stream_resume",
    "tls",
    "connection_pooling",
    "automatic_retry",
    "idempotency",
    "client_validation",
    "health_checking",
    "hooks",
    "logging",
    "tracing",
    "per_call_options",
    "raw_responses",
    "user_agent",
    "retry_budget",
    "waiters",
    "lazy_pagination",
]
DURATIONS = {"connect_timeout", "request_timeout", "retry_backoff", "keep_alive_period"}
STRUCTS = {
    "network_interface": dwcp.NetworkInterface,
    "network_config": dwcp.NetworkConfig,
    "affinity": dwcp.Affinity,
    "vm_config": dwcp.VMConfig,
    "vm_metrics": dwcp.VMMetrics,
    "vm": dwcp.VM,
    "vm_list": dwcp.VMList,
    "migration_options": dwcp.MigrationOptions,
    "migrate_request": dwcp.MigrateRequest,
    "migration_status": dwcp.MigrationStatus,
    "snapshot_options": dwcp.SnapshotOptions,
    "snapshot_request": dwcp.SnapshotRequest,
    "snapshot": dwcp.Snapshot,
    "snapshot_list": dwcp.SnapshotList,
    "stop_request": dwcp.StopRequest,
    "vm_event": dwcp.VMEvent,
    "health_status": dwcp.HealthStatus,
    "session_info": dwcp.SessionInfo,
    "error_detail": dwcp.ErrorDetail,
    "error_body": dwcp.ErrorBody,
}

# A call on a client (Client or SyncClient: the same method names) with the protocol's arguments.
Op = Callable[[Any, dict[str, Any]], Any]
Stream = Callable[[Any, dict[str, Any]], "dwcp.EventStream[Any]"]


def model(name: str, value: Any) -> Any:
    """A spec struct built from its wire form (so the SDK validates it), or None."""
    return None if value is None else STRUCTS[name](**value)


def seconds(value: Optional[float]) -> Optional[Duration]:
    """Wire milliseconds as the SDK's seconds."""
    return None if value is None else value / 1000


OPS: dict[str, Op] = {
    "system.health": lambda c, a: c.health(),
    "vm.create": lambda c, a: c.vm.create(
        config=model("vm_config", a.get("config")),
    ),
    "vm.get": lambda c, a: c.vm.get(
        vm_id=a["vm_id"],
    ),
    "vm.list": lambda c, a: c.vm.list(
        labels=a.get("labels"),
        page_size=a.get("page_size"),
    ),
    "vm.start": lambda c, a: c.vm.start(
        vm_id=a["vm_id"],
    ),
    "vm.stop": lambda c, a: c.vm.stop(
        vm_id=a["vm_id"],
        force=a.get("force"),
    ),
    "vm.destroy": lambda c, a: c.vm.destroy(
        vm_id=a["vm_id"],
    ),
    "vm.migrate": lambda c, a: c.vm.migrate(
        vm_id=a["vm_id"],
        target_node=a["target_node"],
        options=model("migration_options", a.get("options")),
    ),
    "vm.wait_for_migration": lambda c, a: c.vm.wait_for_migration(a["migration_id"], a["deadline_ms"] / 1000),
    "vm.get_migration_status": lambda c, a: c.vm.get_migration_status(
        migration_id=a["migration_id"],
    ),
    "vm.cancel_migration": lambda c, a: c.vm.cancel_migration(
        migration_id=a["migration_id"],
    ),
    "vm.snapshot": lambda c, a: c.vm.snapshot(
        vm_id=a["vm_id"],
        name=a["name"],
        options=model("snapshot_options", a.get("options")),
    ),
    "vm.list_snapshots": lambda c, a: c.vm.list_snapshots(
        vm_id=a["vm_id"],
        page_size=a.get("page_size"),
    ),
    "vm.restore_snapshot": lambda c, a: c.vm.restore_snapshot(
        vm_id=a["vm_id"],
        snapshot_id=a["snapshot_id"],
    ),
    "vm.delete_snapshot": lambda c, a: c.vm.delete_snapshot(
        snapshot_id=a["snapshot_id"],
    ),
    "vm.get_metrics": lambda c, a: c.vm.get_metrics(
        vm_id=a["vm_id"],
        window=seconds(a.get("window")),
    ),
}
STREAMS: dict[str, Stream] = {
    "vm.stream_metrics": lambda c, a: c.vm.stream_metrics(
        vm_id=a["vm_id"],
        interval=seconds(a.get("interval")),
    ),
    "vm.watch": lambda c, a: c.vm.watch(
        vm_id=a["vm_id"],
        since=a.get("since"),
        follow=a.get("follow"),
    ),
}


def wire(value: Any) -> Any:
    """A result in wire form: models dumped as JSON (absent fields omitted), lists item by item."""
    if isinstance(value, list):
        return [wire(item) for item in value]
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json", exclude_none=True)
    return value


def error(exc: BaseException) -> dict[str, Any]:
    """An exception in the protocol's error form; anything but a DWCPError is a Crash."""
    if isinstance(exc, dwcp.DWCPError):
        retry_after = None if exc.retry_after is None else round(exc.retry_after * 1000)
        return {
            "category": type(exc).__name__,
            "status": exc.status,
            "code": exc.code,
            "request_id": exc.request_id,
            "attempts": exc.attempts,
            "retry_after_ms": retry_after,
            "message": str(exc),
            "field": exc.field,
        }
    if isinstance(exc, asyncio.TimeoutError):
        return {"category": "TimeoutError", "status": None, "message": "deadline exceeded"}
    if isinstance(exc, asyncio.CancelledError):
        return {"category": "Cancelled", "status": None, "message": "cancelled"}
    return {"category": "Crash", "status": None, "message": f"{type(exc).__name__}: {exc}"}


def config(wire_config: dict[str, Any]) -> dwcp.ClientConfig:
    """A ClientConfig from its wire form (durations in ms, ca_file trusted through an SSLContext)."""
    test_settings = ("ca_file", "jitter", "sync")
    fields = {k: v / 1000 if k in DURATIONS else v for k, v in wire_config.items() if k not in test_settings}
    if wire_config.get("ca_file"):
        fields["ssl_context"] = ssl.create_default_context(cafile=wire_config["ca_file"])
    return dwcp.ClientConfig(**fields)


class StreamPump:
    """Reads an SDK stream in the background so that stream_read can wait with a timeout."""

    def __init__(self, stream: dwcp.EventStream[Any]) -> None:
        self.stream = stream
        self.events: asyncio.Queue[Any] = asyncio.Queue()
        self.done = False
        self.error: Optional[BaseException] = None
        self.task = asyncio.get_running_loop().create_task(self._pump())

    async def _pump(self) -> None:
        try:
            async for event in self.stream:
                # The protocol wants every event's SSE id; a payload without an id field carries it only there.
                self.events.put_nowait({"id": self.stream.last_event_id, **wire(event)})
        except Exception as exc:
            self.error = exc
        finally:
            self.done = True
            self.events.put_nowait(None)

    async def read(self, count: int, timeout: float) -> dict[str, Any]:
        """Up to `count` events, waiting at most `timeout` seconds."""
        loop = asyncio.get_running_loop()
        end = loop.time() + timeout
        events: list[Any] = []
        while len(events) < count:
            if self.done and self.events.empty():
                break
            try:
                item = await asyncio.wait_for(self.events.get(), max(0.0, end - loop.time()))
            except asyncio.TimeoutError:
                break
            if item is not None:
                events.append(item)
        finished = self.done and self.events.empty()
        return {
            "events": events,
            "done": finished,
            "error": error(self.error) if finished and self.error else None,
        }

    async def close(self) -> None:
        """Stops the pump and the stream."""
        self.task.cancel()
        await asyncio.gather(self.task, return_exceptions=True)
        await self.stream.aclose()


AnyClient = Union[dwcp.Client, dwcp.SyncClient]


async def settle(client: AnyClient, thunk: Callable[[], Any]) -> Any:
    """Runs a call on either client: the SyncClient's blocking call on a worker thread."""
    if isinstance(client, dwcp.SyncClient):
        return await asyncio.to_thread(thunk)
    return await thunk()


class Driver:
    """Clients and streams by name, and one handler per command."""

    def __init__(self) -> None:
        self.clients: dict[str, AnyClient] = {}
        self.streams: dict[str, StreamPump] = {}

    async def hello(self, req: dict[str, Any]) -> Any:
        return {
            "language": "python",
            "sdk_version": dwcp.__version__,
            "protocol": PROTOCOL,
            "features": FEATURES,
        }

    async def new_client(self, req: dict[str, Any]) -> Any:
        jitter = req["config"].get("jitter")
        hook = None if jitter is None else (lambda: float(jitter))
        kind = dwcp.SyncClient if req["config"].get("sync") else dwcp.Client
        self.clients[req["client"]] = kind(config(req["config"]), jitter=hook)
        return {}

    async def connect(self, req: dict[str, Any]) -> Any:
        client = self.clients[req["client"]]
        await settle(client, client.connect)
        return await self.status(req)

    async def disconnect(self, req: dict[str, Any]) -> Any:
        client = self.clients[req["client"]]
        await settle(client, client.disconnect)
        return {}

    async def status(self, req: dict[str, Any]) -> Any:
        client = self.clients[req["client"]]
        return {"is_connected": client.is_connected, "is_authenticated": client.is_authenticated}

    async def client_metrics(self, req: dict[str, Any]) -> Any:
        metrics = self.clients[req["client"]].get_metrics()
        return dict(vars(metrics))

    async def call(self, req: dict[str, Any]) -> Any:
        client, args = self.clients[req["client"]], req.get("args") or {}
        result = settle(client, lambda: OPS[req["op"]](client, args))
        if req.get("deadline_ms") is not None:
            return wire(await asyncio.wait_for(result, req["deadline_ms"] / 1000))
        return wire(await result)

    async def call_many(self, req: dict[str, Any]) -> Any:
        calls = [{"client": req["client"], **call} for call in req["calls"]]
        return {"results": await asyncio.gather(*(self.answer(self.call, call) for call in calls))}

    async def stream_open(self, req: dict[str, Any]) -> Any:
        stream = STREAMS[req["op"]](self.clients[req["client"]], req.get("args") or {})
        await stream.open()
        self.streams[req["stream"]] = StreamPump(stream)
        return {}

    async def stream_read(self, req: dict[str, Any]) -> Any:
        return await self.streams[req["stream"]].read(req.get("count", 1), req.get("timeout_ms", 1000) / 1000)

    async def stream_close(self, req: dict[str, Any]) -> Any:
        pump = self.streams.pop(req["stream"], None)
        if pump is not None:
            await pump.close()
        return {}

    async def answer(
        self, handler: Callable[[dict[str, Any]], Awaitable[Any]], req: dict[str, Any]
    ) -> dict[str, Any]:
        """The reply to one request: ok with its result, or its error."""
        try:
            return {"ok": True, "result": await handler(req)}
        except Exception as exc:
            return {"ok": False, "error": error(exc)}


def stdin_lines(loop: asyncio.AbstractEventLoop, queue: asyncio.Queue[Optional[str]]) -> None:
    """Feeds stdin lines to the event loop from a thread (stdin is not awaitable everywhere)."""
    for line in sys.stdin:
        loop.call_soon_threadsafe(queue.put_nowait, line)
    loop.call_soon_threadsafe(queue.put_nowait, None)


async def main() -> None:
    driver = Driver()
    queue: asyncio.Queue[Optional[str]] = asyncio.Queue()
    threading.Thread(target=stdin_lines, args=(asyncio.get_running_loop(), queue), daemon=True).start()
    while (line := await queue.get()) is not None:
        if not line.strip():
            continue
        req = json.loads(line)
        if req["cmd"] == "shutdown":
            reply: dict[str, Any] = {"ok": True, "result": {}}
        else:
            handler = getattr(driver, req["cmd"], None)
            if handler is None or req["cmd"].startswith("_"):
                reply = {
                    "ok": False,
                    "error": {"category": "Crash", "message": f"unknown command {req['cmd']}"},
                }
            else:
                reply = await driver.answer(handler, req)
        sys.stdout.write(json.dumps({"id": req["id"], **reply}) + "\n")
        sys.stdout.flush()
        if req["cmd"] == "shutdown":
            break
    for client in driver.clients.values():
        await settle(client, client.close if isinstance(client, dwcp.SyncClient) else client.disconnect)


if __name__ == "__main__":
    asyncio.run(main())
