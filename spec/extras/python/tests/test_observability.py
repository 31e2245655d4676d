"""Hooks, logging, tracing, per-call options, raw responses, User-Agent and secrets (docs/observability.md)."""

from __future__ import annotations

import asyncio
import logging
import pickle
import platform
import re
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from aiohttp import web
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind, StatusCode

import dwcp
from tests.conftest import Server, error, ok
from tests.test_client import VM, vm_config


class Recorder(dwcp.Hook):
    """Records (name, point, attempt) and can add headers or raise at one point."""

    def __init__(self, name: str, seen: list[tuple[str, str, int]], fail_at: str = "", headers: Any = None) -> None:
        self.name, self.seen, self.fail_at, self.headers = name, seen, fail_at, headers or {}

    def _see(self, point: str, attempt: int) -> None:
        self.seen.append((self.name, point, attempt))
        if point == self.fail_at:
            raise RuntimeError(f"{self.name} fails")

    def before_attempt(self, ctx: dwcp.AttemptContext) -> None:
        ctx.headers.update(self.headers)
        self._see("before_attempt", ctx.attempt)

    async def after_response(self, ctx: dwcp.AttemptContext) -> None:  # async hooks are awaited
        assert ctx.status and ctx.duration >= 0 and ctx.response_request_id
        self._see("after_response", ctx.attempt)

    def before_retry(self, ctx: dwcp.RetryContext) -> None:
        assert ctx.cause.code == "unavailable" and ctx.delay >= 0
        self._see("before_retry", ctx.attempt.attempt)

    def on_error(self, ctx: dwcp.ErrorContext) -> None:
        assert isinstance(ctx.error, dwcp.DWCPError)  # a cancelled call's would be asyncio.CancelledError
        self._see("on_error", ctx.error.attempts)


async def test_hooks_run_in_order_at_every_point_and_headers_go_on_the_wire(server: Server) -> None:
    seen: list[tuple[str, str, int]] = []
    server.on("GET", "/v3/vms/vm-1", error(503, "connection_error", "unavailable"), ok(200, VM))
    hooks = [Recorder("a", seen, headers={"X-Hook": "a"}), Recorder("b", seen)]
    async with dwcp.Client(server.config(), hooks=hooks) as client:
        seen.clear()  # connect's own session call
        await client.vm.get("vm-1")
    assert seen == [
        ("a", "before_attempt", 1),
        ("b", "before_attempt", 1),
        ("a", "after_response", 1),
        ("b", "after_response", 1),
        ("a", "before_retry", 1),
        ("b", "before_retry", 1),
        ("a", "before_attempt", 2),
        ("b", "before_attempt", 2),
        ("a", "after_response", 2),
        ("b", "after_response", 2),
    ]
    attempts = server.requests("/v3/vms/vm-1")
    assert [r.headers["DWCP-Attempt"] for r in attempts] == ["1", "2"]
    assert all(r.headers["X-Hook"] == "a" for r in attempts)


async def test_a_raising_hook_sends_nothing_and_raises_hook_error(server: Server) -> None:
    seen: list[tuple[str, str, int]] = []
    client = dwcp.Client(server.config(), hooks=[Recorder("a", seen, fail_at="before_attempt")])
    await client._transport.open()
    try:
        with pytest.raises(dwcp.HookError) as caught:
            await client.vm.get("vm-1")
    finally:
        await client.disconnect()
    assert caught.value.code == "hook_failed" and caught.value.attempts == 0
    assert isinstance(caught.value.__cause__, RuntimeError)
    assert server.requests("/v3/vms/vm-1") == []
    assert seen == [("a", "before_attempt", 1), ("a", "on_error", 0)]


async def test_a_hook_error_after_a_response_is_never_retried(server: Server) -> None:
    seen: list[tuple[str, str, int]] = []
    server.on("GET", "/v3/vms/vm-1", error(503, "connection_error", "unavailable"), ok(200, VM))
    async with dwcp.Client(server.config()) as plain:
        client = dwcp.Client(server.config(), hooks=[Recorder("a", seen, fail_at="after_response")])
        client._transport._session = plain._transport._session  # connected without connect()'s hooked call
        with pytest.raises(dwcp.HookError) as caught:
            await client.vm.get("vm-1")
    assert caught.value.attempts == 1 and len(server.requests("/v3/vms/vm-1")) == 1
    assert seen == [("a", "before_attempt", 1), ("a", "after_response", 1), ("a", "on_error", 1)]


@pytest.fixture
def records(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[logging.LogRecord]]:
    caught: list[logging.LogRecord] = []

    class Catch(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            caught.append(record)

    handler = Catch()
    logging.getLogger("dwcp").addHandler(handler)
    monkeypatch.setenv("DWCP_LOG", "debug")
    yield caught
    logging.getLogger("dwcp").removeHandler(handler)


async def test_debug_logging_redacts_the_key_and_logs_each_attempt(
    server: Server, records: list[logging.LogRecord]
) -> None:
    server.on("GET", "/v3/vms/vm-1", error(503, "connection_error", "unavailable"), ok(200, VM))
    async with dwcp.Client(server.config(api_key="sk-secret-123")) as client:
        await client.vm.get("vm-1")
    events = [getattr(r, "dwcp_event", "") for r in records]
    assert events.count("attempt") == 3  # session + two attempts of get
    assert "retry" in events and "request" in events and "response" in events
    fields = [getattr(r, "dwcp_fields", {}) for r in records if getattr(r, "dwcp_event", "") == "attempt"]
    failed = next(f for f in fields if f["status"] == 503)
    assert failed["operation"] == "vm.get" and failed["path"] == "/vms/{vm_id}" and failed["attempt"] == 1
    text = "\n".join(r.getMessage() for r in records)
    assert "sk-secret-123" not in text and "[REDACTED]" in text
    assert "operation=vm.get" in text


async def test_logging_is_silent_without_dwcp_log(server: Server, monkeypatch: pytest.MonkeyPatch) -> None:
    caught: list[logging.LogRecord] = []

    class Catch(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            caught.append(record)

    handler = Catch()
    logging.getLogger("dwcp").addHandler(handler)
    monkeypatch.delenv("DWCP_LOG", raising=False)
    try:
        async with dwcp.Client(server.config()) as client:
            await client.health()
    finally:
        logging.getLogger("dwcp").removeHandler(handler)
    assert caught == []


async def test_tracing_spans_per_call_and_attempt_with_one_trace(server: Server) -> None:
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    server.on("GET", "/v3/vms/vm-1", error(503, "connection_error", "unavailable"), ok(200, VM))
    async with dwcp.Client(server.config(), tracer_provider=provider) as client:
        exporter.clear()
        await client.vm.get("vm-1")
    spans = exporter.get_finished_spans()
    call = next(s for s in spans if s.kind == SpanKind.INTERNAL)
    attempts = [s for s in spans if s.kind == SpanKind.CLIENT]
    assert call.name == "vm.get" and call.attributes is not None and call.attributes["dwcp.attempts"] == 2
    assert [s.name for s in attempts] == ["GET /vms/{vm_id}"] * 2
    assert attempts[0].status.status_code == StatusCode.ERROR
    assert attempts[1].attributes is not None and attempts[1].attributes["http.request.resend_count"] == 1
    assert all(s.parent is not None and s.parent.span_id == call.context.span_id for s in attempts)
    parents = [r.headers["traceparent"] for r in server.requests("/v3/vms/vm-1")]
    trace_id = f"{call.context.trace_id:032x}"
    assert all(re.fullmatch(rf"00-{trace_id}-[0-9a-f]{{16}}-0[0-9a-f]", p) for p in parents)
    assert len(set(parents)) == 2


async def test_request_options_override_for_one_call(server: Server) -> None:
    server.on("GET", "/v3/vms/vm-1", *[error(503, "connection_error", "unavailable")] * 2, ok(200, VM))
    async with dwcp.Client(server.config(retry_attempts=3)) as client:
        options = dwcp.RequestOptions(retry_attempts=0, headers={"X-Team": "ops", "Authorization": "Bearer x"})
        with pytest.raises(dwcp.ConnectionError) as caught:
            await client.vm.get("vm-1", request_options=options)
        assert caught.value.attempts == 1
        assert (await client.vm.get("vm-1")).id == "vm-1"  # the client's 3 retries again
    first, *rest = server.requests("/v3/vms/vm-1")
    assert first.headers["X-Team"] == "ops" and first.headers["Authorization"] == "Bearer sk-test"
    assert all("X-Team" not in r.headers for r in rest)


async def test_request_options_timeout_and_idempotency_key(server: Server) -> None:
    async def slow(request: web.Request) -> web.StreamResponse:
        await asyncio.sleep(0.5)
        return web.json_response(VM, status=201)

    server.on("POST", "/v3/vms", slow)
    async with dwcp.Client(server.config(retry_attempts=0, request_timeout=5)) as client:
        options = dwcp.RequestOptions(timeout=0.05, idempotency_key="key-1")
        with pytest.raises(dwcp.TimeoutError):
            await client.vm.create(vm_config(), request_options=options)
    assert server.requests("/v3/vms")[0].headers["Idempotency-Key"] == "key-1"


async def test_raw_response_carries_status_headers_and_request_id(server: Server) -> None:
    async def answer(request: web.Request) -> web.StreamResponse:
        return web.json_response(VM, headers={"X-Request-ID": "srv-1", "X-Extra": "yes"})

    server.on("GET", "/v3/vms/vm-1", answer)
    async with dwcp.Client(server.config()) as client:
        raw = await client.vm.with_raw_response.get("vm-1")
        health = await client.with_raw_response.health()
    assert raw.status_code == 200 and raw.request_id == "srv-1" and raw.headers["x-extra"] == "yes"
    assert raw.parse().id == "vm-1" and health.status_code == 200


async def test_user_agent_names_sdk_runtime_os_and_arch(server: Server) -> None:
    async with dwcp.Client(server.config()) as client:
        await client.health()
    agent = server.seen[-1].headers["User-Agent"]
    impl, version = platform.python_implementation(), platform.python_version()
    assert agent == f"dwcp-python/{dwcp.__version__} ({impl} {version}; {sys.platform}; {platform.machine()})"


def test_the_api_key_never_leaves_the_config() -> None:
    config = dwcp.ClientConfig(address="h", api_key="sk-very-secret")
    outputs = [repr(config), str(config), str(config.model_dump()), config.model_dump_json()]
    assert all("sk-very-secret" not in text for text in outputs)
    assert b"sk-very-secret" not in pickle.dumps(config)
    assert pickle.loads(pickle.dumps(config)).api_key == ""
    assert config.api_key == "sk-very-secret"
    with pytest.raises(dwcp.ValidationError) as caught:
        config.port = 0
    assert caught.value.field == "port" and "sk-very-secret" not in str(caught.value)


def test_the_core_imports_without_opentelemetry() -> None:
    script = (
        "import sys; sys.modules['opentelemetry'] = None\n"
        "import dwcp\n"
        "dwcp.Client(dwcp.ClientConfig(address='h'), hooks=[dwcp.Hook()])\n"
        "try:\n"
        "    dwcp.Client(dwcp.ClientConfig(address='h'), tracer_provider=object())\n"
        "except ImportError:\n"
        "    print('needs otel')\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "needs otel"
