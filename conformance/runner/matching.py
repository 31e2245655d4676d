"""Partial matching of actual values against expectations with `$` operators."""

from __future__ import annotations

import re
from typing import Any

OPERATORS = ("$gte", "$gt", "$lte", "$lt", "$ne", "$in", "$exists", "$regex", "$len", "$contains", "$type")
TYPES = {"string": str, "number": (int, float), "integer": int, "bool": bool, "object": dict, "array": list}


def is_operator(value: Any) -> bool:
    """Whether an expectation is an operator object like {"$gte": 1}."""
    return isinstance(value, dict) and bool(value) and all(str(k).startswith("$") for k in value)


def match(expected: Any, actual: Any, path: str = "$") -> list[str]:
    """Problems found matching `actual` against `expected` (empty when it matches)."""
    if is_operator(expected):
        return _match_operators(expected, actual, path)
    if isinstance(expected, dict):
        return _match_dict(expected, actual, path)
    if isinstance(expected, list):
        return _match_list(expected, actual, path)
    if _equal(expected, actual):
        return []
    return [f"{path}: expected {expected!r}, got {actual!r}"]


def _equal(expected: Any, actual: Any) -> bool:
    """Scalar equality that keeps bools apart from numbers."""
    if isinstance(expected, bool) or isinstance(actual, bool):
        return type(expected) is type(actual) and expected == actual
    if isinstance(expected, (int, float)) and isinstance(actual, (int, float)):
        return float(expected) == float(actual)
    return bool(expected == actual)


def _match_dict(expected: dict[str, Any], actual: Any, path: str) -> list[str]:
    """Every expected key must match; extra actual keys are allowed."""
    if not isinstance(actual, dict):
        return [f"{path}: expected an object, got {actual!r}"]
    problems: list[str] = []
    for key, value in expected.items():
        where = f"{path}.{key}"
        if key not in actual:
            # An absent key reads as null: `null`, `$exists: false`, `$ne: true`, `$in: [false, null]` hold.
            if value is None or (is_operator(value) and not _match_operators(value, None, where)):
                continue
            problems.append(f"{where}: missing")
            continue
        problems += match(value, actual[key], where)
    return problems


def _match_list(expected: list[Any], actual: Any, path: str) -> list[str]:
    """Same length, element by element."""
    if not isinstance(actual, list):
        return [f"{path}: expected an array, got {actual!r}"]
    if len(expected) != len(actual):
        return [f"{path}: expected {len(expected)} items, got {len(actual)}: {actual!r}"]
    problems: list[str] = []
    for index, (exp, act) in enumerate(zip(expected, actual, strict=True)):
        problems += match(exp, act, f"{path}[{index}]")
    return problems


def _match_operators(expected: dict[str, Any], actual: Any, path: str) -> list[str]:
    """Applies every operator of an operator object."""
    problems: list[str] = []
    for op, arg in expected.items():
        if op not in OPERATORS:
            problems.append(f"{path}: unknown operator {op}")
        elif not _operator_holds(op, arg, actual):
            problems.append(f"{path}: expected {op} {arg!r}, got {actual!r}")
    return problems


def _operator_holds(op: str, arg: Any, actual: Any) -> bool:
    """Whether one operator holds for the actual value."""
    if op == "$exists":
        return (actual is not None) == bool(arg)
    if op == "$in":
        return any(not match(option, actual) for option in arg)
    if op == "$ne":
        return bool(match(arg, actual))
    if op == "$regex":
        return isinstance(actual, str) and re.search(arg, actual) is not None
    if op == "$len":
        return isinstance(actual, (list, dict, str)) and not match(arg, len(actual))
    if op == "$contains":
        return isinstance(actual, list) and any(not match(arg, item) for item in actual)
    if op == "$type":
        return isinstance(actual, TYPES[arg]) and not (arg != "bool" and isinstance(actual, bool))
    return _compare(op, arg, actual)


def _compare(op: str, arg: Any, actual: Any) -> bool:
    """Numeric comparisons; non-numbers never match."""
    if isinstance(actual, bool) or not isinstance(actual, (int, float)):
        return False
    return {"$gte": actual >= arg, "$gt": actual > arg, "$lte": actual <= arg, "$lt": actual < arg}[op]
