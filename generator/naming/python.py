"""Python names: PascalCase classes (VMConfig), snake_case fields and methods, UPPER members."""

from __future__ import annotations

import keyword
from collections.abc import Collection, Iterator
from typing import ClassVar

from generator import ir
from generator.naming.base import Namer, pascal, upper
from generator.types import TypeRef

Input = ir.Param | ir.Field

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
# Attributes pydantic's BaseModel owns: a model field of that name is renamed with a trailing underscore
# (and keeps its wire name as an alias), as a Python keyword is.
_PYDANTIC = frozenset({"model_config", "model_fields", "dict", "json", "copy", "schema", "construct", "validate"})
# Public names of the package that no spec type, error or resource client may take.
PACKAGE_NAMES = ("Client", "ClientMetrics", "EventStream", "SyncClient", "SyncEventStream")
# Members of Client and SyncClient that no client-level operation or resource accessor may take.
CLIENT_MEMBERS = ("config", "connect", "disconnect", "close", "is_connected", "is_authenticated", "get_metrics")
# Keyword-only parameters the SDK adds to calls (idempotent retries, waiters).
SDK_PARAMS = ("self", "idempotency_key")
WAITER_PARAMS = ("deadline", "poll_interval")


def _safe(name: str) -> str:
    """A snake_case spec name as a Python identifier: keywords get a trailing underscore (from -> from_)."""
    return name + "_" if keyword.iskeyword(name) else name


class PythonNamer(Namer):
    """Names of the dwcp Python package."""

    language: ClassVar[str] = "python"
    # Only whole identifiers a spec name can turn into: PascalCase types (None, True, False).
    reserved: ClassVar[frozenset[str]] = frozenset(keyword.kwlist)

    def type(self, thing: ir.Struct | ir.Enum) -> str:
        """VMConfig, NetworkInterface, VMState."""
        return thing.override("python") or pascal(thing.name, self.initialisms)

    def field(self, field: ir.Field) -> str:
        """Fields keep the spec's snake_case; keywords and pydantic's own attributes get a trailing underscore."""
        name = field.override("python") or field.name
        return name + "_" if name in _PYDANTIC or name.startswith("model_") else _safe(name)

    def alias(self, field: ir.Field) -> str | None:
        """The wire name of a field whose Python name differs from it, else None."""
        return None if self.field(field) == field.name else field.name

    def member(self, value: ir.EnumValue) -> str:
        """VMState.RUNNING."""
        return upper(value.name)

    def error(self, error: ir.ErrorType) -> str:
        """VMNotFoundError."""
        return error.override("python") or pascal(error.name, self.initialisms)

    def method(self, op: ir.Operation) -> str:
        """get_migration_status: the spec's snake_case (keywords get a trailing underscore)."""
        return _safe(op.name)

    def client_method(self, op: ir.Operation) -> str:
        """The operation's method on the SDK's clients; internal operations are private (_create_session)."""
        return ("_" if op.is_internal else "") + self.method(op)

    def param(self, name: str) -> str:
        """Parameters keep the spec's snake_case; keywords get a trailing underscore."""
        return _safe(name)

    def input(self, item: Input) -> str:
        """The parameter name of an operation input (path, query or flattened body field)."""
        if isinstance(item, ir.Field):
            return self.field(item)
        return item.override("python") or self.param(item.name)

    def type_expr(self, ref: TypeRef) -> str:
        """list[NetworkInterface], dict[str, str], datetime."""
        return self.shadowed_type_expr(ref, ())

    def shadowed_type_expr(self, ref: TypeRef, shadowed: Collection[str]) -> str:
        """type_expr inside a class whose methods `shadowed` hide builtins: builtins.list for a method `list`."""
        if ref.item is not None:
            inner = self.shadowed_type_expr(ref.item, shadowed)
            container = "list" if ref.is_list else "dict"
            container = f"builtins.{container}" if container in shadowed else container
            return f"{container}[{inner}]" if ref.is_list else f"{container}[str, {inner}]"
        if ref.is_scalar:
            scalar = SCALARS[ref.name]
            return f"builtins.{scalar}" if scalar in shadowed else scalar
        return pascal(ref.name, self.initialisms)

    def input_type(self, item: Input, shadowed: Collection[str] = ()) -> str:
        """An input's argument type: durations as Duration (seconds, timedelta, "5m"), one_of as Literal.

        `shadowed` names the methods of the class the signature is in: inside a class with a method
        `list`, the annotation `list[str]` would name that method, so it is spelt builtins.list.
        """
        if item.type.name == "duration":
            base = "Duration"
        elif item.constraints.one_of:
            base = "Literal[" + ", ".join(repr(v) for v in item.constraints.one_of) + "]"
        else:
            base = self.shadowed_type_expr(item.type, shadowed)
        return base if item.required else f"Optional[{base}]"

    def builtin_base(self, error: ir.ErrorType) -> str | None:
        """The builtin exception an error also derives from (the spec's `python: {builtin_base}`), if any."""
        base: str | None = error.note("python", "builtin_base")
        return base

    def client_class(self, resource: ir.Resource) -> str:
        """VMClient."""
        return pascal(resource.name, self.initialisms) + "Client"

    def sync_client_class(self, resource: ir.Resource) -> str:
        """SyncVMClient."""
        return "Sync" + self.client_class(resource)

    def factory(self, resource: ir.Resource) -> str:
        """client.VM(), as the reference spells it."""
        return pascal(resource.name, self.initialisms)

    def accessor(self, resource: ir.Resource) -> str:
        """client.vm, the property twin of the factory."""
        return _safe(resource.name)

    def endpoint(self, op: ir.Operation) -> str:
        """VM_GET_MIGRATION_STATUS, the runtime Endpoint constant of an operation."""
        return upper(f"{op.resource}_{op.name}")

    def waiter(self, op: ir.Operation) -> str:
        """The wait helper of a long-running operation: the spec's waiter name (wait_for_<op> by default)."""
        assert op.long_running is not None
        waiter = op.long_running.waiter
        return waiter.override("python") or _safe(waiter.name)

    def annotation(self, field: ir.Field) -> str:
        """The field's type, Optional when absent values are allowed, Literal for one_of strings."""
        base = self.type_expr(field.type)
        if field.constraints.one_of:
            base = "Literal[" + ", ".join(repr(v) for v in field.constraints.one_of) + "]"
        return base if field.required or field.has_default else f"Optional[{base}]"

    def field_spec(self, field: ir.Field) -> str:
        """The pydantic default, alias and constraints of a model field: ` = Field(None, ge=0)`, or empty."""
        limits = field.constraints
        args = [] if field.required and not field.has_default else [repr(field.default)]
        alias = self.alias(field)
        args += [] if alias is None else [f"alias={alias!r}"]
        args += self._limit_args(limits)
        if len(args) == 1 and not field.required and alias is None:
            return f" = {args[0]}"
        return f" = Field({', '.join(args)})" if args else ""

    def limits(self, item: Input) -> str:
        """The runtime Limits of a query parameter (durations in wire milliseconds), or empty."""
        args = self._limit_args(item.constraints)
        if item.constraints.one_of:
            args.append(f"one_of={item.constraints.one_of!r}")
        return f"Limits({', '.join(args)})" if args else ""

    @staticmethod
    def _limit_args(limits: ir.Constraints) -> list[str]:
        pairs = (("ge", limits.min), ("le", limits.max), ("min_length", limits.min_length))
        args = [f"{k}={_number(v)}" for k, v in pairs if v is not None]
        args += [f"max_length={v}" for v in (limits.max_length, limits.max_items) if v is not None]
        if limits.pattern:
            args.append(f"pattern=r{limits.pattern!r}")
        return args

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

    def model_imports(self, api: ir.Api, ops: tuple[ir.Operation, ...], sync: bool = False) -> list[str]:
        """The models and enums the methods of `ops` name; `sync` wants signatures only (no bodies, enums)."""
        names: set[str] = set()
        for op in ops:
            structs = [op.pagination.item if op.pagination else op.output]
            if op.body is not None and not op.body.flatten:
                structs.append(op.body.struct)
            if op.body is not None and op.body.flatten:
                structs += [api.struct(f.type.leaf.name) for f in op.body.struct.fields if f.type.leaf.is_struct]
            if not sync:
                structs += [op.output, op.body.struct if op.body else None]
            names |= {self.type(s) for s in structs if s is not None}
            enums = [i.type.leaf.name for i in op.inputs if i.type.leaf.is_enum]
            if op.body is not None and op.body.flatten:
                enums += [f.type.leaf.name for f in op.body.struct.fields if f.type.leaf.is_enum]
            names |= {self.type(api.enum(e)) for e in enums}
        return sorted(names)

    def uses(self, api: ir.Api, ops: tuple[ir.Operation, ...]) -> set[str]:
        """What the methods of `ops` need imported: typing names, runtime helpers (datetime, Duration, wait, ...)."""
        found: set[str] = set()
        shadowed = self.method_names(api)
        for op in ops:
            leaves = [i.type.leaf.name for i in op.inputs]
            found |= {"Duration", "millis"} if "duration" in leaves else set()
            found |= {"datetime"} if "timestamp" in leaves else set()
            found |= {"Any"} if "json" in leaves else set()
            found |= {"Literal"} if any(i.constraints.one_of for i in op.inputs) else set()
            found |= {"Limits"} if any(p.constraints.any for p in op.query_params) else set()
            found |= {"EventStream"} if op.is_stream else set()
            found |= {"Pager", "builtins"} if op.is_paginated else set()
            found |= {"builtins"} if any("builtins." in self.input_type(i, shadowed) for i in op.inputs) else set()
            found |= {"Optional"} if op.is_paginated or op.optional_inputs or op.needs_idempotency_key else set()
            found |= {"Optional"} if any(not i.required for i in op.positional_inputs) else set()
            found |= {"Duration", "wait"} if op.long_running is not None else set()
        return found

    def method_names(self, api: ir.Api) -> frozenset[str]:
        """Every method name of the SDK's client classes (names that shadow builtins inside them)."""
        names = {self.client_method(op) for op in api.operations}
        names |= {self.waiter(op) for op in api.long_running_operations}
        names |= {w.override("python") or _safe(w.name) for w in api.waiters}
        return frozenset(names | {self.accessor(r) for r in api.client_resources} | set(CLIENT_MEMBERS))

    def enum_names(self, api: ir.Api) -> set[str]:
        """Python names of the spec's enums (to tell which imports come from _enums)."""
        return {self.type(e) for e in api.enums}

    def identifiers(self, api: ir.Api) -> Iterator[tuple[str, str, str]]:
        """The spec's names, plus what this SDK derives from them: clients, waiters, flattened parameters."""
        yield from super().identifiers(api)
        for name in PACKAGE_NAMES:
            yield "type", "packages.python", name
        for member in CLIENT_MEMBERS:
            yield "members of Client", "packages.python", member
        for error in api.errors:
            yield "type", f"errors.{error.name}", self.error(error)
        for resource in api.client_resources:
            base = f"resources.{resource.name}"
            yield "type", base, self.client_class(resource)
            yield "type", base, self.sync_client_class(resource)
            yield "members of Client", base, self.factory(resource)
            yield "members of Client", base, self.accessor(resource)
        for resource in api.resources:
            for op in resource.operations:
                yield from self._derived(api, resource, op)

    def _derived(self, api: ir.Api, resource: ir.Resource, op: ir.Operation) -> Iterator[tuple[str, str, str]]:
        """Names one operation adds in Python: its parameters, waiter and client-level method."""
        path = f"resources.{resource.name}.operations.{op.name}"
        if resource.client_level and not op.is_internal:
            yield "members of Client", path, self.client_method(op)
            for other in api.client_resources if not op.auth else ():
                yield f"methods of {other.name}", path, self.client_method(op)
        scope = f"arguments of {op.id}"
        for name in SDK_PARAMS:
            yield scope, f"{path}.input", name
        for item in op.inputs:
            body = op.body.struct.name if op.body is not None else ""
            where = f"types.{body}.fields" if isinstance(item, ir.Field) else f"{path}.input.{item.location}"
            yield scope, f"{where}.{item.name}", self.input(item)
        if op.body is not None and not op.body.flatten:
            yield scope, f"{path}.input.body.param", self.param(op.body.param or "body")
        if op.long_running is not None:
            yield f"methods of {resource.name}", f"{path}.long_running.waiter", self.waiter(op)
            status = api.operation(f"{op.resource}.{op.long_running.status_operation}")
            for name in WAITER_PARAMS:
                yield f"arguments of {op.id} waiter", f"{path}.long_running", name
            yield f"arguments of {op.id} waiter", f"{path}.long_running", self.param(status.path_params[0].name)


def _number(value: object) -> str:
    """A literal without a needless .0 (512.0 -> 512), repr for everything else."""
    if isinstance(value, float) and value.is_integer():
        return repr(value) if value < 1 else str(int(value))
    return repr(value)
