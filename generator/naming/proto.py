"""Names of generated/dwcp.proto and of the OpenAPI components (PascalCase messages, UPPER enums)."""

from __future__ import annotations

from typing import ClassVar

from generator import ir
from generator.naming.base import pascal, upper
from generator.naming.python import PythonNamer
from generator.types import TypeRef

SCALARS = {
    "string": "string",
    "bool": "bool",
    "int32": "int32",
    "int64": "int64",
    "float64": "double",
    "timestamp": "google.protobuf.Timestamp",
    "duration": "int64",
    "json": "google.protobuf.Value",
}


class ProtoNamer(PythonNamer):
    """Message, enum, service and rpc names; OpenAPI component names are the message names."""

    language: ClassVar[str] = "proto"

    def type_expr(self, ref: TypeRef) -> str:
        """The proto type of a list's item or a map's value, or of a plain field."""
        if ref.item is not None:
            return self.type_expr(ref.item)
        if ref.is_scalar:
            return SCALARS[ref.name]
        return pascal(ref.name, self.initialisms)

    def label(self, field: ir.Field) -> str:
        """repeated, map<string, T>, optional or nothing, as the field needs."""
        if field.type.is_list:
            return "repeated "
        if field.type.is_scalar and not field.required:
            return "optional "
        return ""

    def field_type(self, ref: TypeRef) -> str:
        """The full proto type of a field, maps included."""
        if ref.is_map:
            return f"map<string, {self.type_expr(ref)}>"
        return self.type_expr(ref)

    def enum_value(self, enum: ir.Enum, value: ir.EnumValue | None) -> str:
        """VM_STATE_RUNNING; None gives the zero value VM_STATE_UNSPECIFIED."""
        return f"{upper(enum.name)}_{upper(value.name) if value else 'UNSPECIFIED'}"

    def service(self, resource: ir.Resource) -> str:
        """VMService, SystemService."""
        return pascal(resource.name, self.initialisms) + "Service"

    def rpc(self, op: ir.Operation) -> str:
        """GetMigrationStatus."""
        return pascal(op.name, self.initialisms)

    def request(self, op: ir.Operation) -> str:
        """VMGetMigrationStatusRequest."""
        return pascal(op.resource, self.initialisms) + pascal(op.name, self.initialisms) + "Request"
