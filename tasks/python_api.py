"""The public API of a generated Python SDK as text (griffe): every exported type, function, method and field.

Run with an interpreter that has griffe: `python tasks/python_api.py <sdk>/src <package>`. tasks/python_sdk.py
runs it (api_snapshot) and compares the result with the committed api/python.txt. One line per object,
sorted, so a diff of two snapshots reads as what was added, removed or changed; values of module constants
(the version, the spec hash) are left out, since they change with every release without changing the API.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator

import griffe

# Protocol methods worth recording: they decide how a type is used (`async with`, `async for`, `with`).
PROTOCOL = {"__init__", "__aenter__", "__aexit__", "__enter__", "__exit__", "__aiter__", "__anext__", "__iter__"}
PROTOCOL |= {"__next__", "__call__"}
# Plumbing every model inherits from the runtime's pydantic base; not part of any one type's API.
SKIPPED = {"model_config", "catalogue", "to_wire"}


def signature(fn: griffe.Function) -> str:
    """`async def name(self, a: T, *, b: T = None) -> R`."""
    parts: list[str] = []
    star = False
    for p in fn.parameters:
        text = p.name if p.annotation is None else f"{p.name}: {p.annotation}"
        variadic = p.kind in (griffe.ParameterKind.var_positional, griffe.ParameterKind.var_keyword)
        text += "" if p.default is None or variadic else f" = {p.default}"
        if p.kind is griffe.ParameterKind.keyword_only and not star:
            parts.append("*")
            star = True
        if p.kind is griffe.ParameterKind.var_positional:
            text, star = "*" + text, True
        elif p.kind is griffe.ParameterKind.var_keyword:
            text = "**" + text
        parts.append(text)
        if p.kind is griffe.ParameterKind.positional_only and not _next_positional_only(fn, p):
            parts.append("/")
    prefix = "async def" if "async" in fn.labels else "def"
    kind = " [property]" if "property" in fn.labels else ""
    return f"{prefix} {fn.name}({', '.join(parts)}) -> {fn.returns}{kind}"


def _next_positional_only(fn: griffe.Function, param: griffe.Parameter) -> bool:
    names = [p.name for p in fn.parameters]
    following = fn.parameters[names.index(param.name) + 1 :]
    return bool(following) and following[0].kind is griffe.ParameterKind.positional_only


def attribute(attr: griffe.Attribute, with_value: bool) -> str:
    """`name: T = default`."""
    text = attr.name if attr.annotation is None else f"{attr.name}: {attr.annotation}"
    return text + (f" = {attr.value}" if with_value and attr.value is not None else "")


def members(cls: griffe.Class, exported: set[str]) -> Iterator[str]:
    """The public members of a class, one line each; inherited ones only from a base that is not exported."""
    for name in sorted(cls.all_members):
        if name in SKIPPED or (name.startswith("_") and name not in PROTOCOL):
            continue
        member = cls.all_members[name]
        target = member.final_target if member.is_alias else member
        inherited = member.is_alias and member.inherited
        if inherited and (name == "__init__" or _origin(target) in exported):
            continue
        if isinstance(target, griffe.Function):
            yield "    " + signature(target)
        elif isinstance(target, griffe.Attribute):
            yield "    " + attribute(target, with_value="class-attribute" in target.labels)
        elif isinstance(target, griffe.Class):
            yield f"    class {name}"


def _origin(obj: griffe.Object) -> str:
    """The path of the class that declares `obj`."""
    return obj.parent.path if obj.parent is not None else ""


def describe(path: str, obj: griffe.Object, exported: set[str]) -> Iterator[str]:
    """An exported object: a class with its members, a function, or a constant."""
    if isinstance(obj, griffe.Class):
        bases = ", ".join(str(b) for b in obj.bases)
        yield f"class {path}({bases})" if bases else f"class {path}"
        yield from members(obj, exported)
    elif isinstance(obj, griffe.Function):
        yield f"{path}: " + signature(obj)
    elif isinstance(obj, griffe.Attribute):
        yield f"{path.rsplit('.', 1)[0]}." + attribute(obj, with_value=False)


def snapshot(src: str, package: str) -> str:
    """Every name of `package.__all__`, sorted, with its API."""
    module = griffe.load(package, search_paths=[src], resolve_aliases=True)
    exported = sorted(str(name) for name in module.exports or ())
    objects = {name: module.members[name] for name in exported}
    targets = {name: obj.final_target if obj.is_alias else obj for name, obj in objects.items()}
    paths = {target.path for target in targets.values()}
    lines: list[str] = []
    for name, target in targets.items():
        lines += describe(f"{package}.{name}", target, paths)
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    logging.disable(logging.WARNING)  # griffe's notes about aliases it cannot follow would mix into the output
    sys.stdout.write(snapshot(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "dwcp"))
