"""Word-level casing shared by the language namers, and the namer interface."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from generator import ir
from generator.types import TypeRef


def words(name: str) -> list[str]:
    """The words of a snake_case spec name."""
    return [w for w in name.split("_") if w]


def pascal(name: str, initialisms: dict[str, str] | None = None) -> str:
    """PascalCase, spelling the given words as initialisms (vm -> VM, cpus -> CPUs)."""
    table = initialisms or {}
    return "".join(table.get(w, w[:1].upper() + w[1:]) for w in words(name))


def camel(name: str, initialisms: dict[str, str] | None = None) -> str:
    """camelCase; a leading initialism is lower-cased whole (vm_id -> vmID in Go, vmId elsewhere)."""
    parts = words(name)
    if not parts:
        return name
    rest = pascal("_".join(parts[1:]), initialisms)
    return parts[0] + rest


def upper(name: str) -> str:
    """UPPER_SNAKE_CASE."""
    return "_".join(words(name)).upper()


# Wire codes every runtime raises itself for client-side failures; the catalogue must hold each.
RUNTIME_CODES = (
    "not_connected",
    "client_timeout",
    "connection_refused",
    "connection_reset",
    "malformed_response",
    "validation_failed",
    "tls_failed",
    "response_too_large",
)


class Namer:
    """What every language namer answers; templates receive one as `n`."""

    language: ClassVar[str] = ""
    reserved: ClassVar[frozenset[str]] = frozenset()
    # Initialisms every API gets in this language (Go's ID, HTTP, URL); the spec adds its own words.
    conventional: ClassVar[dict[str, str]] = {}
    # The codes of RUNTIME_CODES and any server code the runtime falls back on itself.
    runtime_codes: ClassVar[tuple[str, ...]] = RUNTIME_CODES

    def __init__(self, api: ir.Api | None = None) -> None:
        self.api: ir.Api | None = None
        self.spec_initialisms: dict[str, str] = {}
        self.initialisms: dict[str, str] = dict(self.conventional)
        self.renamed: dict[str, str] = {}
        if api is not None:
            self.bind(api)

    def bind(self, api: ir.Api) -> None:
        """Learns what the spec says about names in general: its initialisms and the names it fixes
        for this language's types (`names: {go: NetIf}`), which type expressions must spell too."""
        self.api = api
        self.spec_initialisms = dict(api.initialisms)
        self.initialisms = {**self.conventional, **self.spec_initialisms}
        named: list[ir.Struct | ir.Enum] = [*api.structs, *api.enums]
        self.renamed = {t.name: name for t in named if (name := t.override(self.language))}

    def wire_error(self, error: ir.ErrorType) -> str:
        """The error's category, the same in every language (VMNotFoundError), cased with the spec's initialisms."""
        return pascal(error.name, self.spec_initialisms)

    def type(self, thing: ir.Struct | ir.Enum) -> str:
        """The name of a struct or enum."""
        raise NotImplementedError

    def field(self, field: ir.Field) -> str:
        """The name of a struct field."""
        raise NotImplementedError

    def member(self, value: ir.EnumValue) -> str:
        """The name of an enum member."""
        raise NotImplementedError

    def error(self, error: ir.ErrorType) -> str:
        """The name of an error type (class, sentinel or variant)."""
        raise NotImplementedError

    def method(self, op: ir.Operation) -> str:
        """The name of an operation's method."""
        raise NotImplementedError

    def param(self, name: str) -> str:
        """The name of a parameter or local variable derived from a spec name."""
        raise NotImplementedError

    def type_expr(self, ref: TypeRef) -> str:
        """The language's type for a TypeRef."""
        raise NotImplementedError

    def identifiers(self, api: ir.Api) -> Iterator[tuple[str, str, str]]:
        """(scope, spec path, identifier) of every name this language emits, for collision checks."""
        for struct in (*api.structs, api.client_config):
            base = "client_config" if struct is api.client_config else f"types.{struct.name}"
            yield "type", base, self.type(struct)
            for f in struct.fields:
                yield f"fields of {struct.name}", f"{base}.fields.{f.name}", self.field(f)
        for enum in api.enums:
            yield "type", f"enums.{enum.name}", self.type(enum)
            for v in enum.values:
                yield f"members of {enum.name}", f"enums.{enum.name}.values.{v.name}", self.member(v)
        for error in api.errors:
            yield "error", f"errors.{error.name}", self.error(error)
        for resource in api.resources:
            for op in resource.operations:
                path = f"resources.{resource.name}.operations.{op.name}"
                yield f"methods of {resource.name}", path, self.method(op)
                for p in op.params:
                    yield f"parameters of {op.id}", f"{path}.input.{p.location}.{p.name}", self.param(p.name)

    def problems(self, api: ir.Api) -> Iterator[tuple[str, str]]:
        """(spec path, message) of what this language cannot emit: by default, runtime codes the catalogue lacks."""
        return self.runtime_code_problems(api)

    def runtime_code_problems(self, api: ir.Api) -> Iterator[tuple[str, str]]:
        """A problem for each code this language's runtime raises that the spec's catalogue lacks."""
        codes = {c.code for _, c in api.codes}
        for code in self.runtime_codes:
            if code not in codes:
                yield "errors", f"the {self.language} runtime raises the code {code!r}; add it to the catalogue"

    def keywords_hit(self, identifier: str) -> bool:
        """True when `identifier` is a reserved word of the language."""
        return identifier in self.reserved
