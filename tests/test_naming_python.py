"""Python names: the reference guide's spellings, names read from the spec, and what Python derives."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from generator import ir
from generator.loader import load
from generator.naming.python import PythonNamer
from generator.problems import Problem
from generator.types import TypeRef
from generator.validate import validate

Problems = Callable[[str], list[Problem]]

BROAD = Path(__file__).resolve().parent / "specs" / "broad" / "broad.yaml"


def _python_problems(problems: list[str]) -> list[str]:
    return [p for p in problems if ": python: " in p]


def test_reference_names(api: ir.Api) -> None:
    n = PythonNamer(api)
    assert n.type(api.struct("vm_config")) == "VMConfig"
    assert n.type(api.enum("vm_state")) == "VMState"
    assert n.member(api.enum("migration_state").values[2]) == "COMPLETED"
    assert n.error(api.error("vm_not_found_error")) == "VMNotFoundError"
    assert n.wire_error(api.error("dwcp_error")) == "DWCPError"
    vm = next(r for r in api.resources if r.name == "vm")
    assert (n.factory(vm), n.accessor(vm), n.client_class(vm), n.sync_client_class(vm)) == (
        "VM",
        "vm",
        "VMClient",
        "SyncVMClient",
    )
    assert n.endpoint(api.operation("vm.get_migration_status")) == "VM_GET_MIGRATION_STATUS"


def test_facts_come_from_the_spec(api: ir.Api) -> None:
    n = PythonNamer(api)
    assert n.waiter(api.operation("vm.migrate")) == "wait_for_migration"  # long_running.waiter.name
    assert n.builtin_base(api.error("timeout_error")) == "builtins.TimeoutError"  # python: {builtin_base}
    assert n.builtin_base(api.error("validation_error")) == "ValueError"
    assert n.builtin_base(api.error("migration_error")) is None
    assert n.client_method(api.operation("system.create_session")) == "_create_session"  # visibility: internal


def test_broad_spec_names() -> None:
    broad = validate_python_only(BROAD)
    n = PythonNamer(broad)
    assert n.waiter(broad.operation("bucket.export")) == "wait_for_export"  # no waiter: wait_for_<op>
    assert n.waiter(broad.operation("job.replicate")) == "wait_for_replicate"
    assert n.error(broad.base_error) == "StowageError"


def validate_python_only(path: Path) -> ir.Api:
    """The IR of a spec that may still carry other languages' naming problems (not this test's subject)."""
    from generator import validate as module

    saved = module.NAMERS
    module.NAMERS = {"python": PythonNamer}
    try:
        return validate(load(path))
    finally:
        module.NAMERS = saved


def test_keywords_and_pydantic_attributes_are_renamed() -> None:
    n = PythonNamer()
    text = ir.Field("from", _ref("string"), "A keyword.")
    json = ir.Field("json", _ref("string"), "A BaseModel attribute.")
    plain = ir.Field("name", _ref("string"), "Plain.")
    assert (n.field(text), n.alias(text), n.field_spec(text)) == ("from_", "from", " = Field(None, alias='from')")
    assert (n.field(json), n.alias(json)) == ("json_", "json")
    assert (n.field(plain), n.alias(plain)) == ("name", None)
    assert n.param("import") == "import_"


def test_argument_types(api: ir.Api) -> None:
    n = PythonNamer(api)
    window = api.operation("vm.get_metrics").query_params[0]
    assert n.input_type(window) == "Optional[Duration]"
    assert n.limits(window) == "Limits(ge=1, le=2592000000)"
    labels = api.operation("vm.list").query_params[0]
    assert n.input_type(labels) == "Optional[dict[str, str]]"
    assert n.input_type(labels, shadowed={"dict"}) == "Optional[builtins.dict[str, str]]"
    iface = api.struct("network_interface")
    assert n.input_type(iface.field("type")).startswith("Optional[Literal['virtio'")


def test_field_specs(api: ir.Api) -> None:
    n = PythonNamer(api)
    config = api.struct("vm_config")
    assert n.annotation(config.field("name")) == "str"
    assert n.annotation(config.field("priority")) == "Optional[int]"
    assert n.field_spec(config.field("cpus")) == " = Field(ge=1, le=128)"
    assert n.field_spec(config.field("priority")) == " = Field(None, ge=0, le=10)"
    assert n.annotation(api.struct("network_interface").field("type")).startswith("Optional[Literal['virtio'")
    assert n.config_spec(api.client_config.field("request_timeout")) == " = Field(60, ge=0.001)"
    assert n.config_spec(api.client_config.field("api_key")) == " = Field('', repr=False)"


def test_imports_are_explicit(api: ir.Api) -> None:
    n = PythonNamer(api)
    # Waiters compare enum fields by value (acceptors are data), so no enum is imported for them.
    assert "MigrationStatus" in n.model_imports(api, api.operations)
    assert "MigrationState" not in n.model_imports(api, api.operations)
    assert "StopRequest" not in n.model_imports(api, api.public_operations, sync=True)
    assert {"Duration", "millis", "Limits", "wait", "Pager"} <= n.uses(api, api.operations)


def test_derived_names_take_part_in_the_collision_check(problems_of: Problems, spec_text: str) -> None:
    # A waiter whose Python name is a method's, and a client-level operation named like a Client member.
    # (A waiter with the very name of an operation is refused earlier, by the semantic checks.)
    waiter = spec_text.replace("names: {go: WaitMigration}", "names: {go: WaitMigration, python: cancel_migration}", 1)
    member = spec_text.replace("      health:\n", "      connect:\n", 1)
    found = _python_problems([str(p) for p in problems_of(waiter)])
    assert any("'cancel_migration' collides" in p for p in found), found
    found = _python_problems([str(p) for p in problems_of(member)])
    assert any("'connect' collides" in p and "members of Client" in p for p in found), found


def test_a_query_parameter_clashing_with_a_body_field_is_reported(problems_of: Problems, spec_text: str) -> None:
    clash = spec_text.replace(
        "input: {path: {vm_id: string}, body: {type: stop_request, flatten: true}}",
        "input: {path: {vm_id: string}, query: {force: bool}, body: {type: stop_request, flatten: true}}",
        1,
    )
    found = _python_problems([str(p) for p in problems_of(clash)])
    assert any("'force' collides" in p and "arguments of vm.stop" in p for p in found), found


def _ref(name: str) -> TypeRef:
    return TypeRef("scalar", name)
