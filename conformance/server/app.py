"""Assembles the aiohttp application and serves it (plain or TLS), tracking connections."""

from __future__ import annotations

import asyncio
import gc
import json
import logging
import signal
import ssl
import sys
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aiohttp import web
from dwcp_server_http import BASE_PATH, build_app
from dwcp_server_http.app import typed_protocol_errors, unimplemented

from conformance.server import control, limits
from conformance.server.pipeline import Pipeline
from conformance.server.settings import Settings
from conformance.server.state import ServerState

log = logging.getLogger("dwcp.conformance")


@dataclass(frozen=True)
class Listen:
    """Where and how to serve."""

    host: str = "127.0.0.1"
    port: int = 9000
    tls: bool = False
    cert: str | None = None
    key: str | None = None
    ready_file: str | None = None
    parent_pipe: bool = False


def make_app(settings: Settings) -> tuple[web.Application, ServerState]:
    """The application: the generated routes over the pipeline, plus the control API when enabled."""
    state = ServerState(settings)
    pipeline = Pipeline(state)
    # The parser refused the request before any header was read: the answer gets a fresh request id.
    typed_protocol_errors(lambda _request: f"req-{uuid.uuid4().hex[:16]}", "X-Request-ID")
    app = build_app(BASE_PATH, pipeline.dispatch, pipeline.refuse)
    missing = unimplemented(state.sim)
    if missing:
        # Listed once here; each answers a typed 501 not_implemented.
        log.warning("not implemented by the simulator (answered 501): %s", ", ".join(op.id for op in missing))
    if settings.conformance:
        # The generated catch-all must stay last, so the control routes go first.
        routes = app.router._resources
        catch_all = routes.pop()
        control.add_routes(app, state)
        routes.append(catch_all)
    return app, state


def _tls(listen: Listen) -> tuple[ssl.SSLContext | None, str | None]:
    if not (listen.tls or listen.cert):
        return None, None
    # cryptography is imported only when TLS is on: it costs start-up time.
    from conformance.server.tls import make_certificates, server_context

    if listen.cert and listen.key:
        return server_context(Path(listen.cert), Path(listen.key)), None
    folder = Path(tempfile.mkdtemp(prefix="dwcp-tls-"))
    ca, cert, key = make_certificates(folder)
    return server_context(cert, key), str(ca)


async def serve(settings: Settings, listen: Listen, stop: asyncio.Event | None = None) -> None:
    """Serves until `stop` is set (or SIGINT/SIGTERM), writing the ready file once listening."""
    app, state = make_app(settings)
    runner = web.AppRunner(app, access_log=None, handle_signals=False)
    await runner.setup()
    loop = asyncio.get_running_loop()
    limits.quiet_loop_errors(loop)
    gate = limits.Gate(runner.server, settings.limits)
    state.gate = gate
    state.listen_host = listen.host
    _track_connections(runner, state, gate)
    context, ca_file = _tls(listen)
    listener = await loop.create_server(
        gate, listen.host, listen.port, ssl=context, backlog=gate.backlog, reuse_address=True
    )
    sweeper = asyncio.create_task(gate.sweep())
    port = listener.sockets[0].getsockname()[1]
    scheme = "https" if context else "http"
    info = {"url": f"{scheme}://{listen.host}:{port}", "host": listen.host, "port": port, "ca_file": ca_file}
    print(f"DWCP conformance server on {info['url']}{BASE_PATH}" + (f" (CA: {ca_file})" if ca_file else ""), flush=True)
    print(
        f"at most {gate.cap} connections (backlog {gate.backlog});"
        f" header and body timeouts {settings.limits.header_timeout_s:g} s",
        flush=True,
    )
    if listen.ready_file:
        # Written whole under a temporary name, then renamed: a waiting reader never sees half a file.
        ready = Path(listen.ready_file)
        partial = ready.with_name(ready.name + ".partial")
        partial.write_text(json.dumps(info), encoding="utf-8")
        partial.replace(ready)
    # Long-lived startup objects leave the collector's view, and young-generation collections get
    # rarer: fewer pauses in the latency tail (p99) under load. Full collections walk every live
    # object (the 10,000 idempotency records and journal entries included) and were the soak's
    # p99.9 (30 ms against 23 ms without them): the stores are bounded by their caps, not by the
    # collector, and request-scoped cycles die young, so a full collection comes every ~10^9
    # allocations (minutes at full load) rather than every 2*10^7.
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 20, 1_000)
    stop = stop or _signal_event()
    if listen.parent_pipe:
        await _stop_when_parent_exits(stop)
    try:
        await stop.wait()
    finally:
        sweeper.cancel()
        listener.close()
        await runner.cleanup()


async def _stop_when_parent_exits(stop: asyncio.Event) -> None:
    """Stops once standard input closes: a launcher that dies (even by SIGKILL) leaves no server behind."""

    class Watch(asyncio.Protocol):
        def connection_lost(self, exc: Exception | None) -> None:
            stop.set()

    await asyncio.get_running_loop().connect_read_pipe(Watch, sys.stdin)


def _signal_event() -> asyncio.Event:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    return stop


def _track_connections(runner: web.AppRunner, state: ServerState, gate: limits.Gate) -> None:
    server: Any = runner.server
    made, lost = server.connection_made, server.connection_lost

    def connection_made(handler: Any, transport: Any) -> None:
        state.connections.made(handler)
        made(handler, transport)

    def connection_lost(handler: Any, exc: BaseException | None) -> None:
        state.connections.lost(handler)
        gate.lost(handler)
        lost(handler, exc)

    server.connection_made = connection_made
    server.connection_lost = connection_lost
