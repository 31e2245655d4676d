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


def install_node_tools(session: nox.Session) -> None:
    """npm ci of tools/node (biome, the TypeScript formatter), once per checkout."""
    marker = NODE_TOOLS / "node_modules" / ".package-lock.json"
    lock = NODE_TOOLS / "package-lock.json"
    if marker.exists() and marker.stat().st_mtime >= lock.stat().st_mtime:
        return
    session.run("npm", "ci", "--no-audit", "--no-fund", "--prefix", str(NODE_TOOLS), external=True)


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
