"""nox -s workflows: actionlint over .github/workflows/ (ci.yml and release.yml)."""

from __future__ import annotations

import os
from pathlib import Path

import nox

from tasks import registries

ROOT = Path(__file__).resolve().parent.parent
ACTIONLINT = "github.com/rhysd/actionlint/cmd/actionlint"
ACTIONLINT_VERSION = "v1.7.12"


def actionlint_binary(session: nox.Session) -> Path:
    """actionlint at the pinned version, built from its Go module once into ~/.cache/dwcp/tools."""
    bin_dir = registries.TOOLS_HOME / f"actionlint-{ACTIONLINT_VERSION}" / "bin"
    binary = bin_dir / "actionlint"
    if not binary.exists():
        env = {"GOBIN": str(bin_dir), "GOFLAGS": "-mod=mod", "GOTOOLCHAIN": os.environ.get("GOTOOLCHAIN", "auto")}
        session.run("go", "install", f"{ACTIONLINT}@{ACTIONLINT_VERSION}", external=True, env=env)
    return binary


def actionlint(session: nox.Session) -> None:
    """Checks every workflow (syntax, expressions, action inputs, job graph)."""
    workflows = sorted(str(p) for p in (ROOT / ".github" / "workflows").glob("*.yml"))
    if not workflows:
        session.error("no workflow under .github/workflows/")
    session.run(str(actionlint_binary(session)), "-color", *workflows, external=True)
