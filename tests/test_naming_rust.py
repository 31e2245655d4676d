"""Rust names and signatures of the real spec: the reference guide's spellings and call shapes, all
derived from the spec (its initialisms, limits and annotations) through the IR."""

from __future__ import annotations

from generator import ir
from generator.naming.rust import RustNamer


def test_reference_names(api: ir.Api) -> None:
    n = RustNamer(api)
    assert n.type(api.struct("vm_config")) == "VMConfig"
    assert n.type(api.struct("vm")) == "VM"
    assert n.type(api.enum("vm_state")) == "VMState"
    assert n.member(api.enum("vm_state").values[3]) == "Running"
    assert n.error(api.error("vm_not_found_error")) == "VMNotFound"
    assert n.error(api.error("connection_error")) == "Connection"
    assert n.error(api.error("validation_error")) == "Config"
    assert n.error(api.error("dwcp_error")) == "DWCPError"
    assert n.wire_error(api.error("vm_not_found_error")) == "VMNotFoundError"
    assert n.field(api.struct("vm_event").field("type")) == "event_type"
    assert n.resource_client(next(r for r in api.resources if r.name == "vm")) == "VMClient"
    assert n.waiter(api.operation("vm.migrate")) == "wait_for_migration"


def test_initialisms_come_from_the_spec(api: ir.Api) -> None:
    n = RustNamer(api)
    assert n.initialisms == dict(api.initialisms)
    assert RustNamer().type(api.struct("vm_config")) == "VmConfig"  # unbound: no initialisms at all


def test_integer_widths_follow_the_declared_range(api: ir.Api) -> None:
    n = RustNamer(api)
    assert n.value_type(api.client_config.field("port")) == "u16"  # min 1, max 65535
    config = api.struct("vm_config")
    assert n.field_type(config, config.field("memory")) == "u64"  # max above u32
    assert n.field_type(config, config.field("cpus")) == "u16"  # 1..=128: u16, never u8
    event = api.struct("vm_event")
    assert n.field_type(event, event.field("id")) == "u64"  # no max: the scalar's width
    assert n.int_type(api.struct("vm_event").field("id").type, ir.Constraints(min=-1)) == "i64"
    assert n.int_type(config.field("cpus").type, ir.Constraints(min=0, max=70000)) == "u32"


def test_field_types(api: ir.Api) -> None:
    n = RustNamer(api)
    event = api.struct("vm_event")
    assert n.field_type(event, event.field("vm")) == "VM"  # `event.vm.state` must compile
    assert n.field_type(event, event.field("timestamp")) == "Timestamp"
    config = api.struct("vm_config")
    assert n.field_type(config, config.field("labels")) == "Option<HashMap<String, String>>"
    health = api.struct("health_status")
    assert 'with = "crate::runtime::timestamp::duration_ms"' in n.serde_attrs(health, health.field("uptime"))


def test_optional_duration_field_is_emitted() -> None:
    struct = ir.Struct("thing", "A thing.", (ir.Field("grace", ir.TypeRef("scalar", "duration"), "Grace."),))
    n = RustNamer()
    assert n.field_type(struct, struct.fields[0]) == "Option<Duration>"
    assert 'with = "crate::runtime::timestamp::duration_ms_opt"' in n.serde_attrs(struct, struct.fields[0])


def test_signatures_follow_the_reference(api: ir.Api) -> None:
    n = RustNamer(api)

    def shape(op_id: str) -> list[tuple[str, str]]:
        return [(a.name, a.rust_type) for a in n.args(api.operation(op_id))]

    assert shape("vm.create") == [("config", "VMConfig")]
    assert shape("vm.start") == [("vm_id", "&str")]
    assert shape("vm.stop") == [("vm_id", "&str"), ("force", "impl Into<Option<bool>>")]
    assert shape("vm.list") == [("labels", "&[(&str, &str)]")]
    assert shape("vm.watch") == [("vm_id", "&str")]
    assert shape("vm.stream_metrics") == [("vm_id", "&str"), ("interval", "impl Into<Option<Duration>>")]
    assert shape("vm.migrate") == [
        ("vm_id", "&str"),
        ("target_node", "&str"),
        ("options", "impl Into<Option<MigrationOptions>>"),
    ]
    assert [a.name for a in n.options(api.operation("vm.watch"))] == ["since", "follow"]
    assert [a.name for a in n.options(api.operation("vm.list"))] == ["page_size"]
    assert n.options_type(api.operation("vm.watch")) == "VMWatchOptions"
    assert n.options_type(api.operation("vm.get")) is None
    assert n.output(api.operation("vm.list")) == "Vec<VM>"
    assert n.output(api.operation("vm.destroy")) == "()"
    assert n.output(api.operation("vm.watch")) == "EventStream<VMEvent>"
    assert n.is_internal(api.operation("system.create_session"))


def test_input_structs(api: ir.Api) -> None:
    names = {s.name for s in api.input_structs}
    assert {"vm_config", "network_config", "network_interface", "affinity", "migration_options"} <= names
