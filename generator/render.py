"""Renders template trees into a staging folder: *.j2 files through Jinja2, the rest copied.

Two trees feed each target: templates/<target> (what any spec gets) and the spec's extras/<target>
(files about this one API, such as the reference guide's examples; see docs/architecture.md).
"""

from __future__ import annotations

import functools
import os
import shutil
from pathlib import Path

import jinja2

from generator import ir
from generator.naming import NAMERS
from generator.naming.proto import ProtoNamer
from generator.results import Matrix
from generator.targets import Target

MACROS = ".macros.j2"  # macro libraries: imported by templates, never rendered themselves
SKIP = {"__pycache__", "node_modules", "target", ".pytest_cache", ".mypy_cache", ".ruff_cache", "dist"}
NOTICE = "Code generated from spec/dwcp.yaml by generator/; DO NOT EDIT."
COMMENT = {".py": "#", ".go": "//", ".rs": "//", ".ts": "//", ".toml": "#", ".proto": "//", ".ini": "#"}


@functools.cache
def environment(root: Path, extras: Path | None = None) -> jinja2.Environment:
    """The one Jinja2 environment: strict undefined, trimmed blocks, trailing newlines kept.

    Shared by every target (macros compile once) and backed by a bytecode cache keyed by each
    template's source checksum, so unchanged templates are not recompiled on the next run.
    """
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "dwcp" / "jinja"
    cache.mkdir(parents=True, exist_ok=True)
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(root)] + ([str(extras)] if extras is not None else [])),
        bytecode_cache=jinja2.FileSystemBytecodeCache(str(cache)),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.globals["notice"] = NOTICE
    return env


def render_target(
    api: ir.Api, matrix: Matrix, target: Target, templates_root: Path, staging: Path, *, extras_root: Path | None = None
) -> list[Path]:
    """Renders `target` under staging/<output>; returns the files written, relative to staging."""
    extras = extras_root if extras_root is not None and extras_root.is_dir() else None
    env = environment(templates_root, extras)
    out_dir = staging / target.output
    namers = {**NAMERS, "proto": ProtoNamer}
    namer = namers[target.language]()
    bind = getattr(namer, "bound", None)
    if callable(bind):  # a namer that reads the spec (initialisms, overrides) learns it once here
        namer = bind(api)
    context = {"api": api, "matrix": matrix, "n": namer, "target": target}
    written: list[Path] = []
    for root, path in _sources(templates_root, extras, target):
        relative = path.relative_to(root / target.templates)
        if path.suffix == ".j2":
            dest = out_dir / relative.with_suffix("")
            template = env.get_template(path.relative_to(root).as_posix())
            _write(dest, template.render(context))
        else:
            dest = out_dir / relative
            _copy(path, dest, f"{root.name}/{target.templates}/{relative.as_posix()}")
        written.append(dest.relative_to(staging))
    if target.runtime is not None:
        runtime = templates_root / target.templates / "runtime"
        written += _copy_runtime(runtime, out_dir / target.runtime, target, staging)
    return written


def _sources(templates_root: Path, extras: Path | None, target: Target) -> list[tuple[Path, Path]]:
    """(root, file) of every file of the target in templates/ and then in the spec's extras/."""
    skip_runtime = target.runtime is not None
    found = [(templates_root, p) for p in _walk(templates_root / target.templates, skip_runtime)]
    if extras is not None and (extras / target.templates).is_dir():
        found += [(extras, p) for p in _walk(extras / target.templates, skip_runtime=False)]
    return found


def _walk(source: Path, skip_runtime: bool) -> list[Path]:
    files = []
    for path in sorted(source.rglob("*")):
        parts = path.relative_to(source).parts
        if not path.is_file() or any(p in SKIP for p in parts) or path.name.endswith(MACROS):
            continue
        if skip_runtime and parts[0] == "runtime":
            continue
        files.append(path)
    return files


def _copy_runtime(source: Path, dest: Path, target: Target, staging: Path) -> list[Path]:
    written: list[Path] = []
    if not source.is_dir():
        return written
    for path in sorted(source.rglob("*")):
        parts = path.relative_to(source).parts
        if not path.is_file() or any(p in SKIP for p in parts):
            continue
        out = dest / path.relative_to(source)
        _copy(path, out, f"templates/{target.templates}/runtime/{path.relative_to(source).as_posix()}")
        written.append(out.relative_to(staging))
    return written


def _copy(source: Path, dest: Path, origin: str) -> None:
    """Copies verbatim, adding a do-not-edit line that names the source for commentable files."""
    prefix = COMMENT.get(source.suffix)
    if prefix is None:
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, dest)
        return
    text = source.read_text(encoding="utf-8")
    # Go reads a comment right above `package` as the package's documentation: keep a blank line.
    gap = "\n\n" if source.suffix == ".go" else "\n"
    _write(dest, f"{prefix} Code generated from {origin} by generator/; DO NOT EDIT.{gap}{text}")


def _write(dest: Path, text: str) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(text, encoding="utf-8", newline="\n")
