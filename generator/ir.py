"""The intermediate representation: frozen dataclasses built once from the validated spec.

Templates read only these objects (and a language's namer); derived views are cached properties.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from generator.types import TypeRef, resolve

Names = tuple[tuple[str, str], ...]
# Per-language annotations of the spec (`go: {by_value: true}`), as sorted (language, ((key, value), ...)).
LanguageNotes = tuple[tuple[str, tuple[tuple[str, Any], ...]], ...]
LANGUAGES = ("python", "go", "typescript", "rust")


def _names(raw: dict[str, Any]) -> Names:
    return tuple(sorted(raw.get("names", {}).items()))


def _notes(raw: dict[str, Any]) -> LanguageNotes:
    return tuple((lang, tuple(sorted(raw[lang].items()))) for lang in LANGUAGES if isinstance(raw.get(lang), dict))


def _note(notes: LanguageNotes, language: str, key: str) -> Any:
    return dict(dict(notes).get(language, ())).get(key)


@dataclass(frozen=True)
class Constraints:
    """Limits on a value, enforced by the SDKs before sending and by the server on arrival."""

    min: float | None = None
    max: float | None = None
    pattern: str | None = None
    min_length: int | None = None
    max_length: int | None = None
    max_items: int | None = None
    one_of: tuple[str, ...] = ()

    @property
    def any(self) -> bool:
        """True when at least one limit is set."""
        return any(v not in (None, ()) for v in vars(self).values())


@dataclass(frozen=True)
class Field:
    """One field of a struct (or of the client config)."""

    name: str
    type: TypeRef
    doc: str
    required: bool = False
    default: Any = None
    secret: bool = False
    unit: str | None = None
    constraints: Constraints = field(default_factory=Constraints)
    names: Names = ()
    notes: LanguageNotes = ()

    @property
    def has_default(self) -> bool:
        """True when the spec gives a default value."""
        return self.default is not None

    def override(self, language: str) -> str | None:
        """The spec's name for this field in `language`, if it fixes one."""
        return dict(self.names).get(language)

    def note(self, language: str, key: str) -> Any:
        """The spec's `<language>: {key: ...}` annotation of this field, or None."""
        return _note(self.notes, language, key)


@dataclass(frozen=True)
class Struct:
    """A named object type.

    `blocks` are nested groups of settings, used by the client config only (`client_config.blocks`:
    `retry_budget`): each is a Struct of its own whose fields carry defaults and limits like the
    config's, and whose value is one field of the config named after the block.
    """

    name: str
    doc: str
    fields: tuple[Field, ...]
    names: Names = ()
    blocks: tuple[Struct, ...] = ()

    @cached_property
    def required_fields(self) -> tuple[Field, ...]:
        """Fields that must be present."""
        return tuple(f for f in self.fields if f.required)

    @cached_property
    def optional_fields(self) -> tuple[Field, ...]:
        """Fields that may be absent."""
        return tuple(f for f in self.fields if not f.required)

    @cached_property
    def constrained(self) -> bool:
        """True when any field carries a constraint (the SDKs then emit a validator)."""
        return any(f.constraints.any for f in self.fields)

    def field(self, name: str) -> Field:
        """The field called `name`."""
        return next(f for f in self.fields if f.name == name)

    def block(self, name: str) -> Struct:
        """The nested block called `name` (client config only)."""
        return next(b for b in self.blocks if b.name == name)

    def override(self, language: str) -> str | None:
        """The spec's name for this type in `language`, if it fixes one."""
        return dict(self.names).get(language)


@dataclass(frozen=True)
class EnumValue:
    """One member of an enum; the fallback member receives values the SDK does not know."""

    name: str
    doc: str
    fallback: bool = False


@dataclass(frozen=True)
class Enum:
    """A string enum."""

    name: str
    doc: str
    values: tuple[EnumValue, ...]
    names: Names = ()

    @cached_property
    def fallback(self) -> EnumValue | None:
        """The member that unknown wire values map to."""
        return next((v for v in self.values if v.fallback), None)

    @cached_property
    def known_values(self) -> tuple[EnumValue, ...]:
        """Members that the server may send (all but the fallback)."""
        return tuple(v for v in self.values if not v.fallback)

    def override(self, language: str) -> str | None:
        """The spec's name for this enum in `language`, if it fixes one."""
        return dict(self.names).get(language)


@dataclass(frozen=True)
class ErrorCode:
    """A wire code of an error type, with its own status and retry class."""

    code: str
    doc: str
    status: int | None
    retry: str
    client_only: bool


@dataclass(frozen=True)
class ErrorType:
    """An entry of the error catalogue."""

    name: str
    doc: str
    status: int | None
    retry: str
    codes: tuple[ErrorCode, ...]
    parent: str | None
    client_only: bool
    abstract: bool
    names: Names = ()
    notes: LanguageNotes = ()

    def note(self, language: str, key: str) -> Any:
        """The spec's `<language>: {key: ...}` annotation of this error, or None."""
        return _note(self.notes, language, key)

    @property
    def default_code(self) -> ErrorCode | None:
        """The code used when the error is raised without a more specific one."""
        return self.codes[0] if self.codes else None

    @cached_property
    def wire_codes(self) -> tuple[ErrorCode, ...]:
        """Codes the server can send."""
        return tuple(c for c in self.codes if not c.client_only)

    def override(self, language: str) -> str | None:
        """The spec's name for this error in `language`, if it fixes one."""
        return dict(self.names).get(language)


@dataclass(frozen=True)
class Param:
    """A path or query parameter; path parameters are always required, query parameters never."""

    name: str
    type: TypeRef
    location: str
    doc: str = ""
    default: Any = None
    constraints: Constraints = field(default_factory=Constraints)
    notes: LanguageNotes = ()
    names: Names = ()

    def override(self, language: str) -> str | None:
        """The spec's name for this parameter in `language`, if it fixes one."""
        return dict(self.names).get(language)

    @property
    def required(self) -> bool:
        """True for path parameters."""
        return self.location == "path"

    def note(self, language: str, key: str) -> Any:
        """The spec's `<language>: {key: ...}` annotation of this parameter, or None."""
        return _note(self.notes, language, key)


@dataclass(frozen=True)
class Body:
    """A request body: one struct, passed whole (param) or with its fields as arguments (flatten)."""

    struct: Struct
    param: str | None
    flatten: bool


@dataclass(frozen=True)
class Pagination:
    """How a paginated list walks its pages."""

    items: str
    page_size: str
    token_in: str
    token_out: str
    item: Struct


@dataclass(frozen=True)
class Acceptor:
    """One rule of a waiter, tried in order on each poll's outcome (docs/resilience.md).

    Either a field rule (`field` of the poll operation's output is one of `values`; `equals: v` is
    `values == (v,)`) or an error rule (the poll failed with wire code `error`).
    """

    result: str
    field: str | None = None
    values: tuple[Any, ...] = ()
    error: str | None = None

    @property
    def success(self) -> bool:
        """True when a match ends the wait successfully."""
        return self.result == "success"

    @property
    def failure(self) -> bool:
        """True when a match ends the wait with the waiter's error."""
        return self.result == "failure"

    @property
    def on_error(self) -> bool:
        """True for an error rule (matches a failed poll by its code)."""
        return self.error is not None


@dataclass(frozen=True)
class Waiter:
    """A wait helper declared in the spec (`resources.<r>.waiters`), generated in every SDK.

    It polls `operation` (of the same resource, with that operation's path parameters as its
    arguments) until an acceptor matches: sleep between polls `min_delay + jitter * (cap - min_delay)`
    with `cap = min(max_delay, min_delay * 2^(n-1))` before poll n+1; `max_wait` (ms, the default of
    a per-call maximum) ends it with TimeoutError code `wait_timeout`. A failure acceptor raises
    `error` (a catalogue entry; its default code), with the text of the output's `error_field`
    when it names one. The driver op is `id` (`vm.wait_until_running`).
    """

    name: str
    names: Names = ()
    resource: str = ""
    doc: str = ""
    operation: str = ""
    acceptors: tuple[Acceptor, ...] = ()
    min_delay: int = 1000
    max_delay: int = 20000
    max_wait: int = 3600000
    error: str = "waiter_error"
    error_field: str | None = None

    def override(self, language: str) -> str | None:
        """The spec's name for this waiter in `language`, if it fixes one."""
        return dict(self.names).get(language)

    @property
    def id(self) -> str:
        """resource.waiter: the conformance driver's op name."""
        return f"{self.resource}.{self.name}"

    @property
    def poll_id(self) -> str:
        """resource.operation of the operation polled (`api.operation(w.poll_id)`)."""
        return f"{self.resource}.{self.operation}"

    @cached_property
    def success_acceptors(self) -> tuple[Acceptor, ...]:
        """Acceptors that end the wait successfully."""
        return tuple(a for a in self.acceptors if a.success)

    @cached_property
    def failure_acceptors(self) -> tuple[Acceptor, ...]:
        """Acceptors that end the wait with `error`."""
        return tuple(a for a in self.acceptors if a.failure)

    @cached_property
    def field_acceptors(self) -> tuple[Acceptor, ...]:
        """Acceptors on an output field."""
        return tuple(a for a in self.acceptors if not a.on_error)

    @cached_property
    def error_acceptors(self) -> tuple[Acceptor, ...]:
        """Acceptors on a failed poll's wire code."""
        return tuple(a for a in self.acceptors if a.on_error)

    @cached_property
    def state_field(self) -> str | None:
        """The one output field the field acceptors read, or None (no field acceptor, or several fields)."""
        fields = {a.field for a in self.field_acceptors}
        return fields.pop() if len(fields) == 1 else None


@dataclass(frozen=True)
class LongRunning:
    """A long-running operation: its status call, terminal states, failure error and wait helper.

    `waiter` is the resource's Waiter that polls the status call (`long_running.waiter` in the spec
    names it; without one the IR derives `wait_for_<operation>` from this block). When the spec
    names a waiter, `state_field`, `done`, `failed`, `error` and `error_field` are derived from its
    acceptors, so older templates reading them keep working.
    """

    status_operation: str
    state_field: str
    done: tuple[str, ...]
    failed: tuple[str, ...]
    error: str
    waiter: Waiter
    error_field: str | None = None


@dataclass(frozen=True)
class Stream:
    """A server stream of SSE events."""

    event: str
    gap_type: str | None


@dataclass(frozen=True)
class Operation:
    """One call of the API with its HTTP binding."""

    name: str
    resource: str
    doc: str
    method: str
    path: str
    success_status: int
    auth: bool
    path_params: tuple[Param, ...]
    query_params: tuple[Param, ...]
    body: Body | None
    output: Struct | None
    idempotent: bool
    kind: str
    pagination: Pagination | None
    long_running: LongRunning | None
    stream: Stream | None
    visibility: str = "public"
    role: str | None = None
    positional: tuple[str, ...] = ()
    notes: LanguageNotes = ()

    def note(self, language: str, key: str) -> Any:
        """The spec's `<language>: {key: ...}` annotation of this operation, or None."""
        return _note(self.notes, language, key)

    @property
    def is_internal(self) -> bool:
        """True for operations the SDKs call themselves but do not expose (the session call)."""
        return self.visibility == "internal"

    @cached_property
    def inputs(self) -> tuple[Param | Field, ...]:
        """Path params, the body's fields when flattened, and query params (a whole body is `body.param`)."""
        body: tuple[Field, ...] = self.body.struct.fields if self.body is not None and self.body.flatten else ()
        return self.path_params + body + self.query_params

    def is_positional(self, name: str) -> bool:
        """True for an input passed as a positional argument: required ones and those `positional` names.

        Every other input is optional and lives where each language grows calls safely (keyword
        arguments, option structs or functions, options objects, builders), so adding one never
        changes an existing signature.
        """
        if name in self.positional:
            return True
        return any(i.name == name and i.required for i in self.inputs)

    @cached_property
    def positional_inputs(self) -> tuple[Param | Field, ...]:
        """Inputs passed positionally, in signature order: required ones, then the `positional` names."""
        required = tuple(i for i in self.inputs if i.required)
        chosen = tuple(i for name in self.positional for i in self.inputs if i.name == name and not i.required)
        return required + chosen

    @cached_property
    def optional_inputs(self) -> tuple[Param | Field, ...]:
        """Inputs that are options (never positional); the SDK drives the page token itself."""
        token = self.pagination.token_in if self.pagination else None
        return tuple(i for i in self.inputs if not self.is_positional(i.name) and i.name != token)

    @property
    def id(self) -> str:
        """resource.operation, unique in the spec."""
        return f"{self.resource}.{self.name}"

    @property
    def needs_idempotency_key(self) -> bool:
        """Non-idempotent calls carry one Idempotency-Key reused on every attempt."""
        return not self.idempotent

    @property
    def is_stream(self) -> bool:
        """True for server streams (SSE)."""
        return self.kind == "server_stream"

    @property
    def is_paginated(self) -> bool:
        """True for lists walked page by page."""
        return self.kind == "paginated"

    @property
    def is_long_running(self) -> bool:
        """True for operations that return a status to poll."""
        return self.kind == "long_running"

    @cached_property
    def params(self) -> tuple[Param, ...]:
        """Path then query parameters."""
        return self.path_params + self.query_params

    @cached_property
    def path_segments(self) -> tuple[tuple[str, bool], ...]:
        """The path as (text, is_parameter) pieces, e.g. ("/things/", False), ("thing_id", True)."""
        pieces = re.split(r"\{([a-z0-9_]+)\}", self.path)
        return tuple((p, i % 2 == 1) for i, p in enumerate(pieces) if p)


@dataclass(frozen=True)
class Resource:
    """A group of operations (one client object per resource in the SDKs).

    A client-level resource has no client object: its operations are methods of the top-level client.
    """

    name: str
    doc: str
    operations: tuple[Operation, ...]
    client_level: bool = False
    waiters: tuple[Waiter, ...] = ()

    @cached_property
    def public_operations(self) -> tuple[Operation, ...]:
        """The operations the SDKs expose."""
        return tuple(op for op in self.operations if not op.is_internal)

    def operation(self, name: str) -> Operation:
        """The operation called `name` (without the resource)."""
        return next(op for op in self.operations if op.name == name)

    def waiter(self, name: str) -> Waiter:
        """The waiter called `name` (without the resource)."""
        return next(w for w in self.waiters if w.name == name)


@dataclass(frozen=True)
class Feature:
    """A row of the feature matrix and the languages that offer it."""

    name: str
    title: str
    languages: tuple[str, ...]


@dataclass(frozen=True)
class Api:
    """The whole spec."""

    title: str
    version: str
    description: str
    base_path: str
    default_port: int
    packages: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]
    client_config: Struct
    retry_policy: tuple[tuple[str, Any], ...]
    enums: tuple[Enum, ...]
    structs: tuple[Struct, ...]
    errors: tuple[ErrorType, ...]
    resources: tuple[Resource, ...]
    features: tuple[Feature, ...]
    spec_hash: str
    initialisms: tuple[tuple[str, str], ...] = ()

    @cached_property
    def operations(self) -> tuple[Operation, ...]:
        """Every operation, resource by resource, in spec order."""
        return tuple(op for r in self.resources for op in r.operations)

    @cached_property
    def public_operations(self) -> tuple[Operation, ...]:
        """Every operation the SDKs expose."""
        return tuple(op for op in self.operations if not op.is_internal)

    @cached_property
    def client_resources(self) -> tuple[Resource, ...]:
        """Resources with a client object of their own (not client-level)."""
        return tuple(r for r in self.resources if not r.client_level)

    @cached_property
    def client_level_operations(self) -> tuple[Operation, ...]:
        """Public operations offered on the top-level client itself (health)."""
        return tuple(op for r in self.resources if r.client_level for op in r.public_operations)

    @cached_property
    def session_operation(self) -> Operation | None:
        """The operation connect() calls to authenticate (role: session), if the spec has one."""
        return next((op for op in self.operations if op.role == "session"), None)

    @cached_property
    def long_running_operations(self) -> tuple[Operation, ...]:
        """Operations that return a status to poll, each with its own waiter."""
        return tuple(op for op in self.public_operations if op.long_running is not None)

    @cached_property
    def waiters(self) -> tuple[Waiter, ...]:
        """Every waiter, resource by resource (declared ones, then those derived from long-running operations)."""
        return tuple(w for r in self.resources for w in r.waiters)

    def waiter(self, waiter_id: str) -> Waiter:
        """The waiter with id resource.name."""
        return next(w for w in self.waiters if w.id == waiter_id)

    def poll_operation(self, waiter: Waiter) -> Operation:
        """The operation a waiter polls."""
        return self.operation(waiter.poll_id)

    def acceptor_field(self, waiter: Waiter, acceptor: Acceptor) -> Field:
        """The output field a field acceptor reads (its type gives the enum of the values)."""
        output = self.poll_operation(waiter).output
        assert output is not None and acceptor.field is not None
        return output.field(acceptor.field)

    @cached_property
    def paginated_operations(self) -> tuple[Operation, ...]:
        """Public operations walked page by page (each SDK hands their items out lazily)."""
        return tuple(op for op in self.public_operations if op.is_paginated)

    @cached_property
    def retry(self) -> dict[str, Any]:
        """The retry policy as a mapping (max_backoff, headers, ...)."""
        return dict(self.retry_policy)

    def package(self, language: str) -> dict[str, str]:
        """Package coordinates of `language` (name, module, crate, ...)."""
        return dict(dict(self.packages)[language])

    def struct(self, name: str) -> Struct:
        """The struct called `name`."""
        return next(s for s in self.structs if s.name == name)

    def enum(self, name: str) -> Enum:
        """The enum called `name`."""
        return next(e for e in self.enums if e.name == name)

    def error(self, name: str) -> ErrorType:
        """The catalogue entry called `name`."""
        return next(e for e in self.errors if e.name == name)

    def operation(self, op_id: str) -> Operation:
        """The operation with id resource.name."""
        return next(op for op in self.operations if op.id == op_id)

    @cached_property
    def concrete_errors(self) -> tuple[ErrorType, ...]:
        """Catalogue entries that can be raised (not the abstract base)."""
        return tuple(e for e in self.errors if not e.abstract)

    @cached_property
    def base_error(self) -> ErrorType:
        """The abstract root of the catalogue."""
        return next(e for e in self.errors if e.abstract)

    @cached_property
    def wire_errors(self) -> tuple[ErrorType, ...]:
        """Errors the server can send."""
        return tuple(e for e in self.concrete_errors if not e.client_only)

    @cached_property
    def codes(self) -> tuple[tuple[ErrorType, ErrorCode], ...]:
        """Every (error, code) pair of the catalogue."""
        return tuple((e, c) for e in self.concrete_errors for c in e.codes)

    @cached_property
    def status_errors(self) -> tuple[tuple[int, ErrorType], ...]:
        """Which error a bare HTTP status maps to when the body carries no known type."""
        pairs = ((e.status, e) for e in self.wire_errors if e.status is not None)
        return tuple(sorted(pairs, key=lambda pair: (pair[0], pair[1].name)))

    @cached_property
    def status_table(self) -> tuple[tuple[int, ErrorType, ErrorCode], ...]:
        """The one error (and code) each bare HTTP status stands for, in the server and every SDK: an
        entry's own status first (the first by name where entries share one), then a code's status."""
        table: dict[int, tuple[ErrorType, ErrorCode]] = {}
        for status, error in self.status_errors:
            code = next((c for c in error.codes if c.status in (None, status)), None)
            if code is not None:
                table.setdefault(status, (error, code))
        for error, code in self.codes:
            if code.status is not None and not code.client_only:
                table.setdefault(code.status, (error, code))
        return tuple((status, error, code) for status, (error, code) in sorted(table.items()))

    @cached_property
    def streams(self) -> tuple[Operation, ...]:
        """Server-stream operations."""
        return tuple(op for op in self.operations if op.is_stream)

    @cached_property
    def input_structs(self) -> tuple[Struct, ...]:
        """Structs a caller builds: request bodies and every struct they contain, in spec order."""
        seen: set[str] = set()
        todo = [op.body.struct.name for op in self.operations if op.body is not None]
        while todo:
            name = todo.pop()
            if name in seen:
                continue
            seen.add(name)
            todo += [f.type.leaf.name for f in self.struct(name).fields if f.type.leaf.is_struct]
        return tuple(s for s in self.structs if s.name in seen)

    @cached_property
    def struct_types(self) -> tuple[Struct, ...]:
        """Structs, with the error body first-class like the rest."""
        return self.structs

    @cached_property
    def id_params(self) -> dict[str, frozenset[str]]:
        """Per output type, the path parameters its `id` field fills: `<type>_id`, and the single
        path parameter of the status call of a long-running operation that returns the type."""
        names: dict[str, set[str]] = {s.name: {f"{s.name}_id"} for s in self.structs}
        for op in self.long_running_operations:
            if op.long_running is None or op.output is None:
                continue
            status_name = op.long_running.status_operation
            status = next(o for o in self.operations if o.resource == op.resource and o.name == status_name)
            if len(status.path_params) == 1:
                names[op.output.name].add(status.path_params[0].name)
        return {name: frozenset(params) for name, params in names.items()}

    def links(self, op: Operation) -> tuple[tuple[Operation, tuple[tuple[str, str, str], ...]], ...]:
        """Operations that can follow `op` with every path parameter filled from its exchange.

        Each is (target, ((parameter, source, name), ...)) with source "body" (field `name` of op's
        output) or "path" (op's own path parameter). A parameter is filled by an output field of the
        same name, by the output's `id` when the parameter is one of `id_params` of the output's
        type, else by op's own path parameter of the same name.
        """
        out = op.output
        fields = {f.name for f in out.fields} if out is not None else set()
        by_id = self.id_params.get(out.name, frozenset()) if out is not None and "id" in fields else frozenset()
        own = {p.name for p in op.path_params}
        found: list[tuple[Operation, tuple[tuple[str, str, str], ...]]] = []
        for target in self.operations:
            if target is op or not target.path_params:
                continue
            sources: list[tuple[str, str, str]] = []
            for param in target.path_params:
                if param.name in fields:
                    sources.append((param.name, "body", param.name))
                elif param.name in by_id:
                    sources.append((param.name, "body", "id"))
                elif param.name in own:
                    sources.append((param.name, "path", param.name))
            if len(sources) == len(target.path_params) and any(s[1] == "body" for s in sources):
                found.append((target, tuple(sources)))
        return tuple(found)


def build(data: dict[str, Any], raw: bytes) -> Api:
    """The Api of a spec that has passed validation."""
    enum_names = frozenset(data["enums"])
    struct_names = frozenset(data["types"])

    def ref(expr: str) -> TypeRef:
        return resolve(expr, enum_names, struct_names)

    structs = tuple(_struct(name, body, ref) for name, body in data["types"].items())
    base = next((name for name, body in data["errors"].items() if body.get("abstract")), None)
    by_name = {s.name: s for s in structs}
    info = data["info"]
    return Api(
        title=info["title"],
        version=info["version"],
        description=info["description"],
        base_path=info["base_path"],
        default_port=info["default_port"],
        packages=tuple(sorted((k, tuple(sorted(v.items()))) for k, v in data["packages"].items())),
        client_config=_client_config(data["client_config"], ref),
        retry_policy=tuple(sorted(data["retry_policy"].items())),
        enums=tuple(_enum(name, body) for name, body in data["enums"].items()),
        structs=structs,
        errors=tuple(_error(name, body, base) for name, body in data["errors"].items()),
        resources=tuple(_resource(name, body, ref, by_name) for name, body in data["resources"].items()),
        features=tuple(
            Feature(name, body["title"], tuple(body.get("languages", ("python", "go", "typescript", "rust"))))
            for name, body in data["features"].items()
        ),
        spec_hash=hashlib.sha256(raw).hexdigest(),
        initialisms=tuple(sorted(data.get("initialisms", {}).items())),
    )


def _field(name: str, body: dict[str, Any], ref: Any) -> Field:
    limits = _constraints(body)
    return Field(
        name=name,
        type=ref(body["type"]),
        doc=body["doc"],
        required=body.get("required", False),
        default=body.get("default"),
        secret=body.get("secret", False),
        unit=body.get("unit"),
        constraints=limits,
        names=_names(body),
        notes=_notes(body),
    )


def _struct(name: str, body: dict[str, Any], ref: Any) -> Struct:
    fields = tuple(_field(fname, fbody, ref) for fname, fbody in body["fields"].items())
    return Struct(name, body["doc"], fields, _names(body))


def _client_config(body: dict[str, Any], ref: Any) -> Struct:
    config = _struct("client_config", body, ref)
    blocks = tuple(_struct(name, block, ref) for name, block in body.get("blocks", {}).items())
    return Struct(config.name, config.doc, config.fields, config.names, blocks)


def _enum(name: str, body: dict[str, Any]) -> Enum:
    values = []
    for vname, vbody in body["values"].items():
        if isinstance(vbody, str):
            values.append(EnumValue(vname, vbody))
        else:
            values.append(EnumValue(vname, vbody["doc"], vbody.get("fallback", False)))
    return Enum(name, body["doc"], tuple(values), _names(body))


def _error(name: str, body: dict[str, Any], base: str | None) -> ErrorType:
    status: int | None = body.get("status")
    retry: str = body.get("retry", "never")
    client_only = body.get("side") == "client"
    codes = []
    for code, raw in body.get("codes", {}).items():
        cbody: dict[str, Any] = {"doc": raw} if isinstance(raw, str) else raw
        code_client_only = client_only or cbody.get("side") == "client"
        codes.append(
            ErrorCode(
                code=code,
                doc=cbody["doc"],
                status=None if code_client_only else cbody.get("status", status),
                retry=cbody.get("retry", retry),
                client_only=code_client_only,
            )
        )
    return ErrorType(
        name=name,
        doc=body["doc"],
        status=status,
        retry=retry,
        codes=tuple(codes),
        parent=body.get("parent", None if body.get("abstract") else base),
        client_only=client_only,
        abstract=body.get("abstract", False),
        names=_names(body),
        notes=_notes(body),
    )


def _resource(name: str, body: dict[str, Any], ref: Any, structs: dict[str, Struct]) -> Resource:
    declared = {wname: _waiter(name, wname, wbody) for wname, wbody in body.get("waiters", {}).items()}
    derived: dict[str, Waiter] = {}
    for oname, obody in body["operations"].items():
        lro = obody.get("long_running")
        if lro is not None and "waiter" not in lro:
            waiter = _derived_waiter(name, oname, lro)
            derived[waiter.name] = waiter
    waiters = {**declared, **derived}
    ops = tuple(
        _operation(name, oname, obody, ref, structs, waiters=waiters) for oname, obody in body["operations"].items()
    )
    return Resource(name, body["doc"], ops, body.get("client_level", False), tuple(waiters.values()))


def _waiter(resource: str, name: str, body: dict[str, Any]) -> Waiter:
    acceptors = tuple(
        Acceptor(
            result=a["result"],
            field=a.get("field"),
            values=(a["equals"],) if "equals" in a else tuple(a.get("in", ())),
            error=a.get("error"),
        )
        for a in body["acceptors"]
    )
    return Waiter(
        name=name,
        names=_names(body),
        resource=resource,
        doc=body["doc"],
        operation=body["operation"],
        acceptors=acceptors,
        min_delay=body["min_delay"],
        max_delay=body["max_delay"],
        max_wait=body["max_wait"],
        error=body.get("error", "waiter_error"),
        error_field=body.get("error_field"),
    )


# The schedule of a waiter derived from a long-running block without one (the runtimes' former fixed schedule).
DERIVED_MIN_DELAY, DERIVED_MAX_DELAY, DERIVED_MAX_WAIT = 1000, 20000, 3600000


def _derived_waiter(resource: str, operation: str, lro: dict[str, Any]) -> Waiter:
    """`wait_for_<operation>` of a long-running block that names no waiter: success on a done state
    that is not failed, failure (the block's error and error_field) on a failed state."""
    field, failed = lro["state_field"], tuple(lro["failed"])
    succeeded = tuple(v for v in lro["done"] if v not in failed)
    acceptors = (Acceptor("success", field, succeeded),) + ((Acceptor("failure", field, failed),) if failed else ())
    return Waiter(
        name=f"wait_for_{operation}",
        resource=resource,
        doc=f"Waits until {operation} ends.",
        operation=lro["status"],
        acceptors=acceptors,
        min_delay=DERIVED_MIN_DELAY,
        max_delay=DERIVED_MAX_DELAY,
        max_wait=DERIVED_MAX_WAIT,
        error=lro["error"],
        error_field=lro.get("error_field"),
    )


def _operation(
    resource: str,
    name: str,
    body: dict[str, Any],
    ref: Any,
    structs: dict[str, Struct],
    *,
    waiters: dict[str, Waiter],
) -> Operation:
    http = body["http"]
    inputs = body.get("input", {})
    body_spec = inputs.get("body")
    kind = body.get("kind", "unary")
    default_status = 204 if "output" not in body else 200
    pag = body.get("pagination")
    lro = body.get("long_running")
    stream = body.get("stream")
    return Operation(
        name=name,
        resource=resource,
        doc=body["doc"],
        method=http["method"],
        path=http["path"],
        success_status=http.get("status", default_status),
        auth=body.get("auth", True),
        path_params=tuple(_param(p, raw, "path", ref) for p, raw in inputs.get("path", {}).items()),
        query_params=tuple(_param(p, raw, "query", ref) for p, raw in inputs.get("query", {}).items()),
        body=None
        if body_spec is None
        else Body(structs[body_spec["type"]], body_spec.get("param"), body_spec.get("flatten", False)),
        output=structs[body["output"]] if "output" in body else None,
        idempotent=body.get("idempotent", True),
        kind=kind,
        pagination=None if pag is None else _pagination(pag, structs[body["output"]], structs),
        long_running=None if lro is None else _long_running(name, lro, waiters),
        stream=None if stream is None else Stream(stream["event"], stream.get("gap_type")),
        visibility=body.get("visibility", "public"),
        role=body.get("role"),
        positional=tuple(body.get("positional", ())),
        notes=_notes(body),
    )


def _long_running(operation: str, body: dict[str, Any], waiters: dict[str, Waiter]) -> LongRunning:
    waiter = waiters[body.get("waiter", f"wait_for_{operation}")]
    if "waiter" not in body:
        return LongRunning(
            status_operation=body["status"],
            state_field=body["state_field"],
            done=tuple(body["done"]),
            failed=tuple(body["failed"]),
            error=body["error"],
            waiter=waiter,
            error_field=body.get("error_field"),
        )
    assert waiter.state_field is not None  # validated: a long-running waiter reads one state field
    done = tuple(v for a in waiter.field_acceptors for v in a.values)
    failed = tuple(v for a in waiter.failure_acceptors if not a.on_error for v in a.values)
    return LongRunning(
        status_operation=body["status"],
        state_field=waiter.state_field,
        done=done,
        failed=failed,
        error=waiter.error,
        waiter=waiter,
        error_field=waiter.error_field,
    )


def _constraints(body: dict[str, Any]) -> Constraints:
    return Constraints(
        min=body.get("min"),
        max=body.get("max"),
        pattern=body.get("pattern"),
        min_length=body.get("min_length"),
        max_length=body.get("max_length"),
        max_items=body.get("max_items"),
        one_of=tuple(body.get("one_of", ())),
    )


def _param(name: str, raw: str | dict[str, Any], location: str, ref: Any) -> Param:
    """A parameter from its short form (`vm_id: string`) or its object form (`{type: ..., min: ...}`)."""
    body: dict[str, Any] = {"type": raw} if isinstance(raw, str) else raw
    return Param(
        name=name,
        type=ref(body["type"]),
        location=location,
        doc=body.get("doc", ""),
        default=body.get("default"),
        constraints=_constraints(body),
        notes=_notes(body),
        names=_names(body),
    )


def _pagination(body: dict[str, str], page: Struct, structs: dict[str, Struct]) -> Pagination:
    item = structs[page.field(body["items"]).type.leaf.name]
    return Pagination(body["items"], body["page_size"], body["token_in"], body["token_out"], item)
