"""A driver that implements the protocol against nothing: canned answers, for the runner's own tests.

`system.health` plays a well-behaved SDK of issue 15 (docs/observability.md): it reports each attempt
it "sends" to the fake control API's journal (`POST /_conformance/fake_journal`) and records what
hooks, the logger and the tracer would have seen. `args: {fake: {attempts: n, flaws: [...]}}` makes it
retry (503s, then 200) and misbehave in one named way, so must-fail fixtures prove each check can fail.
"""

from __future__ import annotations

import json
import sys
import urllib.request
from typing import Any

HEALTH = {"status": "ok", "version": "fake-1", "uptime": 5}
EVENTS = [{"id": i, "type": "state_changed", "timestamp": "2026-01-01T00:00:00Z", "message": "m"} for i in (1, 2, 3)]
USER_AGENT = "dwcp-fake/0.0.1 (CPython 3.12.3; linux; x86_64)"
SETTINGS = ("hooks", "log_level", "tracing")


class Client:
    """One client: its config and what its hooks, logger and tracer recorded since the last report."""

    def __init__(self, config: dict[str, Any]) -> None:
        self.settings = {k: config.pop(k) for k in SETTINGS if k in config}
        self.config = config
        self.events: list[dict[str, Any]] = []
        self.records: list[dict[str, Any]] = []
        self.spans: list[dict[str, Any]] = []

    def journal(self, attempts: list[dict[str, Any]]) -> None:
        """Reports attempts to the fake control API, as the real server would journal them."""
        url = f"http://{self.config['address']}:{self.config['port']}/_conformance/fake_journal"
        body = json.dumps({"attempts": attempts}).encode()
        request = urllib.request.Request(url, body, {"Content-Type": "application/json"}, method="POST")
        urllib.request.urlopen(request, timeout=10).close()


class Counter:
    """Calls so far (for request ids, trace and span ids)."""

    calls = 0


def health(client: Client, request: dict[str, Any]) -> dict[str, Any]:
    """A call of system.health with retries, hooks, logs, spans and the raw form, as the flaws allow."""
    Counter.calls += 1
    call = Counter.calls
    fake = request.get("args", {}).get("fake", {})
    flaws = set(fake.get("flaws", []))
    options = request.get("options", {})
    total = int(fake.get("attempts", 1))
    rid = f"req-{call}"
    trace = ("1" if "reuse_trace" in flaws else f"{call:x}").rjust(32, "0")
    hooks = client.settings.get("hooks", [])
    attempts = []
    for attempt in range(1, total + 1):
        status = 200 if attempt == total else 503
        span = f"{call:08x}{attempt:08x}"
        trace_id = f"{attempt:x}".rjust(32, "f") if "split_trace" in flaws else trace
        parent = "ab" * 8 if "wrong_parent" in flaws else span
        headers = {"user-agent": "curl/8" if "bad_user_agent" in flaws else USER_AGENT, "x-request-id": rid}
        headers["traceparent"] = f"00-{trace_id}-{parent}-01"
        for hook in hooks:
            if not ("drop_hook_header" in flaws and attempt > 1):
                headers.update(hook.get("set_headers", {}))
        if "options_ignored" not in flaws:
            headers.update(options.get("headers", {}))
        attempts.append(_entry(attempt, status, rid, headers))
        _hooks(client, hooks, flaws=flaws, attempt=attempt, status=status, rid=rid)
        _log(client, flaws, attempt, status, rid)
        if client.settings.get("tracing") and not ("lost_span" in flaws and attempt == total):
            client.spans.append(
                _span(
                    "GET /health",
                    "client",
                    trace=trace_id,
                    span=span,
                    parent=f"{call:016x}",
                    status=status,
                    attempt=attempt,
                )
            )
        if attempt < total:
            for hook in hooks:
                event = {"hook": hook["name"], "point": "before_retry", "op": "system.health", "attempt": attempt}
                client.events.append({**event, "request_id": rid, "delay_ms": 10, "cause": _cause()})
    if client.settings.get("tracing"):
        attributes = {"dwcp.operation": "system.health", "dwcp.attempts": total, "dwcp.request_id": rid}
        client.spans.append(
            {
                **_span(
                    "system.health", "internal", trace=trace, span=f"{call:016x}", parent=None, status=0, attempt=0
                ),
                "attributes": attributes,
            }
        )
    client.journal(attempts)
    result: dict[str, Any] = dict(HEALTH)
    if "leak_key" in flaws:
        result["version"] = f"built with {client.config.get('api_key')}"
    if not request.get("raw"):
        return result
    raw_rid = "req-other" if "wrong_raw_rid" in flaws else rid
    return {
        "status": 200,
        "headers": {"content-type": "application/json", "x-request-id": rid},
        "request_id": raw_rid,
        "result": result,
    }


def _entry(attempt: int, status: int, rid: str, headers: dict[str, str]) -> dict[str, Any]:
    """A journal entry like the server's."""
    return {
        "op": "system.health",
        "method": "GET",
        "path": "/v3/health",
        "attempt": attempt,
        "request_id": rid,
        "idempotency_key": None,
        "user_agent": headers["user-agent"],
        "traceparent": headers["traceparent"],
        "headers": headers,
        "status": status,
        "time_ms": attempt * 10.0,
    }


def _cause() -> dict[str, str]:
    """The typed error of a 503 attempt."""
    return {"category": "ConnectionError", "code": "unavailable"}


def _hooks(
    client: Client, hooks: list[dict[str, Any]], *, flaws: set[str], attempt: int, status: int, rid: str
) -> None:
    """before_attempt and after_response of every hook, in order (reversed at after_response with `hook_order`)."""
    base = {"op": "system.health", "attempt": attempt, "request_id": rid}
    client.events += [{"hook": h["name"], "point": "before_attempt", **base} for h in hooks]
    after = list(reversed(hooks)) if "hook_order" in flaws else hooks
    client.events += [
        {"hook": h["name"], "point": "after_response", **base, "status": status, "duration_ms": 1} for h in after
    ]


def _log(client: Client, flaws: set[str], attempt: int, status: int, rid: str) -> None:
    """The attempt's log records at the client's level."""
    level = client.settings.get("log_level")
    if level is None:
        return
    if level == "debug":
        text = "request system.health headers authorization=[REDACTED]"
        if "leak_in_log" in flaws:
            text = f"request system.health headers authorization=Bearer {client.config.get('api_key')}"
        fields = {"operation": "system.health", "attempt": attempt, "headers": {}, "body": None}
        client.records.append({"level": "debug", "event": "request", "text": text, "fields": fields})
    if level in ("debug", "info") and not ("missing_log" in flaws and attempt == 1):
        fields = {"operation": "system.health", "method": "GET", "path": "/health", "status": status}
        fields |= {"attempt": attempt, "duration_ms": 1, "request_id": rid}
        client.records.append(
            {"level": "info", "event": "attempt", "text": f"system.health {status}", "fields": fields}
        )


def _span(
    name: str, kind: str, *, trace: str, span: str, parent: str | None, status: int, attempt: int
) -> dict[str, Any]:
    """An ended span in the protocol's form."""
    attributes: dict[str, Any] = {
        "http.request.method": "GET",
        "url.template": "/health",
        "http.response.status_code": status,
    }
    if attempt > 1:
        attributes["http.request.resend_count"] = attempt - 1
    state = "error" if status >= 500 else "unset"
    return {
        "name": name,
        "kind": kind,
        "trace_id": trace,
        "span_id": span,
        "parent_span_id": parent,
        "status": state,
        "attributes": attributes,
    }


def answer(request: dict[str, Any], clients: dict[str, Client]) -> dict[str, Any]:
    """The reply to one request."""
    cmd = request["cmd"]
    if cmd == "hello":
        return {"language": "fake", "sdk_version": "0.0.1", "protocol": 1, "features": []}
    if cmd == "new_client":
        clients[request["client"]] = Client(dict(request["config"]))
        return {}
    if cmd in ("connect", "status"):
        return {"is_connected": True, "is_authenticated": True}
    if cmd == "call":
        return call(request, clients.get(request["client"]))
    if cmd in ("hook_events", "log_records", "spans"):
        return report(cmd, clients[request["client"]])
    if cmd == "stream_open":
        return stream_open(request, clients[request["client"]])
    if cmd == "stream_read":
        return {"events": EVENTS if request["count"] else [], "done": True, "error": None}
    if cmd == "crash":
        raise SystemExit(3)
    return {}


def report(cmd: str, client: Client) -> dict[str, Any]:
    """Hands back and forgets what the client's hooks, logger or tracer recorded."""
    key = {"hook_events": "events", "log_records": "records", "spans": "spans"}[cmd]
    items = getattr(client, key)
    setattr(client, key, [])
    return {key: items}


def stream_open(request: dict[str, Any], client: Client) -> dict[str, Any]:
    """Opens nothing; `args: {fake: {journal: [entry, ...]}}` are the attempts the stream "sent"."""
    scripted = request.get("args", {}).get("fake", {}).get("journal")
    if scripted:
        client.journal(scripted)
    return {}


def call(request: dict[str, Any], client: Client | None) -> dict[str, Any]:
    """`system.health` answers; with `cancel_after_ms` a call is cancelled (its attempts scripted in
    `args: {fake: {journal: [...]}}`, the delay named in the message); every other op raises
    VMNotFoundError."""
    if "cancel_after_ms" in request:
        scripted = request.get("args", {}).get("fake", {}).get("journal")
        if scripted and client is not None:
            client.journal(scripted)
        message = f"cancelled after {request['cancel_after_ms']} ms"
        raise LookupError({"category": "Cancelled", "status": None, "attempts": 1, "message": message})
    if request["op"] == "system.health":
        return health(client, request) if client is not None else HEALTH
    error = {"category": "VMNotFoundError", "status": 404, "code": "vm_not_found", "request_id": "r-1", "attempts": 1}
    raise LookupError(error)


def main() -> None:
    """Reads requests line by line until shutdown."""
    clients: dict[str, Client] = {}
    for line in sys.stdin:
        request = json.loads(line)
        try:
            reply = {"id": request["id"], "ok": True, "result": answer(request, clients)}
        except LookupError as exc:
            reply = {"id": request["id"], "ok": False, "error": exc.args[0]}
        print(json.dumps(reply), flush=True)
        if request["cmd"] == "shutdown":
            return


if __name__ == "__main__":
    main()
