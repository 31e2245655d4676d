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
    {
        *("break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough", "for"),
        *("func", "go", "goto", "if", "import", "interface", "map", "package", "range", "return"),
        *("select", "struct", "switch", "type", "var"),
    }
)
# Predeclared identifiers that a parameter must not shadow.
PREDECLARED = frozenset(
    {"error", "string", "int", "bool", "len", "cap", "new", "make", "copy", "append", "close", "delete", "panic", "ctx"}
)
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


# Where the reference guide fixes a Go signature that the spec's shape alone does not give.
# Optional struct fields are pointers (absent = nil) except these, which the reference writes as values
# (`Network: dwcp.NetworkConfig{...}`); a zero value is left off the wire by a generated MarshalJSON.
VALUE_FIELDS = frozenset(
    {("vm_config", "network"), ("vm_event", "vm"), ("migrate_request", "options"), ("snapshot_request", "options")}
)
# Duration query parameters that the reference passes as strings like "5m" (GetMetrics(ctx, id, "5m")).
DURATION_STRINGS = frozenset({("vm.get_metrics", "window")})
# Query parameters offered as call options instead of arguments (the reference's Watch(ctx, vmID)).
OPTION_PARAMS = frozenset({("vm.watch", "since"), ("vm.watch", "follow")})
# Calls whose result the reference discards (`if err := vmClient.Start(ctx, vm.ID); err != nil`).
NO_RESULT = frozenset({"vm.start", "vm.stop", "vm.restore_snapshot"})
# Method names the reference (or the issue) fixes.
METHODS = {"system.create_session": "createSession"}
# Wait helpers of long-running operations: operation id -> method name.
WAITERS = {"vm.migrate": "WaitMigration"}
# The conformance protocol's name of each wait helper.
WAITER_OPS = {"vm.migrate": "vm.wait_for_migration"}


class GoArg:
    """One Go argument of a generated method: its name, Go type and what it binds on the wire."""

    def __init__(self, name: str, go_type: str, wire: str, location: str, ref: TypeRef) -> None:
        self.name = name
        self.type = go_type
        self.wire = wire
        self.location = location
        self.ref = ref

    def __repr__(self) -> str:
        return f"GoArg({self.name} {self.type} <- {self.location}:{self.wire})"


class GoNamer(Namer):
    """Names of the github.com/novacron/dwcp-sdk-go module."""

    language: ClassVar[str] = "go"
    reserved: ClassVar[frozenset[str]] = KEYWORDS | PREDECLARED

    def __init__(self) -> None:
        self._renamed: dict[str, str] = {}

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
        return self._renamed.get(ref.name) or pascal(ref.name, INITIALISMS)

    def bound(self, api: ir.Api) -> GoNamer:
        """This namer, aware of the spec's Go type overrides (NetIf) in type expressions."""
        named: list[ir.Struct | ir.Enum] = [*api.structs, *api.enums]
        self._renamed = {t.name: name for t in named if (name := t.override("go"))}
        return self

    def const(self, enum: ir.Enum, value: ir.EnumValue) -> str:
        """MigrationStateCompleted: the enum's type name followed by the member."""
        return self.type(enum) + self.member(value)

    def field_type(self, struct: ir.Struct, f: ir.Field) -> str:
        """The Go type of a struct field: optional structs are pointers unless the reference uses values."""
        base = self.type_expr(f.type)
        if f.required or f.type.is_container:
            return base
        if f.type.is_struct:
            return base if (struct.name, f.name) in VALUE_FIELDS else "*" + base
        if f.type.is_scalar and f.type.name == "timestamp":
            return "*time.Time"
        return base

    def is_value_struct(self, struct: ir.Struct, f: ir.Field) -> bool:
        """True for an optional struct field held by value (zero = absent)."""
        return (not f.required) and f.type.is_struct and (struct.name, f.name) in VALUE_FIELDS

    def is_duration(self, f: ir.Field) -> bool:
        """True for time.Duration fields, which travel as integer milliseconds."""
        return f.type.is_scalar and f.type.name == "duration"

    def json_tag(self, f: ir.Field) -> str:
        """`json:"cpu_pinning,omitempty"`; required fields are always sent."""
        return f'`json:"{f.name}"`' if f.required else f'`json:"{f.name},omitempty"`'

    def method_name(self, op: ir.Operation) -> str:
        """Create, GetMigrationStatus; createSession stays unexported (Connect calls it)."""
        return METHODS.get(op.id, self.method(op))

    def args(self, op: ir.Operation) -> list[GoArg]:
        """The positional arguments after ctx: path params, flattened body fields or the body, queries."""
        out = [GoArg(self.param(p.name), self.type_expr(p.type), p.name, "path", p.type) for p in op.path_params]
        if op.body is not None:
            if op.body.flatten:
                for f in op.body.struct.fields:
                    name = "target" if f.name == "target_node" else self.param(f.name)
                    go_type = self.type_expr(f.type)
                    out.append(GoArg(name, go_type, f.name, "body", f.type))
            else:
                name = self.param(op.body.param or "body")
                ref = TypeRef("struct", op.body.struct.name)
                out.append(GoArg(name, self.type(op.body.struct), op.body.param or "body", "body", ref))
        for p in op.query_params:
            if self.is_option(op, p) or self.is_page_param(op, p):
                continue
            go_type = "string" if (op.id, p.name) in DURATION_STRINGS else self.type_expr(p.type)
            out.append(GoArg(self.param(p.name), go_type, p.name, "query", p.type))
        return out

    def is_option(self, op: ir.Operation, p: ir.Param) -> bool:
        """True for query parameters offered as CallOptions."""
        return (op.id, p.name) in OPTION_PARAMS

    def is_page_param(self, op: ir.Operation, p: ir.Param) -> bool:
        """True for page_size and page_token, which the SDK drives itself."""
        pag = op.pagination
        return pag is not None and p.name in (pag.page_size, pag.token_in)

    def is_duration_string(self, op: ir.Operation, name: str) -> bool:
        """True for duration arguments passed as strings like "5m"."""
        return (op.id, name) in DURATION_STRINGS

    def returns(self, op: ir.Operation) -> str | None:
        """The result type: *VM, []VM for paginated lists, a channel for streams; None when discarded."""
        if op.output is None or op.id in NO_RESULT:
            return None
        if op.is_paginated and op.pagination is not None:
            return "[]" + self.type(op.pagination.item)
        if op.is_stream:
            return "<-chan " + self.type(op.output)
        return "*" + self.type(op.output)

    def waiter(self, op: ir.Operation) -> str | None:
        """The wait helper of a long-running operation (WaitMigration)."""
        return WAITERS.get(op.id)

    def option_func(self, p: ir.Param) -> str:
        """WithSince, WithFollow."""
        return "With" + pascal(p.name, INITIALISMS)

    def go_string(self, value: object) -> str:
        """A Go literal for a default value."""
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, str):
            return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
        return str(value)

    def duration_literal(self, ms: int) -> str:
        """30 * time.Second, 500 * time.Millisecond."""
        for unit, size in (("time.Hour", 3_600_000), ("time.Minute", 60_000), ("time.Second", 1000)):
            if ms and ms % size == 0:
                return f"{ms // size} * {unit}"
        return f"{ms} * time.Millisecond"

    def resource_type(self, resource: ir.Resource) -> str:
        """VMClient, SystemClient."""
        return pascal(resource.name, INITIALISMS) + "Client"

    def resource_accessor(self, resource: ir.Resource) -> str:
        """client.VM(), client.System()."""
        return pascal(resource.name, INITIALISMS)

    def stream_method(self, op: ir.Operation) -> str:
        """WatchStream: the variant of a stream call that returns the *Stream handle."""
        return self.method(op) + "Stream"

    def wire_error(self, error: ir.ErrorType) -> str:
        """The catalogue name on the wire: VMNotFoundError, ValidationError."""
        return pascal(error.name, {"vm": "VM"})

    def error_text(self, error: ir.ErrorType) -> str:
        """The sentinel's text after "dwcp: ": vm not found, not connected."""
        return " ".join(w.lower() for w in error.name.removesuffix("_error").split("_"))

    def status_kinds(self, api: ir.Api) -> list[tuple[int, ir.ErrorType]]:
        """HTTP status -> error, from the default statuses of entries and of their codes."""
        table: dict[int, ir.ErrorType] = {}
        for status, error in api.status_errors:
            table.setdefault(status, error)
        for error, code in api.codes:
            if code.status is not None:
                table.setdefault(code.status, error)
        return sorted(table.items())

    def special_fields(self, struct: ir.Struct) -> list[ir.Field]:
        """Fields that need a custom MarshalJSON: durations and value-held optional structs."""
        return [f for f in struct.fields if self.is_duration(f) or self.is_value_struct(struct, f)]

    def duration_fields(self, struct: ir.Struct) -> list[ir.Field]:
        """time.Duration fields (integer milliseconds on the wire)."""
        return [f for f in struct.fields if self.is_duration(f)]

    def zero_check(self, struct: ir.Struct, f: ir.Field, expr: str) -> str:
        """A Go expression that is true when the field is unset."""
        go_type = self.field_type(struct, f)
        if f.type.is_container or go_type == "json.RawMessage":
            return f"len({expr}) == 0"
        if go_type.startswith("*"):
            return f"{expr} == nil"
        if f.type.is_struct:
            return f"{expr}.isZero()"
        if go_type == "time.Time":
            return f"{expr}.IsZero()"
        if go_type == "bool":
            return f"!{expr}"
        if f.type.is_enum or go_type == "string":
            return f'{expr} == ""'
        return f"{expr} == 0"

    def doc_sentence(self, name: str, doc: str) -> str:
        """A Go doc comment that starts with the name: "VMState is the lifecycle state of a VM."."""
        first, _, rest = doc.partition(" ")
        lowered = first.lower() + (" " + rest if rest else "")
        if first in ("A", "An", "One", "Something"):
            return f"{name} is {lowered}"
        if first == "How":
            return f"{name} says {lowered}"
        return f"{name} is the {lowered}"

    def validated(self, api: ir.Api) -> set[str]:
        """Names of the structs that get a Validate method: constrained ones and their containers."""
        out = {s.name for s in api.structs if s.constrained or s.required_fields}
        changed = True
        while changed:
            changed = False
            for s in api.structs:
                if s.name not in out and any(f.type.leaf.is_struct and f.type.leaf.name in out for f in s.fields):
                    out.add(s.name)
                    changed = True
        return out

    def number(self, value: float) -> str:
        """A Go numeric literal for a constraint bound."""
        return str(int(value)) if float(value).is_integer() else repr(value)

    def waiter_op(self, op: ir.Operation) -> str:
        """The conformance protocol's op of a wait helper: vm.wait_for_migration."""
        return WAITER_OPS[op.id]

    def driver_args(self, op: ir.Operation) -> list[tuple[str, str, str]]:
        """(Go field, Go type, wire name) of the conformance driver's args struct for `op`."""
        out = []
        for a in self.args(op):
            if a.ref.is_scalar and a.ref.name == "duration":
                go_type = "*int64"
            elif a.type[:1].isupper():
                go_type = "dwcp." + a.type
            elif a.type.startswith("[]") and a.type[2:3].isupper():
                go_type = "[]dwcp." + a.type[2:]
            else:
                go_type = a.type
            out.append((pascal(a.wire, INITIALISMS), go_type, a.wire))
        for p in op.query_params:
            if self.is_option(op, p) or self.is_page_param(op, p):
                if op.pagination is not None and p.name == op.pagination.token_in:
                    continue
                out.append((pascal(p.name, INITIALISMS), "*" + self.type_expr(p.type), p.name))
        return out

    def driver_field(self, wire: str) -> str:
        """The conformance driver's field for a wire argument: VMID, PageSize."""
        return pascal(wire, INITIALISMS)
