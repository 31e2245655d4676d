"""The outputs: which template tree renders where, with which namer and formatter."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Target:
    """One template tree (templates/<templates>) rendered into generated/<output>."""

    name: str
    templates: str
    output: str
    language: str
    runtime: str | None = None
    formatter: str | None = None


TARGETS: tuple[Target, ...] = (
    Target("schemas", "schemas", "", "proto", formatter="json"),
    Target("docs", "docs", "docs", "python"),
    Target("python", "python", "python", "python", runtime="src/dwcp/_runtime", formatter="python"),
    Target("server", "server", "server", "python", formatter="python"),
    Target("go", "go", "go", "go", runtime="", formatter="go"),
    Target("typescript", "typescript", "typescript", "typescript", runtime="src/runtime", formatter="typescript"),
    Target("rust", "rust", "rust", "rust", runtime="src/runtime", formatter="rust"),
    Target("driver-python", "drivers/python", "drivers/python", "python", formatter="python"),
    Target("driver-go", "drivers/go", "drivers/go", "go", formatter="go"),
    Target("driver-typescript", "drivers/typescript", "drivers/typescript", "typescript", formatter="typescript"),
    Target("driver-rust", "drivers/rust", "drivers/rust", "rust", formatter="rust"),
    Target("snippets-python", "snippets/python", "snippets/python", "python", formatter="python"),
    Target("snippets-go", "snippets/go", "snippets/go", "go", formatter="go"),
    Target("snippets-typescript", "snippets/typescript", "snippets/typescript", "typescript", formatter="typescript"),
    Target("snippets-rust", "snippets/rust", "snippets/rust", "rust", formatter="rust"),
)


def by_name(names: list[str] | None) -> tuple[Target, ...]:
    """The targets called `names` (all when None); unknown names raise ValueError."""
    if not names:
        return TARGETS
    known = {t.name: t for t in TARGETS}
    unknown = [n for n in names if n not in known]
    if unknown:
        raise ValueError(f"unknown target(s) {unknown}; known: {sorted(known)}")
    return tuple(known[n] for n in names)
