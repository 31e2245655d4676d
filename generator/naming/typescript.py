"""TypeScript names: PascalCase types (VMConfig), camelCase members (cpuUsage), UPPER enum members.

Every fact about an operation, type or field comes from the IR (the spec's annotations); this module
only spells names and TypeScript types, and reports the shapes the TypeScript templates cannot emit.
Words spelled as initialisms in type names come from the spec's `initialisms:` section.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from generator import ir
from generator.naming.base import RUNTIME_CODES, Namer, camel, pascal, upper
from generator.types import TypeRef

# Reserved words (ES2022 strict mode, plus TypeScript's own) and the globals a generated method or
# its parameters must not shadow. Only bare identifiers (parameters, locals) can clash with them:
# property and method names such as `delete` or `public` are valid TypeScript as they are.
KEYWORDS = frozenset(
    {
        *("break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do"),
        *("else", "enum", "export", "extends", "false", "finally", "for", "function", "if", "import"),
        *("in", "instanceof", "new", "null", "return", "super", "switch", "this", "throw", "true", "try"),
        *("typeof", "var", "void", "while", "with", "yield", "let", "static", "implements", "interface"),
        *("package", "private", "protected", "public", "await", "arguments", "eval", "undefined", "any"),
        *("boolean", "number", "string", "symbol", "never", "unknown", "object", "type", "as", "of"),
    }
)
GLOBALS = frozenset({"Date", "Error", "Object", "Number", "String", "Promise", "Record", "Set", "JSON", "Math"})
# Names the generated method bodies use for their own locals (see templates/typescript/ops.macros.j2).
LOCALS = frozenset({"body", "items", "token", "page", "item", "json", "event", "invoker", "endpoint", "callOptions"})
LOCALS |= frozenset({"waitOptions", "limit", "pause", "what", "done", "failed", "status", "signal", "s", "cause"})
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
# Exported names of the package that are not spec types (templates/typescript/src and runtime/).
PACKAGE_NAMES = frozenset(
    {
        *("Client", "BaseClient", "ResolvedConfig", "TransportConfig", "CallOptions"),
        *("ClientMetrics", "Duration", "Jitter", "EventStream", "WaitOptions", "ErrorInit", "DWCPError"),
        *("VERSION", "SPEC_HASH"),
    }
)
# Members of BaseClient written by hand (client-level operations and resource accessors join them).
CLIENT_MEMBERS = frozenset(
    {"config", "connect", "disconnect", "isConnected", "isAuthenticated", "session", "getMetrics", "invoker"}
    | {"toJSON", "createTransport", "randomId"}
)
# Properties of CallOptions (templates/typescript/runtime/invoker.ts), which every options object extends.
CALL_OPTIONS = ("signal", "timeout", "idempotencyKey")


class TsArg:
    """One input of a generated method: its TypeScript name and type, and what it binds on the wire.

    `location` is path, query, body (a flattened body field) or whole (the whole body). A positional
    argument's name is a bare identifier; an option's is a property of the options object.
    """

    def __init__(self, name: str, ts_type: str, wire: str, location: str, *, item: ir.Param | ir.Field | None) -> None:
        self.name = name
        self.type = ts_type
        self.wire = wire
        self.location = location
        self.item = item

    @property
    def ref(self) -> TypeRef | None:
        """The spec type of the input (None for a whole body)."""
        return None if self.item is None else self.item.type

    @property
    def is_duration(self) -> bool:
        """True for a duration query or path parameter (ms or '1s' strings; integer ms on the wire)."""
        return isinstance(self.item, ir.Param) and self.item.type.is_scalar and self.item.type.name == "duration"

    @property
    def required(self) -> bool:
        """True when the caller must pass it."""
        return self.item is None or self.item.required

    def __repr__(self) -> str:
        return f"TsArg({self.name}: {self.type} <- {self.location}:{self.wire})"


class TypeScriptNamer(Namer):
    """Names of the TypeScript package of the spec (packages.typescript)."""

    language: ClassVar[str] = "typescript"
    # The runtime also falls back on these server codes (an unknown 5xx, a 4xx without a body).
    runtime_codes: ClassVar[tuple[str, ...]] = (*RUNTIME_CODES, "unavailable", "invalid_argument")
    reserved: ClassVar[frozenset[str]] = KEYWORDS

    def _client_level(self, resource: str) -> bool:
        return self.api is not None and any(r.name == resource and r.client_level for r in self.api.resources)

    def _pascal(self, name: str) -> str:
        return pascal(name, self.spec_initialisms)

    # -- names -------------------------------------------------------------------------------------

    def type(self, thing: ir.Struct | ir.Enum) -> str:
        """VMConfig, NetworkInterface, VMState."""
        return thing.override("typescript") or self._pascal(thing.name)

    def field(self, field: ir.Field) -> str:
        """cpuUsage, ipAddress, vmId: a property name (reserved words are valid here)."""
        return field.override("typescript") or camel(field.name)

    def member(self, value: ir.EnumValue) -> str:
        """VMState.RUNNING."""
        return upper(value.name)

    def error(self, error: ir.ErrorType) -> str:
        """VMNotFoundError."""
        return error.override("typescript") or self._pascal(error.name)

    def method(self, op: ir.Operation) -> str:
        """getMigrationStatus: a method name (reserved words such as `delete` are valid here)."""
        return camel(op.name)

    def param(self, name: str) -> str:
        """vmId, snapshotId: a bare identifier; a reserved word or a name the body uses gets a `_`."""
        out = camel(name)
        return out + "_" if out in KEYWORDS | GLOBALS | LOCALS else out

    def input(self, item: ir.Param | ir.Field) -> str:
        """A positional input's identifier: the spec's typescript name, else param()."""
        override = item.override("typescript")
        return override + "_" if override in KEYWORDS | GLOBALS | LOCALS else override or self.param(item.name)

    def option(self, item: ir.Param | ir.Field) -> str:
        """An optional input's property in the options object (pageSize, since, public)."""
        if isinstance(item, ir.Field):
            return self.field(item)
        return item.override("typescript") or camel(item.name)

    def type_expr(self, ref: TypeRef) -> str:
        """NetworkInterface[], Record<string, string>, Date."""
        if ref.item is not None:
            inner = self.type_expr(ref.item)
            return f"{inner}[]" if ref.is_list else f"Record<string, {inner}>"
        if ref.is_scalar:
            return SCALARS[ref.name]
        return self.renamed.get(ref.name) or self._pascal(ref.name)

    # Names below are TypeScript-only helpers the templates call; each derives from the spec.

    def error_with_code(self, api: ir.Api, code: str) -> ir.ErrorType:
        """The catalogue entry that owns `code` (the runtime raises its client-side codes by code)."""
        return next(e for e, c in api.codes if c.code == code)

    def client_class(self, resource: ir.Resource) -> str:
        """VMClient: the client object of a resource."""
        return self._pascal(resource.name) + "Client"

    def accessor(self, resource: ir.Resource) -> str:
        """client.vm(): the Client method that returns a resource's client."""
        return camel(resource.name)

    def options_type(self, op: ir.Operation) -> str:
        """VMWatchOptions, HealthOptions: the options object of one call (CallOptions and its optional inputs).

        Every public operation has its own, even without optional inputs yet, so that adding one
        only adds a property: no signature changes.
        """
        resource = "" if self._client_level(op.resource) else self._pascal(op.resource)
        return resource + self._pascal(op.name) + "Options"

    def options_param(self, op: ir.Operation) -> str:
        """The name of the options parameter (a name no input takes: param() renames one that would)."""
        return "callOptions"

    def waiter(self, op: ir.Operation) -> str:
        """waitForMigration: the spec's waiter name (or its typescript override), camelCased."""
        assert op.long_running is not None
        waiter = op.long_running.waiter
        return waiter.override("typescript") or camel(waiter.name)

    def waiter_method(self, waiter: ir.Waiter) -> str:
        """waitUntilRunning: a spec waiter's method (its typescript override, or its name camelCased)."""
        return waiter.override("typescript") or camel(waiter.name)

    def waiter_op(self, op: ir.Operation) -> str:
        """The conformance protocol's op of a wait helper: <resource>.<waiter name>."""
        assert op.long_running is not None
        return f"{op.resource}.{op.long_running.waiter.name}"

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

    # -- signatures --------------------------------------------------------------------------------

    def _arg(self, item: ir.Param | ir.Field, name: str) -> TsArg:
        location = item.location if isinstance(item, ir.Param) else "body"
        ts_type = self.param_type(item.type) if isinstance(item, ir.Param) else self.type_expr(item.type)
        return TsArg(name, ts_type, item.name, location, item=item)

    def args(self, op: ir.Operation) -> list[TsArg]:
        """Positional arguments: path params, the whole body, then the other positional inputs."""
        out = [self._arg(item, self.input(item)) for item in op.positional_inputs]
        if op.body is not None and not op.body.flatten:
            wire = op.body.param or "body"
            whole = TsArg(self.param(wire), self.type(op.body.struct), wire, "whole", item=None)
            out.insert(len(op.path_params), whole)
        return out

    def options(self, op: ir.Operation) -> list[TsArg]:
        """Optional inputs, as properties of the call's options object (the SDK drives the page token)."""
        return [self._arg(item, self.option(item)) for item in op.optional_inputs]

    def inputs(self, op: ir.Operation) -> list[TsArg]:
        """Every input of a call, positional ones first."""
        return self.args(op) + self.options(op)

    def value(self, op: ir.Operation, arg: TsArg) -> str:
        """The expression that reads `arg` inside the method body."""
        if arg.location != "whole" and any(arg.wire == o.wire for o in self.options(op)):
            return f"{self.options_param(op)}.{arg.name}"
        return arg.name

    def signature(self, op: ir.Operation) -> str:
        """vmId: string, force?: boolean, options: VMStopOptions = {}."""
        parts = []
        for arg in self.args(op):
            parts.append(f"{arg.name}{'' if arg.required else '?'}: {arg.type}")
        parts.append(f"{self.options_param(op)}: {self.options_type(op)} = {{}}")
        return ", ".join(parts)

    def result_type(self, op: ir.Operation) -> str:
        """VM, VM[] for paginated lists, EventStream<VMEvent> for streams, void without output."""
        if op.output is None:
            return "void"
        if op.pagination is not None:
            return self.type(op.pagination.item) + "[]"
        return self.type(op.output)

    def status_operation(self, api: ir.Api, op: ir.Operation) -> ir.Operation:
        """The operation a waiter polls."""
        assert op.long_running is not None
        return api.operation(f"{op.resource}.{op.long_running.status_operation}")

    def structs_used(self, api: ir.Api, ops: tuple[ir.Operation, ...]) -> list[str]:
        """The spec types a set of operations names in its signatures (for type imports)."""
        names: set[str] = set()
        for op in ops:
            if op.output is not None:
                names.add(self.type(op.output))
            if op.pagination is not None:
                names.add(self.type(op.pagination.item))
            if op.body is not None:
                names.add(self.type(op.body.struct))
            for arg in self.inputs(op):
                ref = arg.ref
                while ref is not None and ref.item is not None:
                    ref = ref.item
                if ref is not None and not ref.is_scalar:
                    names.add(self.type_expr(ref))
        return sorted(names)

    # -- checks ------------------------------------------------------------------------------------

    def keywords_hit(self, identifier: str) -> bool:
        """Never: every bare identifier is renamed by param() and every other name is a property."""
        return False

    def identifiers(self, api: ir.Api) -> Iterator[tuple[str, str, str]]:
        """The spec's names, plus what this SDK derives from them: clients, options types, waiters."""
        yield from super().identifiers(api)
        for name in sorted(PACKAGE_NAMES - {self.error(api.base_error)}):
            yield "type", "packages.typescript", name
        for member in sorted(CLIENT_MEMBERS):
            yield "members of Client", "packages.typescript", member
        for resource in api.client_resources:
            base = f"resources.{resource.name}"
            yield "type", base, self.client_class(resource)
            yield "members of Client", base, self.accessor(resource)
        for resource in api.resources:
            for op in resource.public_operations:
                path = f"resources.{resource.name}.operations.{op.name}"
                yield "type", path, self.options_type(op)
                if resource.client_level:
                    yield "members of Client", path, self.method(op)
                    for other in api.client_resources if not op.auth else ():
                        yield f"methods of {other.name}", path, self.method(op)
                scope = f"arguments of {op.id}"
                for arg in self.args(op):
                    yield scope, self._input_path(op, path, arg), arg.name
                yield scope, f"{path}.input", self.options_param(op)
                for name in CALL_OPTIONS:
                    yield f"options of {op.id}", "packages.typescript", name
                for arg in self.options(op):
                    yield f"options of {op.id}", self._input_path(op, path, arg), arg.name
                if op.long_running is not None:
                    yield f"methods of {resource.name}", f"{path}.long_running.waiter", self.waiter(op)

    @staticmethod
    def _input_path(op: ir.Operation, path: str, arg: TsArg) -> str:
        """Where the spec declares an input: a body field under its type, a parameter under the operation."""
        if arg.location == "body" and op.body is not None:
            return f"types.{op.body.struct.name}.fields.{arg.wire}"
        if arg.location == "whole":
            return f"{path}.input.body"
        return f"{path}.input.{arg.location}.{arg.wire}"

    def problems(self, api: ir.Api) -> Iterator[tuple[str, str]]:
        """Shapes the TypeScript templates cannot emit."""
        yield from self.runtime_code_problems(api)
        for op in api.long_running_operations:
            status = self.status_operation(api, op)
            extra = [i.name for i in status.positional_inputs if i not in status.path_params]
            if extra or (status.body is not None and not status.body.flatten):
                path = f"resources.{op.resource}.operations.{op.name}.long_running.status"
                yield path, f"a waiter polls {status.id} with its path parameters only; it also needs {extra}"
