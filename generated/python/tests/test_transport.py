# Code generated from templates/python/tests/test_transport.py by generator/; DO NOT EDIT.
"""The attempt loop against a bare HTTP/1.1 server (no spec types): TLS failures, the success-body limit,
cancellation (docs/resilience.md, issue 17). The server sees each connection and when it closes."""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import AsyncIterator, Awaitable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Optional

import pytest

from dwcp._runtime.endpoint import Endpoint
from dwcp._runtime.errors import NEVER, RETRY, Catalogue, DWCPError, ErrorCode
from dwcp._runtime.hooks import ErrorContext, Hook
from dwcp._runtime.model import Model
from dwcp._runtime.retry import RetryPolicy
from dwcp._runtime.stream import EVENT_STREAM, EventStream
from dwcp._runtime.transport import SUCCESS_BODY_LIMIT, Transport

API_KEY = "sk-never-shown"
# A throw-away self-signed certificate for "localhost" only (valid until 2126): trusted by nobody by default.
CERT = b"""-----BEGIN CERTIFICATE-----
MIIBlTCCATugAwIBAgIUFNVH0kOvlRB4U8/qe/St69KiYa8wCgYIKoZIzj0EAwIw
FDESMBAGA1UEAwwJbG9jYWxob3N0MCAXDTI2MTIwMzEzNDIwN1oYDzIxMjYxMTA5
MTM0MjA3WjAUMRIwEAYDVQQDDAlsb2NhbGhvc3QwWTATBgcqhkjOPQIBBggqhkjO
PQMBBwNCAATadCVGFXNnR/biNr3Zdc7iYbj6tWjwKj5wcw1mhTWqprA5LJVS++mL
XtjrigWk+tlctmnClEJ36dgspAU6t5gno2kwZzAdBgNVHQ4EFgQURjdkliAElhjC
D4AZBCPu5TMvZE4wHwYDVR0jBBgwFoAURjdkliAElhjCD4AZBCPu5TMvZE4wDwYD
VR0TAQH/BAUwAwEB/zAUBgNVHREEDTALgglsb2NhbGhvc3QwCgYIKoZIzj0EAwID
SAAwRQIhAMTU5OpR4jTZ3cbx5IyUlld0xhBSUx7XzZJtI+08TDmJAiBkQ1jXg6o5
R//pzyxl16oqHxJHGGeEyEgEMQh9oESvUw==
-----END CERTIFICATE-----
"""
CERT_KEY = b"""-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgDHi3UAZeTN5mMgCI
yOWyjl4bxEkDWI5MZveaxJECKSmhRANCAATadCVGFXNnR/biNr3Zdc7iYbj6tWjw
Kj5wcw1mhTWqprA5LJVS++mLXtjrigWk+tlctmnClEJ36dgspAU6t5gn
-----END PRIVATE KEY-----
"""
LONG = 30.0  # a backoff nobody waits out: a test that sleeps it has failed
SETTLE = 5.0  # the most a test waits for something that must happen (never a timing target)
BUSY = b'{"error": {"type": "X", "code": "unavailable", "message": "busy"}}'


class ConnError(DWCPError):
    pass


class Unavailable(DWCPError):
    pass


CATALOGUE = Catalogue(
    {
        "connection_refused": ErrorCode(ConnError, None, RETRY),
        "connection_reset": ErrorCode(ConnError, None, RETRY),
        "client_timeout": ErrorCode(ConnError, None, RETRY),
        "malformed_response": ErrorCode(ConnError, None, NEVER),
        "not_connected": ErrorCode(ConnError, None, NEVER),
        "tls_failed": ErrorCode(ConnError, None, NEVER),
        "response_too_large": ErrorCode(ConnError, None, NEVER),
        "unavailable": ErrorCode(Unavailable, 503, RETRY),
    },
    {"ConnectionError": ConnError},
    {ConnError: "connection_refused", Unavailable: "unavailable"},
)
GET = Endpoint("thing.get", "GET", "/things/1", 200)
WATCH = Endpoint("thing.watch", "GET", "/things/1/ticks", 200, event="tick")


class Tick(Model):
    n: int


Tick.catalogue = CATALOGUE


@dataclass
class Settings:
    address: str = "127.0.0.1"
    port: int = 0
    api_key: str = API_KEY
    tls_enabled: bool = False
    ssl_context: Optional[ssl.SSLContext] = None
    connect_timeout: float = SETTLE
    request_timeout: float = SETTLE
    retry_attempts: int = 3
    retry_backoff: float = 0.01
    keep_alive: bool = True
    keep_alive_period: float = 30.0
    max_streams: int = 4
    buffer_size: int = 64 * 1024


Respond = Callable[[int, asyncio.StreamReader, asyncio.StreamWriter], Awaitable[bool]]


class Bare:
    """Answers request n (1, 2, ...) with respond(n, reader, writer), which returns True to keep the
    connection for the next request; records requests, connections and each connection's close."""

    def __init__(self, respond: Respond) -> None:
        self.respond = respond
        self.requests = 0
        self.heads: list[str] = []
        self.connections: list[asyncio.Event] = []  # set when that connection closed
        self.arrived = asyncio.Event()  # set at each request's head
        self.tasks: set[asyncio.Task[Any]] = set()
        self.port = 0

    async def serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self.tasks.add(task)
        closed = asyncio.Event()
        self.connections.append(closed)
        try:
            while True:
                self.heads.append((await reader.readuntil(b"\r\n\r\n")).decode())
                self.requests += 1
                self.arrived.set()
                if not await self.respond(self.requests, reader, writer):
                    break
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            closed.set()
            writer.close()

    async def next_request(self) -> None:
        await asyncio.wait_for(self.arrived.wait(), SETTLE)
        self.arrived.clear()


@pytest.fixture
async def bare() -> AsyncIterator[Callable[[Respond], Awaitable[Bare]]]:
    servers: list[asyncio.AbstractServer] = []

    async def start(respond: Respond) -> Bare:
        state = Bare(respond)
        server = await asyncio.start_server(state.serve, "127.0.0.1", 0)
        servers.append(server)
        state.port = server.sockets[0].getsockname()[1]
        return state

    yield start
    for server in servers:
        server.close()
        await server.wait_closed()


def transport(port: int, hooks: tuple[Any, ...] = (), **changes: Any) -> Transport:
    settings = Settings(port=port, **changes)
    policy = RetryPolicy(settings.retry_attempts, settings.retry_backoff, jitter=lambda: 1.0)
    return Transport(settings, "", CATALOGUE, policy, hooks=hooks)


async def answer(writer: asyncio.StreamWriter, status: int, body: bytes, *extra: str) -> None:
    head = [f"HTTP/1.1 {status} X", f"Content-Length: {len(body)}", "Content-Type: application/json", *extra]
    writer.write(("\r\n".join(head) + "\r\n\r\n").encode() + body)
    await writer.drain()


async def hang(reader: asyncio.StreamReader) -> bool:
    """Never answers: waits until the client closes the connection."""
    await reader.read()
    return False


async def get(client: Transport) -> bytes:
    return await client.send(client.call(GET, GET.path))


# --- TLS ---------------------------------------------------------------------------------------------------


async def _tls_server(tmp_path: Path) -> tuple[asyncio.AbstractServer, int, list[int]]:
    (tmp_path / "cert.pem").write_bytes(CERT)
    (tmp_path / "key.pem").write_bytes(CERT_KEY)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(tmp_path / "cert.pem", tmp_path / "key.pem")
    handshakes: list[int] = []

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        handshakes.append(1)  # only after a handshake the client accepted
        writer.close()

    server = await asyncio.start_server(serve, "127.0.0.1", 0, ssl=context)
    return server, server.sockets[0].getsockname()[1], handshakes


@pytest.mark.parametrize(
    ("address", "trusted"),
    [("localhost", False), ("127.0.0.1", True)],
    ids=["untrusted-ca", "wrong-name"],
)
async def test_a_certificate_the_client_cannot_verify_is_tls_failed_never_retried(
    tmp_path: Path, address: str, trusted: bool
) -> None:
    server, port, handshakes = await _tls_server(tmp_path)
    context = ssl.create_default_context(cadata=CERT.decode()) if trusted else None
    client = transport(port, address=address, tls_enabled=True, ssl_context=context, retry_attempts=3)
    await client.open()
    try:
        with pytest.raises(ConnError) as caught:
            await get(client)
    finally:
        await client.close()
        server.close()
        await server.wait_closed()
    error = caught.value
    assert error.code == "tls_failed" and error.attempts == 1  # a connection_refused would have been retried
    assert "certificate verify failed" in str(error)
    assert ("mismatch" in str(error)) is trusted  # the TLS library's own reason
    assert API_KEY not in str(error) and API_KEY not in repr(error)
    assert handshakes == []


# --- the success-body limit ----------------------------------------------------------------------------------


async def test_a_content_length_over_the_limit_is_refused_before_reading(bare: Any) -> None:
    async def respond(n: int, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> bool:
        head = f"HTTP/1.1 200 OK\r\nContent-Length: {SUCCESS_BODY_LIMIT + 1}\r\nContent-Type: application/json\r\n\r\n"
        writer.write(head.encode() + b'{"n": ')
        return await hang(reader)  # the body never comes: only the length can end the attempt

    server: Bare = await bare(respond)
    client = transport(server.port)
    await client.open()
    try:
        with pytest.raises(ConnError) as caught:
            await asyncio.wait_for(get(client), SETTLE)
        await asyncio.wait_for(server.connections[0].wait(), SETTLE)  # dropped, not kept for reuse
    finally:
        await client.close()
    assert caught.value.code == "response_too_large" and caught.value.attempts == 1
    assert server.requests == 1


async def test_a_chunked_body_past_the_limit_is_cut_without_reading_the_rest(bare: Any) -> None:
    chunk = b"x" * (1 << 20)
    sent: list[int] = []

    async def respond(n: int, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> bool:
        writer.write(
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n"
        )
        for _ in range(96):  # 96 MiB offered, no length announced
            writer.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            await writer.drain()
            sent.append(len(chunk))
        writer.write(b"0\r\n\r\n")
        await writer.drain()
        return False

    server: Bare = await bare(respond)
    client = transport(server.port, buffer_size=64 * 1024)
    await client.open()
    try:
        with pytest.raises(ConnError) as caught:
            await asyncio.wait_for(get(client), SETTLE * 4)
        await asyncio.wait_for(server.connections[0].wait(), SETTLE)
    finally:
        await client.close()
    assert caught.value.code == "response_too_large" and caught.value.attempts == 1
    assert server.requests == 1
    assert sum(sent) < 96 << 20  # the client hung up: the server could not write the whole body


async def test_a_body_under_the_limit_arrives_whole_and_the_connection_is_reused(bare: Any) -> None:
    body = b'{"n": 1}'

    async def respond(n: int, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> bool:
        await answer(writer, 200, body)
        return True

    server: Bare = await bare(respond)
    client = transport(server.port)
    await client.open()
    try:
        assert await get(client) == body
        assert await get(client) == body
    finally:
        await client.close()
    assert len(server.connections) == 1


# --- cancellation -------------------------------------------------------------------------------------------


class Recorder(Hook):
    def __init__(self) -> None:
        self.errors: list[BaseException] = []
        self.attempts: list[int] = []

    def on_error(self, ctx: ErrorContext) -> None:
        self.errors.append(ctx.error)
        self.attempts.append(ctx.attempt.attempt)


def _leftover(before: set[asyncio.Task[Any]], server: Bare) -> set[asyncio.Task[Any]]:
    return {t for t in asyncio.all_tasks() if not t.done()} - before - server.tasks - {asyncio.current_task()}


async def _cancelled(task: asyncio.Task[Any]) -> None:
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await asyncio.wait_for(task, SETTLE)


async def test_a_cancel_waiting_for_the_answer_closes_the_connection_and_sends_nothing_more(
    bare: Any,
) -> None:
    async def respond(n: int, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> bool:
        return await hang(reader)

    server: Bare = await bare(respond)
    hook = Recorder()
    client = transport(server.port, hooks=(hook,), retry_attempts=5)
    await client.open()
    before = set(asyncio.all_tasks())
    try:
        task = asyncio.create_task(get(client))
        await server.next_request()
        await _cancelled(task)
        await asyncio.wait_for(server.connections[0].wait(), SETTLE)  # the server sees the close
        await asyncio.sleep(0.1)
        assert server.requests == 1 and len(server.connections) == 1  # no further attempt
        assert _leftover(before, server) == set()
    finally:
        await client.close()
    assert len(hook.errors) == 1 and isinstance(hook.errors[0], asyncio.CancelledError)
    assert hook.attempts == [1]


async def test_a_cancel_during_the_body_closes_the_connection_instead_of_pooling_it(bare: Any) -> None:
    async def respond(n: int, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> bool:
        if n == 1:
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\nContent-Type: application/json\r\n\r\n{")
            await writer.drain()
            return await hang(reader)
        await answer(writer, 200, b'{"n": 2}')
        return True

    server: Bare = await bare(respond)
    client = transport(server.port)
    await client.open()
    try:
        task = asyncio.create_task(get(client))
        await server.next_request()
        await asyncio.sleep(0.05)  # the head is read, the body is awaited
        await _cancelled(task)
        await asyncio.wait_for(server.connections[0].wait(), SETTLE)
        assert await get(client) == b'{"n": 2}'  # on a new connection: the half-read one was not pooled
    finally:
        await client.close()
    assert len(server.connections) == 2


async def test_a_cancel_ends_the_backoff_sleep_and_no_retry_follows(bare: Any) -> None:
    async def respond(n: int, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> bool:
        await answer(writer, 503, BUSY)
        return True

    server: Bare = await bare(respond)
    hook = Recorder()
    client = transport(server.port, hooks=(hook,), retry_backoff=LONG)
    await client.open()
    before = set(asyncio.all_tasks())
    try:
        task = asyncio.create_task(get(client))
        await server.next_request()
        await asyncio.sleep(0.05)  # the 503 is read: the loop sleeps its backoff
        await _cancelled(task)
        await asyncio.sleep(0.1)
        assert server.requests == 1
        assert _leftover(before, server) == set()
    finally:
        await client.close()
    assert [type(e) for e in hook.errors] == [asyncio.CancelledError]


async def test_a_caller_timeout_is_a_cancel_too(bare: Any) -> None:
    async def respond(n: int, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> bool:
        return await hang(reader)

    server: Bare = await bare(respond)
    client = transport(server.port)
    await client.open()
    try:
        with pytest.raises(asyncio.TimeoutError):
            await asyncio.wait_for(get(client), 0.2)
        await asyncio.wait_for(server.connections[0].wait(), SETTLE)
    finally:
        await client.close()
    assert server.requests == 1


# --- closing a stream ---------------------------------------------------------------------------------------


def _sse_head(writer: asyncio.StreamWriter) -> None:
    writer.write(
        f"HTTP/1.1 200 OK\r\nContent-Type: {EVENT_STREAM}\r\nTransfer-Encoding: chunked\r\n\r\n".encode()
    )


def _sse_event(writer: asyncio.StreamWriter, n: int) -> None:
    data = b'id: %d\nevent: tick\ndata: {"n": %d}\n\n' % (n, n)
    writer.write(b"%x\r\n%s\r\n" % (len(data), data))


async def _watch(bare: Any, respond: Any, **changes: Any) -> tuple[Bare, Transport, EventStream[Tick]]:
    """A bare server answering with respond, an open transport to it (with `changes` to its settings),
    and a watch stream on it."""
    server: Bare = await bare(respond)
    client = transport(server.port, **changes)
    await client.open()
    return server, client, EventStream(client, client.call(WATCH, WATCH.path, accept=EVENT_STREAM), Tick)


async def _read_all(stream: EventStream[Tick], seen: list[int]) -> None:
    async for tick in stream:
        seen.append(tick.n)


async def test_aclose_closes_the_connection_under_a_waiting_read(bare: Any) -> None:
    async def respond(n: int, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> bool:
        _sse_head(writer)
        _sse_event(writer, 1)
        await writer.drain()
        return await hang(reader)

    server, client, stream = await _watch(bare, respond)
    seen: list[int] = []
    try:
        reader = asyncio.create_task(_read_all(stream, seen))
        await server.next_request()
        await asyncio.sleep(0.05)
        await stream.aclose()
        await asyncio.wait_for(server.connections[0].wait(), SETTLE)
        await asyncio.wait_for(reader, SETTLE)  # the iteration ends, without an error
        await asyncio.sleep(0.1)
    finally:
        await client.close()
    assert seen == [1] and server.requests == 1  # no reconnect after the close


async def test_aclose_stops_a_reconnect_sleeping_in_backoff(bare: Any) -> None:
    async def respond(n: int, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> bool:
        if n == 1:  # one event, then the connection drops: the stream reconnects
            _sse_head(writer)
            _sse_event(writer, 1)
            await writer.drain()
            return False
        await answer(writer, 503, BUSY, f"Retry-After-Ms: {int(LONG * 1000)}")
        return True

    server, client, stream = await _watch(bare, respond)
    seen: list[int] = []
    before = set(asyncio.all_tasks())
    try:
        reader = asyncio.create_task(_read_all(stream, seen))
        await server.next_request()
        await server.next_request()  # the reconnect got a 503 asking for 30 s: the stream sleeps
        await asyncio.sleep(0.05)
        await stream.aclose()
        await asyncio.wait_for(reader, SETTLE)  # the iteration ends at once
        await asyncio.sleep(0.1)
        assert _leftover(before, server) == set()
    finally:
        await client.close()
    assert seen == [1] and server.requests == 2


async def test_events_that_came_before_a_drop_are_delivered_and_the_resume_names_them(bare: Any) -> None:
    async def respond(n: int, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> bool:
        _sse_head(writer)
        if n == 1:  # two events, then the connection drops before the body's end
            _sse_event(writer, 1)
            _sse_event(writer, 2)
            await writer.drain()
            return False
        _sse_event(writer, 3)
        writer.write(b"0\r\n\r\n")
        await writer.drain()
        return True

    server, client, stream = await _watch(bare, respond)
    seen: list[int] = []
    try:
        await stream.open()
        await asyncio.wait_for(server.connections[0].wait(), SETTLE)
        await asyncio.sleep(0.05)  # the events and the drop both arrived before the first read
        await asyncio.wait_for(_read_all(stream, seen), SETTLE)
    finally:
        await stream.aclose()
        await client.close()
    assert seen == [1, 2, 3]
    assert "Last-Event-ID: 2\r\n" in server.heads[1]


async def test_reconnects_that_bring_only_a_replayed_event_are_failures(bare: Any) -> None:
    async def respond(n: int, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> bool:
        _sse_head(writer)
        if n == 1:
            _sse_event(writer, 1)
        _sse_event(writer, 2)  # on a reconnect: the event its Last-Event-ID names, once more
        await writer.drain()
        return False  # then the connection drops

    server, client, stream = await _watch(bare, respond, retry_attempts=2)
    seen: list[int] = []
    try:
        with pytest.raises(ConnError) as raised:
            await asyncio.wait_for(_read_all(stream, seen), SETTLE)
    finally:
        await stream.aclose()
        await client.close()
    assert raised.value.code == "connection_reset"
    assert seen == [1, 2]
    assert server.requests == 3  # the open and retry_attempts reconnects, never a reconnect loop
