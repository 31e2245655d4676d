"""Matchers, templates and journal checks of the runner."""

from __future__ import annotations

import pytest

from conformance.runner.matching import match
from conformance.runner.observe import check_journal, check_stream
from conformance.runner.templating import TemplateError, render


@pytest.mark.parametrize(
    ("expected", "actual"),
    [
        ({"a": 1}, {"a": 1, "b": 2}),
        ({"a": {"$gte": 1, "$lt": 3}}, {"a": 2}),
        ({"a": {"$in": ["x", "y"]}}, {"a": "y"}),
        ({"a": {"$exists": False}}, {}),
        ({"a": None}, {}),
        ({"a": {"$regex": "^vm-"}}, {"a": "vm-1"}),
        ({"a": {"$len": 2}}, {"a": [1, 2]}),
        ({"a": {"$contains": {"id": 2}}}, {"a": [{"id": 1}, {"id": 2}]}),
        ([1, {"b": True}], [1.0, {"b": True, "c": 0}]),
    ],
)
def test_matches(expected: object, actual: object) -> None:
    """Partial and operator matches hold."""
    assert match(expected, actual) == []


@pytest.mark.parametrize(
    ("expected", "actual"),
    [
        ({"a": 1}, {}),
        ({"a": True}, {"a": 1}),
        ({"a": {"$gte": 3}}, {"a": 2}),
        ({"a": {"$gte": 3}}, {"a": "3"}),
        ([1], [1, 2]),
        ({"a": {"$exists": True}}, {"a": None}),
        ({"a": {"$bogus": 1}}, {"a": 1}),
    ],
)
def test_mismatches(expected: object, actual: object) -> None:
    """Mismatches are reported."""
    assert match(expected, actual)


def test_templates_keep_types_and_do_arithmetic() -> None:
    """A whole-string placeholder keeps its type; text interpolates; + and - work."""
    variables = {"vm": {"id": "v1", "n": 3}, "list": [{"x": 1}]}
    assert render({"a": "${vm.n}", "b": "id=${vm.id}", "c": "${vm.n + 2}", "d": "${list.0.x}"}, variables) == {
        "a": 3,
        "b": "id=v1",
        "c": 5,
        "d": 1,
    }
    assert render("${http_date(+2)}", {}).endswith("GMT")
    with pytest.raises(TemplateError):
        render("${missing}", variables)


def _entries(times: list[float], keys: list[str | None]) -> list[dict[str, object]]:
    """Journal entries with the given times and idempotency keys."""
    return [
        {
            "op": "vm.create",
            "time_ms": t,
            "idempotency_key": k,
            "attempt": str(i + 1),
            "body_sha256": "h",
            "request_id": "r",
        }
        for i, (t, k) in enumerate(zip(times, keys, strict=True))
    ]


def test_journal_checks_pass() -> None:
    """Count, same key and body, sequential attempts and gaps within bounds."""
    spec = {
        "op": "vm.create",
        "count": 3,
        "same_idempotency_key": True,
        "same_body": True,
        "same_request_id": True,
        "attempts_sequential": True,
        "gaps_ms": [{"min": 90, "max": 150}, {"min": 190, "max": 260}],
    }
    assert check_journal(spec, _entries([0, 100, 305], ["k", "k", "k"])) == []


def test_journal_checks_fail() -> None:
    """Different keys and a gap too short are both reported."""
    spec = {"same_idempotency_key": True, "gaps_ms": [{"min": 90, "max": 150}]}
    problems = check_journal(spec, _entries([0, 10], ["k", "other"]))
    assert len(problems) == 2


def test_stream_exactly_once() -> None:
    """A duplicate id across reads breaks exactly-once."""
    history = [{"id": 1}, {"id": 2}, {"id": 2}]
    assert check_stream({"exactly_once": True}, {"events": history[2:]}, history)
    assert check_stream({"exactly_once": True, "total": 2}, {"events": []}, history[:2]) == []


def test_traceparent_parsing_rejects_zero_and_malformed_ids() -> None:
    """Only W3C version 00 with non-zero trace and parent ids counts as a traceparent."""
    from conformance.runner.insight import traceparent

    good = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"
    assert traceparent({"traceparent": good}) == ("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331")
    for bad in (
        None,
        "",
        good.upper(),
        "01" + good[2:],
        f"00-{'0' * 32}-b7ad6b7169203331-01",
        good[:-19] + "0" * 16 + "-01",
    ):
        assert traceparent({"traceparent": bad}) is None, bad


def test_secrets_are_found_in_values_and_keys_at_any_depth() -> None:
    """The secret scan sees nested strings and object keys, and nothing when there is no secret."""
    from conformance.runner.insight import secrets_in

    secrets = frozenset({"sk-1234"})
    assert secrets_in({"a": [{"b": "Bearer sk-1234"}]}, secrets) == ["$.a[0].b"]
    assert secrets_in({"sk-1234": 1}, secrets) == ["$ (a key)"]
    assert secrets_in({"a": ["sk-123", 1234, None]}, secrets) == []
    assert secrets_in({"a": "sk-1234"}, frozenset()) == []


def test_same_trace_and_new_trace_per_call() -> None:
    """One trace per call passes both checks; a shared trace across calls fails the second."""

    def entry(rid: str, trace: str, span: str) -> dict[str, object]:
        return {"request_id": rid, "traceparent": f"00-{trace * 32}-{span * 16}-01"}

    one_call = [entry("r1", "a", "1"), entry("r1", "a", "2")]
    assert check_journal({"same_trace": True}, one_call) == []
    assert check_journal({"new_trace_per_call": True}, [*one_call, entry("r2", "b", "3")]) == []
    assert check_journal({"new_trace_per_call": True}, [*one_call, entry("r2", "a", "3")])
    assert check_journal({"same_trace": True}, [entry("r1", "a", "1"), entry("r1", "b", "2")])


def test_stream_exactly_once_event_without_id() -> None:
    """An event the SDK passed through without an id is a failure the runner reports, not a crash."""
    history = [{"id": "1"}, {"type": "x_future_event"}, {"id": "2"}]
    problems = check_stream({"exactly_once": True}, {"events": history}, history)
    assert problems == ["event ids not strictly increasing at positions [1]: [1, None, 2]"]
