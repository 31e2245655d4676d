"""The runner's issue 17 additions: `call.cancel_after_ms` reaches the driver, `observe:
closed_within_ms` measures when each attempt's connection closed (from its arrival, or in a
`stream_close` step from the moment the close was sent), and `connections` saves counts to compare."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conformance.runner.cases import Case, check
from conformance.runner.execute import CaseFailure, Suite, run_case
from conformance.runner.observe import check_closed_within, check_journal, close_deadline
from tests.conformance.fake_server import FakeControl


def entry(seq: int, time_ms: float, closed: float | None, op: str = "vm.get") -> dict[str, Any]:
    return {"seq": seq, "op": op, "time_ms": time_ms, "connection_id": seq, "connection_closed_ms": closed}


# --- the check itself ---------------------------------------------------------------------------------


def test_closed_within_counts_from_each_arrival() -> None:
    entries = [entry(1, 100.0, 450.0), entry(2, 1000.0, 1400.0)]
    assert check_closed_within(400, entries, "journal[vm.get]") == []
    late = check_closed_within(400, [entry(1, 100.0, 501.0)], "journal[vm.get]")
    assert late == [
        "journal[vm.get] seq 1 (connection 1): the connection closed 401.0 ms after its arrival, more than 400 ms"
    ]


def test_closed_within_fails_on_a_connection_still_open() -> None:
    problems = check_closed_within(400, [entry(1, 100.0, 300.0), entry(2, 200.0, None)], "journal[*]")
    assert problems == [
        "journal[*] seq 2 (connection 2): the connection is still open, it should have closed within 400 ms of its arrival"
    ]


def test_closed_within_counts_from_the_reference_when_given() -> None:
    # A stream's earlier connection (closed by a break, long before the close) and its last one.
    entries = [entry(1, 10.0, 50.0, "vm.watch"), entry(2, 60.0, 2080.0, "vm.watch")]
    assert check_closed_within(100, entries, "j", reference_ms=2000.0) == []
    assert check_closed_within(100, entries, "j", reference_ms=1900.0) == [
        "j seq 2 (connection 2): the connection closed 180.0 ms after the close, more than 100 ms"
    ]


def test_closed_within_needs_something_to_measure() -> None:
    assert check_closed_within(100, [], "journal[vm.watch]") == [
        "journal[vm.watch]: no attempts whose connection close to check"
    ]


def test_observe_spec_filters_by_op_and_names_the_deadline() -> None:
    entries = [entry(1, 10.0, None, "system.health"), entry(2, 20.0, 300.0)]
    spec = {"op": "vm.get", "closed_within_ms": 400}
    assert check_journal(spec, entries) == []
    assert check_journal({"closed_within_ms": 400}, entries) != []
    assert close_deadline(spec, entries, None) == 420.0
    assert close_deadline(spec, entries, 1000.0) == 1400.0
    assert close_deadline({"count": 1}, entries, None) is None


# --- through the runner, against the fake driver and control API ----------------------------------------


def cancel_case(journal: list[dict[str, Any]], observe: dict[str, Any] | None = None) -> Case:
    step: dict[str, Any] = {
        "call": "vm.get",
        "args": {"vm_id": "vm-1", "fake": {"journal": journal}},
        "cancel_after_ms": 300,
        "expect": {"error": {"category": "Cancelled", "message": {"$regex": "after 300 ms"}}},
        "observe": observe or {"op": "vm.get", "count": 1, "closed_within_ms": 400},
    }
    data = {
        "format": 1,
        "description": "A cancelled call.",
        "features": ["async_client"],
        "level": "MUST",
        "steps": [
            {"connections": {}, "save": {"before": ""}},
            step,
            {"connections": {"open": {"$lte": "${before.open}"}}},
        ],
    }
    assert check(data, "cancel/example") == []
    return Case("cancel/example", Path("example.yaml"), data)


def test_cancelled_call_whose_connection_closed_in_time_passes(suite: Suite, fake_control: FakeControl) -> None:
    run_case(cancel_case([{"op": "vm.get", "time_ms": 5.0, "connection_id": 3, "connection_closed_ms": 310.0}]), suite)


def test_cancelled_call_whose_connection_stayed_open_fails(suite: Suite, fake_control: FakeControl) -> None:
    journal = [{"op": "vm.get", "time_ms": 5.0, "connection_id": 3, "connection_closed_ms": None}]
    with pytest.raises(CaseFailure, match="the connection is still open, it should have closed within 400 ms"):
        run_case(cancel_case(journal), suite)
    # The check waited for the server's clock to pass the deadline before it gave up.
    assert fake_control.now_ms > 5.0 + 400


def test_cancelled_call_whose_connection_closed_late_fails(suite: Suite, fake_control: FakeControl) -> None:
    journal = [{"op": "vm.get", "time_ms": 5.0, "connection_id": 3, "connection_closed_ms": 2900.0}]
    with pytest.raises(CaseFailure, match=r"closed 2895\.0 ms after its arrival, more than 400 ms"):
        run_case(cancel_case(journal), suite)


def test_a_second_attempt_after_the_cancel_fails_the_count(suite: Suite, fake_control: FakeControl) -> None:
    journal = [
        {"op": "vm.get", "time_ms": 5.0, "connection_id": 3, "connection_closed_ms": 300.0},
        {"op": "vm.get", "time_ms": 320.0, "connection_id": 4, "connection_closed_ms": 330.0},
    ]
    with pytest.raises(CaseFailure, match="count: expected 1, got 2"):
        run_case(cancel_case(journal), suite)


def test_more_connections_open_after_the_cancel_fails(suite: Suite, fake_control: FakeControl) -> None:
    fake_control.counts = [{"open": 2}, {"open": 3}]
    journal = [{"op": "vm.get", "time_ms": 5.0, "connection_id": 3, "connection_closed_ms": 300.0}]
    with pytest.raises(CaseFailure, match=r"connections.open: expected \$lte 2, got 3"):
        run_case(cancel_case(journal), suite)


def test_connections_save_keeps_the_counts(suite: Suite, fake_control: FakeControl) -> None:
    fake_control.counts = [{"open": 2}, {"open": 2}]
    journal = [{"op": "vm.get", "time_ms": 5.0, "connection_id": 3, "connection_closed_ms": 300.0}]
    run_case(cancel_case(journal), suite)


def stream_case(journal: list[dict[str, Any]]) -> Case:
    data = {
        "format": 1,
        "description": "A closed stream.",
        "features": ["event_streaming"],
        "level": "MUST",
        "steps": [
            {"call": "system.health"},
            {"stream_open": "w", "op": "vm.watch", "args": {"vm_id": "vm-1", "fake": {"journal": journal}}},
            {"stream_read": "w", "count": 1, "timeout_ms": 1000},
            {"stream_close": "w", "observe": {"op": "vm.watch", "count": len(journal), "closed_within_ms": 100}},
        ],
    }
    assert check(data, "cancel/stream-example") == []
    return Case("cancel/stream-example", Path("stream-example.yaml"), data)


def test_stream_close_observes_the_streams_attempts_from_the_close(suite: Suite, fake_control: FakeControl) -> None:
    # The fake clock reads 1000 after the reset and 50 ms more per read: the stream_open's journal
    # read sees 1000, the close's reference 1050, so a connection closed at 1120 is within 100 ms of
    # the close, and one that broke before it (at 900) passes too.
    fake_control.tick_ms = 50.0
    journal = [
        {"op": "vm.watch", "time_ms": 800.0, "connection_id": 5, "connection_closed_ms": 900.0},
        {"op": "vm.watch", "time_ms": 950.0, "connection_id": 6, "connection_closed_ms": 1120.0},
    ]
    run_case(stream_case(journal), suite)


def test_stream_whose_connection_stays_open_after_the_close_fails(suite: Suite, fake_control: FakeControl) -> None:
    journal = [{"op": "vm.watch", "time_ms": 950.0, "connection_id": 6, "connection_closed_ms": None}]
    with pytest.raises(CaseFailure, match="still open, it should have closed within 100 ms of the close"):
        run_case(stream_case(journal), suite)


def test_stream_closed_long_after_the_close_fails(suite: Suite, fake_control: FakeControl) -> None:
    journal = [{"op": "vm.watch", "time_ms": 950.0, "connection_id": 6, "connection_closed_ms": 9000.0}]
    with pytest.raises(CaseFailure, match="ms after the close, more than 100 ms"):
        run_case(stream_case(journal), suite)
