"""Raw-socket requests for the tests of malformed HTTP, slow clients and connection limits."""

from __future__ import annotations

import json
import socket
from typing import Any


def connect(server: Any, timeout: float = 5.0) -> socket.socket:
    """A plain TCP connection to the server."""
    return socket.create_connection((server.host, server.port), timeout=timeout)


def read_all(sock: socket.socket) -> bytes:
    """Everything the server sends until it closes (or the socket's timeout)."""
    chunks = []
    try:
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                break
            chunks.append(chunk)
    except (TimeoutError, ConnectionResetError):
        pass
    return b"".join(chunks)


def exchange(server: Any, data: bytes, timeout: float = 5.0) -> tuple[int, dict[str, str], Any]:
    """Sends raw bytes, returns the status, the headers (lower-case) and the decoded JSON body."""
    with connect(server, timeout) as sock:
        sock.sendall(data)
        return parse(read_all(sock))


def parse(raw: bytes) -> tuple[int, dict[str, str], Any]:
    """Status, headers and JSON body of one raw HTTP/1.1 response."""
    head, _, body = raw.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1]) if lines and lines[0].startswith("HTTP/") else 0
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", len(body)))
    return status, headers, json.loads(body[:length]) if body else None
