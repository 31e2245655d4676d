"""Renders template trees into a staging folder: *.j2 files through Jinja2, the rest copied."""

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
def environment(root: Path) -> jinja2.Environment:
    """The one Jinja2 environment: strict undefined, trimmed blocks, trailing newlines kept.

    Shared by every target (macros compile once) and backed by a bytecode cache keyed by each
    template's source checksum, so unchanged templates are not recompiled on the next run.
    """
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "dwcp" / "jinja"
    cache.mkdir(parents=True, exist_ok=True)
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(root)),
        bytecode_cache=jinja2.FileSystemBytecodeCache(str(cache)),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.globals["notice"] = NOTICE
    return env


def render_target(api: ir.Api, matrix: Matrix, target: Target, templates_root: Path, staging: Path) -> list[Path]:
    """Renders `target` under staging/<output>; returns the files written, relative to staging."""
    env = environment(templates_root)
    source = templates_root / target.templates
    out_dir = staging / target.output
    namers = {**NAMERS, "proto": ProtoNamer}
    context = {"api": api, "matrix": matrix, "n": namers[target.language](), "target": target}
    written: list[Path] = []
    for path in _walk(source, skip_runtime=target.runtime is not None):
        relative = path.relative_to(source)
        if path.suffix == ".j2":
            dest = out_dir / relative.with_suffix("")
            template = env.get_template(path.relative_to(templates_root).as_posix())
            _write(dest, template.render(context))
        else:
            dest = out_dir / relative
            _copy(path, dest, f"templates/{target.templates}/{relative.as_posix()}")
        written.append(dest.relative_to(staging))
    if target.runtime is not None:
        written += _copy_runtime(source / "runtime", out_dir / target.runtime, target, staging)
    return written


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
    _write(dest, f"{prefix} Code generated from {origin} by generator/; DO NOT EDIT.\n{text}")


def _write(dest: Path, text: str) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(text, encoding="utf-8", newline="\n")
