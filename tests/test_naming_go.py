"""Go names and signatures: initialisms, value-vs-pointer fields, the reference's shapes read from the
spec's annotations, CallOptions, waiters, and the shapes Go reports as spec errors."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator import ir
from generator.loader import load
from generator.naming.go import GoNamer
from generator.problems import Problem

BROAD = Path(__file__).resolve().parent / "specs" / "broad" / "broad.yaml"


@pytest.fixture
def n(api: ir.Api) -> GoNamer:
    return GoNamer(api)


@pytest.fixture(scope="module")
def broad() -> ir.Api:
    """The IR of the broad fixture (built directly: only the Go namer is under test here)."""
    spec = load(BROAD)
    return ir.build(spec.data, spec.raw)


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
    bound = GoNamer(api)
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


def test_value_versus_pointer_fields(api: ir.Api, n: GoNamer) -> None:
    config = api.struct("vm_config")
    vm = api.struct("vm")
    event = api.struct("vm_event")
    # `go: {by_value: true}`: the reference writes `Network: dwcp.NetworkConfig{...}`
    assert n.field_type(config, config.field("network")) == "NetworkConfig"
    assert n.is_value_struct(config, config.field("network"))
    # vm_event.vm is required, so it is a value (`event.VM.State`) without any annotation
    assert event.field("vm").required
    assert n.field_type(event, event.field("vm")) == "VM"
    assert not n.is_value_struct(event, event.field("vm"))
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
    # the annotation is what decides: every by_value field of the spec is held by value
    for struct in api.structs:
        for f in struct.fields:
            if f.note("go", "by_value"):
                assert n.field_type(struct, f) == n.type_expr(f.type)


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
    assert shape("vm.stop") == [("vmID", "string"), ("force", "bool")]  # positional: [force]
    assert shape("vm.list") == [("labels", "map[string]string")]  # page_size is WithPageSize
    assert shape("vm.watch") == [("vmID", "string")]  # since/follow are WithSince/WithFollow
    assert shape("vm.get_metrics") == [("vmID", "string"), ("window", "string")]  # duration_string: "5m"
    assert shape("vm.stream_metrics") == [("vmID", "string"), ("interval", "time.Duration")]
    # Go parameter names are not API: target_node is simply targetNode
    assert shape("vm.migrate") == [("vmID", "string"), ("targetNode", "string"), ("options", "MigrationOptions")]
    assert shape("vm.snapshot") == [("vmID", "string"), ("name", "string"), ("options", "SnapshotOptions")]
    assert shape("vm.restore_snapshot") == [("vmID", "string"), ("snapshotID", "string")]
    metrics = n.args(api.operation("vm.get_metrics"))
    assert metrics[1].duration_string and not n.args(api.operation("vm.stream_metrics"))[1].duration_string


def test_results_waiters_and_internal_methods(api: ir.Api, n: GoNamer) -> None:
    assert n.returns(api.operation("vm.get")) == "*VM"
    assert n.returns(api.operation("vm.list")) == "[]VM"
    assert n.returns(api.operation("vm.list_snapshots")) == "[]Snapshot"
    assert n.returns(api.operation("vm.watch")) == "<-chan VMEvent"
    assert n.returns(api.operation("vm.stream_metrics")) == "<-chan VMMetrics"
    assert n.returns(api.operation("vm.destroy")) is None
    error_only = [op for op in api.operations if op.note("go", "error_only")]
    assert {op.id for op in error_only} == {"vm.start", "vm.stop", "vm.restore_snapshot"}
    for op in error_only:  # `if err := vmClient.Start(ctx, vm.ID); err != nil`
        assert op.output is not None and n.returns(op) is None
    assert n.method_name(api.operation("system.create_session")) == "createSession"  # internal: unexported
    assert n.method_name(api.operation("vm.get_migration_status")) == "GetMigrationStatus"
    assert n.stream_method(api.operation("vm.watch")) == "WatchStream"
    assert n.waiter(api.operation("vm.migrate")) == "WaitMigration"  # waiter.names.go
    assert n.waiter(api.operation("vm.create")) is None
    assert n.waiter_op(api.operation("vm.migrate")) == "vm.wait_for_migration"
    system = next(r for r in api.resources if r.client_level)
    assert n.resource_type(system) == "Client" and n.call_prefix(system, "c") == "c"


def test_every_long_running_operation_gets_its_own_waiter(broad: ir.Api) -> None:
    n = GoNamer(broad)
    lro = [op for op in broad.operations if op.long_running]
    assert [(op.id, n.waiter(op), n.waiter_op(op)) for op in lro] == [
        ("bucket.export", "WaitForExport", "bucket.wait_for_export"),
        ("job.replicate", "WaitForReplicate", "job.wait_for_replicate"),
    ]


def test_optional_inputs_are_call_options(api: ir.Api, n: GoNamer, broad: ir.Api) -> None:
    watch = api.operation("vm.watch")
    assert [(o.func, o.type, o.location) for o in n.options(watch)] == [
        ("WithSince", "int64", "query"),
        ("WithFollow", "bool", "query"),
    ]
    assert n.options(api.operation("vm.list")) == []  # the page size is the runtime's WithPageSize
    b = GoNamer(broad)
    update = broad.operation("bucket.update")  # PATCH with a flattened body of optional fields
    assert [a.name for a in b.args(update)] == ["bucketID"]
    options = {o.func: o for o in b.options(update)}
    assert options["WithRetention"].type == "Retention"
    assert b.body_value(update, options["WithRetention"], "v") == "&v"  # the field is *Retention
    assert b.body_value(update, options["WithPublic"], "v") == "v"
    # one setter per distinct input: `public` is a query of bucket.list and a body field of update
    funcs = {option.func: [op.id for op in ops] for option, ops in b.option_funcs(broad)}
    assert funcs["WithPublic"] == ["bucket.list", "bucket.update"]
    assert funcs["WithStorageClass"] == ["bucket.list", "object.put"]


def test_parameter_names_dodge_keywords_and_locals(n: GoNamer) -> None:
    assert n.param("type") == "typeArg"
    assert n.param("query") == "queryArg"
    assert n.param("len") == "lenArg"
    assert n.param("vm_id") == "vmID"


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
    assert n.qualify("map[string][]*NetIf") == "map[string][]*dwcp.NetIf"
    assert n.qualify("*time.Time") == "*time.Time"


def test_unemittable_shapes_are_located_spec_errors(
    spec_text: str, problems_of: Callable[[str], list[Problem]]
) -> None:
    struct_query = spec_text.replace(
        "            follow: {type: bool,",
        "            filter: {type: affinity, doc: x}\n            follow: {type: bool,",
    )
    found = [p for p in problems_of(struct_query) if "go:" in p.message]
    assert [p.path for p in found] == ["resources.vm.operations.watch.input.query.filter"]
    assert "cannot be emitted" in found[0].message
    clash = spec_text.replace(
        "            follow: {type: bool,",
        "            with_since: {type: string, doc: x}\n            follow: {type: bool,",
    )
    assert problems_of(clash) == []  # WithWithSince: distinct names are fine
    typed = spec_text.replace(
        '            labels: {type: "map<string>",',
        '            since: {type: string, doc: x}\n            labels: {type: "map<string>",',
    )
    messages = [p.message for p in problems_of(typed) if p.message.startswith("go:")]
    assert any("'WithSince' collides" in m for m in messages), messages


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
