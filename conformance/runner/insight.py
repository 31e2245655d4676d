"""Checks of what a driver reports about its SDK (issue 15): hook events, log records, spans, secrets.

Also the journal's W3C `traceparent` checks, shared by `observe` and the `spans` expectations.
"""

from __future__ import annotations

import re
from typing import Any

from conformance.runner.matching import match
from conformance.runner.templating import TemplateError, dig

# The three driver commands, and the key of the list each one answers (and each `expect` names).
KINDS = {"hook_events": "events", "log_records": "records", "spans": "spans"}
TRACEPARENT = re.compile(r"^00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$")
ZERO_TRACE, ZERO_SPAN = "0" * 32, "0" * 16


def traceparent(entry: dict[str, Any]) -> tuple[str, str] | None:
    """(trace id, parent id) of a journal entry's traceparent; None when absent or not W3C version 00."""
    found = TRACEPARENT.match(str(entry.get("traceparent") or ""))
    if not found or found.group(1) == ZERO_TRACE or found.group(2) == ZERO_SPAN:
        return None
    return found.group(1), found.group(2)


def _parsed(entries: list[dict[str, Any]], label: str) -> tuple[list[tuple[str, str]], list[str]]:
    """The traceparents of all entries, or a problem naming the entries without a valid one."""
    parsed = [traceparent(e) for e in entries]
    bad = [(e.get("seq"), e.get("traceparent")) for e, p in zip(entries, parsed, strict=True) if p is None]
    if bad:
        return [], [f"{label}: attempts without a valid traceparent (seq, value): {bad}"]
    return [p for p in parsed if p is not None], []


def check_same_trace(entries: list[dict[str, Any]], label: str) -> list[str]:
    """Every attempt carries a valid traceparent, all with one trace id."""
    if not entries:
        return [f"{label}: no attempts to compare trace ids"]
    parsed, problems = _parsed(entries, label)
    traces = sorted({p[0] for p in parsed})
    if not problems and len(traces) != 1:
        problems.append(f"{label}: expected one trace id on every attempt, got {traces}")
    return problems


def check_new_trace_per_call(entries: list[dict[str, Any]], label: str) -> list[str]:
    """Attempts grouped by request id (one logical call each): one trace id per call, a new one per call."""
    parsed, problems = _parsed(entries, label)
    if problems:
        return problems
    calls: dict[Any, set[str]] = {}
    for entry, (trace, _) in zip(entries, parsed, strict=True):
        calls.setdefault(entry.get("request_id"), set()).add(trace)
    if len(calls) < 2:
        problems.append(f"{label}: new_trace_per_call needs at least two calls (request ids), got {list(calls)}")
    split = {rid: sorted(t) for rid, t in calls.items() if len(t) != 1}
    if split:
        problems.append(f"{label}: attempts of one call carry different trace ids: {split}")
    traces = [next(iter(t)) for t in calls.values()]
    if len(set(traces)) != len(traces):
        problems.append(f"{label}: calls share a trace id: { {rid: sorted(t) for rid, t in calls.items()} }")
    return problems


def check_headers(wanted: dict[str, Any], entries: list[dict[str, Any]], label: str) -> list[str]:
    """Each named header (lower-cased) matches on every entry; `null` means the header must be absent."""
    problems: list[str] = []
    if not entries:
        return [f"{label}: no attempts to check headers on"]
    for entry in entries:
        headers = entry.get("headers") or {}
        for name, matcher in wanted.items():
            problems += match(matcher, headers.get(name.lower()), f"{label} seq {entry.get('seq')} header {name}")
    return problems


def check_user_agent(wanted: Any, entries: list[dict[str, Any]], label: str) -> list[str]:
    """The User-Agent of every entry matches."""
    if not entries:
        return [f"{label}: no attempts to check the User-Agent on"]
    return [p for e in entries for p in match(wanted, e.get("user_agent"), f"{label} seq {e.get('seq')} user_agent")]


def check_reported(
    kind: str, expect: dict[str, Any], items: list[dict[str, Any]], journal: list[dict[str, Any]]
) -> list[str]:
    """Problems of what a `hook_events` / `log_records` / `spans` command returned against its `expect`.

    `journal` holds the attempts the items are compared with (since the previous such step of the client).
    """
    key = KINDS[kind]
    problems: list[str] = []
    if key in expect:
        problems += match(expect[key], items, key)
    for index, count in enumerate(expect.get("counts", []), start=1):
        problems += _count(count, items, journal, f"{key} counts[{index}]")
    if "per_attempt" in expect:
        problems += _per_attempt(expect["per_attempt"], items, journal, f"{key} per_attempt")
    if expect.get("attempts_traced"):
        problems += _attempts_traced(items, journal)
    return problems


def _selected(items: list[dict[str, Any]], where: Any) -> list[dict[str, Any]]:
    """The items that partially match `where`."""
    return [item for item in items if not match(where, item)]


def _count(spec: dict[str, Any], items: list[dict[str, Any]], journal: list[dict[str, Any]], label: str) -> list[str]:
    """`{where, count}`: how many items match `where`; `count: journal` means one per journalled attempt."""
    found = len(_selected(items, spec.get("where", {})))
    wanted = len(journal) if spec["count"] == "journal" else spec["count"]
    problems = match(wanted, found, f"{label} (where {spec.get('where', {})})")
    return [*problems, f"(journal attempts: {len(journal)})"] if problems and spec["count"] == "journal" else problems


def _per_attempt(
    spec: dict[str, Any], items: list[dict[str, Any]], journal: list[dict[str, Any]], label: str
) -> list[str]:
    """The items matching `where` pair off, in order, with the journal's attempts; `fields` maps a dotted
    path in the item to the journal field whose value it must equal."""
    chosen = _selected(items, spec.get("where", {}))
    if len(chosen) != len(journal):
        return [f"{label}: {len(chosen)} items match {spec.get('where', {})}, the journal has {len(journal)} attempts"]
    problems: list[str] = []
    for index, (item, entry) in enumerate(zip(chosen, journal, strict=True), start=1):
        for path, field in spec.get("fields", {}).items():
            try:
                value = dig(item, [p for p in path.split(".") if p], path)
            except TemplateError:
                value = None
            wanted = entry.get(field)
            if not _same(value, wanted):
                problems.append(f"{label} #{index}: {path} is {value!r}, the journal's {field} is {wanted!r}")
    return problems


def _same(value: Any, wanted: Any) -> bool:
    """Equality that lets a number and its decimal string agree (headers are strings on the wire)."""
    if value == wanted and type(value) is not bool:
        return True
    return value is not None and wanted is not None and not isinstance(value, bool) and str(value) == str(wanted)


def _attempts_traced(spans: list[dict[str, Any]], journal: list[dict[str, Any]]) -> list[str]:
    """One client span per journalled attempt; each attempt's traceparent names one of them as parent,
    each a different one, and carries the trace id of its span; each client span is the child of a
    call's internal span of its trace."""
    client = {s.get("span_id"): s for s in spans if s.get("kind") == "client"}
    problems: list[str] = []
    if len(client) != len(journal):
        problems.append(f"attempts_traced: {len(client)} client spans, the journal has {len(journal)} attempts")
    parsed, bad = _parsed(journal, "attempts_traced")
    if bad:
        return problems + bad
    parents = [parent for _, parent in parsed]
    unknown = [p for p in parents if p not in client]
    if unknown:
        problems.append(f"attempts_traced: traceparent parent ids {unknown} are no client span's id {sorted(client)}")
    if len(set(parents)) != len(parents):
        problems.append(f"attempts_traced: two attempts name the same parent span: {parents}")
    wrong = [(p, t, client[p].get("trace_id")) for t, p in parsed if p in client and client[p].get("trace_id") != t]
    if wrong:
        problems.append(f"attempts_traced: trace ids differ from their span's (parent, sent, span): {wrong}")
    calls = {(s.get("trace_id"), s.get("span_id")) for s in spans if s.get("kind") == "internal"}
    orphans = [i for i, s in client.items() if (s.get("trace_id"), s.get("parent_span_id")) not in calls]
    if orphans:
        problems.append(f"attempts_traced: client spans {orphans} are not children of an internal (call) span")
    return problems


def secrets_in(value: Any, secrets: frozenset[str], path: str = "$") -> list[str]:
    """Where any of the secrets occurs in a reply (keys and strings, at any depth)."""
    if not secrets:
        return []
    if isinstance(value, str):
        return [path] if any(secret in value for secret in secrets) else []
    if isinstance(value, dict):
        found = [f"{path} (a key)" for k in value if secrets_in(str(k), secrets)]
        return found + [p for k, v in value.items() for p in secrets_in(v, secrets, f"{path}.{k}")]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in secrets_in(v, secrets, f"{path}[{i}]")]
    return []
