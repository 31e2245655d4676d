"""Checks on what the server saw: journal entries of attempts, and streams' event sequences."""

from __future__ import annotations

import itertools
from typing import Any

from conformance.runner import insight
from conformance.runner.matching import match


def select(spec: dict[str, Any], entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The entries an `observe` spec looks at: those of its `op`, or all."""
    op = spec.get("op")
    return [e for e in entries if e.get("op") == op] if op else entries


def check_journal(spec: dict[str, Any], entries: list[dict[str, Any]], reference_ms: float | None = None) -> list[str]:
    """Problems of the journal entries (already cut to the step or case) against an `observe` spec.

    `reference_ms` (server journal clock) is where `closed_within_ms` counts from; None: from each
    entry's own arrival (`time_ms`)."""
    op = spec.get("op")
    entries = select(spec, entries)
    label = f"journal[{op or '*'}]"
    problems: list[str] = []
    if "count" in spec:
        problems += match(spec["count"], len(entries), f"{label} count")
    if "statuses" in spec:
        problems += match(spec["statuses"], [e.get("status") for e in entries], f"{label} statuses")
    if "replayed" in spec:
        problems += match(spec["replayed"], [bool(e.get("replayed")) for e in entries], f"{label} replayed")
    for check in (_same_key, _distinct_keys, _key_presence, _same_body, _same_request_id, _sequential, _resumes, _gaps):
        problems += check(spec, entries, label)
    if "request_id" in spec:
        for entry in entries:
            problems += match(spec["request_id"], entry.get("request_id"), f"{label} seq {entry.get('seq')} request_id")
    if "headers" in spec:
        problems += insight.check_headers(spec["headers"], entries, label)
    if "user_agent" in spec:
        problems += insight.check_user_agent(spec["user_agent"], entries, label)
    if spec.get("same_trace"):
        problems += insight.check_same_trace(entries, label)
    if spec.get("new_trace_per_call"):
        problems += insight.check_new_trace_per_call(entries, label)
    if "closed_within_ms" in spec:
        problems += check_closed_within(float(spec["closed_within_ms"]), entries, label, reference_ms)
    return problems


def check_closed_within(
    limit_ms: float, entries: list[dict[str, Any]], label: str, reference_ms: float | None = None
) -> list[str]:
    """The connection of every entry closed at most `limit_ms` after the reference (each entry's
    arrival, or `reference_ms`); a connection still open (`connection_closed_ms` null) fails, and so
    does an observation with no entry at all (nothing was measured)."""
    if not entries:
        return [f"{label}: no attempts whose connection close to check"]
    problems = []
    for entry in entries:
        closed = entry.get("connection_closed_ms")
        start = float(entry["time_ms"]) if reference_ms is None else reference_ms
        what = "its arrival" if reference_ms is None else "the close"
        where = f"{label} seq {entry.get('seq')} (connection {entry.get('connection_id')})"
        if closed is None:
            problems.append(
                f"{where}: the connection is still open, it should have closed within {limit_ms:g} ms of {what}"
            )
        elif float(closed) - start > limit_ms:
            late = round(float(closed) - start, 1)
            problems.append(f"{where}: the connection closed {late} ms after {what}, more than {limit_ms:g} ms")
    return problems


def close_deadline(spec: dict[str, Any], entries: list[dict[str, Any]], reference_ms: float | None) -> float | None:
    """The server time by which every connection `closed_within_ms` checks must have closed (None
    when the spec has no such check or nothing to check)."""
    if "closed_within_ms" not in spec:
        return None
    chosen = select(spec, entries)
    if not chosen:
        return None
    start = reference_ms if reference_ms is not None else max(float(e["time_ms"]) for e in chosen)
    return start + float(spec["closed_within_ms"])


def _all_equal(entries: list[dict[str, Any]], field: str, label: str, what: str) -> list[str]:
    """One non-null value of `field` across all entries."""
    values = [e.get(field) for e in entries]
    if not values:
        return [f"{label}: no attempts to compare {what}"]
    if None in values or len(set(values)) != 1:
        return [f"{label}: expected one {what} on every attempt, got {values}"]
    return []


def _same_key(spec: dict[str, Any], entries: list[dict[str, Any]], label: str) -> list[str]:
    """Every attempt carries the same Idempotency-Key."""
    if not spec.get("same_idempotency_key"):
        return []
    return _all_equal(entries, "idempotency_key", label, "idempotency key")


def _distinct_keys(spec: dict[str, Any], entries: list[dict[str, Any]], label: str) -> list[str]:
    """Each logical call has its own key (no key shared by two calls)."""
    if not spec.get("distinct_idempotency_keys"):
        return []
    keys = [e.get("idempotency_key") for e in entries]
    return [] if None not in keys and len(set(keys)) == len(keys) else [f"{label}: keys not distinct: {keys}"]


def _key_presence(spec: dict[str, Any], entries: list[dict[str, Any]], label: str) -> list[str]:
    """Idempotency keys present (or absent) on every attempt."""
    wanted = spec.get("idempotency_key")
    if wanted is None:
        return []
    keys = [e.get("idempotency_key") for e in entries]
    bad = [k for k in keys if (k is None) == (wanted == "present")]
    return [f"{label}: idempotency key should be {wanted} on every attempt, got {keys}"] if bad else []


def _same_body(spec: dict[str, Any], entries: list[dict[str, Any]], label: str) -> list[str]:
    """Identical body bytes on every attempt."""
    if not spec.get("same_body"):
        return []
    return _all_equal(entries, "body_sha256", label, "body hash")


def _same_request_id(spec: dict[str, Any], entries: list[dict[str, Any]], label: str) -> list[str]:
    """One X-Request-ID for all attempts of the logical call."""
    if not spec.get("same_request_id"):
        return []
    return _all_equal(entries, "request_id", label, "request id")


def _sequential(spec: dict[str, Any], entries: list[dict[str, Any]], label: str) -> list[str]:
    """DWCP-Attempt headers are 1, 2, ..., n in arrival order."""
    if not spec.get("attempts_sequential"):
        return []
    seen = [_as_int(e.get("attempt")) for e in entries]
    wanted = list(range(1, len(entries) + 1))
    return [] if seen == wanted else [f"{label}: DWCP-Attempt should be {wanted}, got {seen}"]


def _resumes(spec: dict[str, Any], entries: list[dict[str, Any]], label: str) -> list[str]:
    """Every stream request after the first sends Last-Event-ID."""
    if not spec.get("resumes_with_last_event_id"):
        return []
    missing = [e.get("seq") for e in entries[1:] if e.get("last_event_id") in (None, "")]
    return [f"{label}: reconnections without Last-Event-ID (seq {missing})"] if missing else []


def _gaps(spec: dict[str, Any], entries: list[dict[str, Any]], label: str) -> list[str]:
    """Gaps between consecutive attempts fall in the given [min, max] ms ranges."""
    ranges = spec.get("gaps_ms")
    if ranges is None:
        return []
    times = [float(e["time_ms"]) for e in entries]
    gaps = [round(b - a, 1) for a, b in itertools.pairwise(times)]
    if len(gaps) != len(ranges):
        return [f"{label}: expected {len(ranges)} gaps, got {gaps}"]
    bad = [(g, r) for g, r in zip(gaps, ranges, strict=True) if not r["min"] <= g <= r["max"]]
    return [f"{label}: gaps {gaps} ms outside {ranges}"] if bad else []


def _as_int(value: Any) -> Any:
    """An attempt header as an int when it is one."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return value


def check_stream(spec: dict[str, Any], read: dict[str, Any], history: list[dict[str, Any]]) -> list[str]:
    """Problems of one stream read (and the stream's whole history) against an `expect` spec."""
    events = read.get("events", [])
    problems: list[str] = []
    if "count" in spec:
        problems += match(spec["count"], len(events), "events count")
    if "total" in spec:
        problems += match(spec["total"], len(history), "events total")
    if "events" in spec:
        problems += match(spec["events"], events, "events")
    if "types" in spec:
        problems += match(spec["types"], [e.get("type") for e in events], "event types")
    if "done" in spec:
        problems += match(spec["done"], bool(read.get("done")), "done")
    if spec.get("exactly_once"):
        problems += _exactly_once(history)
    if "timestamp_gaps_ms" in spec:
        problems += _timestamp_gaps(spec["timestamp_gaps_ms"], history)
    return problems


def _exactly_once(history: list[dict[str, Any]]) -> list[str]:
    """Event ids strictly increase over the whole stream: no loss of order, no duplicate."""
    ids = [_as_int(e.get("id")) for e in history]
    # An event without an integer id (an unknown kind passed through, say) is itself out of order.
    bad = [i for i, now in enumerate(ids) if not isinstance(now, int) or (i and not _after(now, ids[i - 1]))]
    return [f"event ids not strictly increasing at positions {bad}: {ids}"] if bad else []


def _after(now: int, before: Any) -> bool:
    """Whether an event id follows the one before it (one without an integer id was reported already)."""
    return not isinstance(before, int) or now > before


def _timestamp_gaps(bounds: dict[str, float], history: list[dict[str, Any]]) -> list[str]:
    """Consecutive event timestamps are within [min, max] ms of each other."""
    from datetime import datetime

    stamps = [datetime.fromisoformat(str(e["timestamp"]).replace("Z", "+00:00")) for e in history]
    gaps = [round((b - a).total_seconds() * 1000, 1) for a, b in itertools.pairwise(stamps)]
    bad = [g for g in gaps if not bounds["min"] <= g <= bounds["max"]]
    return [f"timestamp gaps {gaps} ms outside [{bounds['min']}, {bounds['max']}]"] if bad else []
