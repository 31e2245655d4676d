# Code generated from spec/dwcp.yaml by generator/; DO NOT EDIT.
"""Conformance driver of the dwcp Python SDK: JSON lines on stdin, one reply per line on stdout.

It maps every command of conformance/README.md (protocol 1) onto the SDK's public API.
"""

from __future__ import annotations

import asyncio
import contextvars
import json
import logging
import os
import pickle
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
    "cancellation",
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

# A call on a client (Client or SyncClient: the same method names) with the protocol's arguments and options.
Op = Callable[[Any, dict[str, Any], Optional[dwcp.RequestOptions]], Any]
Stream = Callable[[Any, dict[str, Any], Optional[dwcp.RequestOptions]], "dwcp.EventStream[Any]"]


def model(name: str, value: Any) -> Any:
    """A spec struct built from its wire form (so the SDK validates it), or None."""
    return None if value is None else STRUCTS[name](**value)


def seconds(value: Optional[float]) -> Optional[Duration]:
    """Wire milliseconds as the SDK's seconds."""
    return None if value is None else value / 1000


OPS: dict[str, Op] = {
    "system.health": lambda c, a, o: c.health(request_options=o),
    "vm.create": lambda c, a, o: c.vm.create(config=model("vm_config", a.get("config")), request_options=o),
    "vm.get": lambda c, a, o: c.vm.get(vm_id=a["vm_id"], request_options=o),
    "vm.list": lambda c, a, o: c.vm.list(
        labels=a.get("labels"), page_size=a.get("page_size"), request_options=o
    ),
    "vm.start": lambda c, a, o: c.vm.start(vm_id=a["vm_id"], request_options=o),
    "vm.stop": lambda c, a, o: c.vm.stop(vm_id=a["vm_id"], force=a.get("force"), request_options=o),
    "vm.destroy": lambda c, a, o: c.vm.destroy(vm_id=a["vm_id"], request_options=o),
    "vm.migrate": lambda c, a, o: c.vm.migrate(
        vm_id=a["vm_id"],
        target_node=a["target_node"],
        options=model("migration_options", a.get("options")),
        request_options=o,
    ),
    "vm.get_migration_status": lambda c, a, o: c.vm.get_migration_status(
        migration_id=a["migration_id"], request_options=o
    ),
    "vm.cancel_migration": lambda c, a, o: c.vm.cancel_migration(
        migration_id=a["migration_id"], request_options=o
    ),
    "vm.snapshot": lambda c, a, o: c.vm.snapshot(
        vm_id=a["vm_id"],
        name=a["name"],
        options=model("snapshot_options", a.get("options")),
        request_options=o,
    ),
    "vm.list_snapshots": lambda c, a, o: c.vm.list_snapshots(
        vm_id=a["vm_id"], page_size=a.get("page_size"), request_options=o
    ),
    "vm.restore_snapshot": lambda c, a, o: c.vm.restore_snapshot(
        vm_id=a["vm_id"], snapshot_id=a["snapshot_id"], request_options=o
    ),
    "vm.delete_snapshot": lambda c, a, o: c.vm.delete_snapshot(
        snapshot_id=a["snapshot_id"], request_options=o
    ),
    "vm.get_metrics": lambda c, a, o: c.vm.get_metrics(
        vm_id=a["vm_id"], window=seconds(a.get("window")), request_options=o
    ),
    "vm.wait_until_running": lambda c, a, o: c.vm.wait_until_running(
        a["vm_id"], seconds(a.get("max_wait_ms", a.get("deadline_ms"))), request_options=o
    ),
    "vm.wait_until_stopped": lambda c, a, o: c.vm.wait_until_stopped(
        a["vm_id"], seconds(a.get("max_wait_ms", a.get("deadline_ms"))), request_options=o
    ),
    "vm.wait_until_destroyed": lambda c, a, o: c.vm.wait_until_destroyed(
        a["vm_id"], seconds(a.get("max_wait_ms", a.get("deadline_ms"))), request_options=o
    ),
    "vm.wait_for_migration": lambda c, a, o: c.vm.wait_for_migration(
        a["migration_id"], seconds(a.get("max_wait_ms", a.get("deadline_ms"))), request_options=o
    ),
}
# The same calls through with_raw_response (async Client only): a RawResponse of the result.
RAW_OPS: dict[str, Op] = {
    "system.health": lambda c, a, o: c.with_raw_response.health(request_options=o),
    "vm.create": lambda c, a, o: c.vm.with_raw_response.create(
        config=model("vm_config", a.get("config")), request_options=o
    ),
    "vm.get": lambda c, a, o: c.vm.with_raw_response.get(vm_id=a["vm_id"], request_options=o),
    "vm.list": lambda c, a, o: c.vm.with_raw_response.list(
        labels=a.get("labels"), page_size=a.get("page_size"), request_options=o
    ),
    "vm.start": lambda c, a, o: c.vm.with_raw_response.start(vm_id=a["vm_id"], request_options=o),
    "vm.stop": lambda c, a, o: c.vm.with_raw_response.stop(
        vm_id=a["vm_id"], force=a.get("force"), request_options=o
    ),
    "vm.destroy": lambda c, a, o: c.vm.with_raw_response.destroy(vm_id=a["vm_id"], request_options=o),
    "vm.migrate": lambda c, a, o: c.vm.with_raw_response.migrate(
        vm_id=a["vm_id"],
        target_node=a["target_node"],
        options=model("migration_options", a.get("options")),
        request_options=o,
    ),
    "vm.get_migration_status": lambda c, a, o: c.vm.with_raw_response.get_migration_status(
        migration_id=a["migration_id"], request_options=o
    ),
    "vm.cancel_migration": lambda c, a, o: c.vm.with_raw_response.cancel_migration(
        migration_id=a["migration_id"], request_options=o
    ),
    "vm.snapshot": lambda c, a, o: c.vm.with_raw_response.snapshot(
        vm_id=a["vm_id"],
        name=a["name"],
        options=model("snapshot_options", a.get("options")),
        request_options=o,
    ),
    "vm.list_snapshots": lambda c, a, o: c.vm.with_raw_response.list_snapshots(
        vm_id=a["vm_id"], page_size=a.get("page_size"), request_options=o
    ),
    "vm.restore_snapshot": lambda c, a, o: c.vm.with_raw_response.restore_snapshot(
        vm_id=a["vm_id"], snapshot_id=a["snapshot_id"], request_options=o
    ),
    "vm.delete_snapshot": lambda c, a, o: c.vm.with_raw_response.delete_snapshot(
        snapshot_id=a["snapshot_id"], request_options=o
    ),
    "vm.get_metrics": lambda c, a, o: c.vm.with_raw_response.get_metrics(
        vm_id=a["vm_id"], window=seconds(a.get("window")), request_options=o
    ),
}
STREAMS: dict[str, Stream] = {
    "vm.stream_metrics": lambda c, a, o: c.vm.stream_metrics(
        vm_id=a["vm_id"], interval=seconds(a.get("interval")), request_options=o
    ),
    "vm.watch": lambda c, a, o: c.vm.watch(
        vm_id=a["vm_id"], since=a.get("since"), follow=a.get("follow"), request_options=o
    ),
}
POINTS = ("before_attempt", "after_response", "before_retry", "on_error")


def wire(value: Any) -> Any:
    """A result in wire form: models dumped as JSON (absent fields omitted), lists item by item."""
    if isinstance(value, list):
        return [wire(item) for item in value]
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json", exclude_none=True)
    return value


class Cancelled(Exception):
    """A call the driver cancelled (cancel_after_ms): the SDK raised asyncio.CancelledError."""


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
            "retry_quota_exhausted": exc.retry_quota_exhausted,
            "state": exc.details.get("state"),
        }
    if isinstance(exc, asyncio.TimeoutError):
        return {"category": "TimeoutError", "status": None, "message": "deadline exceeded"}
    if isinstance(exc, (asyncio.CancelledError, Cancelled)):
        return {"category": "Cancelled", "status": None, "message": "cancelled"}
    return {"category": "Crash", "status": None, "message": f"{type(exc).__name__}: {exc}"}


def category(exc: BaseException) -> dict[str, Any]:
    """An error's category and code, as hook events report them (a cancel is category Cancelled)."""
    if isinstance(exc, asyncio.CancelledError):
        return {"category": "Cancelled", "code": None}
    return {"category": type(exc).__name__, "code": getattr(exc, "code", None)}


def request_options(wire_options: Optional[dict[str, Any]]) -> Optional[dwcp.RequestOptions]:
    """The protocol's call options as the SDK's RequestOptions (timeout_ms in seconds)."""
    if not wire_options:
        return None
    timeout = wire_options.get("timeout_ms")
    return dwcp.RequestOptions(
        timeout=None if timeout is None else timeout / 1000,
        retry_attempts=wire_options.get("retry_attempts"),
        headers=wire_options.get("headers"),
        idempotency_key=wire_options.get("idempotency_key"),
    )


class Recorder(dwcp.Hook):
    """A hook of the protocol's `hooks` setting: records every point, adds headers, raises where told."""

    def __init__(
        self, name: str, set_headers: dict[str, str], fail_at: Optional[str], events: list[Any]
    ) -> None:
        self.name = name
        self.set_headers = set_headers
        self.fail_at = fail_at
        self.events = events

    def _record(self, point: str, ctx: dwcp.AttemptContext, **extra: Any) -> None:
        event = {"hook": self.name, "point": point, "op": ctx.operation, "attempt": ctx.attempt}
        self.events.append({**event, "request_id": ctx.request_id, **extra})
        if self.fail_at == point:
            raise RuntimeError(f"hook {self.name} fails at {point}")

    def before_attempt(self, ctx: dwcp.AttemptContext) -> None:
        ctx.headers.update(self.set_headers)
        self._record("before_attempt", ctx)

    def after_response(self, ctx: dwcp.AttemptContext) -> None:
        duration = round(ctx.duration * 1000, 3)
        self._record(
            "after_response", ctx, request_id=ctx.response_request_id, status=ctx.status, duration_ms=duration
        )

    def before_retry(self, ctx: dwcp.RetryContext) -> None:
        self._record("before_retry", ctx.attempt, delay_ms=round(ctx.delay * 1000), cause=category(ctx.cause))

    def on_error(self, ctx: dwcp.ErrorContext) -> None:
        attempts = ctx.error.attempts if isinstance(ctx.error, dwcp.DWCPError) else ctx.attempt.attempt
        error = {**category(ctx.error), "attempts": attempts}
        self._record("on_error", ctx.attempt, error=error)


# The client whose command is running: the SDK's log records go to that client's list.
CURRENT: contextvars.ContextVar[Optional[str]] = contextvars.ContextVar("client", default=None)


class LogCapture(logging.Handler):
    """A handler on the SDK's `dwcp` logger: each record in the protocol's form, for the client that wrote it."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: dict[str, list[Any]] = {}

    def emit(self, record: logging.LogRecord) -> None:
        entry = {
            "level": record.levelname.lower(),
            "event": getattr(record, "dwcp_event", ""),
            "text": record.getMessage(),
            "fields": getattr(record, "dwcp_fields", {}),
        }
        name = CURRENT.get()
        for client in [name] if name in self.records else list(self.records):
            self.records[client].append(entry)


LOGS = LogCapture()
logging.getLogger("dwcp").addHandler(LOGS)


def span(s: Any) -> dict[str, Any]:
    """An ended span in the protocol's form."""
    context, parent = s.get_span_context(), s.parent
    assert context is not None
    return {
        "name": s.name,
        "kind": s.kind.name.lower(),
        "trace_id": f"{context.trace_id:032x}",
        "span_id": f"{context.span_id:016x}",
        "parent_span_id": None if parent is None else f"{parent.span_id:016x}",
        "status": s.status.status_code.name.lower(),
        "attributes": dict(s.attributes or {}),
    }


def config(wire_config: dict[str, Any]) -> dwcp.ClientConfig:
    """A ClientConfig from its wire form (durations in ms, ca_file trusted through an SSLContext)."""
    test_settings = ("ca_file", "jitter", "sync", "hooks", "log_level", "tracing")
    fields = {k: v / 1000 if k in DURATIONS else v for k, v in wire_config.items() if k not in test_settings}
    if wire_config.get("ca_file"):
        fields["ssl_context"] = ssl.create_default_context(cafile=wire_config["ca_file"])
    return dwcp.ClientConfig(**fields)


async def take(pager: Any, count: int) -> list[Any]:
    """The first `count` items of a paginated call, read with `async for` (no page after them is fetched)."""
    items: list[Any] = []
    if count <= 0:
        return items
    async for item in pager:
        items.append(item)
        if len(items) >= count:
            break
    return items


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
        """Closes the stream (its connection at once, a reconnect in progress too), then stops the pump."""
        await self.stream.aclose()
        self.task.cancel()
        await asyncio.gather(self.task, return_exceptions=True)


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
        self.events: dict[str, list[Any]] = {}
        self.exporters: dict[str, Any] = {}  # InMemorySpanExporter by client

    async def hello(self, req: dict[str, Any]) -> Any:
        return {
            "language": "python",
            "sdk_version": dwcp.__version__,
            "protocol": PROTOCOL,
            "features": FEATURES,
        }

    async def new_client(self, req: dict[str, Any]) -> Any:
        name, settings = req["client"], req["config"]
        jitter = settings.get("jitter")
        pinned = None if jitter is None else (lambda: float(jitter))
        events = self.events[name] = []
        hooks = [
            Recorder(h["name"], h.get("set_headers") or {}, h.get("fail_at"), events)
            for h in settings.get("hooks") or []
        ]
        provider = None
        if settings.get("tracing"):
            from opentelemetry.sdk.trace import TracerProvider
            from opentelemetry.sdk.trace.export import SimpleSpanProcessor
            from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

            exporter = self.exporters[name] = InMemorySpanExporter()
            provider = TracerProvider()
            provider.add_span_processor(SimpleSpanProcessor(exporter))
        kind = dwcp.SyncClient if settings.get("sync") else dwcp.Client
        built = config(settings)
        level = settings.get("log_level")
        if level:
            LOGS.records[name] = []
            os.environ["DWCP_LOG"] = level  # the SDK reads it when the client is built
        try:
            self.clients[name] = kind(built, hooks=hooks, tracer_provider=provider, jitter=pinned)
        finally:
            os.environ.pop("DWCP_LOG", None)
        return {}

    async def hook_events(self, req: dict[str, Any]) -> Any:
        events = self.events.get(req["client"], [])
        out, events[:] = list(events), []
        return {"events": out}

    async def log_records(self, req: dict[str, Any]) -> Any:
        records = LOGS.records.get(req["client"], [])
        out, records[:] = list(records), []
        return {"records": out}

    async def spans(self, req: dict[str, Any]) -> Any:
        exporter = self.exporters.get(req["client"])
        if exporter is None:
            return {"spans": []}
        out = [span(s) for s in exporter.get_finished_spans()]
        exporter.clear()
        return {"spans": out}

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

    async def describe(self, req: dict[str, Any]) -> Any:
        """Every text form Python gives the client and its config (the runner searches them for the key)."""
        client = self.clients[req["client"]]
        config = client.config
        try:
            pickled = pickle.dumps(config).decode("latin-1")
        except (pickle.PicklingError, TypeError) as exc:  # an ssl_context cannot be pickled
            pickled = f"not picklable: {exc}"
        forms = {
            "repr(config)": repr(config),
            "str(config)": str(config),
            "config.model_dump_json()": config.model_dump_json(),
            "str(config.model_dump())": str(config.model_dump()),
            "pickle.dumps(config)": pickled,
            "repr(client)": repr(client),
            "str(client)": str(client),
        }
        return {"renderings": [{"how": how, "text": text} for how, text in forms.items()]}

    async def client_metrics(self, req: dict[str, Any]) -> Any:
        metrics = self.clients[req["client"]].get_metrics()
        return dict(vars(metrics))

    async def call(self, req: dict[str, Any]) -> Any:
        """One call; with cancel_after_ms, run as a task that is cancelled that many ms after it began."""
        cancel_after = req.get("cancel_after_ms")
        if cancel_after is None:
            return await self._call(req)
        if not isinstance(self.clients[req["client"]], dwcp.Client):
            raise TypeError("cancel_after_ms cancels a task of the async Client")
        task = asyncio.get_running_loop().create_task(self._call(req))
        done, _ = await asyncio.wait((task,), timeout=cancel_after / 1000)
        if not done:
            task.cancel()
        try:
            return await task  # the result or error when the call ended first
        except asyncio.CancelledError:
            current = asyncio.current_task()
            if current is not None and current.cancelling():
                raise  # the driver itself is being cancelled
            raise Cancelled(f"cancelled after {cancel_after} ms") from None

    async def _call(self, req: dict[str, Any]) -> Any:
        client, args = self.clients[req["client"]], req.get("args") or {}
        options = request_options(req.get("options"))
        if req.get("raw"):
            if not isinstance(client, dwcp.Client):
                raise TypeError("raw responses are offered by the async Client only")
            raw = await RAW_OPS[req["op"]](client, args, options)
            status, headers, request_id = raw.status_code, raw.headers, raw.request_id
            return {
                "status": status,
                "headers": headers,
                "request_id": request_id,
                "result": wire(raw.parsed),
            }
        if args.get("take") is not None:  # lazy pagination: read that many items, then stop fetching pages
            if not isinstance(client, dwcp.Client):
                raise TypeError("lazy pagination is read through the async Client")
            return wire(await take(OPS[req["op"]](client, args, options), args["take"]))
        result = settle(client, lambda: OPS[req["op"]](client, args, options))
        if req.get("deadline_ms") is not None:
            return wire(await asyncio.wait_for(result, req["deadline_ms"] / 1000))
        return wire(await result)

    async def call_many(self, req: dict[str, Any]) -> Any:
        calls = [{"client": req["client"], **call} for call in req["calls"]]
        return {"results": await asyncio.gather(*(self.answer(self.call, call) for call in calls))}

    async def stream_open(self, req: dict[str, Any]) -> Any:
        options = request_options(req.get("options"))
        stream = STREAMS[req["op"]](self.clients[req["client"]], req.get("args") or {}, options)
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
        CURRENT.set(req.get("client"))
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
