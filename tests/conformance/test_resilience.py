"""The runner's issue 16 additions: spec waiters are callable driver ops, the case schema takes the
retry_budget block, waiter errors and the vm_state fault, and the synthetic_vms step."""

from __future__ import annotations

from pathlib import Path

import pytest

from conformance.runner.cases import Case, check, spec_waiters
from conformance.runner.execute import CaseFailure, Suite, run_case
from tests.conformance.fake_server import FakeControl

WAITER_CASE = {
    "format": 1,
    "description": "A spec waiter is a driver op.",
    "features": ["waiters"],
    "level": "MUST",
    "clients": {"default": {"config": {"jitter": 1.0, "retry_budget": {"capacity": 20, "retry_cost": 5}}}},
    "steps": [
        {"faults": [{"op": "vm.start", "vm_state": "error"}]},
        {
            "call": "vm.wait_until_running",
            "args": {"vm_id": "x", "max_wait_ms": 1000},
            "expect": {"error": {"category": "WaiterError", "code": "waiter_failed", "state": "error"}},
        },
        {
            "call": "vm.get",
            "args": {"vm_id": "x"},
            "expect": {"error": {"category": "ConnectionError", "retry_quota_exhausted": True, "attempts": 3}},
        },
    ],
}


def test_spec_waiters_are_the_declared_and_derived_ones() -> None:
    assert spec_waiters() == {
        "vm.wait_until_running",
        "vm.wait_until_stopped",
        "vm.wait_until_destroyed",
        "vm.wait_for_migration",
    }


def test_the_broad_spec_derives_wait_for_operation() -> None:
    broad = Path(__file__).resolve().parents[1] / "specs" / "broad" / "broad.yaml"
    assert spec_waiters(broad) == {"bucket.wait_until_empty", "bucket.wait_for_export", "job.wait_for_replicate"}


def test_waiter_ops_budget_config_and_waiter_errors_validate() -> None:
    assert check(WAITER_CASE, "waiters/example") == []


def test_synthetic_vms_step_runs_and_lazy_take_is_an_ordinary_arg(suite: Suite, fake_control: FakeControl) -> None:
    data = {
        "format": 1,
        "description": "Synthetic VMs, then a call.",
        "features": ["lazy_pagination"],
        "level": "MUST",
        "steps": [
            {"synthetic_vms": {"count": 1000, "labels": {"set": "big"}}},
            {"call": "system.health", "expect": {"result": {"status": "ok"}}},
        ],
    }
    assert check(data, "pagination/example") == []
    run_case(Case("pagination/example", Path("example.yaml"), data), suite)
    assert fake_control.synthetic == [{"count": 1000, "labels": {"set": "big"}}]


def test_synthetic_vms_step_fails_when_the_server_makes_fewer(suite: Suite, fake_control: FakeControl) -> None:
    fake_control.synthetic_limit = 10
    data = {
        "format": 1,
        "description": "The server makes fewer VMs than asked.",
        "features": ["lazy_pagination"],
        "level": "MUST",
        "steps": [{"synthetic_vms": {"count": 1000}}],
    }
    with pytest.raises(CaseFailure, match="asked for 1000 VMs, the server created 10"):
        run_case(Case("pagination/fewer", Path("fewer.yaml"), data), suite)


def test_an_absent_key_reads_as_null_for_operators() -> None:
    from conformance.runner.matching import match

    # `retry_quota_exhausted` is omitted or false when the budget did not stop the call.
    for error in ({"category": "ConnectionError"}, {"category": "ConnectionError", "retry_quota_exhausted": False}):
        assert match({"retry_quota_exhausted": {"$ne": True}}, error) == []
        assert match({"retry_quota_exhausted": {"$in": [False, None]}}, error) == []
    assert match({"retry_quota_exhausted": {"$ne": True}}, {"retry_quota_exhausted": True}) != []
    assert match({"retry_tokens": {"$gte": 0}}, {}) == ["$.retry_tokens: missing"]
    assert match({"state": {"$in": ["error"]}}, {}) == ["$.state: missing"]
