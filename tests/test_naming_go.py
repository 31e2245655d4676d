"""Go names and signatures of the real spec: initialisms, value-vs-pointer fields, the reference's overrides."""

from __future__ import annotations

import pytest

from generator import ir
from generator.naming.go import DURATION_STRINGS, NO_RESULT, OPTION_PARAMS, VALUE_FIELDS, GoNamer


@pytest.fixture
def n(api: ir.Api) -> GoNamer:
    return GoNamer().bound(api)


def test_initialisms_in_type_and_field_names(api: ir.Api, n: GoNamer) -> None:
    config = api.struct("vm_config")
    assert n.type(config) == "VMConfig"
    assert n.type(api.struct("vm_metrics")) == "VMMetrics"
    assert n.type(api.enum("vm_state")) == "VMState"
    assert n.field(config.field("cpus")) == "CPUs"  # not Cpus, not CPUS
    assert n.field(config.field("cpu_pinning")) == "CPUPinning"
    assert n.field(config.field("numa_nodes")) == "NUMANodes"
    assert n.field(config.field("disk_iops_limit")) == "DiskIOPSLimit"
    assert n.field(config.field("io_threads")) == "IOThreads"
    assert n.field(config.field("enable_gpu")) == "EnableGPU"
    assert n.field(config.field("enable_tpm")) == "EnableTPM"
    assert n.field(api.struct("network_interface").field("ip_address")) == "IPAddress"
    assert n.field(api.struct("network_interface").field("mac")) == "MAC"
    assert n.field(api.struct("network_config").field("dns")) == "DNS"
    assert n.field(api.struct("affinity").field("anti_affinity_vms")) == "AntiAffinityVMs"
    assert n.field(api.struct("vm_list").field("vms")) == "VMs"
    assert n.field(api.struct("vm_metrics").field("vm_id")) == "VMID"
    assert n.param("vm_id") == "vmID"
    assert n.param("snapshot_id") == "snapshotID"
    assert n.param("migration_id") == "migrationID"
    assert n.driver_field("page_size") == "PageSize"
    assert n.resource_type(next(r for r in api.resources if r.name == "vm")) == "VMClient"
    assert n.resource_accessor(next(r for r in api.resources if r.name == "vm")) == "VM"


def test_enum_constants_are_type_plus_member(api: ir.Api, n: GoNamer) -> None:
    state = api.enum("migration_state")
    completed = next(v for v in state.values if v.name == "completed")
    assert n.const(state, completed) == "MigrationStateCompleted"
    running = next(v for v in api.enum("vm_state").values if v.name == "running")
    assert n.const(api.enum("vm_state"), running) == "VMStateRunning"


def test_spec_overrides_reach_type_expressions(api: ir.Api) -> None:
    interfaces = api.struct("network_config").field("interfaces")
    unbound = GoNamer()
    assert unbound.type(api.struct("network_interface")) == "NetIf"  # names: {go: NetIf}
    assert unbound.type_expr(interfaces.type) == "[]NetworkInterface"  # the override is not known yet
    bound = GoNamer().bound(api)
    assert bound.type_expr(interfaces.type) == "[]NetIf"
    assert bound.field_type(api.struct("network_config"), interfaces) == "[]NetIf"


def test_error_sentinels(api: ir.Api, n: GoNamer) -> None:
    assert n.error(api.error("vm_not_found_error")) == "ErrVMNotFound"
    assert n.error(api.error("authentication_error")) == "ErrAuthFailed"  # the reference's name
    assert n.error(api.error("timeout_error")) == "ErrTimeout"
    assert n.error(api.error("not_connected_error")) == "ErrNotConnected"
    assert n.error(api.error("dwcp_error")) == "Error"  # the abstract base is the *Error struct
    assert n.wire_error(api.error("vm_not_found_error")) == "VMNotFoundError"
    assert n.wire_error(api.error("validation_error")) == "ValidationError"
    assert n.error_text(api.error("vm_not_found_error")) == "vm not found"
    assert n.error_text(api.error("not_connected_error")) == "not connected"


def test_status_kinds_cover_every_code_status(api: ir.Api, n: GoNamer) -> None:
    table = {status: error.name for status, error in n.status_kinds(api)}
    assert table[404] == "vm_not_found_error"
    assert table[401] == "authentication_error"
    assert table[429] == "resource_limit_error"
    assert table[503] == "connection_error"
    # statuses that only codes carry map to the code's entry
    assert table[405] == table[409] == table[413] == table[422] == "invalid_operation_error"
    assert list(table) == sorted(table)


def test_value_versus_pointer_fields(api: ir.Api, n: GoNamer) -> None:
    config = api.struct("vm_config")
    vm = api.struct("vm")
    event = api.struct("vm_event")
    # the reference writes `Network: dwcp.NetworkConfig{...}` and `event.VM.State`: values
    assert n.field_type(config, config.field("network")) == "NetworkConfig"
    assert n.field_type(event, event.field("vm")) == "VM"
    assert n.is_value_struct(config, config.field("network"))
    assert n.is_value_struct(event, event.field("vm"))
    # every other optional struct is a pointer: `Affinity: &dwcp.Affinity{...}`
    assert n.field_type(config, config.field("affinity")) == "*Affinity"
    assert not n.is_value_struct(config, config.field("affinity"))
    assert n.field_type(vm, vm.field("metrics")) == "*VMMetrics"
    # optional timestamps are pointers, required ones values
    assert n.field_type(vm, vm.field("started_at")) == "*time.Time"
    assert n.field_type(vm, vm.field("created_at")) == "time.Time"
    # containers and scalars stay values (nil / zero = absent)
    assert n.field_type(config, config.field("labels")) == "map[string]string"
    assert n.field_type(config, config.field("cpu_pinning")) == "[]int"
    assert n.field_type(config, config.field("priority")) == "int"
    assert n.field_type(config, config.field("memory")) == "int64"
    # the table names only real optional struct fields
    for struct_name, field_name in VALUE_FIELDS:
        f = api.struct(struct_name).field(field_name)
        assert f.type.is_struct and not f.required


def test_zero_checks_and_special_fields(api: ir.Api, n: GoNamer) -> None:
    config = api.struct("vm_config")
    assert n.zero_check(config, config.field("network"), "x.Network") == "x.Network.isZero()"
    assert n.zero_check(config, config.field("affinity"), "x.Affinity") == "x.Affinity == nil"
    assert n.zero_check(config, config.field("labels"), "x.Labels") == "len(x.Labels) == 0"
    assert n.zero_check(config, config.field("enable_gpu"), "x.EnableGPU") == "!x.EnableGPU"
    assert n.zero_check(config, config.field("image"), "x.Image") == 'x.Image == ""'
    assert n.zero_check(config, config.field("priority"), "x.Priority") == "x.Priority == 0"
    assert [f.name for f in n.special_fields(config)] == ["network"]
    health = api.struct("health_status")
    assert [f.name for f in n.duration_fields(health)] == ["uptime"]
    assert n.field_type(health, health.field("uptime")) == "time.Duration"
    assert n.json_tag(config.field("name")) == '`json:"name"`'
    assert n.json_tag(config.field("labels")) == '`json:"labels,omitempty"`'


def test_signatures_follow_the_reference(api: ir.Api, n: GoNamer) -> None:
    def shape(op_id: str) -> list[tuple[str, str]]:
        return [(a.name, a.type) for a in n.args(api.operation(op_id))]

    assert shape("vm.create") == [("config", "VMConfig")]
    assert shape("vm.get") == [("vmID", "string")]
    assert shape("vm.stop") == [("vmID", "string"), ("force", "bool")]
    assert shape("vm.list") == [("labels", "map[string]string")]  # page_size is WithPageSize
    assert shape("vm.watch") == [("vmID", "string")]  # since/follow are WithSince/WithFollow
    assert shape("vm.get_metrics") == [("vmID", "string"), ("window", "string")]  # GetMetrics(ctx, id, "5m")
    assert shape("vm.stream_metrics") == [("vmID", "string"), ("interval", "time.Duration")]
    assert shape("vm.migrate") == [("vmID", "string"), ("target", "string"), ("options", "MigrationOptions")]
    assert shape("vm.restore_snapshot") == [("vmID", "string"), ("snapshotID", "string")]
    assert n.is_duration_string(api.operation("vm.get_metrics"), "window")
    assert not n.is_duration_string(api.operation("vm.stream_metrics"), "interval")


def test_results_and_overridden_methods(api: ir.Api, n: GoNamer) -> None:
    assert n.returns(api.operation("vm.get")) == "*VM"
    assert n.returns(api.operation("vm.list")) == "[]VM"
    assert n.returns(api.operation("vm.list_snapshots")) == "[]Snapshot"
    assert n.returns(api.operation("vm.watch")) == "<-chan VMEvent"
    assert n.returns(api.operation("vm.stream_metrics")) == "<-chan VMMetrics"
    assert n.returns(api.operation("vm.destroy")) is None
    for op_id in NO_RESULT:  # `if err := vmClient.Start(ctx, vm.ID); err != nil`
        assert api.operation(op_id).output is not None
        assert n.returns(api.operation(op_id)) is None
    assert n.method_name(api.operation("system.create_session")) == "createSession"  # unexported
    assert n.method_name(api.operation("vm.get_migration_status")) == "GetMigrationStatus"
    assert n.stream_method(api.operation("vm.watch")) == "WatchStream"
    assert n.waiter(api.operation("vm.migrate")) == "WaitMigration"
    assert n.waiter(api.operation("vm.create")) is None
    assert n.waiter_op(api.operation("vm.migrate")) == "vm.wait_for_migration"


def test_option_params_and_pages(api: ir.Api, n: GoNamer) -> None:
    watch = api.operation("vm.watch")
    options = [p.name for p in watch.query_params if n.is_option(watch, p)]
    assert options == ["since", "follow"]
    assert [n.option_func(p) for p in watch.query_params if n.is_option(watch, p)] == ["WithSince", "WithFollow"]
    for op_id, name in OPTION_PARAMS | DURATION_STRINGS:
        assert name in {p.name for p in api.operation(op_id).query_params}
    listing = api.operation("vm.list")
    assert sorted(p.name for p in listing.query_params if n.is_page_param(listing, p)) == ["page_size", "page_token"]


def test_driver_args(api: ir.Api, n: GoNamer) -> None:
    assert n.driver_args(api.operation("vm.list")) == [
        ("Labels", "map[string]string", "labels"),
        ("PageSize", "*int", "page_size"),  # page_token is driven by the SDK, never by the runner
    ]
    assert n.driver_args(api.operation("vm.create")) == [("Config", "dwcp.VMConfig", "config")]
    assert n.driver_args(api.operation("vm.watch")) == [
        ("VMID", "string", "vm_id"),
        ("Since", "*int64", "since"),
        ("Follow", "*bool", "follow"),
    ]
    assert n.driver_args(api.operation("vm.stream_metrics"))[-1] == ("Interval", "*int64", "interval")


def test_literals_and_doc_sentences(n: GoNamer) -> None:
    assert n.duration_literal(30_000) == "30 * time.Second"
    assert n.duration_literal(60_000) == "1 * time.Minute"
    assert n.duration_literal(7_200_000) == "2 * time.Hour"
    assert n.duration_literal(1_500) == "1500 * time.Millisecond"
    assert n.duration_literal(0) == "0 * time.Millisecond"
    assert n.go_string(True) == "true"
    assert n.go_string(False) == "false"
    assert n.go_string(9000) == "9000"
    assert n.go_string('say "hi" \\o/') == '"say \\"hi\\" \\\\o/"'
    assert n.number(512.0) == "512"
    assert n.number(0.5) == "0.5"
    assert n.doc_sentence("VMState", "Lifecycle state of a VM.") == "VMState is the lifecycle state of a VM."
    assert n.doc_sentence("VM", "A virtual machine.") == "VM is a virtual machine."
    assert n.doc_sentence("StopRequest", "How to stop a VM.") == "StopRequest says how to stop a VM."


def test_validated_structs_include_containers(api: ir.Api, n: GoNamer) -> None:
    validated = n.validated(api)
    assert {"vm_config", "network_config", "network_interface", "migrate_request", "migration_options"} <= validated
    # a struct with no constraint of its own is validated when it holds one that has
    assert "snapshot_request" in validated
    assert "stop_request" not in validated
