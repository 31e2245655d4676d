"""`${...}` substitution in case values: saved results, server settings and HTTP dates."""

from __future__ import annotations

import re
import time
from email.utils import formatdate
from typing import Any

PLACEHOLDER = re.compile(r"\$\{([^}]+)\}")
EXPRESSION = re.compile(r"^\s*([A-Za-z_][\w.]*)(?:\s*([+-])\s*(\d+))?\s*$")
HTTP_DATE = re.compile(r"^\s*http_date\(\s*([+-]?\d+)\s*\)\s*$")


class TemplateError(Exception):
    """A placeholder names nothing known."""


def render(value: Any, variables: dict[str, Any]) -> Any:
    """Returns `value` with every placeholder replaced; a whole-string placeholder keeps its type."""
    if isinstance(value, str):
        return _render_text(value, variables)
    if isinstance(value, list):
        return [render(item, variables) for item in value]
    if isinstance(value, dict):
        return {key: render(item, variables) for key, item in value.items()}
    return value


def _render_text(text: str, variables: dict[str, Any]) -> Any:
    """One string: a lone placeholder yields the value itself, otherwise text interpolation."""
    whole = PLACEHOLDER.fullmatch(text)
    if whole:
        return evaluate(whole.group(1), variables)
    return PLACEHOLDER.sub(lambda m: str(evaluate(m.group(1), variables)), text)


def evaluate(expression: str, variables: dict[str, Any]) -> Any:
    """`name.path`, `name.path + 3`, or `http_date(+2)` (now plus seconds, as an HTTP date)."""
    date = HTTP_DATE.match(expression)
    if date:
        return formatdate(time.time() + int(date.group(1)), usegmt=True)
    parsed = EXPRESSION.match(expression)
    if not parsed:
        raise TemplateError(f"cannot read placeholder ${{{expression}}}")
    value = lookup(parsed.group(1), variables)
    if parsed.group(2):
        amount = int(parsed.group(3))
        value = value + amount if parsed.group(2) == "+" else value - amount
    return value


def lookup(dotted: str, variables: dict[str, Any]) -> Any:
    """Follows a dotted path (keys or list indexes) through the variables."""
    head, *rest = dotted.split(".")
    if head not in variables:
        raise TemplateError(f"${{{dotted}}}: nothing saved as {head!r}")
    return dig(variables[head], rest, dotted)


def dig(value: Any, parts: list[str], label: str) -> Any:
    """Follows path parts into a value."""
    for part in parts:
        if isinstance(value, list) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        elif isinstance(value, dict) and part in value:
            value = value[part]
        else:
            raise TemplateError(f"{label}: no {part!r} in {value!r}")
    return value
