"""Client of the conformance server's control API (`/_conformance/...`)."""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Any


class ControlError(Exception):
    """The control API refused a request or could not be reached."""


@dataclass(frozen=True)
class Server:
    """Where a conformance server listens and the key it accepts."""

    host: str
    port: int
    api_key: str
    ca_file: str | None = None

    @property
    def base(self) -> str:
        """The control API's base URL (plain HTTP or HTTPS with the CA)."""
        scheme = "https" if self.ca_file else "http"
        return f"{scheme}://{self.host}:{self.port}/_conformance"


class Control:
    """Thin JSON client of one server's control API."""

    def __init__(self, server: Server) -> None:
        """Binds to a server; HTTPS servers are trusted through their CA file."""
        self.server = server
        self.context = None
        if server.ca_file:
            import ssl

            self.context = ssl.create_default_context(cafile=server.ca_file)

    def _send(self, method: str, route: str, body: Any = None) -> Any:
        """One request; returns the decoded JSON answer."""
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(f"{self.server.base}{route}", data=data, method=method)
        request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=10, context=self.context) as response:
                text = response.read()
        except OSError as exc:
            detail = exc.read().decode(errors="replace") if hasattr(exc, "read") else ""
            raise ControlError(f"{method} {route}: {exc} {detail}") from exc
        return json.loads(text) if text else {}

    def reset(self, settings: dict[str, Any]) -> None:
        """Drops all state and applies the case's settings."""
        self._send("POST", "/reset", settings)

    def add_faults(self, faults: list[dict[str, Any]]) -> list[Any]:
        """Scripts faults; returns their ids."""
        return list(self._send("POST", "/faults", {"faults": faults}).get("ids", []))

    def unconsumed(self) -> list[dict[str, Any]]:
        """Scripted faults that still have attempts left."""
        return list(self._send("GET", "/faults").get("unconsumed", []))

    def journal(self, op: str | None = None) -> list[dict[str, Any]]:
        """Every attempt since the reset, in arrival order (optionally of one op)."""
        return self.journal_now(op)[0]

    def journal_now(self, op: str | None = None) -> tuple[list[dict[str, Any]], float | None]:
        """The journal and the server's journal clock (`now_ms`) at the moment it was read (None
        from a server that does not say)."""
        query = f"?{urllib.parse.urlencode({'op': op})}" if op else ""
        reply = self._send("GET", f"/journal{query}")
        now = reply.get("now_ms")
        return list(reply.get("attempts", [])), float(now) if isinstance(now, (int, float)) else None

    def now_ms(self) -> float | None:
        """The server's journal clock now (the clock of the journal's `time_ms` and
        `connection_closed_ms`), or None from a server that does not say."""
        now = self._send("GET", "/connections").get("now_ms")
        return float(now) if isinstance(now, (int, float)) else None

    def add_events(self, vm_id: str, count: int) -> None:
        """Appends synthetic state_changed events to a VM's log."""
        self._send("POST", "/events", {"vm_id": vm_id, "count": count})

    def add_vms(self, spec: dict[str, Any]) -> int:
        """Creates synthetic VMs (`{count, labels, state, name_prefix}`); returns how many the server made."""
        return int(self._send("POST", "/vms", spec).get("created", 0))

    def connections(self) -> dict[str, Any]:
        """Connection counts since the reset."""
        return dict(self._send("GET", "/connections"))
