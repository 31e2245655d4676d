"""The chaos soak's invariant checks fail when they should (stub driver and control, no server)."""

from __future__ import annotations

from typing import Any

from conformance.chaos.soak import Soak


class StubControl:
    """The control API as the checks read it."""

    def __init__(self, journal: list[dict[str, Any]] | None = None, connections: dict[str, int] | None = None) -> None:
        self.journal_entries = journal or []
        self.counts = connections or {"open": 1, "max_open": 2}

    def unconsumed(self) -> list[dict[str, Any]]:
        return []

    def journal(self, op: str | None = None) -> list[dict[str, Any]]:
        return [e for e in self.journal_entries if op is None or e.get("op") == op]

    def connections(self) -> dict[str, int]:
        return self.counts


def soak(control: StubControl, log: list[int] | None = None) -> Soak:
    made = Soak(driver=None, control=control, server=None, seed=1, ops=0)  # type: ignore[arg-type]
    made.server_log = lambda vm_id: list(log or [])  # type: ignore[method-assign]
    return made


def test_a_missing_event_is_a_violation() -> None:
    checked = soak(StubControl(), log=[1, 2, 3, 4])
    checked.check_events("vm-1", [1, 2, 4], failed=False)
    assert checked.violations and "missed [3]" in checked.violations[0]


def test_a_duplicate_event_is_a_violation() -> None:
    checked = soak(StubControl(), log=[1, 2, 3])
    checked.check_events("vm-1", [1, 2, 2, 3], failed=False)
    assert checked.violations and "not strictly increasing" in checked.violations[0]


def test_a_complete_stream_and_a_failed_prefix_pass() -> None:
    checked = soak(StubControl(), log=[1, 2, 3, 4, 5])
    checked.check_events("vm-1", [1, 2, 3], failed=False)  # the log grew after the stream ended
    checked.check_events("vm-1", [1, 2], failed=True)
    assert checked.violations == []


def test_untyped_errors_are_violations() -> None:
    checked = soak(StubControl())
    checked.note("vm.get", {"ok": False, "error": {"category": "Crash", "message": "KeyError"}})
    checked.note("vm.get", {"ok": False, "error": {"category": "ConnectionError", "code": "unavailable"}})
    assert len(checked.violations) == 1 and "Crash" in checked.violations[0]
    assert checked.errors["ConnectionError/unavailable"] == 1


def test_two_vms_for_one_create_and_mixed_keys_are_violations() -> None:
    journal = [
        {"op": "vm.create", "request_id": "r1", "idempotency_key": "k1"},
        {"op": "vm.create", "request_id": "r1", "idempotency_key": "k2"},
    ]
    checked = soak(StubControl(journal))
    server = {"vm-1": {"name": "a", "state": "stopped"}, "vm-2": {"name": "a", "state": "stopped"}}
    from collections import Counter

    checked.check_keys(server, Counter(vm["name"] for vm in server.values()))
    assert any("2 VMs named a" in v for v in checked.violations)
    assert any("sent keys ['k1', 'k2']" in v for v in checked.violations)


def test_connections_over_max_streams_and_leaks_are_violations() -> None:
    checked = soak(StubControl(connections={"open": 3, "max_open": 9}))
    checked.check_connections("after")
    assert len(checked.violations) == 2
