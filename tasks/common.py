"""Pinned tool versions and the install steps the sessions share."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import nox

ROOT = Path(__file__).resolve().parent.parent
NODE_TOOLS = ROOT / "tools" / "node"

GENERATOR = ["jinja2==3.1.6", "pyyaml==6.0.4", "jsonschema==4.26.0", "ruff==0.17.6"]
LINT = ["ruff==0.17.6"]
TYPECHECK = ["mypy==2.4.1", "types-pyyaml==6.0.12.20261122", "types-jsonschema==4.26.0.20261006"]
GENERATOR_TESTS = [
    "pytest==9.2.0",
    "openapi-spec-validator==0.9.0",
    "grpcio-tools==1.85.1",
    "googleapis-common-protos==1.76.0",
]
PY_SOURCES = ["generator", "tasks", "tests", "conformance", "noxfile.py"]


def npm_tools(session: nox.Session, folder: Path) -> None:
    """npm ci of a pinned tools folder, unless its node_modules already matches the lock file."""
    marker = folder / "node_modules" / ".package-lock.json"
    lock = folder / "package-lock.json"
    if marker.exists() and marker.stat().st_mtime >= lock.stat().st_mtime:
        return
    session.run("npm", "ci", "--no-audit", "--no-fund", "--prefix", str(folder), external=True)


def install_node_tools(session: nox.Session) -> None:
    """npm ci of tools/node (biome, the TypeScript formatter), once per checkout."""
    npm_tools(session, NODE_TOOLS)


def mirror(source: Path, dest: Path, keep: tuple[str, ...] = ()) -> None:
    """Replaces dest's contents with source's (build outputs left out), keeping the named children of
    dest (node_modules: npm ci is slow)."""
    dest.mkdir(parents=True, exist_ok=True)
    for child in dest.iterdir():
        if child.name in keep:
            continue
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()
    for child in source.iterdir():
        if child.name in keep or child.name in ("target", "node_modules", "dist", "build"):
            continue
        if child.is_dir():
            shutil.copytree(child, dest / child.name)
        else:
            shutil.copy2(child, dest / child.name)


def install_generator(session: nox.Session) -> None:
    """The generator's own dependencies plus the formatters it runs."""
    session.install(*GENERATOR)
    install_node_tools(session)


def install_debian(session: nox.Session, command: str, package: str) -> None:
    """apt-get installs `package` unless `command` is already on PATH (CI machines start without it)."""
    if shutil.which(command) is not None:
        return
    session.run("apt-get", "update", "-qq", external=True)
    session.run("apt-get", "install", "-y", "-qq", "--no-install-recommends", package, external=True)


def check_api_snapshot(session: nox.Session, lang: str, current: str, *, update: bool) -> None:
    """Compares api/<lang>.txt with the SDK's public API `current` (or rewrites it with update), so a
    change of the public API is reviewed in the diff of that file (nox -s sdk_<lang> -- --update-api)."""
    path = ROOT / "api" / f"{lang}.txt"
    if update:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(current, encoding="utf-8")
        session.log(f"wrote {path.relative_to(ROOT)}")
        return
    committed = path.read_text(encoding="utf-8") if path.exists() else ""
    if committed != current:
        diff = difflib.unified_diff(
            committed.splitlines(), current.splitlines(), f"api/{lang}.txt", f"generated/{lang}", lineterm=""
        )
        session.error(f"api/{lang}.txt is stale (nox -s sdk_{lang} -- --update-api):\n" + "\n".join(diff))
