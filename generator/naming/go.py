"""Go names: exported PascalCase with Go initialisms (VMID, CPUs, IPAddress), Err sentinels.

Every fact about an operation, type or field comes from the IR (the spec's annotations); this module
only spells names and Go types, and reports the shapes the Go templates cannot emit.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from generator import ir
from generator.naming.base import RUNTIME_CODES, Namer, camel, pascal
from generator.types import TypeRef

# Go's conventional initialisms (Effective Go, golint's list); the spec's `initialisms:` adds its own words.
CONVENTIONAL = {
    "api": "API",
    "http": "HTTP",
    "https": "HTTPS",
    "id": "ID",
    "io": "IO",
    "ip": "IP",
    "json": "JSON",
    "tls": "TLS",
    "ttl": "TTL",
    "url": "URL",
    "uuid": "UUID",
}
KEYWORDS = frozenset(
    {
        *("break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough", "for"),
        *("func", "go", "goto", "if", "import", "interface", "map", "package", "range", "return"),
        *("select", "struct", "switch", "type", "var"),
    }
)
# Predeclared identifiers and packages a parameter must not shadow.
PREDECLARED = frozenset(
    {
        *("error", "string", "int", "bool", "len", "cap", "new", "make", "copy", "append", "close", "delete"),
        *("panic", "any", "nil", "true", "false", "time", "json", "url", "http", "strconv", "context", "regexp"),
        *("fmt", "utf8", "errors"),
    }
)
# Names the generated method bodies use for their own variables (receivers, options, request).
LOCALS = frozenset({"c", "r", "o", "v", "ok", "d", "s", "e", "ctx", "opts", "err", "query", "input", "body", "req"})
LOCALS |= frozenset({"items", "out", "page", "token", "status", "poll", "n", "i", "item", "x", "path"})
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
# How a scalar travels in a query string or a path (functions of templates/go/runtime/query.go).
QUERY_FORMAT = {
    "string": "queryString",
    "bool": "queryBool",
    "int32": "queryInt",
    "int64": "queryInt64",
    "float64": "queryFloat",
    "timestamp": "queryTime",
    "duration": "queryDuration",
    "json": "queryJSON",
}
PATH_SCALARS = frozenset({"string", "int32", "int64", "bool"})
# Exported names of templates/go/runtime (Error and ClientConfig are the spec's base error and client_config).
RUNTIME_NAMES = frozenset(
    {
        *("Client", "ClientMetrics", "Option", "CallOption", "Stream", "NewClient"),
        *("DefaultConfig", "WithJitter", "WithHTTPClient", "WithIdempotencyKey", "WithPageSize", "WithResult"),
        *("WithEventID", "Version", "SpecHash"),
        # Issue 15: hooks, logging, per-call options, raw responses.
        *("Hooks", "Call", "Attempt", "Response", "WithHooks", "WithLogger", "WithLogLevel"),
        *("WithRequestTimeout", "WithRetryAttempts", "WithHeader", "WithResponseInto"),
        # Issue 16: retry budget, waiters.
        *("WithMaxWait", "ClientMetrics"),
    }
)
# Methods of *Client written by hand or by connect.go.
CLIENT_METHODS = frozenset(
    {"Connect", "Disconnect", "IsConnected", "IsAuthenticated", "GetMetrics", "Config", "String", "GoString", "Format"}
)


class GoArg:
    """One input of a generated method: its Go name and type, and what it binds on the wire.

    `location` is path, query, body (a flattened body field) or whole (the whole body).
    """

    def __init__(self, name: str, go_type: str, wire: str, location: str, *, ref: TypeRef, source: object) -> None:
        self.name = name
        self.type = go_type
        self.wire = wire
        self.location = location
        self.ref = ref
        self.source = source

    @property
    def duration_string(self) -> bool:
        """True for a duration passed as a string like "5m" (`go: {duration_string: true}`)."""
        return isinstance(self.source, ir.Param) and bool(self.source.note("go", "duration_string"))

    @property
    def constraints(self) -> ir.Constraints:
        """The spec's limits on this input."""
        source = self.source
        return source.constraints if isinstance(source, (ir.Param, ir.Field)) else ir.Constraints()

    def __repr__(self) -> str:
        return f"GoArg({self.name} {self.type} <- {self.location}:{self.wire})"


class GoOption(GoArg):
    """An optional input offered as a functional CallOption (With<Name>)."""

    def __init__(self, func: str, arg: GoArg) -> None:
        super().__init__(arg.name, arg.type, arg.wire, arg.location, ref=arg.ref, source=arg.source)
        self.func = func


class GoNamer(Namer):
    """Names of the Go module of the spec (packages.go)."""

    language: ClassVar[str] = "go"
    # The runtime also falls back on these server codes (an unknown 5xx, a 4xx without a body).
    runtime_codes: ClassVar[tuple[str, ...]] = (*RUNTIME_CODES, "unavailable", "invalid_argument")
    reserved: ClassVar[frozenset[str]] = KEYWORDS | PREDECLARED

    conventional: ClassVar[dict[str, str]] = CONVENTIONAL

    # -- names -------------------------------------------------------------------------------------

    def type(self, thing: ir.Struct | ir.Enum) -> str:
        """VMConfig, NetIf, VMState."""
        return thing.override("go") or pascal(thing.name, self.initialisms)

    def field(self, field: ir.Field) -> str:
        """CPUPinning, IPAddress, DiskIOPSLimit."""
        return field.override("go") or pascal(field.name, self.initialisms)

    def member(self, value: ir.EnumValue) -> str:
        """The member's suffix; constants are spelled type + member (MigrationStateCompleted)."""
        return pascal(value.name, self.initialisms)

    def error(self, error: ir.ErrorType) -> str:
        """ErrVMNotFound, ErrAuthFailed; the abstract base is the Error struct."""
        if error.abstract:
            return "Error"
        return error.override("go") or "Err" + pascal(error.name.removesuffix("_error"), self.initialisms)

    def method(self, op: ir.Operation) -> str:
        """GetMigrationStatus."""
        return pascal(op.name, self.initialisms)

    def param(self, name: str) -> str:
        """vmID, snapshotID; a name Go reserves or the method body uses gets a suffix (typeArg)."""
        out = camel(name, self.initialisms)
        return out + "Arg" if out in KEYWORDS | PREDECLARED | LOCALS else out

    def type_expr(self, ref: TypeRef) -> str:
        """[]NetIf, map[string]string, time.Time."""
        if ref.item is not None:
            inner = self.type_expr(ref.item)
            return f"[]{inner}" if ref.is_list else f"map[string]{inner}"
        if ref.is_scalar:
            return SCALARS[ref.name]
        return self.renamed.get(ref.name) or pascal(ref.name, self.initialisms)

    def const(self, enum: ir.Enum, value: ir.EnumValue) -> str:
        """MigrationStateCompleted: the enum's type name followed by the member."""
        return self.type(enum) + self.member(value)

    def method_name(self, op: ir.Operation) -> str:
        """Create, GetMigrationStatus; an internal operation is unexported (createSession)."""
        return camel(op.name, self.initialisms) if op.is_internal else self.method(op)

    def stream_method(self, op: ir.Operation) -> str:
        """WatchStream: the variant of a stream call that returns the *Stream handle."""
        return self.method_name(op) + "Stream"

    def waiter(self, op: ir.Operation) -> str | None:
        """The wait helper of a long-running operation: the spec's go name, else WaitFor<Op>."""
        if op.long_running is None:
            return None
        waiter = op.long_running.waiter
        return waiter.override("go") or pascal(waiter.name, self.initialisms)

    def waiter_method(self, waiter: ir.Waiter) -> str:
        """A spec-declared waiter's method: the spec's go name, else the waiter's name (WaitUntilRunning)."""
        return waiter.override("go") or pascal(waiter.name, self.initialisms)

    def waiter_op(self, op: ir.Operation) -> str:
        """The conformance protocol's op of a wait helper: <resource>.<waiter name>."""
        assert op.long_running is not None
        return f"{op.resource}.{op.long_running.waiter.name}"

    def resource_type(self, resource: ir.Resource) -> str:
        """VMClient; a client-level resource's calls are methods of Client itself."""
        return "Client" if resource.client_level else pascal(resource.name, self.initialisms) + "Client"

    def resource_accessor(self, resource: ir.Resource) -> str:
        """client.VM()."""
        return pascal(resource.name, self.initialisms)

    def call_prefix(self, resource: ir.Resource, client: str) -> str:
        """How code holding the *Client `client` reaches the methods of `resource`: c.VM() or c."""
        return client if resource.client_level else f"{client}.{self.resource_accessor(resource)}()"

    def error_text(self, error: ir.ErrorType) -> str:
        """The sentinel's text after "dwcp: ": vm not found, not connected."""
        return " ".join(w.lower() for w in error.name.removesuffix("_error").split("_"))

    def error_with_code(self, api: ir.Api, code: str) -> ir.ErrorType:
        """The catalogue entry that owns `code` (the runtime raises its client-side codes by name)."""
        return next(e for e, c in api.codes if c.code == code)

    # -- Go types and values -----------------------------------------------------------------------

    def field_type(self, struct: ir.Struct, f: ir.Field) -> str:
        """The Go type of a struct field: optional structs are pointers unless `go: {by_value: true}`."""
        base = self.type_expr(f.type)
        if f.required or f.type.is_container:
            return base
        if f.type.is_struct:
            return base if self.is_value_struct(struct, f) else "*" + base
        if f.type.is_scalar and f.type.name == "timestamp":
            return "*time.Time"
        return base

    def is_value_struct(self, struct: ir.Struct, f: ir.Field) -> bool:
        """True for an optional struct field held by value (zero = absent)."""
        return (not f.required) and f.type.is_struct and bool(f.note("go", "by_value"))

    def is_duration(self, f: ir.Field | ir.Param | GoArg) -> bool:
        """True for time.Duration values, which travel as integer milliseconds."""
        ref = f.ref if isinstance(f, GoArg) else f.type
        return ref.is_scalar and ref.name == "duration"

    def json_tag(self, f: ir.Field) -> str:
        """`json:"cpu_pinning,omitempty"`; required fields are always sent."""
        return f'`json:"{f.name}"`' if f.required else f'`json:"{f.name},omitempty"`'

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

    def number(self, value: float) -> str:
        """A Go numeric literal for a constraint bound."""
        return str(int(value)) if float(value).is_integer() else repr(value)

    # -- signatures --------------------------------------------------------------------------------

    def _input(self, op: ir.Operation, item: ir.Param | ir.Field) -> tuple[str, str]:
        """(location, Go type) of a positional input."""
        if isinstance(item, ir.Param):
            go_type = "string" if item.note("go", "duration_string") else self.type_expr(item.type)
            return item.location, go_type
        assert op.body is not None
        return "body", self.field_type(op.body.struct, item)

    def args(self, op: ir.Operation) -> list[GoArg]:
        """The positional arguments after ctx: path params, the whole body, then the other positional inputs."""
        out: list[GoArg] = []
        for item in op.positional_inputs:
            location, go_type = self._input(op, item)
            out.append(GoArg(self.param(item.name), go_type, item.name, location, ref=item.type, source=item))
        if op.body is not None and not op.body.flatten:
            wire = op.body.param or "body"
            ref = TypeRef("struct", op.body.struct.name)
            whole = GoArg(self.param(wire), self.type(op.body.struct), wire, "whole", ref=ref, source=op.body.struct)
            out.insert(len(op.path_params), whole)
        return out

    def options(self, op: ir.Operation) -> list[GoOption]:
        """The optional inputs of `op` as CallOptions (the page size is the runtime's WithPageSize)."""
        size = op.pagination.page_size if op.pagination else None
        out = []
        for item in op.optional_inputs:
            if item.name == size:
                continue
            location = item.location if isinstance(item, ir.Param) else "body"
            go_type = self.option_type(item)
            arg = GoArg(self.param(item.name), go_type, item.name, location, ref=item.type, source=item)
            out.append(GoOption(self.option_func(item.name), arg))
        return out

    def option_type(self, item: ir.Param | ir.Field) -> str:
        """The Go type a With<Name> takes: the input's value type ("5m" strings where the spec says so)."""
        if isinstance(item, ir.Param) and item.note("go", "duration_string"):
            return "string"
        return self.type_expr(item.type)

    def body_value(self, op: ir.Operation, option: GoOption, expr: str) -> str:
        """What a flattened body field is set to from an option's value: the value, or its address."""
        assert op.body is not None and isinstance(option.source, ir.Field)
        return "&" + expr if self.field_type(op.body.struct, option.source).startswith("*") else expr

    def option_func(self, name: str) -> str:
        """WithSince, WithFollow."""
        return "With" + pascal(name, self.initialisms)

    def option_funcs(self, api: ir.Api) -> list[tuple[GoOption, list[ir.Operation]]]:
        """Each distinct CallOption of the spec once, with the operations that take it."""
        found: dict[str, tuple[GoOption, list[ir.Operation]]] = {}
        for op in api.public_operations:
            for option in self.options(op):
                entry = found.setdefault(option.func, (option, []))
                entry[1].append(op)
        return list(found.values())

    def option_ops(self, ops: list[ir.Operation], api: ir.Api) -> str:
        """VMClient.Watch, BucketClient.Events: where a CallOption applies, for its doc comment."""
        resources = {r.name: r for r in api.resources}
        return ", ".join(f"{self.resource_type(resources[op.resource])}.{self.method_name(op)}" for op in ops)

    def returns(self, op: ir.Operation) -> str | None:
        """The result type: *VM, []VM for paginated lists, a channel for streams; None when error only."""
        if op.output is None or op.note("go", "error_only"):
            return None
        if op.is_paginated and op.pagination is not None:
            return "[]" + self.type(op.pagination.item)
        if op.is_stream:
            return "<-chan " + self.type(op.output)
        return "*" + self.type(op.output)

    def state_case(self, api: ir.Api, status: ir.Struct, state_field: str, value: str) -> str:
        """A case label for a long-running state: the enum constant, or a string literal."""
        f = status.field(state_field)
        if f.type.is_enum:
            enum = api.enum(f.type.name)
            member = next((v for v in enum.values if v.name == value), None)
            if member is not None:
                return self.const(enum, member)
        return self.go_string(value)

    # -- wire encodings ----------------------------------------------------------------------------

    def query_value(self, arg: GoArg, expr: str) -> str:
        """A Go expression giving the query-string text of `expr` (comma-joined lists, k=v maps)."""
        ref = arg.ref
        if ref.is_container:
            assert ref.item is not None
            helper = "queryList" if ref.is_list else "queryMap"
            return f"{helper}({expr}, {self._scalar_format(ref.item)})"
        if ref.is_enum:
            return f"string({expr})"
        if ref.name == "string":
            return expr
        return f"{self._scalar_format(ref)}({expr})"

    def duration_bound(self, ms: float) -> str:
        """A duration limit in Go: 0, 1 * time.Millisecond, 30 * time.Second."""
        return "0" if ms == 0 else self.duration_literal(int(ms))

    def _scalar_format(self, ref: TypeRef) -> str:
        if ref.is_enum:
            return f"queryEnum[{self.type_expr(ref)}]"
        return QUERY_FORMAT[ref.name]

    def present(self, arg: GoArg, expr: str) -> str | None:
        """The Go test that a positional query value is set (zero = absent); None: always sent."""
        go_type = arg.type
        if arg.ref.is_container or go_type == "json.RawMessage":
            return f"len({expr}) > 0"
        if go_type == "bool":
            return None
        if go_type == "time.Time":
            return f"!{expr}.IsZero()"
        if go_type == "string" or arg.ref.is_enum:
            return f'{expr} != ""'
        return f"{expr} != 0"

    def path_value(self, arg: GoArg) -> str:
        """The escaped path segment of a path parameter."""
        if arg.ref.is_enum:
            return f"url.PathEscape(string({arg.name}))"
        if arg.type == "string":
            return f"url.PathEscape({arg.name})"
        return f"{self._scalar_format(arg.ref)}({arg.name})"

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

    def special_fields(self, struct: ir.Struct) -> list[ir.Field]:
        """Fields that need a custom MarshalJSON: durations and value-held optional structs."""
        return [f for f in struct.fields if self.is_duration(f) or self.is_value_struct(struct, f)]

    def duration_fields(self, struct: ir.Struct) -> list[ir.Field]:
        """time.Duration fields (integer milliseconds on the wire)."""
        return [f for f in struct.fields if self.is_duration(f)]

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

    def imports(self, body: str, packages: list[str]) -> list[str]:
        """The packages (of `packages`) that Go code `body` refers to, e.g. time.Duration -> time."""
        return [p for p in packages if re.search(rf"(?<![\w.]){re.escape(p.split('/')[-1])}\.[A-Z]", body)]

    # -- the conformance driver --------------------------------------------------------------------

    def qualify(self, go_type: str) -> str:
        """A Go type as the driver (package main) spells it: the SDK's own names get `dwcp.`."""
        package = "dwcp"
        return re.sub(r"(?<![.\w])([A-Z]\w*)", rf"{package}.\1", go_type)

    def driver_field(self, wire: str) -> str:
        """The conformance driver's field for a wire argument: VMID, PageSize."""
        return pascal(wire, self.initialisms)

    def driver_type(self, arg: GoArg, optional: bool) -> str:
        """The driver's type of an argument: durations arrive as *int64 milliseconds, options as pointers."""
        if self.is_duration(arg):
            return "*int64"
        go_type = self.qualify(arg.type)
        return "*" + go_type if optional and not go_type.startswith("*") else go_type

    def driver_args(self, op: ir.Operation) -> list[tuple[str, str, str]]:
        """(Go field, Go type, wire name) of the conformance driver's args struct for `op`."""
        out = [(self.driver_field(a.wire), self.driver_type(a, False), a.wire) for a in self.args(op)]
        out += [(self.driver_field(o.wire), self.driver_type(o, True), o.wire) for o in self.options(op)]
        if op.pagination is not None:
            out.append((self.driver_field(op.pagination.page_size), "*int", op.pagination.page_size))
        return out

    def driver_value(self, arg: GoArg, expr: str) -> str:
        """The SDK argument built from the driver's field `expr` (milliseconds become durations)."""
        if arg.duration_string:
            return f"msString({expr})"
        if self.is_duration(arg):
            return f"msDuration({expr})"
        return expr

    # -- checks ------------------------------------------------------------------------------------

    def identifiers(self, api: ir.Api) -> Iterator[tuple[str, str, str]]:
        """Every name the Go package declares, by Go scope: one package scope, methods per receiver."""
        for name in sorted(RUNTIME_NAMES):
            yield "package", f"templates/go/runtime.{name}", name
        for name in sorted(CLIENT_METHODS):
            yield "methods of Client", f"templates/go/runtime.Client.{name}", name
        for scope, path, identifier in super().identifiers(api):
            if scope in ("type", "error"):
                yield "package", path, identifier
            elif not scope.startswith(("methods of", "parameters of")):
                yield scope, path, identifier
        for enum in api.enums:
            for v in enum.values:
                yield "package", f"enums.{enum.name}.values.{v.name}", self.const(enum, v)
        for resource in api.resources:
            yield from self._resource_identifiers(resource)
            yield from self._waiter_identifiers(resource)
        distinct: set[tuple[str, str]] = set()
        for op in api.public_operations:
            for option in self.options(op):
                if (option.func, option.type) not in distinct:
                    # One setter per name: a second Go type under the same name collides with the first.
                    distinct.add((option.func, option.type))
                    yield "package", f"resources.{op.resource}.operations.{op.name}.input.{option.wire}", option.func

    def _resource_identifiers(self, resource: ir.Resource) -> Iterator[tuple[str, str, str]]:
        base = f"resources.{resource.name}"
        scope = f"methods of {self.resource_type(resource)}"
        if not resource.client_level:
            yield "package", base, self.resource_type(resource)
            yield "methods of Client", base, self.resource_accessor(resource)
        for op in resource.operations:
            path = f"{base}.operations.{op.name}"
            yield scope, path, self.method_name(op)
            if op.is_stream:
                yield scope, path + ".stream", self.stream_method(op)
            if op.is_paginated:
                yield scope, path + ".iter", self.method_name(op) + "Iter"
            for arg in [*self.args(op), *self.options(op)]:
                yield f"parameters of {op.id}", f"{path}.input.{arg.wire}", arg.name

    def _waiter_identifiers(self, resource: ir.Resource) -> Iterator[tuple[str, str, str]]:
        scope = f"methods of {self.resource_type(resource)}"
        for waiter in resource.waiters:
            yield scope, f"resources.{resource.name}.waiters.{waiter.name}", self.waiter_method(waiter)

    def problems(self, api: ir.Api) -> Iterator[tuple[str, str]]:
        """(spec path, message) of every shape the Go templates cannot emit."""
        yield from self.runtime_code_problems(api)
        for op in api.operations:
            path = f"resources.{op.resource}.operations.{op.name}"
            for p in op.path_params:
                if not (p.type.is_enum or (p.type.is_scalar and p.type.name in PATH_SCALARS)):
                    yield f"{path}.input.path.{p.name}", f"a path parameter of type {p.type} cannot be emitted"
            for p in op.query_params:
                leaf = p.type.item if p.type.item is not None else p.type
                if p.type.is_struct or leaf.is_container or leaf.is_struct:
                    yield f"{path}.input.query.{p.name}", f"a query parameter of type {p.type} cannot be emitted"
            if op.role == "session" and op.positional_inputs:
                yield path, "the session operation cannot take required inputs (Connect has none to give)"
            yield from self._long_running_problems(api, op, path)
        for struct in api.structs:
            for f in struct.fields:
                if f.type.is_container and f.type.leaf.is_scalar and f.type.leaf.name == "duration":
                    where = f"types.{struct.name}.fields.{f.name}"
                    yield where, "a list or map of durations cannot be emitted (durations travel as ms)"

    def _long_running_problems(self, api: ir.Api, op: ir.Operation, path: str) -> Iterator[tuple[str, str]]:
        lro = op.long_running
        if lro is None or lro.error_field is None:
            return
        status = api.operation(f"{op.resource}.{lro.status_operation}").output
        if status is not None and self.field_type(status, status.field(lro.error_field)) != "string":
            yield f"{path}.long_running.error_field", "the error field must be a string"
