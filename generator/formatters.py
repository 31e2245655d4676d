"""Runs each language's formatter over freshly rendered output, so generated/ is always formatted."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class FormatterError(Exception):
    """A formatter is missing or rejected the rendered code (a template bug)."""


def _run(args: list[str], cwd: Path) -> None:
    # The interpreter's own bin folder first: a venv's ruff even when the venv is not activated.
    search = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    tool = shutil.which(args[0], path=search)
    if tool is None:
        raise FormatterError(f"{args[0]} not found on PATH; run the generator through `nox -s generate`")
    proc = subprocess.run([tool, *args[1:]], cwd=cwd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise FormatterError(f"{' '.join(args)} failed in {cwd}:\n{proc.stdout}{proc.stderr}")


def _only(files: list[Path], suffixes: tuple[str, ...]) -> list[str]:
    return sorted(str(p) for p in files if p.suffix in suffixes)


def format_python(root: Path, files: list[Path]) -> None:
    """ruff: sort imports, then format."""
    names = _only(files, (".py", ".pyi"))
    if names:
        config = ["--config", str(ROOT / "ruff-generated.toml")]
        _run(["ruff", "check", "--fix-only", "--quiet", "--select", "I", *config, *names], root)
        _run(["ruff", "format", "--quiet", *config, *names], root)


def format_go(root: Path, files: list[Path]) -> None:
    """gofmt -s."""
    names = _only(files, (".go",))
    if names:
        _run(["gofmt", "-s", "-w", *names], root)


def format_rust(root: Path, files: list[Path]) -> None:
    """rustfmt, edition 2021."""
    names = _only(files, (".rs",))
    if names:
        _run(["rustfmt", "--edition", "2021", *names], root)


def format_typescript(root: Path, files: list[Path]) -> None:
    """biome (prettier-compatible style, a native binary: ~0.1 s where prettier took ~2 s)."""
    names = _only(files, (".ts", ".mts", ".js", ".mjs"))
    if not names:
        return
    biome = ROOT / "tools" / "node" / "node_modules" / ".bin" / "biome"
    if not biome.exists():
        raise FormatterError("biome not installed; run the generator through `nox -s generate`")
    config = str(ROOT / "tools" / "node" / "biome.json")
    _run([str(biome), "format", "--write", "--no-errors-on-unmatched", "--config-path", config, *names], root)


def format_json(root: Path, files: list[Path]) -> None:
    """Pretty-prints JSON with two-space indentation, keeping key order."""
    del root
    for name in _only(files, (".json",)):
        path = Path(name)
        data = json.loads(path.read_text(encoding="utf-8"))
        path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


FORMATTERS: dict[str, Callable[[Path, list[Path]], None]] = {
    "python": format_python,
    "go": format_go,
    "rust": format_rust,
    "typescript": format_typescript,
    "json": format_json,
}
