"""A stand-in for the conformance server's control API, for the runner's own tests."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class FakeControl:
    """Holds scripted faults and answers the control routes; `leave_fault` keeps one unconsumed."""

    def __init__(self) -> None:
        """Starts listening on a free port."""
        self.faults: list[dict[str, Any]] = []
        self.resets: list[dict[str, Any]] = []
        self.synthetic: list[dict[str, Any]] = []  # POST /vms bodies
        self.synthetic_limit: int | None = None  # creates at most this many VMs per request when set
        self.journal: list[dict[str, Any]] = []  # attempts the fake driver reports it sent (POST /fake_journal)
        # The journal clock (`now_ms` of GET /journal and /connections): 1000 after a reset, then
        # `tick_ms` more after every read, so a waiting check sees time pass without real waiting.
        self.now_ms = 1000.0
        self.tick_ms = 50.0
        self.counts: list[dict[str, Any]] = []  # successive GET /connections answers (then the default)
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    @property
    def address(self) -> str:
        """host:port."""
        host, port = self.httpd.server_address[:2]
        return f"{host}:{port}"

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        """A request handler bound to this fake."""
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                """Quiet."""

            def do_GET(self) -> None:
                """journal, faults, connections."""
                now = fake.now_ms
                route = self.path.split("?")[0]
                if route == "/_conformance/faults":
                    self._reply({"unconsumed": fake.faults})
                    return
                fake.now_ms += fake.tick_ms
                if route == "/_conformance/connections":
                    counts = fake.counts.pop(0) if fake.counts else {"opened": 1, "open": 1, "max_open": 1}
                    self._reply({**counts, "now_ms": now})
                    return
                self._reply({"attempts": fake.journal, "now_ms": now})

            def do_POST(self) -> None:
                """reset, faults, events, and the fake driver's journal entries."""
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])) or b"{}")
                if self.path.endswith("/reset"):
                    fake.resets.append(body)
                    fake.faults = []
                    fake.journal = []
                    fake.now_ms = 1000.0
                elif self.path.endswith("/fake_journal"):
                    fake.journal += [{**e, "seq": len(fake.journal) + i + 1} for i, e in enumerate(body["attempts"])]
                elif self.path.endswith("/faults"):
                    fake.faults += body["faults"]
                elif self.path.endswith("/vms"):
                    fake.synthetic.append(body)
                    limit = fake.synthetic_limit
                    self._reply({"created": body["count"] if limit is None else min(limit, body["count"])})
                    return
                self._reply({"ids": list(range(len(body.get("faults", []))))})

            def _reply(self, data: Any) -> None:
                """JSON 200."""
                payload = json.dumps(data).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

        return Handler

    def stop(self) -> None:
        """Stops serving."""
        self.httpd.shutdown()
        self.httpd.server_close()
