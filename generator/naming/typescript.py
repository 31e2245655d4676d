"""TypeScript names: PascalCase types (VMConfig), camelCase members (cpuUsage), UPPER enum members."""

from __future__ import annotations

from typing import ClassVar

from generator import ir
from generator.naming.base import Namer, camel, pascal, upper
from generator.types import TypeRef

INITIALISMS = {"vm": "VM", "dwcp": "DWCP"}
KEYWORDS = frozenset(
    [
        "break",
        "case",
        "catch",
        "class",
        "const",
        "continue",
        "debugger",
        "default",
        "delete",
        "do",
        "else",
        "enum",
        "export",
        "extends",
        "false",
        "finally",
        "for",
        "function",
        "if",
        "import",
        "in",
        "instanceof",
        "new",
        "null",
        "return",
        "super",
        "switch",
        "this",
        "throw",
        "true",
        "try",
        "typeof",
        "var",
        "void",
        "while",
        "with",
        "yield",
        "let",
        "static",
        "implements",
        "interface",
        "package",
        "private",
        "protected",
        "public",
        "await",
    ]
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

    # Names below are TypeScript-only helpers the templates call; each derives from the spec.

    def wire_error(self, error: ir.ErrorType) -> str:
        """The catalogue name the server sends as error.type (VMNotFoundError), whatever the override."""
        return pascal(error.name, INITIALISMS)

    def options_type(self, op: ir.Operation) -> str:
        """ListOptions, WatchOptions: the per-call options object of an operation."""
        return pascal(op.name, INITIALISMS) + "Options"

    def waiter(self, op: ir.Operation) -> str:
        """waitForMigration: the wait helper of a long-running operation, named after its status."""
        assert op.output is not None
        return "waitFor" + pascal(op.output.name.removesuffix("_status"), INITIALISMS)

    def decoder(self, struct: ir.Struct) -> str:
        """decodeVM: wire JSON to the SDK type, checking the shape."""
        return "decode" + self.type(struct)

    def encoder(self, struct: ir.Struct) -> str:
        """encodeVMConfig: the SDK type to wire JSON."""
        return "encode" + self.type(struct)

    def validator(self, struct: ir.Struct) -> str:
        """validateVMConfig: the spec's constraints, checked before a request is sent."""
        return "validate" + self.type(struct)

    def values_const(self, enum: ir.Enum) -> str:
        """VM_STATE_VALUES: the wire strings an enum knows."""
        return upper(enum.name) + "_VALUES"

    def param_type(self, ref: TypeRef) -> str:
        """Parameter types: durations also accept '1s'-style strings."""
        if ref.is_scalar and ref.name == "duration":
            return "Duration"
        return self.type_expr(ref)

    def query_positional(self, op: ir.Operation) -> tuple[ir.Param, ...]:
        """Query parameters passed positionally: the only one left once pagination is set aside."""
        rest = self._plain_query(op)
        return rest if len(rest) == 1 else ()

    def query_options(self, op: ir.Operation) -> tuple[ir.Param, ...]:
        """Query parameters passed in the options object (several, or the page size)."""
        rest = self._plain_query(op)
        extra = rest if len(rest) > 1 else ()
        if op.pagination is not None:
            extra += tuple(p for p in op.query_params if p.name == op.pagination.page_size)
        return extra

    def _plain_query(self, op: ir.Operation) -> tuple[ir.Param, ...]:
        paging = {op.pagination.page_size, op.pagination.token_in} if op.pagination else set()
        return tuple(p for p in op.query_params if p.name not in paging)
