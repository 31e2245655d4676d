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
# Python builtins that a catalogue error also subclasses, so `except TimeoutError` style code keeps working.
BUILTIN_BASES = {
    "connection_error": "builtins.ConnectionError",
    "timeout_error": "builtins.TimeoutError",
    "validation_error": "ValueError",
    "vm_not_found_error": "LookupError",
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

    def wire_type(self, error: ir.ErrorType) -> str:
        """The catalogue name as it travels in error bodies (VMNotFoundError), whatever the class is called."""
        return pascal(error.name, INITIALISMS)

    def builtin_base(self, error: ir.ErrorType) -> str | None:
        """The builtin exception an error also derives from, if any."""
        return BUILTIN_BASES.get(error.name)

    def client_class(self, resource: ir.Resource) -> str:
        """VMClient."""
        return pascal(resource.name, INITIALISMS) + "Client"

    def sync_client_class(self, resource: ir.Resource) -> str:
        """SyncVMClient."""
        return "Sync" + self.client_class(resource)

    def factory(self, resource: ir.Resource) -> str:
        """client.VM(), as the reference spells it."""
        return pascal(resource.name, INITIALISMS)

    def accessor(self, resource: ir.Resource) -> str:
        """client.vm, the property twin of the factory."""
        return resource.name

    def endpoint(self, op: ir.Operation) -> str:
        """VM_GET_MIGRATION_STATUS, the runtime Endpoint constant of an operation."""
        return upper(f"{op.resource}_{op.name}")

    def waiter(self, op: ir.Operation) -> str:
        """wait_for_migration: named after what the long-running operation reports on."""
        assert op.output is not None
        return "wait_for_" + op.output.name.removesuffix("_status")

    def annotation(self, field: ir.Field) -> str:
        """The field's type, Optional when absent values are allowed, Literal for one_of strings."""
        base = self.type_expr(field.type)
        if field.constraints.one_of:
            base = "Literal[" + ", ".join(repr(v) for v in field.constraints.one_of) + "]"
        return base if field.required or field.has_default else f"Optional[{base}]"

    def field_spec(self, field: ir.Field) -> str:
        """The pydantic default and constraints of a model field: ` = Field(None, ge=0)`, or empty."""
        limits = field.constraints
        args = [] if field.required and not field.has_default else [repr(field.default)]
        pairs = (("ge", limits.min), ("le", limits.max), ("min_length", limits.min_length))
        args += [f"{k}={_number(v)}" for k, v in pairs if v is not None]
        args += [f"max_length={v}" for v in (limits.max_length, limits.max_items) if v is not None]
        if limits.pattern:
            args.append(f"pattern=r{limits.pattern!r}")
        if len(args) == 1 and not field.required:
            return f" = {args[0]}"
        return f" = Field({', '.join(args)})" if args else ""

    def config_annotation(self, field: ir.Field) -> str:
        """ClientConfig fields: durations are float seconds in Python."""
        return "float" if field.type.name == "duration" else self.type_expr(field.type)

    def config_spec(self, field: ir.Field) -> str:
        """The default and limits of a ClientConfig field, durations converted from ms to seconds."""
        scale = 1000 if field.type.name == "duration" else 1
        limits = field.constraints
        args = [] if field.required else [_number(field.default / scale if scale > 1 else field.default)]
        args += [f"{k}={_number(v / scale)}" for k, v in (("ge", limits.min), ("le", limits.max)) if v is not None]
        if field.secret:
            args.append("repr=False")
        return f" = Field({', '.join(args)})" if args else ""

    def resource_imports(self, api: ir.Api, sync: bool = False) -> list[tuple[str, str]]:
        """(module, name) of the models and enums a resource module names; `sync` wants signatures only."""
        names: set[tuple[str, str]] = set()
        for op in api.operations:
            structs = [op.pagination.item if op.pagination else op.output]
            if op.body is not None and not op.body.flatten:
                structs.append(op.body.struct)
            if op.body is not None and op.body.flatten:
                structs += [api.struct(f.type.leaf.name) for f in op.body.struct.fields if f.type.leaf.is_struct]
            if not sync:
                structs += [op.output, op.body.struct if op.body else None]
            names |= {("_models", self.type(s)) for s in structs if s is not None}
            if op.long_running is not None and op.output is not None and not sync:
                names.add(("_enums", self.type(api.enum(op.output.field(op.long_running.state_field).type.name))))
        return sorted(names)


def _number(value: object) -> str:
    """A literal without a needless .0 (512.0 -> 512), repr for everything else."""
    if isinstance(value, float) and value.is_integer():
        return repr(value) if value < 1 else str(int(value))
    return repr(value)
