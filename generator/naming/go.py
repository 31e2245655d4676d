"""Go names: exported PascalCase with Go initialisms (VMID, CPUs, IPAddress), Err sentinels."""

from __future__ import annotations

from typing import ClassVar

from generator import ir
from generator.naming.base import Namer, camel, pascal
from generator.types import TypeRef

INITIALISMS = {
    "api": "API",
    "cpu": "CPU",
    "cpus": "CPUs",
    "dns": "DNS",
    "dwcp": "DWCP",
    "gpu": "GPU",
    "http": "HTTP",
    "https": "HTTPS",
    "id": "ID",
    "io": "IO",
    "iops": "IOPS",
    "ip": "IP",
    "json": "JSON",
    "mac": "MAC",
    "mtu": "MTU",
    "numa": "NUMA",
    "tls": "TLS",
    "tpm": "TPM",
    "url": "URL",
    "uuid": "UUID",
    "vm": "VM",
    "vms": "VMs",
}
KEYWORDS = frozenset(
    "break case chan const continue default defer else fallthrough for func go goto if import interface "
    "map package range return select struct switch type var".split()
)
# Predeclared identifiers that a parameter must not shadow.
PREDECLARED = frozenset("error string int bool len cap new make copy append close delete panic ctx".split())
SCALARS = {
    "string": "string",
    "bool": "bool",
    "int32": "int",
    "int64": "int64",
    "float64": "float64",
    "timestamp": "time.Time",
    "duration": "time.Duration",
    "json": "json.RawMessage",
}


class GoNamer(Namer):
    """Names of the github.com/novacron/dwcp-sdk-go module."""

    language: ClassVar[str] = "go"
    reserved: ClassVar[frozenset[str]] = KEYWORDS | PREDECLARED

    def type(self, thing: ir.Struct | ir.Enum) -> str:
        """VMConfig, NetIf, VMState."""
        return thing.override("go") or pascal(thing.name, INITIALISMS)

    def field(self, field: ir.Field) -> str:
        """CPUPinning, IPAddress, DiskIOPSLimit."""
        return field.override("go") or pascal(field.name, INITIALISMS)

    def member(self, value: ir.EnumValue) -> str:
        """The member's suffix; constants are spelled type + member (MigrationStateCompleted)."""
        return pascal(value.name, INITIALISMS)

    def error(self, error: ir.ErrorType) -> str:
        """ErrVMNotFound, ErrAuthFailed; the abstract base is the Error struct."""
        if error.abstract:
            return "Error"
        return error.override("go") or "Err" + pascal(error.name.removesuffix("_error"), INITIALISMS)

    def method(self, op: ir.Operation) -> str:
        """GetMigrationStatus."""
        return pascal(op.name, INITIALISMS)

    def param(self, name: str) -> str:
        """vmID, snapshotID."""
        return camel(name, INITIALISMS)

    def type_expr(self, ref: TypeRef) -> str:
        """[]NetIf, map[string]string, time.Time."""
        if ref.item is not None:
            inner = self.type_expr(ref.item)
            return f"[]{inner}" if ref.is_list else f"map[string]{inner}"
        if ref.is_scalar:
            return SCALARS[ref.name]
        return pascal(ref.name, INITIALISMS)
