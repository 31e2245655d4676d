"""TypeScript names: the reference guide's spellings, signatures read from the spec's annotations, and
names that are reserved words only where TypeScript needs a bare identifier."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import ir
from generator.loader import load
from generator.naming.typescript import KEYWORDS, TypeScriptNamer
from generator.validate import validate

BROAD = Path(__file__).resolve().parent / "specs" / "broad" / "broad.yaml"


@pytest.fixture
def n(api: ir.Api) -> TypeScriptNamer:
    return TypeScriptNamer(api)


@pytest.fixture(scope="module")
def broad() -> ir.Api:
    return validate(load(BROAD))


def test_types_fields_and_members_follow_the_reference(api: ir.Api, n: TypeScriptNamer) -> None:
    assert n.type(api.struct("vm_config")) == "VMConfig"
    assert n.type(api.struct("vm_metrics")) == "VMMetrics"
    assert n.type(api.struct("network_interface")) == "NetworkInterface"
    assert n.type(api.enum("vm_state")) == "VMState"
    assert n.field(api.struct("vm_metrics").field("cpu_usage")) == "cpuUsage"
    assert n.field(api.struct("vm_metrics").field("memory_used")) == "memoryUsed"
    assert n.field(api.client_config.field("tls_enabled")) == "tlsEnabled"
    assert n.field(api.client_config.field("api_key")) == "apiKey"
    running = next(v for v in api.enum("vm_state").values if v.name == "running")
    assert n.member(running) == "RUNNING"


def test_initialisms_come_from_the_spec(api: ir.Api) -> None:
    unbound = TypeScriptNamer()
    assert unbound.type(api.struct("vm_config")) == "VmConfig"
    assert TypeScriptNamer(api).type(api.struct("vm_config")) == "VMConfig"
    assert dict(api.initialisms)["vm"] == "VM"


def test_errors_methods_and_waiters(api: ir.Api, n: TypeScriptNamer) -> None:
    assert n.error(api.error("vm_not_found_error")) == "VMNotFoundError"
    assert n.error(api.base_error) == "DWCPError"
    assert n.wire_error(api.error("vm_not_found_error")) == "VMNotFoundError"
    assert n.error(n.error_with_code(api, "validation_failed")) == "ValidationError"
    assert n.method(api.operation("vm.get_migration_status")) == "getMigrationStatus"
    assert n.method(api.operation("vm.stream_metrics")) == "streamMetrics"
    migrate = api.operation("vm.migrate")
    assert migrate.long_running is not None
    assert n.waiter(migrate) == "waitForMigration" == "waitFor" + "Migration"
    assert n.waiter_op(migrate) == f"vm.{migrate.long_running.waiter.name}"


def test_clients_follow_the_resources(api: ir.Api, n: TypeScriptNamer) -> None:
    assert [n.client_class(r) for r in api.client_resources] == ["VMClient"]
    assert [n.accessor(r) for r in api.client_resources] == ["vm"]
    assert [n.method(op) for op in api.client_level_operations] == ["health"]


def test_signatures_keep_the_reference_and_put_optional_inputs_in_options(api: ir.Api, n: TypeScriptNamer) -> None:
    sig = lambda op_id: n.signature(api.operation(op_id))  # noqa: E731
    assert sig("vm.create") == "config: VMConfig, callOptions: VMCreateOptions = {}"
    assert sig("vm.get") == "vmId: string, callOptions: VMGetOptions = {}"
    assert sig("vm.list") == "labels?: Record<string, string>, callOptions: VMListOptions = {}"
    assert sig("vm.stop") == "vmId: string, force?: boolean, callOptions: VMStopOptions = {}"
    assert sig("vm.migrate") == (
        "vmId: string, targetNode: string, options?: MigrationOptions, callOptions: VMMigrateOptions = {}"
    )
    assert sig("vm.get_metrics") == "vmId: string, window?: Duration, callOptions: VMGetMetricsOptions = {}"
    assert sig("vm.stream_metrics") == "vmId: string, interval?: Duration, callOptions: VMStreamMetricsOptions = {}"
    assert sig("vm.watch") == "vmId: string, callOptions: VMWatchOptions = {}"
    assert [a.name for a in n.options(api.operation("vm.watch"))] == ["since", "follow"]
    assert [a.name for a in n.options(api.operation("vm.list"))] == ["pageSize"]
    assert n.options_type(api.operation("system.health")) == "HealthOptions"


def test_type_expressions_and_input_structs(api: ir.Api, n: TypeScriptNamer) -> None:
    assert n.type_expr(api.struct("vm_config").field("labels").type) == "Record<string, string>"
    assert n.type_expr(api.struct("network_config").field("interfaces").type) == "NetworkInterface[]"
    assert n.type_expr(api.struct("vm").field("created_at").type) == "Date"
    assert n.param_type(api.operation("vm.get_metrics").query_params[0].type) == "Duration"
    inputs = {s.name for s in api.input_structs}
    assert {"vm_config", "network_config", "network_interface", "affinity", "migrate_request"} <= inputs
    assert "vm" not in inputs


def test_reserved_words_are_renamed_only_as_bare_identifiers(broad: ir.Api) -> None:
    n = TypeScriptNamer(broad)
    delete = broad.operation("bucket.delete")
    assert n.method(delete) == "delete"  # a method name: valid TypeScript
    update = broad.operation("bucket.update")
    assert "public" in [a.name for a in n.options(update)]  # a property: valid as it is
    assert n.param("public") == "public_"  # a parameter: renamed
    assert n.param("body") == "body_"  # a local of the generated method bodies
    assert all(a.name not in KEYWORDS for op in broad.public_operations for a in n.args(op))


def test_every_resource_of_another_spec_gets_a_client_and_each_waiter_its_name(broad: ir.Api) -> None:
    n = TypeScriptNamer(broad)
    assert [n.client_class(r) for r in broad.client_resources] == ["BucketClient", "ObjectClient", "JobClient"]
    assert [n.waiter(op) for op in broad.long_running_operations] == ["waitForExport", "waitForReplicate"]
    assert n.options_type(broad.operation("bucket.list")) == "BucketListOptions"


def test_no_collision_or_problem(api: ir.Api, broad: ir.Api) -> None:
    for spec in (api, broad):
        n = TypeScriptNamer()
        seen: dict[tuple[str, str], str] = {}
        for scope, path, ident in n.identifiers(spec):
            assert seen.setdefault((scope, ident), path) == path, (scope, ident)
        assert list(n.problems(spec)) == []
