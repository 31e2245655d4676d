"""TypeScript names: PascalCase types (VMConfig), camelCase members (cpuUsage), UPPER enum members."""

from __future__ import annotations

from typing import ClassVar

from generator import ir
from generator.naming.base import Namer, camel, pascal, upper
from generator.types import TypeRef

INITIALISMS = {"vm": "VM", "dwcp": "DWCP"}
KEYWORDS = frozenset(
    "break case catch class const continue debugger default delete do else enum export extends false finally "
    "for function if import in instanceof new null return super switch this throw true try typeof var void "
    "while with yield let static implements interface package private protected public await".split()
)
SCALARS = {
    "string": "string",
    "bool": "boolean",
    "int32": "number",
    "int64": "number",
    "float64": "number",
    "timestamp": "Date",
    "duration": "number",
    "json": "unknown",
}


class TypeScriptNamer(Namer):
    """Names of the @novacron/dwcp-sdk package."""

    language: ClassVar[str] = "typescript"
    reserved: ClassVar[frozenset[str]] = KEYWORDS

    def type(self, thing: ir.Struct | ir.Enum) -> str:
        """VMConfig, NetworkInterface, VMState."""
        return thing.override("typescript") or pascal(thing.name, INITIALISMS)

    def field(self, field: ir.Field) -> str:
        """cpuUsage, ipAddress, vmId."""
        return field.override("typescript") or camel(field.name)

    def member(self, value: ir.EnumValue) -> str:
        """VMState.RUNNING."""
        return upper(value.name)

    def error(self, error: ir.ErrorType) -> str:
        """VMNotFoundError."""
        return error.override("typescript") or pascal(error.name, INITIALISMS)

    def method(self, op: ir.Operation) -> str:
        """getMigrationStatus."""
        return camel(op.name)

    def param(self, name: str) -> str:
        """vmId, snapshotId."""
        return camel(name)

    def type_expr(self, ref: TypeRef) -> str:
        """NetworkInterface[], Record<string, string>, Date."""
        if ref.item is not None:
            inner = self.type_expr(ref.item)
            return f"{inner}[]" if ref.is_list else f"Record<string, {inner}>"
        if ref.is_scalar:
            return SCALARS[ref.name]
        return pascal(ref.name, INITIALISMS)
