"""Rust names and signatures of the generated crate.

PascalCase types (VMConfig), snake_case fields and methods, PascalCase variants (VMState::Running).
Every fact about an operation, type or field comes from the IR (the spec's annotations and limits);
this module only spells names and Rust types, and reports the shapes the Rust templates cannot emit.

Signatures: required inputs are positional (`&str` for strings), then the `positional:` optional
inputs (`impl Into<Option<T>>`; a string map as `&[(&str, &str)]`, empty meaning absent); every other
optional input is a field of the operation's options struct, which `<method>_with` takes, so adding
one is additive. Integers take the narrowest idiomatic width their declared range allows
(u16 for 0..=65535, u32, u64; signed when the minimum is negative), never u8.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from generator import ir
from generator.naming.base import Namer, pascal
from generator.types import TypeRef

Input = ir.Param | ir.Field

KEYWORDS = frozenset(
    [
        "as",
        "break",
        "const",
        "continue",
        "crate",
        "else",
        "enum",
        "extern",
        "false",
        "fn",
        "for",
        "if",
        "impl",
        "in",
        "let",
        "loop",
        "match",
        "mod",
        "move",
        "mut",
        "pub",
        "ref",
        "return",
        "self",
        "Self",
        "static",
        "struct",
        "super",
        "trait",
        "true",
        "type",
        "unsafe",
        "use",
        "where",
        "while",
        "async",
        "await",
        "dyn",
        "abstract",
        "become",
        "box",
        "do",
        "final",
        "macro",
        "override",
        "priv",
        "typeof",
        "unsized",
        "virtual",
        "yield",
        "try",
        "gen",
    ]
)

SCALARS = {
    "string": "String",
    "bool": "bool",
    "int32": "u32",
    "int64": "u64",
    "float64": "f64",
    "timestamp": "Timestamp",
    "duration": "Duration",
    "json": "serde_json::Value",
}
COPY_SCALARS = frozenset({"bool", "int32", "int64", "float64", "duration"})
# Codes the Rust runtime raises itself; each must belong to an entry of the spec's catalogue, which
# Public names of the crate that no spec type, options struct or resource client may take.
CRATE_NAMES: tuple[str, ...] = ("Client", "ClientConfig", "ClientPool", "ClientMetrics", "EventStream", "ErrorInfo")
CRATE_NAMES += ("ErrorDetails", "Jitter", "Timestamp", "Result", "DWCPError")
# Methods of Client that no client-level operation or resource accessor may take: those its template declares.
_CLIENT_TEMPLATE = Path(__file__).resolve().parents[2] / "templates" / "rust" / "src" / "client.rs.j2"
CLIENT_METHODS = tuple(sorted(set(re.findall(r"\bfn (\w+)", _CLIENT_TEMPLATE.read_text(encoding="utf-8")))))
# Locals of the generated method bodies that a parameter must not shadow.
# The name of the options struct's parameter in `<method>_with`.
OPTIONS = "opts"
LOCALS = frozenset({"request", "body", "items", "token", "page", "page_request", "raw", "value", "deadline"})


@dataclass(frozen=True)
class Arg:
    """One argument of an SDK method, or one field of an operation's options struct.

    kind: path (a path parameter), body (the whole input struct), field (a flattened body field),
    query (a query parameter); option is True for a field of the options struct.
    rust_type is the parameter's type in the signature, value the plain Rust type of the input.
    """

    name: str
    wire: str
    rust_type: str
    kind: str
    optional: bool
    value: str
    item: Input | None = None
    option: bool = False

    @property
    def ref(self) -> TypeRef | None:
        """The input's spec type (None for a whole body)."""
        return None if self.item is None else self.item.type

    @property
    def scalar(self) -> str:
        """The spec's scalar name (string, duration, ...) or '' for structs and containers."""
        ref = self.ref
        if ref is None or not ref.is_scalar:
            return ""
        return ref.name

    @property
    def is_str(self) -> bool:
        """True for string inputs (taken as &str when positional)."""
        return self.scalar == "string"

    @property
    def labels(self) -> bool:
        """True for a positional string map, taken as `&[(&str, &str)]` (empty: absent)."""
        return self.rust_type == "&[(&str, &str)]"


class RustNamer(Namer):
    """Names of the generated crate."""

    language: ClassVar[str] = "rust"
    reserved: ClassVar[frozenset[str]] = KEYWORDS

    def _pascal(self, name: str) -> str:
        return pascal(name, self.initialisms)

    def type(self, thing: ir.Struct | ir.Enum) -> str:
        """VMConfig, NetworkInterface, VMState."""
        return thing.override("rust") or self._pascal(thing.name)

    def field(self, field: ir.Field) -> str:
        """snake_case; the spec renames keywords (type -> event_type)."""
        return field.override("rust") or field.name

    def member(self, value: ir.EnumValue) -> str:
        """VMState::Running."""
        return self._pascal(value.name)

    def error(self, error: ir.ErrorType) -> str:
        """DWCPError variants: VMNotFound, Connection, Config; the abstract base is the enum itself."""
        if error.abstract:
            return "DWCPError"
        return error.override("rust") or self._pascal(error.name.removesuffix("_error"))

    def code_owner(self, api: ir.Api, code: str) -> ir.ErrorType:
        """The catalogue entry that owns a wire code (the runtime raises its errors by code)."""
        return next(e for e, c in api.codes if c.code == code)

    def method(self, op: ir.Operation) -> str:
        """get_migration_status."""
        return self.param(op.name)

    def with_method(self, op: ir.Operation) -> str:
        """list_with: the variant of a method that takes the options struct."""
        return op.name + "_with"

    def param(self, name: str) -> str:
        """Parameters keep the spec's snake_case; keywords are raw identifiers."""
        return f"r#{name}" if name in KEYWORDS else name

    def input_name(self, item: Input) -> str:
        """The Rust name of an operation input (a field's Rust name, a parameter's override)."""
        if isinstance(item, ir.Field):
            return self.field(item)
        return self.param(item.override("rust") or item.name)

    def resource_client(self, resource: ir.Resource) -> str:
        """VMClient: the client object of a resource."""
        return self._pascal(resource.name) + "Client"

    def resource_accessor(self, resource: ir.Resource) -> str:
        """vm: the method of Client that returns the resource's client."""
        return self.param(resource.name)

    def builder(self, struct: ir.Struct) -> str:
        """VMConfigBuilder."""
        return self.type(struct) + "Builder"

    def options_type(self, op: ir.Operation) -> str | None:
        """VMWatchOptions: the options struct of an operation with optional inputs, else None."""
        if not op.optional_inputs:
            return None
        return self._pascal(op.resource) + self._pascal(op.name) + "Options"

    def int_type(self, ref: TypeRef, constraints: ir.Constraints) -> str:
        """u16 / u32 / u64 by the declared range (i32 / i64 when the minimum is negative)."""
        low, high = constraints.min, constraints.max
        if low is not None and low < 0:
            return "i32" if ref.name == "int32" else "i64"
        if high is not None and high <= 65535:
            return "u16"
        if high is not None and high <= 4294967295:
            return "u32"
        return SCALARS[ref.name]

    def type_expr(self, ref: TypeRef) -> str:
        """Vec<NetworkInterface>, HashMap<String, String>, Timestamp."""
        if ref.item is not None:
            inner = self.type_expr(ref.item)
            return f"Vec<{inner}>" if ref.is_list else f"HashMap<String, {inner}>"
        if ref.is_scalar:
            return SCALARS[ref.name]
        return self.renamed.get(ref.name) or self._pascal(ref.name)

    def value_type(self, item: Input) -> str:
        """The plain Rust type of a field or parameter: integers narrowed by their declared range."""
        if item.type.is_scalar and item.type.name in ("int32", "int64"):
            return self.int_type(item.type, item.constraints)
        return self.type_expr(item.type)

    def field_type(self, struct: ir.Struct, field: ir.Field) -> str:
        """The field's type in its struct: Option<T> for optional fields."""
        inner = self.value_type(field)
        return inner if field.required else f"Option<{inner}>"

    def serde_attrs(self, struct: ir.Struct, field: ir.Field) -> list[str]:
        """The #[serde(...)] arguments of a field."""
        attrs = []
        if self.field(field) != field.name:
            attrs.append(f'rename = "{field.name}"')
        if field.type.is_scalar and field.type.name == "duration":
            module = "duration_ms" if field.required else "duration_ms_opt"
            attrs.append(f'with = "crate::runtime::timestamp::{module}"')
        if not field.required:
            attrs.append('default, skip_serializing_if = "Option::is_none"')
        elif field.type.is_struct and self.api is not None and struct not in self.api.input_structs:
            # A server that leaves a nested object out (a stream's gap event from an older server)
            # reads as its Default rather than failing the whole response.
            attrs.append("default")
        return attrs

    def is_copy(self, ref: TypeRef) -> bool:
        """Plain Copy scalars (numbers, bools, durations) and enums."""
        return (ref.is_scalar and ref.name in COPY_SCALARS) or ref.is_enum

    def setter_generics(self, item: Input) -> str:
        """The generic parameters of a setter (`<K: Into<String>, V: Into<u64>>` for maps), or ''."""
        ref = item.type
        if ref.is_map:
            assert ref.item is not None
            return f"<K: Into<String>, V: Into<{self.type_expr(ref.item)}>>"
        return ""

    def setter_type(self, item: Input) -> str:
        """The parameter type of a setter: impl Into<String>, impl IntoIterator<...>, T."""
        ref = item.type
        if ref.is_scalar and ref.name == "string":
            return "impl Into<String>"
        if ref.is_map:
            return "impl IntoIterator<Item = (K, V)>"
        if ref.is_list:
            inner = ref.item
            assert inner is not None
            if inner.is_scalar and inner.name == "string":
                return "impl IntoIterator<Item = impl Into<String>>"
            return f"impl IntoIterator<Item = {self.type_expr(inner)}>"
        return self.value_type(item)

    def setter_value(self, item: Input, name: str) -> str:
        """The expression that turns a setter's argument into the field's type."""
        ref = item.type
        if ref.is_scalar and ref.name == "string":
            return f"{name}.into()"
        if ref.is_map:
            return f"{name}.into_iter().map(|(k, v)| (k.into(), v.into())).collect()"
        if ref.is_list:
            inner = ref.item
            assert inner is not None
            if inner.is_scalar and inner.name == "string":
                return f"{name}.into_iter().map(Into::into).collect()"
            return f"{name}.into_iter().collect()"
        return name

    def is_internal(self, op: ir.Operation) -> bool:
        """Operations the crate calls itself but does not expose (the spec's `visibility: internal`)."""
        return op.is_internal

    def args(self, op: ir.Operation) -> list[Arg]:
        """The positional arguments: path parameters, a whole body, required fields, then `positional:` inputs."""
        items = op.positional_inputs
        paths = [i for i in items if isinstance(i, ir.Param) and i.location == "path"]
        out = [self._arg(p, "path") for p in paths]
        if op.body is not None and not op.body.flatten:
            out.append(self._body_arg(op.body))
        out += [self._arg(i, "field" if isinstance(i, ir.Field) else "query") for i in items if i not in paths]
        return out

    def _body_arg(self, body: ir.Body) -> Arg:
        name = self.param(body.param or "body")
        rtype = self.type(body.struct)
        return Arg(name, body.param or "body", rtype, "body", False, rtype)

    def _arg(self, item: Input, kind: str) -> Arg:
        value = self.value_type(item)
        name = self.input_name(item)
        if item.required:
            rtype = "&str" if item.type.is_scalar and item.type.name == "string" else value
            return Arg(name, item.name, rtype, kind, False, value, item)
        if item.type.is_map and item.type.item is not None and item.type.item.name == "string":
            return Arg(name, item.name, "&[(&str, &str)]", kind, True, value, item)
        rtype = "Option<&str>" if value == "String" else f"impl Into<Option<{value}>>"
        return Arg(name, item.name, rtype, kind, True, value, item)

    def options(self, op: ir.Operation) -> list[Arg]:
        """The fields of the operation's options struct (its non-positional optional inputs)."""
        out = []
        for item in op.optional_inputs:
            kind = "field" if isinstance(item, ir.Field) else "query"
            value = self.value_type(item)
            out.append(Arg(self.input_name(item), item.name, f"Option<{value}>", kind, True, value, item, option=True))
        return out

    def all_args(self, op: ir.Operation) -> list[Arg]:
        """Positional arguments, then the options' fields."""
        return [*self.args(op), *self.options(op)]

    def body_value(self, arg: Arg) -> str:
        """The expression that fills a flattened body field from its argument."""
        if arg.option:
            return f"{OPTIONS}.{arg.name}"
        if not arg.optional:
            return f"{arg.name}.to_owned()" if arg.is_str else arg.name
        if arg.is_str:
            return f"{arg.name}.map(str::to_owned)"
        if arg.labels:
            return f"labels_map({arg.name})"
        return f"{arg.name}.into()"

    def query_option(self, arg: Arg) -> str:
        """The Option expression of a query input (labels are handled apart)."""
        if arg.option:
            return f"{OPTIONS}.{arg.name}"
        if not arg.optional:
            return f"Some({arg.name})"
        return f"{arg.name}.into()"

    def query_value(self, arg: Arg, var: str) -> str:
        """The wire text of a query value held in `var`."""
        ref = arg.ref
        assert ref is not None
        if ref.is_map:
            return f"encode_map(&{var})"
        if ref.is_list:
            assert ref.item is not None
            if ref.item.is_scalar and ref.item.name == "duration":
                return f'{var}.iter().map(|d| d.as_millis().to_string()).collect::<Vec<_>>().join(",")'
            return f'{var}.iter().map(ToString::to_string).collect::<Vec<_>>().join(",")'
        if arg.scalar == "duration":
            return f"{var}.as_millis().to_string()"
        return f"{var}.to_string()"

    def path_value(self, arg: Arg) -> str:
        """The encoded path segment of a path parameter."""
        return f"encode_segment({arg.name})" if arg.is_str else f"encode_segment(&{arg.name}.to_string())"

    def output(self, op: ir.Operation) -> str:
        """The success type of a method: VM, Vec<VM> for lists, EventStream<T>, () for no output."""
        if op.output is None:
            return "()"
        if op.pagination is not None:
            return f"Vec<{self.type(op.pagination.item)}>"
        if op.is_stream:
            return f"EventStream<{self.type(op.output)}>"
        return self.type(op.output)

    def const(self, name: str) -> str:
        """UPPER_SNAKE constant names."""
        return name.upper()

    def retry_class(self, retry: str) -> str:
        """The runtime's RetryClass for a catalogue retry class."""
        return "RetryClass::" + pascal(retry)

    def waiter(self, op: ir.Operation) -> str:
        """wait_for_migration: the wait helper of a long-running operation (the spec's waiter name)."""
        assert op.long_running is not None
        waiter = op.long_running.waiter
        return waiter.override("rust") or self.param(waiter.name)

    def status_operation(self, api: ir.Api, op: ir.Operation) -> ir.Operation:
        """The operation a waiter polls."""
        assert op.long_running is not None
        return api.operation(f"{op.resource}.{op.long_running.status_operation}")

    def stream_payloads(self, api: ir.Api) -> list[ir.Struct]:
        """The distinct payload types of the public streams, in spec order (the driver's stream variants)."""
        out: list[ir.Struct] = []
        for op in api.public_operations:
            if op.is_stream and op.output is not None and op.output not in out:
                out.append(op.output)
        return out

    def driver_parse(self, arg: Arg) -> str:
        """The driver's expression that reads `arg` from the JSON `args` object (wire form)."""
        wire = arg.wire
        if arg.kind == "body":
            return f'req::<{arg.rust_type}>(args, "{wire}")?'
        if arg.labels:
            return f'labels(args, "{wire}")?'
        ms = arg.scalar == "duration"
        if arg.optional:
            return f'opt_ms(args, "{wire}")?' if ms else f'opt::<{self._wire_type(arg)}>(args, "{wire}")?'
        if ms:
            return f'req_ms(args, "{wire}")?'
        return f'req::<{self._wire_type(arg)}>(args, "{wire}")?'

    def _wire_type(self, arg: Arg) -> str:
        ref = arg.ref
        if ref is not None and ref.is_container and ref.leaf.is_scalar and ref.leaf.name == "duration":
            return self.type_expr(ref).replace("Duration", "u64")
        return arg.value

    def driver_pass(self, arg: Arg) -> str:
        """How the driver passes the parsed value to the SDK method."""
        if arg.labels:
            return f"&pairs(&{arg.name})"
        if arg.rust_type == "&str":
            return f"&{arg.name}"
        if arg.rust_type == "Option<&str>":
            return f"{arg.name}.as_deref()"
        return arg.name

    def identifiers(self, api: ir.Api) -> Iterator[tuple[str, str, str]]:
        """Every name the crate declares: crate-level types, methods per client, parameters per call."""
        for name in CRATE_NAMES:
            yield "crate", f"templates/rust.{name}", name
        for name in CLIENT_METHODS:
            yield "methods of Client", f"templates/rust.Client.{name}", name
        for scope, path, identifier in super().identifiers(api):
            if path == "client_config":
                continue
            if scope in ("type", "error") and identifier != "DWCPError":
                yield ("crate" if scope == "type" else "variants of DWCPError"), path, identifier
            elif not scope.startswith(("methods of", "parameters of")):
                yield scope, path, identifier
        for struct in api.input_structs:
            yield "crate", f"types.{struct.name}", self.builder(struct)
        for resource in api.resources:
            yield from self._resource_identifiers(resource)

    def _resource_identifiers(self, resource: ir.Resource) -> Iterator[tuple[str, str, str]]:
        base = f"resources.{resource.name}"
        scope = "methods of Client" if resource.client_level else f"methods of {self.resource_client(resource)}"
        if not resource.client_level:
            yield "crate", base, self.resource_client(resource)
            yield "methods of Client", base, self.resource_accessor(resource)
        for op in resource.operations:
            path = f"{base}.operations.{op.name}"
            yield scope, path, self.method(op)
            options = self.options_type(op)
            if options is not None:
                yield scope, path, self.with_method(op)
                yield "crate", path, options
            if op.long_running is not None:
                yield scope, path + ".long_running.waiter", self.waiter(op)
            for arg in self.all_args(op):
                yield f"parameters of {op.id}", f"{path}.input.{arg.wire}", arg.name

    def problems(self, api: ir.Api) -> Iterator[tuple[str, str]]:
        """(spec path, message) of every shape the Rust templates cannot emit."""
        yield from self.runtime_code_problems(api)
        for struct in api.structs:
            for f in struct.fields:
                if f.type.is_container and f.type.leaf.is_scalar and f.type.leaf.name == "duration":
                    where = f"types.{struct.name}.fields.{f.name}"
                    yield where, "a list or map of durations cannot be emitted (durations travel as ms)"
        for op in api.operations:
            path = f"resources.{op.resource}.operations.{op.name}"
            yield from self._param_problems(op, path)
            locals_ = LOCALS | ({OPTIONS} if self.options_type(op) else set())
            for arg in self.args(op):
                if arg.name in locals_:
                    where = f"{path}.input.{arg.wire}"
                    yield where, f"{arg.name!r} is a local of the generated method; set names.rust to rename it"
            if op.role == "session" and op.positional_inputs:
                yield path, "the session operation cannot take required inputs (connect has none to give)"
            lro = op.long_running
            if lro is not None and lro.error_field is not None:
                status = self.status_operation(api, op).output
                if status is not None and status.field(lro.error_field).type.name != "string":
                    yield f"{path}.long_running.error_field", "the error field must be a string"

    def _param_problems(self, op: ir.Operation, path: str) -> Iterator[tuple[str, str]]:
        for p in op.query_params:
            leaf_ok = p.type.leaf.is_scalar or p.type.leaf.is_enum
            nested = p.type.item is not None and p.type.item.is_container
            if p.type.is_struct or (p.type.is_container and (not leaf_ok or nested)):
                yield f"{path}.input.query.{p.name}", f"a query parameter of type {p.type} cannot be emitted"
        for p in op.path_params:
            if p.type.is_container or p.type.is_struct:
                yield f"{path}.input.path.{p.name}", f"a path parameter of type {p.type} cannot be emitted"
