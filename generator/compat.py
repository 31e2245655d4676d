"""Compatibility report: breaking changes and additions between two versions of the spec."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from generator import ir


@dataclass(frozen=True, order=True)
class Change:
    """One difference; breaking ones need a major version bump."""

    breaking: bool
    kind: str
    subject: str
    detail: str

    def __str__(self) -> str:
        return f"{'BREAKING' if self.breaking else 'added'}: {self.kind}: {self.subject}{self.detail}"


def diff(old: ir.Api, new: ir.Api) -> list[Change]:
    """Every breaking change and addition from `old` to `new`, breaking first."""
    changes = [*_operations(old, new), *_structs(old, new), *_enums(old, new), *_errors(old, new)]
    return sorted(changes, key=lambda c: (not c.breaking, c.kind, c.subject))


def needs_major(old: ir.Api, new: ir.Api, changes: list[Change]) -> bool:
    """True when a breaking change comes without a major version bump."""
    return any(c.breaking for c in changes) and _major(new.version) <= _major(old.version)


def changelog(old: ir.Api, new: ir.Api, changes: list[Change]) -> str:
    """The changelog entry of `new`, written from the diff."""
    lines = [f"## {new.version}", "", f"Compared with {old.version}.", ""]
    breaking = [c for c in changes if c.breaking]
    added = [c for c in changes if not c.breaking]
    for title, group in (("Breaking changes", breaking), ("Added", added)):
        if group:
            lines += [f"### {title}", "", *(f"- {c.kind}: `{c.subject}`{c.detail}" for c in group), ""]
    if not changes:
        lines += ["No API changes.", ""]
    return "\n".join(lines)


def _major(version: str) -> int:
    return int(version.split(".", maxsplit=1)[0])


def _operations(old: ir.Api, new: ir.Api) -> Iterator[Change]:
    before = {op.id: op for op in old.operations}
    after = {op.id: op for op in new.operations}
    yield from _presence("operation", before, after)
    for op_id in sorted(before.keys() & after.keys()):
        a, b = before[op_id], after[op_id]
        if (a.method, a.path) != (b.method, b.path):
            yield Change(True, "route changed", op_id, f" ({a.method} {a.path} -> {b.method} {b.path})")
        for param in a.params:
            if param.name not in {p.name for p in b.params}:
                yield Change(True, "parameter removed", f"{op_id}.{param.name}", "")
        before_args = [i.name for i in a.positional_inputs]
        after_args = [i.name for i in b.positional_inputs]
        if before_args != after_args:
            detail = f" ({', '.join(before_args)} -> {', '.join(after_args)})"
            yield Change(True, "positional arguments changed", op_id, detail)
        if a.is_internal != b.is_internal:
            yield Change(b.is_internal, "visibility changed", op_id, f" ({a.visibility} -> {b.visibility})")


def _structs(old: ir.Api, new: ir.Api) -> Iterator[Change]:
    before = {s.name: s for s in old.structs}
    after = {s.name: s for s in new.structs}
    yield from _presence("type", before, after)
    for name in sorted(before.keys() & after.keys()):
        yield from _fields(name, before[name], after[name])


def _fields(struct: str, old: ir.Struct, new: ir.Struct) -> Iterator[Change]:
    before = {f.name: f for f in old.fields}
    after = {f.name: f for f in new.fields}
    for name in sorted(before.keys() - after.keys()):
        yield Change(True, "field removed", f"{struct}.{name}", "")
    for name in sorted(after.keys() - before.keys()):
        required = after[name].required
        yield Change(required, "required field added" if required else "field", f"{struct}.{name}", "")
    for name in sorted(before.keys() & after.keys()):
        a, b = before[name], after[name]
        subject = f"{struct}.{name}"
        if str(a.type) != str(b.type):
            yield Change(True, "type changed", subject, f" ({a.type} -> {b.type})")
        if b.required and not a.required:
            yield Change(True, "field became required", subject, "")
        yield from _limits(subject, a.constraints, b.constraints)


def _limits(subject: str, old: ir.Constraints, new: ir.Constraints) -> Iterator[Change]:
    if new.min is not None and (old.min is None or new.min > old.min):
        yield Change(True, "limit tightened", subject, f" (min {old.min} -> {new.min})")
    if new.max is not None and (old.max is None or new.max < old.max):
        yield Change(True, "limit tightened", subject, f" (max {old.max} -> {new.max})")
    if new.pattern != old.pattern and new.pattern is not None:
        yield Change(True, "pattern changed", subject, "")


def _enums(old: ir.Api, new: ir.Api) -> Iterator[Change]:
    before = {e.name: e for e in old.enums}
    after = {e.name: e for e in new.enums}
    yield from _presence("enum", before, after)
    for name in sorted(before.keys() & after.keys()):
        a = {f"{name}.{v.name}": v for v in before[name].values}
        b = {f"{name}.{v.name}": v for v in after[name].values}
        yield from _presence("enum value", a, b)


def _errors(old: ir.Api, new: ir.Api) -> Iterator[Change]:
    before = {e.name: e for e in old.errors}
    after = {e.name: e for e in new.errors}
    yield from _presence("error", before, after)
    for name in sorted(before.keys() & after.keys()):
        a = {f"{name}.{c.code}": c for c in before[name].codes}
        b = {f"{name}.{c.code}": c for c in after[name].codes}
        yield from _presence("error code", a, b)
        for code in sorted(a.keys() & b.keys()):
            if (a[code].status, a[code].retry) != (b[code].status, b[code].retry):
                detail = f" ({a[code].status}/{a[code].retry} -> {b[code].status}/{b[code].retry})"
                yield Change(True, "error code changed", code, detail)


def _presence(kind: str, before: Mapping[str, object], after: Mapping[str, object]) -> Iterator[Change]:
    """Removed names are breaking, new names are additions."""
    for name in sorted(before.keys() - after.keys()):
        yield Change(True, f"{kind} removed", name, "")
    for name in sorted(after.keys() - before.keys()):
        yield Change(False, kind, name, "")


def api_diff(language: str, old_snapshot: str, new_snapshot: str) -> list[Change]:
    """What a language's public API lost (breaking) and gained, from two api/<lang>.txt snapshots.

    A snapshot holds one public item per line with its full signature, so a changed signature is a
    line that went away (breaking) plus one that came (added): users feel it as exactly that.
    """
    before = {line for line in old_snapshot.splitlines() if line.strip()}
    after = {line for line in new_snapshot.splitlines() if line.strip()}
    removed = [Change(True, f"{language} API removed or changed", line.strip(), "") for line in sorted(before - after)]
    added = [Change(False, f"{language} API added", line.strip(), "") for line in sorted(after - before)]
    return removed + added
