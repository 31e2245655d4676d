"""TypeScript names: the reference guide's spellings and the helpers the TS templates rely on."""

from __future__ import annotations

from generator import ir
from generator.naming.typescript import TypeScriptNamer

n = TypeScriptNamer()


def test_types_fields_and_members_follow_the_reference(api: ir.Api) -> None:
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


def test_errors_and_methods(api: ir.Api) -> None:
    assert n.error(api.error("vm_not_found_error")) == "VMNotFoundError"
    assert n.error(api.error("dwcp_error")) == "DWCPError"
    assert n.wire_error(api.error("vm_not_found_error")) == "VMNotFoundError"
    assert n.method(api.operation("vm.get_migration_status")) == "getMigrationStatus"
    assert n.method(api.operation("vm.stream_metrics")) == "streamMetrics"
    assert n.waiter(api.operation("vm.migrate")) == "waitForMigration"


def test_query_parameters_split_between_arguments_and_options(api: ir.Api) -> None:
    names = lambda params: [p.name for p in params]  # noqa: E731
    assert names(n.query_positional(api.operation("vm.list"))) == ["labels"]
    assert names(n.query_options(api.operation("vm.list"))) == ["page_size"]
    assert names(n.query_positional(api.operation("vm.get_metrics"))) == ["window"]
    assert names(n.query_positional(api.operation("vm.watch"))) == []
    assert names(n.query_options(api.operation("vm.watch"))) == ["since", "follow"]
    assert n.options_type(api.operation("vm.watch")) == "WatchOptions"


def test_type_expressions_and_input_structs(api: ir.Api) -> None:
    assert n.type_expr(api.struct("vm_config").field("labels").type) == "Record<string, string>"
    assert n.type_expr(api.struct("network_config").field("interfaces").type) == "NetworkInterface[]"
    assert n.type_expr(api.struct("vm").field("created_at").type) == "Date"
    assert n.param_type(api.operation("vm.get_metrics").query_params[0].type) == "Duration"
    inputs = {s.name for s in api.input_structs}
    assert {"vm_config", "network_config", "network_interface", "affinity", "migrate_request"} <= inputs
    assert "vm" not in inputs


def test_no_identifier_is_a_keyword(api: ir.Api) -> None:
    assert not [ident for _, _, ident in n.identifiers(api) if n.keywords_hit(ident)]
