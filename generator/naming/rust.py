"""Rust names and signatures of the `dwcp` crate.

PascalCase types (VMConfig), snake_case fields and methods, PascalCase variants (VMState::Running),
and the few signature decisions the reference guide fixes (`list(labels)`, `watch(&id)`,
`stream_metrics(&id, Duration)`), so templates never decide a Rust type themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from generator import ir
from generator.naming.base import Namer, pascal
from generator.types import TypeRef

INITIALISMS = {"vm": "VM", "dwcp": "DWCP"}
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

# Optional fields that Rust exposes as plain values with a default instead of Option, because the
# reference reads them directly: `event.vm.state` (a gap event carries no VM: it reads as
# VM::default(), whose state is VMState::Unknown).
DEFAULTED = frozenset({("vm_event", "vm")})

# Query parameters that the reference passes positionally; every other query parameter (paging,
# resume points) is an Option of the `<op>_with` variant. Value: True when the argument is optional.
PRIMARY_QUERY = {
    "vm.list": {"labels": True},
    "vm.get_metrics": {"window": True},
    "vm.stream_metrics": {"interval": False},
}

# Operations the crate keeps internal because the client wraps them (connect authenticates).
INTERNAL = frozenset({"system.create_session"})


@dataclass(frozen=True)
class Arg:
    """One argument of an SDK method.

    kind: path (&str), body (the whole input struct), field (a flattened body field), labels
    (&[(&str, &str)]), query (a query value), extra (an Option of the `_with` variant).
    """

    name: str
    wire: str
    rust_type: str
    kind: str
    optional: bool
    ref: TypeRef | None = None

    @property
    def scalar(self) -> str:
        """The spec's scalar name (string, duration, ...) or '' for structs and containers."""
        if self.ref is None or not self.ref.is_scalar:
            return ""
        return self.ref.name


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

    def wire_error(self, error: ir.ErrorType) -> str:
        """The catalogue name as the server sends it in `error.type`: VMNotFoundError."""
        return pascal(error.name, INITIALISMS)

    def method(self, op: ir.Operation) -> str:
        """get_migration_status."""
        return op.name

    def param(self, name: str) -> str:
        """Parameters keep the spec's snake_case."""
        return f"r#{name}" if name in KEYWORDS else name

    def resource_client(self, resource: ir.Resource) -> str:
        """VMClient: the client object of a resource."""
        return pascal(resource.name, INITIALISMS) + "Client"

    def builder(self, struct: ir.Struct) -> str:
        """VMConfigBuilder."""
        return self.type(struct) + "Builder"

    def type_expr(self, ref: TypeRef) -> str:
        """Vec<NetworkInterface>, HashMap<String, String>, Timestamp."""
        if ref.item is not None:
            inner = self.type_expr(ref.item)
            return f"Vec<{inner}>" if ref.is_list else f"HashMap<String, {inner}>"
        if ref.is_scalar:
            return SCALARS[ref.name]
        return pascal(ref.name, INITIALISMS)

    def is_defaulted(self, struct: ir.Struct, field: ir.Field) -> bool:
        """True for optional fields exposed as plain values (see DEFAULTED)."""
        return (struct.name, field.name) in DEFAULTED

    def field_type(self, struct: ir.Struct, field: ir.Field) -> str:
        """The field's type in its struct: Option<T> for optional fields."""
        inner = self.type_expr(field.type)
        if field.required or self.is_defaulted(struct, field):
            return inner
        return f"Option<{inner}>"

    def serde_attrs(self, struct: ir.Struct, field: ir.Field) -> list[str]:
        """The #[serde(...)] arguments of a field."""
        attrs = []
        if self.field(field) != field.name:
            attrs.append(f'rename = "{field.name}"')
        if field.type.is_scalar and field.type.name == "duration":
            if not field.required:
                raise NotImplementedError(f"optional duration field {struct.name}.{field.name}")
            attrs.append('with = "crate::runtime::timestamp::duration_ms"')
        if not field.required and not self.is_defaulted(struct, field):
            attrs.append('default, skip_serializing_if = "Option::is_none"')
        elif self.is_defaulted(struct, field):
            attrs.append('default, skip_serializing_if = "is_default"')
        return attrs

    def is_copy(self, ref: TypeRef) -> bool:
        """Plain Copy scalars (numbers, bools, durations) and enums."""
        return (ref.is_scalar and ref.name in COPY_SCALARS) or ref.is_enum

    def setter_type(self, ref: TypeRef) -> str:
        """The parameter type of a builder setter: impl Into<String>, impl IntoIterator<...>, T."""
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
        return self.type_expr(ref)

    def setter_value(self, ref: TypeRef, name: str) -> str:
        """The expression that turns a setter's argument into the field's type."""
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
        """Operations the public API wraps rather than exposes (create_session: connect)."""
        return op.id in INTERNAL

    def args(self, op: ir.Operation) -> list[Arg]:
        """The positional arguments of the short method (`create(config)`, `stop(&id, force)`)."""
        return [a for a in self.all_args(op) if a.kind != "extra"]

    def extra_args(self, op: ir.Operation) -> list[Arg]:
        """The Option arguments that only the `<op>_with` variant takes (paging, resume points)."""
        return [a for a in self.all_args(op) if a.kind == "extra"]

    def all_args(self, op: ir.Operation) -> list[Arg]:
        """Path parameters, then the body, then query parameters (without the page token)."""
        args = [Arg(self.param(p.name), p.name, "&str", "path", False, p.type) for p in op.path_params]
        if op.body is not None:
            args += self._body_args(op.body)
        primary = PRIMARY_QUERY.get(op.id, {})
        token = op.pagination.token_in if op.pagination else None
        for p in op.query_params:
            if p.name == token:
                continue
            if p.name not in primary:
                args.append(Arg(self.param(p.name), p.name, f"Option<{self.type_expr(p.type)}>", "extra", True, p.type))
            elif p.type.is_map:
                args.append(Arg(self.param(p.name), p.name, "&[(&str, &str)]", "labels", True, p.type))
            elif primary[p.name]:
                rtype = f"impl Into<Option<{self.type_expr(p.type)}>>"
                args.append(Arg(self.param(p.name), p.name, rtype, "query", True, p.type))
            else:
                args.append(Arg(self.param(p.name), p.name, self.type_expr(p.type), "query", False, p.type))
        return args

    def _body_args(self, body: ir.Body) -> list[Arg]:
        if not body.flatten:
            name = body.param or "body"
            return [Arg(self.param(name), name, self.type(body.struct), "body", False, None)]
        out = []
        for f in body.struct.fields:
            is_str = f.type.is_scalar and f.type.name == "string"
            rtype = "&str" if is_str else self.type_expr(f.type)
            out.append(Arg(self.param(f.name), f.name, rtype, "field", not f.required, f.type))
        return out

    def output(self, op: ir.Operation) -> str:
        """The success type of a method: VM, Vec<VM> for lists, () for no output."""
        if op.output is None:
            return "()"
        if op.pagination is not None:
            return f"Vec<{self.type(op.pagination.item)}>"
        return self.type(op.output)

    def const(self, name: str) -> str:
        """UPPER_SNAKE constant names."""
        return name.upper()

    def retry_class(self, retry: str) -> str:
        """The runtime's RetryClass for a catalogue retry class."""
        return "RetryClass::" + pascal(retry)

    def waiter(self, op: ir.Operation) -> str:
        """wait_for_migration: the wait helper of a long-running operation (from its status call)."""
        assert op.long_running is not None
        subject = op.long_running.status_operation.removeprefix("get_").removesuffix("_status")
        return f"wait_for_{subject}"

    def driver_parse(self, arg: Arg) -> str:
        """The driver's expression that reads `arg` from the JSON `args` object."""
        wire = arg.wire
        if arg.kind == "body":
            return f'req::<{arg.rust_type}>(args, "{wire}")?'
        if arg.kind == "labels":
            return f'labels(args, "{wire}")?'
        ms = arg.scalar == "duration"
        if arg.kind in ("extra", "query") and arg.optional:
            return (
                f'opt_ms(args, "{wire}")?'
                if ms
                else f'opt::<{self.type_expr(arg.ref)}>(args, "{wire}")?'
                if arg.ref
                else ""
            )
        if arg.rust_type == "&str":
            return f'req::<String>(args, "{wire}")?'
        if ms:
            return f'req_ms(args, "{wire}")?'
        rtype = self.type_expr(arg.ref) if arg.ref else arg.rust_type
        if arg.optional:
            return f'opt::<{rtype}>(args, "{wire}")?.unwrap_or_default()'
        return f'req::<{rtype}>(args, "{wire}")?'

    def driver_pass(self, arg: Arg) -> str:
        """How the driver passes the parsed value to the SDK method."""
        if arg.rust_type == "&str":
            return f"&{arg.name}"
        if arg.kind == "labels":
            return f"&pairs(&{arg.name})"
        return arg.name
