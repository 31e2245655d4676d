"""Moves a finished staging tree into generated/, or compares the two (--check)."""

from __future__ import annotations

import difflib
import fcntl
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def owned(root: Path, prefixes: list[str] | None) -> set[Path]:
    """Files under `root` owned by the given target outputs; None (a full run) owns every file.

    The root output "" owns only the files directly in generated/, never another target's folder.
    """
    if not root.exists():
        return set()
    files = {p.relative_to(root) for p in root.rglob("*") if p.is_file() and not _is_tool_output(p.relative_to(root))}
    if prefixes is None:
        return files
    return {f for f in files if any(_owns(Path(p), f) for p in prefixes)}


# What tools leave inside generated/ when they run there (all gitignored): never the generator's output.
TOOL_OUTPUT = {"__pycache__", "node_modules", "target", ".tox", ".venv"}


def _is_tool_output(path: Path) -> bool:
    return any(
        part in TOOL_OUTPUT or part.endswith(".egg-info") or (part.startswith(".") and part.endswith("_cache"))
        for part in path.parts
    )


def _owns(prefix: Path, file: Path) -> bool:
    if not prefix.parts:
        return len(file.parts) == 1
    return file.parts[: len(prefix.parts)] == prefix.parts


def differences(staging: Path, generated: Path, produced: set[Path], prefixes: list[str] | None) -> list[str]:
    """Human-readable differences between fresh output and generated/ (empty when identical)."""
    current = owned(generated, prefixes)
    out = []
    for rel in sorted(produced | current):
        new, old = staging / rel, generated / rel
        if rel not in current:
            out.append(f"missing in generated/: {rel}")
        elif rel not in produced:
            out.append(f"stale in generated/ (the generator no longer makes it): {rel}")
        elif new.read_bytes() != old.read_bytes():
            out.append(f"differs: {rel}")
            out.extend(_diff(old, new, rel))
    return out


def _diff(old: Path, new: Path, rel: Path) -> list[str]:
    try:
        a = old.read_text(encoding="utf-8").splitlines()
        b = new.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError:
        return []
    lines = list(difflib.unified_diff(a, b, f"generated/{rel}", f"fresh/{rel}", lineterm="", n=1))
    return [f"    {line}" for line in lines[:40]]


def install(staging: Path, generated: Path, produced: set[Path], prefixes: list[str] | None) -> int:
    """Writes changed files and removes stale ones, each file replaced atomically; returns changes."""
    changes = 0
    for rel in sorted(produced):
        new, old = staging / rel, generated / rel
        if old.exists() and old.read_bytes() == new.read_bytes():
            continue
        old.parent.mkdir(parents=True, exist_ok=True)
        tmp = old.with_name(f".{old.name}.tmp")
        shutil.copyfile(new, tmp)
        os.chmod(tmp, new.stat().st_mode)
        os.replace(tmp, old)
        changes += 1
    for rel in sorted(owned(generated, prefixes) - produced):
        (generated / rel).unlink()
        changes += 1
    _prune_empty(generated)
    return changes


def _prune_empty(root: Path) -> None:
    for path in sorted((p for p in root.rglob("*") if p.is_dir()), key=lambda p: len(p.parts), reverse=True):
        if not any(path.iterdir()):
            path.rmdir()


@contextmanager
def locked(generated: Path) -> Iterator[None]:
    """Serialises concurrent generator runs on the same tree."""
    generated.mkdir(parents=True, exist_ok=True)
    lock_path = generated.parent / ".generate.lock"
    with lock_path.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
