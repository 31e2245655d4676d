"""Python names of the real spec: the reference guide's spellings and the SDK's helper names."""

from __future__ import annotations

from generator import ir
from generator.naming.python import PythonNamer


def test_reference_names(api: ir.Api) -> None:
    n = PythonNamer()
    assert n.type(api.struct("vm_config")) == "VMConfig"
    assert n.type(api.enum("vm_state")) == "VMState"
    assert n.member(api.enum("migration_state").values[2]) == "COMPLETED"
    assert n.error(api.error("vm_not_found_error")) == "VMNotFoundError"
    assert n.wire_type(api.error("dwcp_error")) == "DWCPError"
    vm = next(r for r in api.resources if r.name == "vm")
    assert (n.factory(vm), n.accessor(vm), n.client_class(vm), n.sync_client_class(vm)) == (
        "VM",
        "vm",
        "VMClient",
        "SyncVMClient",
    )
    assert n.waiter(api.operation("vm.migrate")) == "wait_for_migration"
    assert n.endpoint(api.operation("vm.get_migration_status")) == "VM_GET_MIGRATION_STATUS"


def test_builtin_bases(api: ir.Api) -> None:
    n = PythonNamer()
    assert n.builtin_base(api.error("timeout_error")) == "builtins.TimeoutError"
    assert n.builtin_base(api.error("validation_error")) == "ValueError"
    assert n.builtin_base(api.error("migration_error")) is None


def test_field_specs(api: ir.Api) -> None:
    n = PythonNamer()
    config = api.struct("vm_config")
    assert n.annotation(config.field("name")) == "str"
    assert n.annotation(config.field("priority")) == "Optional[int]"
    assert n.field_spec(config.field("cpus")) == " = Field(ge=1, le=128)"
    assert n.field_spec(config.field("priority")) == " = Field(None, ge=0, le=10)"
    assert n.annotation(api.struct("network_interface").field("type")).startswith("Optional[Literal['virtio'")
    assert n.config_spec(api.client_config.field("request_timeout")) == " = Field(60, ge=0.001)"
    assert n.config_spec(api.client_config.field("api_key")) == " = Field('', repr=False)"


def test_imports_are_explicit(api: ir.Api) -> None:
    n = PythonNamer()
    assert ("_enums", "MigrationState") in n.resource_imports(api)
    assert ("_models", "StopRequest") not in n.resource_imports(api, sync=True)
