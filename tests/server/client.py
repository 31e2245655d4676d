"""A small blocking HTTP client over real sockets for the server tests (stdlib http.client)."""

from __future__ import annotations

import http.client
import json
import ssl
import time
from typing import Any


class Reply:
    """Status, headers and the decoded JSON body (None when empty)."""

    def __init__(self, status: int, headers: dict[str, str], raw: bytes) -> None:
        self.status = status
        self.headers = headers
        self.raw = raw
        is_json = headers.get("content-type", "").startswith("application/json")
        self.body: Any = json.loads(raw) if raw and is_json else None

    @property
    def error(self) -> dict[str, Any]:
        """The typed error of an error body."""
        return self.body["error"]


class Api:
    """Requests against one server with its API key; one keep-alive connection per request."""

    def __init__(self, server: Any, key: str | None = None) -> None:
        self.server = server
        self.key = server.api_key if key is None else key

    def connection(self, timeout: float = 10.0) -> http.client.HTTPConnection:
        """A new connection (TLS when the server has a CA file)."""
        if self.server.ca_file:
            context = ssl.create_default_context(cafile=self.server.ca_file)
            return http.client.HTTPSConnection(self.server.host, self.server.port, timeout=timeout, context=context)
        return http.client.HTTPConnection(self.server.host, self.server.port, timeout=timeout)

    def call(self, method: str, path: str, body: Any = None, headers: dict[str, str] | None = None) -> Reply:
        """One request; dict bodies are JSON-encoded, bytes sent as they are."""
        sent = dict(headers or {})
        if self.key and "Authorization" not in sent:
            sent["Authorization"] = f"Bearer {self.key}"
        data = body if isinstance(body, bytes) or body is None else json.dumps(body).encode()
        if data is not None:
            sent.setdefault("Content-Type", "application/json")
        conn = self.connection()
        try:
            conn.request(method, path if path.startswith("/_") else "/v3" + path, body=data, headers=sent)
            resp = conn.getresponse()
            return Reply(resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read())
        finally:
            conn.close()

    def get(self, path: str, **kw: Any) -> Reply:
        """GET."""
        return self.call("GET", path, **kw)

    def post(self, path: str, body: Any = None, **kw: Any) -> Reply:
        """POST."""
        return self.call("POST", path, body, **kw)

    def delete(self, path: str, **kw: Any) -> Reply:
        """DELETE."""
        return self.call("DELETE", path, **kw)

    def control(self, path: str, body: Any = None) -> Any:
        """A control API call; returns the JSON body."""
        reply = self.call("POST" if body is not None else "GET", "/_conformance" + path, body)
        assert reply.status == 200, reply.raw
        return reply.body

    def create(self, **config: Any) -> dict[str, Any]:
        """Creates a VM (4 GiB, 2 CPUs, 40 GiB unless given) and returns it."""
        full = {"name": "web-1", "memory": 4 * GIB, "cpus": 2, "disk": 40 * GIB, "image": "ubuntu-22.04", **config}
        reply = self.post("/vms", full)
        assert reply.status == 201, reply.raw
        return reply.body

    def wait_state(self, vm_id: str, state: str, timeout: float = 5.0) -> dict[str, Any]:
        """Polls the VM until it reaches `state`."""
        deadline = time.monotonic() + timeout
        while True:
            vm = self.get(f"/vms/{vm_id}").body
            if vm["state"] == state or time.monotonic() > deadline:
                assert vm["state"] == state, vm
                return vm
            time.sleep(0.005)

    def running_vm(self, **config: Any) -> dict[str, Any]:
        """A VM created and started, once running."""
        vm = self.create(**config)
        self.post(f"/vms/{vm['id']}/start")
        return self.wait_state(vm["id"], "running")


GIB = 1024**3


class Events:
    """What an SSE read saw: events (id, event, data), comment lines, and how it ended."""

    def __init__(self) -> None:
        self.events: list[dict[str, Any]] = []
        self.comments: list[str] = []
        self.ended = False  # the server closed the stream cleanly
        self.broken = False  # the connection dropped mid-stream
        self.status = 0
        self.error: dict[str, Any] | None = None

    @property
    def ids(self) -> list[int]:
        """The ids of the events, in order."""
        return [int(e["id"]) for e in self.events]


def read_sse(
    api: Api, path: str, headers: dict[str, str] | None = None, count: int | None = None, timeout: float = 5.0
) -> Events:
    """Opens a stream and reads until `count` events, its end, a drop, or `timeout`."""
    seen = Events()
    sent = {"Authorization": f"Bearer {api.key}", "Accept": "text/event-stream", **(headers or {})}
    conn = api.connection(timeout=timeout)
    try:
        conn.request("GET", "/v3" + path, headers=sent)
        resp = conn.getresponse()
        seen.status = resp.status
        if resp.status != 200:
            seen.error = json.loads(resp.read())["error"]
            return seen
        _read_events(resp, seen, count, time.monotonic() + timeout)
    finally:
        conn.close()
    return seen


def _read_events(resp: http.client.HTTPResponse, seen: Events, count: int | None, deadline: float) -> None:
    current: dict[str, Any] = {}
    while (count is None or len(seen.events) < count) and time.monotonic() < deadline:
        try:
            line = resp.readline()
        except (http.client.IncompleteRead, ConnectionError):
            seen.broken = True
            return
        except TimeoutError:
            return
        if not line:
            seen.ended = True
            return
        text = line.decode().rstrip("\n")
        if text.startswith(":"):
            seen.comments.append(text)
        elif text == "":
            if current:
                current["data"] = json.loads(current["data"])
                seen.events.append(current)
                current = {}
        else:
            name, _, value = text.partition(": ")
            current[name] = value
