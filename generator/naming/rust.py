"""Rust names: PascalCase types (VMConfig), snake_case fields, PascalCase variants (VMState::Running)."""

from __future__ import annotations

from typing import ClassVar

from generator import ir
from generator.naming.base import Namer, pascal
from generator.types import TypeRef

INITIALISMS = {"vm": "VM", "dwcp": "DWCP"}
KEYWORDS = frozenset(
    "as break const continue crate else enum extern false fn for if impl in let loop match mod move mut pub "
    "ref return self Self static struct super trait true type unsafe use where while async await dyn abstract "
    "become box do final macro override priv typeof unsized virtual yield try gen".split()
)
SCALARS = {
    "string": "String",
    "bool": "bool",
    "int32": "u32",
    "int64": "u64",
    "float64": "f64",
    "timestamp": "DateTime<Utc>",
    "duration": "Duration",
    "json": "serde_json::Value",
}


class RustNamer(Namer):
    """Names of the dwcp crate."""

    language: ClassVar[str] = "rust"
    reserved: ClassVar[frozenset[str]] = KEYWORDS

    def type(self, thing: ir.Struct | ir.Enum) -> str:
        """VMConfig, NetworkInterface, VMState."""
        return thing.override("rust") or pascal(thing.name, INITIALISMS)

    def field(self, field: ir.Field) -> str:
        """snake_case; the spec renames keywords (type -> event_type)."""
        return field.override("rust") or field.name

    def member(self, value: ir.EnumValue) -> str:
        """VMState::Running."""
        return pascal(value.name, INITIALISMS)

    def error(self, error: ir.ErrorType) -> str:
        """DWCPError variants: VMNotFound, Connection, Config."""
        if error.abstract:
            return "DWCPError"
        return error.override("rust") or pascal(error.name.removesuffix("_error"), INITIALISMS)

    def method(self, op: ir.Operation) -> str:
        """get_migration_status."""
        return op.name

    def param(self, name: str) -> str:
        """Parameters keep the spec's snake_case."""
        return name

    def type_expr(self, ref: TypeRef) -> str:
        """Vec<NetworkInterface>, HashMap<String, String>, DateTime<Utc>."""
        if ref.item is not None:
            inner = self.type_expr(ref.item)
            return f"Vec<{inner}>" if ref.is_list else f"HashMap<String, {inner}>"
        if ref.is_scalar:
            return SCALARS[ref.name]
        return pascal(ref.name, INITIALISMS)
