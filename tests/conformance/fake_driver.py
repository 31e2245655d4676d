"""A driver that implements the protocol against nothing: canned answers, for the runner's own tests."""

from __future__ import annotations

import json
import sys
from typing import Any

HEALTH = {"status": "ok", "version": "fake-1", "uptime": 5}
EVENTS = [{"id": i, "type": "state_changed", "timestamp": "2026-01-01T00:00:00Z", "message": "m"} for i in (1, 2, 3)]


def answer(request: dict[str, Any], state: dict[str, Any]) -> dict[str, Any]:
    """The reply to one request."""
    cmd = request["cmd"]
    if cmd == "hello":
        return {"language": "fake", "sdk_version": "0.0.1", "protocol": 1, "features": []}
    if cmd in ("connect", "status"):
        return {"is_connected": True, "is_authenticated": True}
    if cmd == "call":
        return call(request)
    if cmd == "stream_read":
        return {"events": EVENTS if request["count"] else [], "done": True, "error": None}
    if cmd == "crash":
        raise SystemExit(3)
    return {}


def call(request: dict[str, Any]) -> dict[str, Any]:
    """`system.health` answers; every other op raises VMNotFoundError."""
    if request["op"] == "system.health":
        return HEALTH
    error = {"category": "VMNotFoundError", "status": 404, "code": "vm_not_found", "request_id": "r-1", "attempts": 1}
    raise LookupError(error)


def main() -> None:
    """Reads requests line by line until shutdown."""
    state: dict[str, Any] = {}
    for line in sys.stdin:
        request = json.loads(line)
        try:
            reply = {"id": request["id"], "ok": True, "result": answer(request, state)}
        except LookupError as exc:
            reply = {"id": request["id"], "ok": False, "error": exc.args[0]}
        print(json.dumps(reply), flush=True)
        if request["cmd"] == "shutdown":
            return


if __name__ == "__main__":
    main()
