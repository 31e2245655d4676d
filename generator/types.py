"""Type expressions of the spec: scalars, list<T>, map<T> and named types."""

from __future__ import annotations

import re
from dataclasses import dataclass

SCALARS = frozenset({"string", "bool", "int32", "int64", "float64", "timestamp", "duration", "json"})
_EXPR = re.compile(r"^(?:(list|map)<([a-z][a-z0-9_]*)>|([a-z][a-z0-9_]*))$")


@dataclass(frozen=True)
class TypeRef:
    """A resolved type: kind is scalar, enum, struct, list or map; item is set for list and map."""

    kind: str
    name: str
    item: TypeRef | None = None

    @property
    def is_scalar(self) -> bool:
        """True for string, bool, numbers, timestamp, duration and json."""
        return self.kind == "scalar"

    @property
    def is_struct(self) -> bool:
        """True for a named object type."""
        return self.kind == "struct"

    @property
    def is_enum(self) -> bool:
        """True for a named enum."""
        return self.kind == "enum"

    @property
    def is_list(self) -> bool:
        """True for list<T>."""
        return self.kind == "list"

    @property
    def is_map(self) -> bool:
        """True for map<T> (string keys)."""
        return self.kind == "map"

    @property
    def is_container(self) -> bool:
        """True for lists and maps."""
        return self.kind in ("list", "map")

    @property
    def is_integer(self) -> bool:
        """True for int32, int64 and duration (whole milliseconds)."""
        return self.kind == "scalar" and self.name in ("int32", "int64", "duration")

    @property
    def is_number(self) -> bool:
        """True for every numeric scalar."""
        return self.is_integer or (self.kind == "scalar" and self.name == "float64")

    @property
    def leaf(self) -> TypeRef:
        """The innermost type of a container, or the type itself."""
        return self.item.leaf if self.item is not None else self

    def __str__(self) -> str:
        return f"{self.kind}<{self.item}>" if self.item is not None else self.name


def parse_expr(expr: str) -> tuple[str | None, str] | None:
    """Splits a type expression into (container or None, base name); None if malformed."""
    match = _EXPR.match(expr)
    if match is None:
        return None
    if match.group(3):
        return None, match.group(3)
    return match.group(1), match.group(2)


def resolve(expr: str, enums: frozenset[str], structs: frozenset[str]) -> TypeRef:
    """The TypeRef of a validated expression."""
    parsed = parse_expr(expr)
    if parsed is None:
        raise ValueError(f"malformed type expression {expr!r}")
    container, base = parsed
    if base in SCALARS:
        leaf = TypeRef("scalar", base)
    elif base in enums:
        leaf = TypeRef("enum", base)
    elif base in structs:
        leaf = TypeRef("struct", base)
    else:
        raise ValueError(f"unknown type {base!r}")
    return TypeRef(container, container, leaf) if container else leaf
