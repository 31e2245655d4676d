"""The IR built from the real spec: the facts the templates rely on."""

from __future__ import annotations

from generator import ir


def test_operations_and_resources(api: ir.Api) -> None:
    assert [r.name for r in api.resources] == ["system", "vm"]
    assert len(api.operations) == 18
    assert api.operation("system.health").auth is False
    assert all(op.auth for op in api.operations if op.id != "system.health")


def test_idempotency_keys_go_on_non_idempotent_calls_only(api: ir.Api) -> None:
    keyed = [op.id for op in api.operations if op.needs_idempotency_key]
    assert keyed == ["vm.create", "vm.migrate", "vm.snapshot", "vm.restore_snapshot"]


def test_kinds(api: ir.Api) -> None:
    assert [op.id for op in api.operations if op.is_paginated] == ["vm.list", "vm.list_snapshots"]
    assert [op.id for op in api.streams] == ["vm.stream_metrics", "vm.watch"]
    migrate = api.operation("vm.migrate")
    assert migrate.is_long_running and migrate.long_running is not None
    assert migrate.long_running.status_operation == "get_migration_status"
    assert migrate.success_status == 202
    assert api.operation("vm.destroy").success_status == 204


def test_pagination_resolves_the_item_type(api: ir.Api) -> None:
    pagination = api.operation("vm.list").pagination
    assert pagination is not None
    assert pagination.item.name == "vm"
    assert pagination.token_out == "next_page_token"


def test_path_segments(api: ir.Api) -> None:
    op = api.operation("vm.restore_snapshot")
    assert op.path_segments == (
        ("/vms/", False),
        ("vm_id", True),
        ("/snapshots/", False),
        ("snapshot_id", True),
        ("/restore", False),
    )


def test_client_config_defaults(api: ir.Api) -> None:
    defaults = {f.name: f.default for f in api.client_config.fields}
    assert defaults["port"] == 9000
    assert defaults["connect_timeout"] == 30000
    assert defaults["request_timeout"] == 60000
    assert defaults["retry_attempts"] == 3
    assert defaults["retry_backoff"] == 1000
    assert defaults["keep_alive_period"] == 30000
    assert defaults["max_streams"] == 100
    assert defaults["buffer_size"] == 65536
    assert api.client_config.field("api_key").secret


def test_error_catalogue(api: ir.Api) -> None:
    statuses = {e.name: (e.status, e.retry) for e in api.wire_errors}
    assert statuses == {
        "connection_error": (503, "retry"),
        "authentication_error": (401, "never"),
        "vm_not_found_error": (404, "never"),
        "timeout_error": (504, "retry"),
        "invalid_operation_error": (400, "never"),
        "resource_limit_error": (429, "after_retry_after"),
        "migration_error": (500, "with_idempotency_key"),
        "internal_error": (500, "with_idempotency_key"),
    }
    codes = {c.code: (c.status, c.retry) for _, c in api.codes}
    assert codes["idempotency_key_reused"] == (422, "never")
    assert codes["idempotency_key_in_use"] == (409, "retry")
    assert codes["client_timeout"] == (None, "retry")
    assert codes["malformed_response"] == (None, "never")
    assert api.base_error.name == "dwcp_error"
    assert api.error("not_connected_error").parent == "connection_error"


def test_constraints(api: ir.Api) -> None:
    config = api.struct("vm_config")
    assert config.field("memory").constraints.min == 512 * 1024 * 1024
    assert (config.field("cpus").constraints.min, config.field("cpus").constraints.max) == (1, 128)
    assert config.field("name").constraints.pattern is not None
    assert config.constrained


def test_enum_fallbacks(api: ir.Api) -> None:
    state = api.enum("vm_state")
    assert state.fallback is not None and state.fallback.name == "unknown"
    assert "unknown" not in [v.name for v in state.known_values]


def test_the_status_table_covers_every_code_status_once(api: ir.Api) -> None:
    table = {status: (error.name, code.code) for status, error, code in api.status_table}
    assert table[404][0] == "vm_not_found_error"
    assert table[401][0] == "authentication_error"
    assert table[429][0] == "resource_limit_error"
    assert table[503][0] == "connection_error"
    # statuses that only codes carry map to the code's entry, answered with that code
    assert table[405][0] == table[409][0] == table[413][0] == table[422][0] == "invalid_operation_error"
    assert table[413][1] == "payload_too_large"
    # a bare 500 is the generic internal fault, never a MigrationError (the server once sent one)
    assert table[500] == ("internal_error", "internal")
    assert list(table) == sorted(table)
