"""Checks wire values against the spec's types and constraints; every failure names the field."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from typing import Any

INT_RANGE = {"int32": (-(2**31), 2**31 - 1), "int64": (-(2**63), 2**63 - 1), "duration": (0, 2**63 - 1)}


@dataclass(frozen=True)
class T:
    """A type: kind scalar/enum/struct (name) or list/map (item)."""

    kind: str
    name: str = ""
    item: T | None = None


@dataclass(frozen=True)
class Field:
    """One struct field with its constraints."""

    name: str
    type: T
    required: bool = False
    default: Any = None
    min: float | None = None
    max: float | None = None
    pattern: str | None = None
    min_length: int | None = None
    max_length: int | None = None
    max_items: int | None = None
    one_of: tuple[str, ...] = field(default=())


class Invalid(ValueError):
    """A value breaks the spec; `field` is its dotted path."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}" if path else message)
        self.field = path
        self.reason = message


@cache
def _regex(pattern: str) -> re.Pattern[str]:
    # JSON Schema's `$` means end of string; Python's also matches before a final newline.
    return re.compile(pattern[:-1] + r"\Z" if pattern.endswith("$") else pattern)


def check_struct(name: str, value: Any, path: str = "") -> dict[str, Any]:
    """Validates a JSON object against struct `name` and fills the spec's defaults of absent fields.

    Unknown fields and missing required ones are errors.
    """
    from dwcp_server_http.schema import STRUCTS

    if not isinstance(value, dict):
        raise Invalid(path, "must be an object")
    fields = STRUCTS[name]
    known = {f.name for f in fields}
    for key in value:
        if key not in known:
            raise Invalid(_join(path, key), "unknown field")
    for f in fields:
        if f.name in value:
            value[f.name] = _integral(f.type, value[f.name])
            check_field(f, value[f.name], _join(path, f.name))
        elif f.required:
            raise Invalid(_join(path, f.name), "is required")
        elif f.default is not None:
            value[f.name] = f.default
    return value


def _integral(t: T, value: Any) -> Any:
    """An integer written with a fraction of zero (88.0, which JSON Schema's integer allows) as an int."""
    if t.kind == "scalar" and t.name in INT_RANGE:
        return int(value) if isinstance(value, float) and value.is_integer() else value
    if t.kind == "list" and t.item is not None and isinstance(value, list):
        return [_integral(t.item, item) for item in value]
    if t.kind == "map" and t.item is not None and isinstance(value, dict):
        return {key: _integral(t.item, item) for key, item in value.items()}
    return value


def check_field(f: Field, value: Any, path: str) -> None:
    """Validates one field's value: its type, then its constraints."""
    check_type(f.type, value, path)
    if f.min is not None and value < f.min:
        raise Invalid(path, f"must be at least {f.min:g}")
    if f.max is not None and value > f.max:
        raise Invalid(path, f"must be at most {f.max:g}")
    if isinstance(value, str):
        _check_string(f, value, path)
    if f.max_items is not None and len(value) > f.max_items:
        raise Invalid(path, f"must have at most {f.max_items} items")


def _check_string(f: Field, value: str, path: str) -> None:
    if f.min_length is not None and len(value) < f.min_length:
        raise Invalid(path, f"must be at least {f.min_length} characters")
    if f.max_length is not None and len(value) > f.max_length:
        raise Invalid(path, f"must be at most {f.max_length} characters")
    if f.pattern is not None and not _regex(f.pattern).search(value):
        raise Invalid(path, f"must match {f.pattern}")
    if f.one_of and value not in f.one_of:
        raise Invalid(path, f"must be one of {', '.join(f.one_of)}")


def check_type(t: T, value: Any, path: str) -> None:
    """Validates a value against a type (recursively for lists, maps and structs)."""
    if t.kind == "scalar":
        _check_scalar(t.name, value, path)
    elif t.kind == "enum":
        from dwcp_server_http.schema import ENUMS

        if not isinstance(value, str) or value not in ENUMS[t.name]:
            raise Invalid(path, f"must be one of {', '.join(sorted(ENUMS[t.name]))}")
    elif t.kind == "struct":
        check_struct(t.name, value, path)
    elif t.kind == "list":
        if not isinstance(value, list):
            raise Invalid(path, "must be an array")
        assert t.item is not None
        for i, item in enumerate(value):
            check_type(t.item, item, f"{path}[{i}]")
    else:
        if not isinstance(value, dict):
            raise Invalid(path, "must be an object")
        assert t.item is not None
        for key, item in value.items():
            check_type(t.item, item, _join(path, key))


def _check_scalar(name: str, value: Any, path: str) -> None:
    if name == "json":
        return
    if name in ("string", "timestamp"):
        if not isinstance(value, str):
            raise Invalid(path, "must be a string")
        if name == "timestamp":
            _check_timestamp(value, path)
    elif name == "bool":
        if not isinstance(value, bool):
            raise Invalid(path, "must be a boolean")
    elif name == "float64":
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            raise Invalid(path, "must be a number")
    else:
        low, high = INT_RANGE[name]
        if isinstance(value, bool) or not isinstance(value, int):
            raise Invalid(path, "must be an integer")
        if not low <= value <= high:
            raise Invalid(path, f"must be between {low} and {high}")


def _check_timestamp(value: str, path: str) -> None:
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise Invalid(path, "must be an RFC 3339 timestamp") from None


def parse_query(t: T, raw: str, path: str) -> Any:
    """Converts one query-string value to its type (labels maps travel as k1=v1,k2=v2)."""
    if t.kind == "map":
        return _parse_labels(raw, path)
    if t.kind == "scalar" and t.name == "bool":
        if raw not in ("true", "false"):
            raise Invalid(path, "must be true or false")
        return raw == "true"
    if t.kind == "scalar" and t.name in INT_RANGE:
        if not re.fullmatch(r"-?[0-9]{1,19}", raw):
            raise Invalid(path, "must be an integer")
        value = int(raw)
        _check_scalar(t.name, value, path)
        return value
    return raw


def _parse_labels(raw: str, path: str) -> dict[str, str]:
    """k1=v1,k2=v2: items joined by commas, each key=value with a key; a value may be empty."""
    items = raw.split(",") if raw else []
    pairs = [item.partition("=") for item in items]
    if any(not key or not sep for key, sep, _ in pairs):
        raise Invalid(path, "must be key=value items joined by commas, each with a key")
    return {key: value for key, _, value in pairs}


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key
