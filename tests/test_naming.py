"""Per-language naming of the real spec: initialisms, overrides and reserved words."""

from __future__ import annotations

from generator import ir
from generator.naming import NAMERS
from generator.naming.base import camel, pascal, upper


def test_word_casing() -> None:
    assert pascal("vm_config", {"vm": "VM"}) == "VMConfig"
    assert camel("vm_id") == "vmId"
    assert camel("vm_id", {"id": "ID"}) == "vmID"
    assert upper("stop_and_copy") == "STOP_AND_COPY"


def test_go_initialisms(api: ir.Api) -> None:
    go = NAMERS["go"](api)
    fields = {f.name: go.field(f) for f in api.struct("vm_config").fields}
    assert fields["cpus"] == "CPUs"
    assert fields["cpu_pinning"] == "CPUPinning"
    assert fields["numa_nodes"] == "NUMANodes"
    assert fields["disk_iops_limit"] == "DiskIOPSLimit"
    assert fields["enable_tpm"] == "EnableTPM"
    assert fields["enable_gpu"] == "EnableGPU"
    assert fields["io_threads"] == "IOThreads"
    iface = {f.name: go.field(f) for f in api.struct("network_interface").fields}
    assert iface["ip_address"] == "IPAddress"
    assert go.field(api.struct("network_config").field("dns")) == "DNS"
    assert go.field(api.client_config.field("tls_enabled")) == "TLSEnabled"
    assert go.field(api.client_config.field("api_key")) == "APIKey"
    assert go.param("vm_id") == "vmID"


def test_go_names_fixed_by_the_reference(api: ir.Api) -> None:
    go = NAMERS["go"](api)
    assert go.type(api.struct("network_interface")) == "NetIf"
    assert go.error(api.error("authentication_error")) == "ErrAuthFailed"
    assert go.error(api.error("vm_not_found_error")) == "ErrVMNotFound"
    assert go.error(api.error("not_connected_error")) == "ErrNotConnected"
    assert go.type_expr(api.struct("vm_config").field("cpu_pinning").type) == "[]int"


def test_python_names(api: ir.Api) -> None:
    py = NAMERS["python"](api)
    assert py.type(api.struct("vm_config")) == "VMConfig"
    assert py.type(api.enum("vm_state")) == "VMState"
    assert py.member(api.enum("migration_state").values[2]) == "COMPLETED"
    assert py.error(api.error("dwcp_error")) == "DWCPError"
    assert py.type_expr(api.struct("network_config").field("interfaces").type) == "list[NetworkInterface]"


def test_typescript_names(api: ir.Api) -> None:
    ts = NAMERS["typescript"](api)
    assert ts.field(api.struct("vm_metrics").field("cpu_usage")) == "cpuUsage"
    assert ts.field(api.client_config.field("api_key")) == "apiKey"
    assert ts.method(api.operation("vm.get_migration_status")) == "getMigrationStatus"
    assert ts.type_expr(api.struct("vm").field("labels").type) == "Record<string, string>"


def test_rust_names(api: ir.Api) -> None:
    rust = NAMERS["rust"](api)
    assert rust.field(api.struct("vm_event").field("type")) == "event_type"
    assert rust.member(api.enum("vm_state").values[3]) == "Running"
    assert rust.error(api.error("vm_not_found_error")) == "VMNotFound"
    assert rust.error(api.error("validation_error")) == "Config"
    assert rust.error(api.error("dwcp_error")) == "DWCPError"


def test_no_language_emits_a_reserved_word(api: ir.Api) -> None:
    for namer_class in NAMERS.values():
        namer = namer_class()
        hits = [ident for _, _, ident in namer.identifiers(api) if namer.keywords_hit(ident)]
        assert hits == [], namer.language
