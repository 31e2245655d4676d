"""One function per step action; each returns the problems it found (empty when the step passed)."""

from __future__ import annotations

import itertools
import json
import time
from typing import TYPE_CHECKING, Any

from conformance.runner import insight, resilience
from conformance.runner.matching import match
from conformance.runner.observe import check_journal, check_stream, close_deadline
from conformance.runner.templating import TemplateError, dig, render

if TYPE_CHECKING:
    from conformance.runner.execute import Run

Problems = list[str]


class StepError(Exception):
    """A step could not run (bad reply, template error, control API failure)."""


def expect_ok(reply: dict[str, Any]) -> Any:
    """The result of a reply that must be ok."""
    if not reply.get("ok"):
        raise StepError(f"expected success, got error {_short(reply.get('error'))}")
    return reply.get("result")


def _short(value: Any, size: int = 600) -> str:
    """Compact JSON for messages."""
    text = json.dumps(value, sort_keys=True, default=str)
    return text if len(text) <= size else text[:size] + "..."


def check_reply(expect: dict[str, Any] | None, reply: dict[str, Any], deadline: bool = False) -> Problems:
    """Problems of a driver reply against `{result: ...}` / `{error: ...}` (absent: must succeed)."""
    expect = expect or {}
    if "error" in expect:
        if reply.get("ok"):
            return [f"expected error {_short(expect['error'])}, got success {_short(reply.get('result'))}"]
        return check_error(expect["error"], reply.get("error") or {}, deadline)
    if not reply.get("ok"):
        return [f"expected success, got error {_short(reply.get('error'))}"]
    if "result" in expect:
        found = match(expect["result"], reply.get("result"), "result")
        return [*found, f"(result was {_short(reply.get('result'))})"] if found else []
    return []


def check_error(expected: dict[str, Any], error: dict[str, Any], deadline: bool = False) -> Problems:
    """Problems of a wire-form error against the expected one; a deadline accepts Cancelled too."""
    expected = dict(expected)
    if deadline and expected.get("category") == "TimeoutError":
        expected["category"] = {"$in": ["TimeoutError", "Cancelled"]}
    if error.get("category") == "Crash" and expected.get("category") != "Crash":
        return [f"driver crashed (a non-DWCP error): {error.get('message')}"]
    found = match(expected, error, "error")
    return [*found, f"(error was {_short(error)})"] if found else []


def _save(run: Run, step: dict[str, Any], result: Any) -> None:
    """Stores parts of a result as variables for later steps."""
    for name, path in step.get("save", {}).items():
        run.variables[name] = dig(result, [p for p in path.split(".") if p], f"save {name}")


def _mark(run: Run, step: dict[str, Any]) -> int:
    """The journal length before a step that observes it."""
    observe = step.get("observe")
    if not observe or observe.get("since") == "case":
        return 0
    return len(run.control.journal())


CLOSE_POLL_S = 0.02  # how often a `closed_within_ms` check re-reads the journal while it may still pass
CLOSE_SLACK_MS = 20.0  # server time past the deadline before a connection still open is final


def _observe(run: Run, step: dict[str, Any], mark: int, reference_ms: float | None = None) -> Problems:
    """Checks the journal entries since the mark against the step's `observe`.

    With `closed_within_ms`, a connection the journal does not show closed yet may still close in
    time: the journal is read again until the check passes or the server's clock is past the
    deadline (the reference plus the limit), so the verdict never depends on when the runner looked."""
    spec = step.get("observe")
    if not spec:
        return []
    spec = render(spec, run.variables)
    journal, now = run.control.journal_now()
    entries = journal[mark:]
    found = check_journal(spec, entries, reference_ms)
    deadline = close_deadline(spec, entries, reference_ms)
    if found and deadline is not None and now is not None:
        give_up = time.monotonic() + max(0.0, deadline + CLOSE_SLACK_MS - now) / 1000 + 2.0
        while found and now is not None and now <= deadline + CLOSE_SLACK_MS and time.monotonic() < give_up:
            time.sleep(CLOSE_POLL_S)
            journal, now = run.control.journal_now()
            entries = journal[mark:]
            found = check_journal(spec, entries, reference_ms)
    if found:
        keys = ("op", "attempt", "status", "time_ms", "connection_id", "connection_closed_ms", "replayed")
        brief = [{k: e.get(k) for k in keys} for e in entries]
        found.append(f"(journal: {_short(brief, 1500)})")
    return found


def call(run: Run, step: dict[str, Any]) -> Problems:
    """`call`: one operation, its result or error, saved values and journal observations."""
    fields: dict[str, Any] = {"client": run.client(step.get("client")), "op": step["call"]}
    fields["args"] = render(step.get("args", {}), run.variables)
    if "deadline_ms" in step:
        fields["deadline_ms"] = render(step["deadline_ms"], run.variables)
    if "cancel_after_ms" in step:
        fields["cancel_after_ms"] = render(step["cancel_after_ms"], run.variables)
    fields.update(_call_extras(run, step))
    mark = _mark(run, step)
    reply = run.request("call", run.timeout_s, **fields)
    problems = check_reply(render(step.get("expect"), run.variables), reply, "deadline_ms" in step)
    if not problems and reply.get("ok"):
        _save(run, step, reply.get("result"))
    try:
        return problems + _observe(run, step, mark)
    except TemplateError as exc:  # `observe` names a value the failed call did not save: report the call's problems
        if not problems:
            raise
        return [*problems, f"(observe not checked: {exc})"]


def _call_extras(run: Run, step: dict[str, Any]) -> dict[str, Any]:
    """The per-call `options` and the `raw` flag of a call or stream_open step, when given."""
    extras: dict[str, Any] = {}
    if "options" in step:
        extras["options"] = render(step["options"], run.variables)
    if step.get("raw"):
        extras["raw"] = True
    return extras


def call_many(run: Run, step: dict[str, Any]) -> Problems:
    """`call_many`: operations run concurrently by the driver; `each` or `results` expectations."""
    calls = render(step["call_many"], run.variables) * step.get("repeat", 1)
    calls = [{"op": c["op"], "args": c.get("args", {})} for c in calls]
    mark = _mark(run, step)
    reply = run.request("call_many", run.timeout_s, client=run.client(step.get("client")), calls=calls)
    replies = expect_ok(reply)["results"]
    if len(replies) != len(calls):
        return [f"call_many: {len(calls)} calls, {len(replies)} replies"]
    expect = render(step.get("expect", {}), run.variables)
    wanted = expect.get("results") or [expect.get("each")] * len(replies)
    problems = [
        f"call {i + 1}: {p}" for i, (e, r) in enumerate(zip(wanted, replies, strict=False)) for p in check_reply(e, r)
    ]
    return problems + _observe(run, step, mark)


def poll(run: Run, step: dict[str, Any]) -> Problems:
    """`poll`: repeats an operation until its result matches `until`; checks nondecreasing fields."""
    args = render(step.get("args", {}), run.variables)
    until = render(step["until"], run.variables)
    series: list[Any] = []
    for _ in range(step.get("max_polls", 200)):
        reply = run.request("call", run.timeout_s, client=run.client(step.get("client")), op=step["poll"], args=args)
        result = expect_ok(reply)
        series.append(result)
        if not match(until, result):
            _save(run, step, result)
            return _nondecreasing(step.get("nondecreasing", []), series)
        time.sleep(step.get("interval_ms", 20) / 1000)
    return [f"{step['poll']} never matched {_short(until)}; last result {_short(series[-1])}"]


def _nondecreasing(fields: list[str], series: list[Any]) -> Problems:
    """Each named field never decreases over the polled results."""
    problems = []
    for name in fields:
        values = [dig(r, name.split("."), name) for r in series]
        drops = [(a, b) for a, b in itertools.pairwise(values) if b < a]
        if drops:
            problems.append(f"{name} decreased: {values}")
    return problems


def client_command(run: Run, step: dict[str, Any], action: str) -> Problems:
    """`connect`, `disconnect`, `status`, `client_metrics`, `describe`: one command on a named client."""
    mark = _mark(run, step)
    reply = run.request(action, run.timeout_s, client=run.client(step[action]))
    problems = check_reply(render(step.get("expect"), run.variables), reply)
    if not problems and reply.get("ok"):
        _save(run, step, reply.get("result"))
    return problems + _observe(run, step, mark)


def stream_open(run: Run, step: dict[str, Any]) -> Problems:
    """`stream_open`: an expected error may come from the open or from the first read."""
    name = step["stream_open"]
    run.streams[name] = []
    mark = _mark(run, step)
    if _closes_observed(run, name):  # the stream's attempts are the journal's entries from here on
        observed = step.get("observe") and step["observe"].get("since") != "case"
        run.stream_marks[name] = mark if observed else len(run.control.journal())
    return _stream_open(run, step, name) + _observe(run, step, mark)


def _closes_observed(run: Run, name: str) -> bool:
    """Whether a `stream_close` step of the case observes the stream `name`."""
    return any(s.get("stream_close") == name and "observe" in s for s in run.case.data["steps"])


def _stream_open(run: Run, step: dict[str, Any], name: str) -> Problems:
    """Opens the stream and checks the open's (or the first read's) outcome."""
    fields = {"client": run.client(step.get("client")), "stream": run.stream(name), "op": step["op"]}
    fields.update(_call_extras(run, step))
    reply = run.request("stream_open", run.timeout_s, **fields, args=render(step.get("args", {}), run.variables))
    expect = render(step.get("expect"), run.variables) or {}
    if "error" not in expect or not reply.get("ok"):
        return check_reply(expect, reply)
    read = expect_ok(run.request("stream_read", run.timeout_s, stream=run.stream(name), count=1, timeout_ms=5000))
    if not read.get("error"):
        return [f"expected the stream to fail with {_short(expect['error'])}, got {_short(read)}"]
    return check_error(expect["error"], read["error"])


def stream_read(run: Run, step: dict[str, Any]) -> Problems:
    """`stream_read`: waits for events; checks counts, order, exactly-once, the end and errors."""
    name = step["stream_read"]
    mark = _mark(run, step)
    wait = step["timeout_ms"] / 1000 + run.timeout_s
    fields = {"stream": run.stream(name), "count": step["count"], "timeout_ms": step["timeout_ms"]}
    read = expect_ok(run.request("stream_read", wait, **fields))
    run.streams.setdefault(name, []).extend(read.get("events", []))
    expect = render(step.get("expect", {}), run.variables)
    problems = check_stream(expect, read, run.streams[name])
    if "error" in expect and expect["error"] is not None:
        problems += check_error(expect["error"], read.get("error") or {}) if read.get("error") else ["no stream error"]
    elif read.get("error"):
        problems.append(f"unexpected stream error {_short(read['error'])}")
    if problems:
        problems.append(f"(read: {_short({k: v for k, v in read.items() if k != 'events'})}, ids {_ids(read)})")
    return problems + _observe(run, step, mark)


def _ids(read: dict[str, Any]) -> list[Any]:
    """Event ids of a read, for messages."""
    return [e.get("id") for e in read.get("events", [])]


def stream_close(run: Run, step: dict[str, Any]) -> Problems:
    """`stream_close`: closes a stream the idiomatic way. Its `observe` sees the stream's attempts
    (the journal since its `stream_open`, or since the reset with `since: case`), and its
    `closed_within_ms` counts from the server's clock read just before the close was sent."""
    name = step["stream_close"]
    observe = step.get("observe")
    mark = 0 if not observe or observe.get("since") == "case" else run.stream_marks.get(name, 0)
    reference = run.control.now_ms() if observe else None
    if observe and "closed_within_ms" in observe and reference is None:
        return ["stream_close: the server does not report now_ms, so closed_within_ms cannot be checked"]
    expect_ok(run.request("stream_close", run.timeout_s, stream=run.stream(name)))
    run.streams.pop(name, None)
    return _observe(run, step, mark, reference)


def faults(run: Run, step: dict[str, Any]) -> Problems:
    """`faults`: scripts faults on the server."""
    run.control.add_faults(render(step["faults"], run.variables))
    return []


def inject_events(run: Run, step: dict[str, Any]) -> Problems:
    """`inject_events`: appends synthetic events to a VM's log."""
    spec = render(step["inject_events"], run.variables)
    run.control.add_events(spec["vm_id"], int(spec["count"]))
    return []


def sleep(run: Run, step: dict[str, Any]) -> Problems:
    """`sleep_ms`: waits (for server-side time to pass)."""
    time.sleep(step["sleep_ms"] / 1000)
    return []


def observe(run: Run, step: dict[str, Any]) -> Problems:
    """`observe`: checks the whole case's journal (since the reset)."""
    return _observe(run, {"observe": step["observe"]}, 0)


def reported(run: Run, step: dict[str, Any], kind: str) -> Problems:
    """`hook_events`, `log_records`, `spans`: what the driver saw of its SDK since the client's previous
    such step, checked against `expect` and the journal's attempts over the same stretch."""
    client = step[kind]
    result = expect_ok(run.request(kind, run.timeout_s, client=run.client(client)))
    key = insight.KINDS[kind]
    items = result.get(key) if isinstance(result, dict) else None
    if not isinstance(items, list):
        return [f"{kind}: expected {{{key!r}: [...]}}, got {_short(result)}"]
    entries = run.control.journal()
    since = run.marks.get((kind, client), 0)
    run.marks[(kind, client)] = max([since, *(int(e.get("seq") or 0) for e in entries)])
    expect = render(step.get("expect", {}), run.variables)
    journal = [e for e in entries if int(e.get("seq") or 0) > since and expect.get("op") in (None, e.get("op"))]
    problems = insight.check_reported(kind, expect, items, journal)
    if problems:
        problems.append(f"({key}: {_short(items, 3000)})")
        brief = [{k: e.get(k) for k in ("op", "attempt", "status", "request_id", "traceparent")} for e in journal]
        problems.append(f"(journal: {_short(brief, 1500)})")
    else:
        _save(run, step, result)
    return problems


def connections(run: Run, step: dict[str, Any]) -> Problems:
    """`connections`: partial match of the server's connection counts, checked again every 50 ms for up
    to `within_ms` (default: once); `save` keeps them for later steps (e.g. `open: {$lte:
    "${before.open}"}` after a cancel)."""
    expected = render(step["connections"], run.variables)
    until = time.monotonic() + step.get("within_ms", 0) / 1000
    seen = run.control.connections()
    found = match(expected, seen, "connections")
    while found and time.monotonic() < until:
        time.sleep(0.05)
        seen = run.control.connections()
        found = match(expected, seen, "connections")
    if found:
        return [*found, f"(connections: {seen})"]
    _save(run, step, seen)
    return []


ACTIONS: dict[str, Any] = {
    "call": call,
    "call_many": call_many,
    "poll": poll,
    "connect": lambda run, step: client_command(run, step, "connect"),
    "disconnect": lambda run, step: client_command(run, step, "disconnect"),
    "status": lambda run, step: client_command(run, step, "status"),
    "client_metrics": lambda run, step: client_command(run, step, "client_metrics"),
    "describe": lambda run, step: client_command(run, step, "describe"),
    "stream_open": stream_open,
    "stream_read": stream_read,
    "stream_close": stream_close,
    "faults": faults,
    "inject_events": inject_events,
    "sleep_ms": sleep,
    "observe": observe,
    "connections": connections,
    "hook_events": lambda run, step: reported(run, step, "hook_events"),
    "log_records": lambda run, step: reported(run, step, "log_records"),
    "spans": lambda run, step: reported(run, step, "spans"),
    **resilience.ACTIONS,
}
