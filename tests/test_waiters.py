"""Spec-declared waiters, the retry_budget config block and lazy pagination in the IR, and the
located problems a bad waiter declaration gets (docs/resilience.md, docs/spec.md)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator import ir
from generator.loader import load
from generator.problems import Problem
from generator.validate import validate

Problems = Callable[[str], list[Problem]]
BROAD = Path(__file__).resolve().parent / "specs" / "broad" / "broad.yaml"

RUNNING = """      wait_until_running:
        doc: Waits until the VM runs; a VM that ends in error fails the wait.
        operation: get
        acceptors:
          - {result: success, field: state, equals: running}
          - {result: failure, field: state, equals: error}
        min_delay: 200
"""


@pytest.fixture(scope="module")
def broad() -> ir.Api:
    """The IR of the broad fixture spec."""
    return validate(load(BROAD))


def _messages(problems: list[Problem]) -> list[str]:
    return [f"{p.path}: {p.message}" for p in problems]


def _with_running(spec_text: str, replacement: str) -> str:
    assert RUNNING in spec_text
    return spec_text.replace(RUNNING, replacement, 1)


def test_vm_waiters_in_spec_order(api: ir.Api) -> None:
    vm = next(r for r in api.resources if r.name == "vm")
    assert [w.name for w in vm.waiters] == [
        "wait_until_running",
        "wait_until_stopped",
        "wait_until_destroyed",
        "wait_for_migration",
    ]
    assert [w.id for w in api.waiters] == [f"vm.{w.name}" for w in vm.waiters]
    assert next(r for r in api.resources if r.name == "system").waiters == ()


def test_running_waiter_acceptors_and_schedule(api: ir.Api) -> None:
    waiter = api.waiter("vm.wait_until_running")
    assert waiter.poll_id == "vm.get" and api.poll_operation(waiter) is api.operation("vm.get")
    assert [(a.result, a.field, a.values, a.error) for a in waiter.acceptors] == [
        ("success", "state", ("running",), None),
        ("failure", "state", ("error",), None),
    ]
    assert (waiter.min_delay, waiter.max_delay, waiter.max_wait) == (200, 5000, 300000)
    assert waiter.error == "waiter_error" and waiter.error_field is None
    assert api.error(waiter.error).default_code is not None
    assert api.error(waiter.error).default_code.code == "waiter_failed"  # type: ignore[union-attr]
    assert waiter.state_field == "state"
    field = api.acceptor_field(waiter, waiter.acceptors[0])
    assert field.type.is_enum and field.type.name == "vm_state"


def test_destroyed_waiter_succeeds_on_a_wire_code(api: ir.Api) -> None:
    waiter = api.waiter("vm.wait_until_destroyed")
    (acceptor,) = waiter.acceptors
    assert acceptor.success and acceptor.on_error and acceptor.error == "vm_not_found"
    assert waiter.field_acceptors == () and waiter.state_field is None
    assert waiter.error_acceptors == (acceptor,)


def test_migration_waiter_moved_onto_the_mechanism(api: ir.Api) -> None:
    waiter = api.waiter("vm.wait_for_migration")
    assert waiter.override("go") == "WaitMigration"
    assert waiter.error == "migration_error" and waiter.error_field == "error"
    assert [(a.result, a.values) for a in waiter.acceptors] == [
        ("success", ("completed",)),
        ("failure", ("failed", "cancelled")),
    ]
    lro = api.operation("vm.migrate").long_running
    assert lro is not None
    # The compatible view older templates read: derived from the waiter.
    assert lro.waiter is waiter
    assert lro.status_operation == "get_migration_status" and lro.state_field == "state"
    assert lro.done == ("completed", "failed", "cancelled") and lro.failed == ("failed", "cancelled")
    assert lro.error == "migration_error" and lro.error_field == "error"


def test_catalogue_grows_waiter_error_and_wait_timeout(api: ir.Api) -> None:
    waiter_error = api.error("waiter_error")
    assert waiter_error.client_only and waiter_error.retry == "never"
    assert [c.code for c in waiter_error.codes] == ["waiter_failed"]
    timeout = next(c for c in api.error("timeout_error").codes if c.code == "wait_timeout")
    assert timeout.client_only and timeout.retry == "never" and timeout.status is None


def test_retry_budget_block(api: ir.Api) -> None:
    config = api.client_config
    assert [b.name for b in config.blocks] == ["retry_budget"]
    assert "retry_budget" not in [f.name for f in config.fields]  # no flat field: templates are unchanged
    budget = config.block("retry_budget")
    assert [(f.name, f.default, f.constraints.min) for f in budget.fields] == [
        ("capacity", 500, 0),
        ("retry_cost", 5, 0),
        ("timeout_retry_cost", 10, 0),
        ("success_refund", 1, 0),
    ]
    assert all(f.type.name == "int32" and not f.required for f in budget.fields)


def test_feature_rows_and_lazy_pagination(api: ir.Api) -> None:
    names = [f.name for f in api.features]
    assert names.index("retry_budget") < names.index("waiters") < names.index("lazy_pagination")
    assert [op.id for op in api.paginated_operations] == ["vm.list", "vm.list_snapshots"]


def test_broad_spec_declared_and_derived_waiters(broad: ir.Api) -> None:
    assert [w.id for w in broad.waiters] == [
        "bucket.wait_until_empty",
        "bucket.wait_for_export",
        "job.wait_for_replicate",
    ]
    empty = broad.waiter("bucket.wait_until_empty")
    assert empty.error == "bucket_error" and empty.override("rust") == "wait_empty"
    assert [(a.result, a.field, a.values) for a in empty.field_acceptors] == [("success", "object_count", (0,))]
    assert [(a.result, a.error) for a in empty.error_acceptors] == [("failure", "bucket_not_found")]
    assert [b.name for b in broad.client_config.blocks] == ["retry_budget"]
    derived = broad.waiter("bucket.wait_for_export")
    assert derived.operation == "get_export" and derived.error == "export_error" and derived.error_field == "failure"
    assert [(a.result, a.values) for a in derived.acceptors] == [("success", ("succeeded",)), ("failure", ("failed",))]
    assert (derived.min_delay, derived.max_delay) == (ir.DERIVED_MIN_DELAY, ir.DERIVED_MAX_DELAY)
    export = broad.operation("bucket.export").long_running
    assert export is not None and export.waiter is derived


# -- must-fail fixtures: every problem with its line ------------------------------------------------


def test_unknown_poll_operation(problems_of: Problems, spec_text: str) -> None:
    broken = _with_running(spec_text, RUNNING.replace("operation: get\n", "operation: fetch\n"))
    (problem,) = problems_of(broken)
    assert (
        f"{problem.path}: {problem.message}"
        == "resources.vm.waiters.wait_until_running.operation: unknown operation 'fetch'"
    )
    assert "operation: fetch" in broken.splitlines()[problem.line - 1]


def test_field_not_in_the_output(problems_of: Problems, spec_text: str) -> None:
    broken = _with_running(
        spec_text, RUNNING.replace("field: state, equals: running", "field: status, equals: running")
    )
    (problem,) = problems_of(broken)
    assert _messages([problem]) == [
        "resources.vm.waiters.wait_until_running.acceptors[0].field: 'status' is not a field of get's output"
    ]
    assert "field: status" in broken.splitlines()[problem.line - 1]


def test_value_not_in_the_enum(problems_of: Problems, spec_text: str) -> None:
    broken = _with_running(spec_text, RUNNING.replace("equals: running}", "equals: runing}"))
    (problem,) = problems_of(broken)
    assert problem.path == "resources.vm.waiters.wait_until_running.acceptors[0].equals"
    assert "'runing' is not a value of enum vm_state" in problem.message
    assert "equals: runing" in broken.splitlines()[problem.line - 1]


def test_fallback_member_is_not_an_acceptor_value(problems_of: Problems, spec_text: str) -> None:
    broken = _with_running(spec_text, RUNNING.replace("equals: error}", "in: [error, unknown]}"))
    assert _messages(problems_of(broken)) == [
        "resources.vm.waiters.wait_until_running.acceptors[1].in: state: 'unknown' is not a value of enum vm_state "
        "(creating, stopped, starting, running, stopping, migrating, restoring, error)"
    ]


def test_min_delay_above_max_delay(problems_of: Problems, spec_text: str) -> None:
    broken = _with_running(spec_text, RUNNING.replace("min_delay: 200\n", "min_delay: 9000\n"))
    (problem,) = problems_of(broken)
    assert _messages([problem]) == [
        "resources.vm.waiters.wait_until_running.min_delay: min_delay 9000 is above max_delay 5000"
    ]
    assert "min_delay: 9000" in broken.splitlines()[problem.line - 1]


def test_unknown_error_code(problems_of: Problems, spec_text: str) -> None:
    broken = spec_text.replace("{result: success, error: vm_not_found}", "{result: success, error: vm_gone}", 1)
    (problem,) = problems_of(broken)
    assert _messages([problem]) == [
        "resources.vm.waiters.wait_until_destroyed.acceptors[0].error: unknown error code 'vm_gone'"
    ]


def test_acceptor_shape(problems_of: Problems, spec_text: str) -> None:
    broken = _with_running(
        spec_text,
        RUNNING.replace("field: state, equals: running}", "field: state, equals: running, error: vm_not_found}"),
    )
    (problem,) = problems_of(broken)
    assert problem.path == "resources.vm.waiters.wait_until_running.acceptors[0]"
    assert "`field` with one of `equals` or `in`, or `error`" in problem.message


def test_unknown_failure_error_and_missing_default(problems_of: Problems, spec_text: str) -> None:
    broken = _with_running(
        spec_text, RUNNING.replace("        min_delay: 200\n", "        error: waiting_error\n        min_delay: 200\n")
    )
    assert _messages(problems_of(broken)) == [
        "resources.vm.waiters.wait_until_running.error: unknown error 'waiting_error'"
    ]
    no_default = spec_text.replace("  waiter_error:\n", "  waiter_failure:\n", 1)
    messages = _messages(problems_of(no_default))
    assert (
        "resources.vm.waiters.wait_until_running: unknown error 'waiter_error' (the default; declare waiter_error in the catalogue or set error)"
        in messages
    )


def test_waiter_needs_a_success_acceptor(problems_of: Problems, spec_text: str) -> None:
    broken = _with_running(
        spec_text,
        RUNNING.replace(
            "{result: success, field: state, equals: running}", "{result: failure, field: state, equals: running}"
        ),
    )
    assert _messages(problems_of(broken)) == [
        "resources.vm.waiters.wait_until_running.acceptors: a waiter needs at least one success acceptor"
    ]


def test_waiter_polls_a_unary_operation(problems_of: Problems, spec_text: str) -> None:
    broken = _with_running(spec_text, RUNNING.replace("operation: get\n", "operation: list\n"))
    assert _messages(problems_of(broken)) == [
        "resources.vm.waiters.wait_until_running.operation: a waiter polls a unary operation; 'list' is paginated"
    ]


def test_error_field_must_be_a_string_field(problems_of: Problems, spec_text: str) -> None:
    broken = spec_text.replace("        error_field: error\n", "        error_field: progress\n", 1)
    assert _messages(problems_of(broken)) == [
        "resources.vm.waiters.wait_for_migration.error_field: the error field must be a string, not float64"
    ]


def test_long_running_waiter_reference(problems_of: Problems, spec_text: str) -> None:
    unknown = spec_text.replace("waiter: wait_for_migration}", "waiter: wait_for_move}", 1)
    assert _messages(problems_of(unknown)) == [
        "resources.vm.operations.migrate.long_running.waiter: unknown waiter 'wait_for_move' (declare it under the resource's waiters)"
    ]
    wrong_poll = spec_text.replace("waiter: wait_for_migration}", "waiter: wait_until_running}", 1)
    assert _messages(problems_of(wrong_poll)) == [
        "resources.vm.operations.migrate.long_running.waiter: waiter 'wait_until_running' polls 'get', not the status operation 'get_migration_status'"
    ]
    both = spec_text.replace("waiter: wait_for_migration}", "waiter: wait_for_migration, error: migration_error}", 1)
    assert _messages(problems_of(both)) == [
        "resources.vm.operations.migrate.long_running.error: 'error' comes from the waiter 'wait_for_migration'; remove it here"
    ]
    neither = spec_text.replace(
        "{status: get_migration_status, waiter: wait_for_migration}", "{status: get_migration_status}", 1
    )
    assert _messages(problems_of(neither)) == [
        f"resources.vm.operations.migrate.long_running: {key!r} is required when the block names no waiter"
        for key in ("done", "error", "failed", "state_field")
    ]


def test_waiter_named_like_an_operation(problems_of: Problems, spec_text: str) -> None:
    broken = _with_running(spec_text, RUNNING.replace("      wait_until_running:\n", "      start:\n"))
    assert "resources.vm.waiters.start: waiter 'start' has the name of an operation of vm" in _messages(
        problems_of(broken)
    )


def test_config_block_fields_are_checked(problems_of: Problems, spec_text: str) -> None:
    broken = spec_text.replace(
        "capacity: {type: int32, default: 500, min: 0,", "capacity: {type: int32, default: -1, min: 0,", 1
    )
    assert _messages(problems_of(broken)) == [
        "client_config.blocks.retry_budget.fields.capacity.default: default -1 is outside [0, 1000000]"
    ]
