"""Python names: PascalCase classes (VMConfig), snake_case fields and methods, UPPER members."""

from __future__ import annotations

import keyword
from typing import ClassVar

from generator import ir
from generator.naming.base import Namer, pascal, upper
from generator.types import TypeRef

INITIALISMS = {"vm": "VM", "dwcp": "DWCP"}
SCALARS = {
    "string": "str",
    "bool": "bool",
    "int32": "int",
    "int64": "int",
    "float64": "float",
    "timestamp": "datetime",
    "duration": "int",
    "json": "Any",
}
# pydantic reserves the model_ prefix and these BaseModel attributes.
_PYDANTIC = {"model_config", "model_fields", "dict", "json", "copy", "schema", "construct", "validate"}


class PythonNamer(Namer):
    """Names of the dwcp Python package."""

    language: ClassVar[str] = "python"
    reserved: ClassVar[frozenset[str]] = frozenset(keyword.kwlist) | frozenset(_PYDANTIC)

    def type(self, thing: ir.Struct | ir.Enum) -> str:
        """VMConfig, NetworkInterface, VMState."""
        return thing.override("python") or pascal(thing.name, INITIALISMS)

    def field(self, field: ir.Field) -> str:
        """Fields keep the spec's snake_case."""
        return field.override("python") or field.name

    def member(self, value: ir.EnumValue) -> str:
        """VMState.RUNNING."""
        return upper(value.name)

    def error(self, error: ir.ErrorType) -> str:
        """VMNotFoundError."""
        return error.override("python") or pascal(error.name, INITIALISMS)

    def method(self, op: ir.Operation) -> str:
        """vm_client.get_migration_status."""
        return op.name

    def param(self, name: str) -> str:
        """Parameters keep the spec's snake_case."""
        return name

    def type_expr(self, ref: TypeRef) -> str:
        """list[NetworkInterface], dict[str, str], datetime."""
        if ref.item is not None:
            inner = self.type_expr(ref.item)
            return f"list[{inner}]" if ref.is_list else f"dict[str, {inner}]"
        if ref.is_scalar:
            return SCALARS[ref.name]
        return pascal(ref.name, INITIALISMS)
