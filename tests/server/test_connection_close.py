"""Issue 17: every journal entry tells when its connection closed (`connection_closed_ms`), on the
journal's clock, and `now_ms` reads that clock; the bookkeeping of closed connections is bounded."""

from __future__ import annotations

import socket
import time
from typing import Any

import pytest

pytest.importorskip("aiohttp")

from conformance.server.journal import Journal
from conformance.server.state import Connections
from tests.server import raw
from tests.server.client import Api


def journal(api: Api, op: str | None = None) -> dict[str, Any]:
    return api.control("/journal" + (f"?op={op}" if op else ""))


def test_closed_connection_has_its_close_time(api: Api) -> None:
    api.get("/health")  # Api.call closes its connection after each request
    time.sleep(0.05)
    reply = journal(api, "system.health")
    (entry,) = reply["attempts"]
    closed = entry["connection_closed_ms"]
    assert closed is not None and entry["time_ms"] <= closed <= reply["now_ms"]


def test_open_connection_is_null_until_it_closes(api: Api) -> None:
    with raw.connect(api.server) as sock:
        sock.sendall(f"GET /v3/health HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {api.key}\r\n\r\n".encode())
        assert sock.recv(65536).startswith(b"HTTP/1.1 200")
        (entry,) = journal(api, "system.health")["attempts"]
        assert entry["connection_closed_ms"] is None  # keep-alive: still open
        before_close = journal(api)["now_ms"]
    time.sleep(0.1)
    (entry,) = journal(api, "system.health")["attempts"]
    assert entry["connection_closed_ms"] is not None and entry["connection_closed_ms"] >= before_close


def test_entries_of_one_connection_share_its_close_time(api: Api) -> None:
    request = f"GET /v3/health HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {api.key}\r\n\r\n".encode()
    with raw.connect(api.server) as sock:
        for _ in range(2):
            sock.sendall(request)
            assert sock.recv(65536).startswith(b"HTTP/1.1 200")
    time.sleep(0.1)
    first, second = journal(api, "system.health")["attempts"]
    assert first["connection_id"] == second["connection_id"]
    assert first["connection_closed_ms"] == second["connection_closed_ms"] is not None


def test_client_hanging_up_on_a_held_call_is_seen_at_once(api: Api) -> None:
    """A delay_ms fault holds the handler; the client's close is recorded when it happens, not when
    the handler finishes (what the cancellation cases measure)."""
    vm = api.create()
    api.control("/faults", {"faults": [{"op": "vm.get", "times": 1, "delay_ms": 2000}]})
    sock = raw.connect(api.server)
    sock.sendall(f"GET /v3/vms/{vm['id']} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {api.key}\r\n\r\n".encode())
    time.sleep(0.2)
    hung_up = journal(api)["now_ms"]
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")  # RST
    sock.close()
    time.sleep(0.2)
    (entry,) = journal(api, "vm.get")["attempts"]
    assert entry["connection_closed_ms"] is not None
    assert hung_up <= entry["connection_closed_ms"] < hung_up + 150
    assert entry["connection_closed_ms"] - entry["time_ms"] < 1000  # long before the 2 s delay ended


def test_connections_reply_reads_the_journal_clock(api: Api) -> None:
    first = api.control("/connections")["now_ms"]
    api.get("/health")
    (entry,) = journal(api, "system.health")["attempts"]
    second = api.control("/connections")["now_ms"]
    assert first <= entry["time_ms"] <= second


def test_reset_restarts_the_clock_but_not_connection_numbers(api: Api) -> None:
    api.get("/health")
    (before,) = journal(api, "system.health")["attempts"]
    api.control("/reset", {})
    api.get("/health")
    (after,) = journal(api, "system.health")["attempts"]
    assert after["connection_id"] > before["connection_id"]
    assert after["time_ms"] < 1000 and after["connection_closed_ms"] is not None


def test_closed_connections_are_bounded() -> None:
    connections = Connections()
    handlers = [object() for _ in range(Connections.MAX_CLOSED + 10)]
    for handler in handlers:
        connections.made(handler)
        connections.lost(handler)
    assert len(connections.closed) == Connections.MAX_CLOSED and connections.open == 0
    assert connections.closed_at(1) is None  # the oldest are forgotten
    assert connections.closed_at(Connections.MAX_CLOSED + 10) is not None
    assert connections.closed_at(None) is None


def test_journal_renders_without_changing_its_entries() -> None:
    book = Journal(4)
    entry = book.open(connection_id=7, op="vm.get")
    moment = book.origin + 1.5
    (shown,) = book.select("vm.get", lambda number: moment if number == 7 else None)
    assert shown["connection_closed_ms"] == 1500.0 and "connection_closed_ms" not in entry
    assert book.select("vm.get")[0]["connection_closed_ms"] is None
