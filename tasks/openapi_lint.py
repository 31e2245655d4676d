"""generated/openapi.json through the ecosystem's linters: Spectral (spectral:oas) and Redocly (recommended).

Both run with zero findings allowed; tools/schemas/spectral.yaml and redocly.yaml name every rule
switched off with its reason. The Node tools are pinned in tools/schemas/package.json (with its lockfile).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import nox

from tasks import common

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / "tools" / "schemas"
BIN = TOOLS / "node_modules" / ".bin"
OPENAPI = ROOT / "generated" / "openapi.json"


def install_schema_tools(session: nox.Session) -> None:
    """npm ci of tools/schemas (Spectral, Redocly, buf), unless node_modules matches the lockfile."""
    common.npm_tools(session, TOOLS)


def run(session: nox.Session) -> None:
    """Spectral fails on any finding (hint and up); Redocly's recommended-strict fails on any warning."""
    install_schema_tools(session)
    spectral = [str(BIN / "spectral"), "lint", "--ruleset", str(TOOLS / "spectral.yaml"), "--fail-severity", "hint"]
    session.run(*spectral, str(OPENAPI), external=True)
    redocly = [str(BIN / "redocly"), "lint", "--config", str(TOOLS / "redocly.yaml"), str(OPENAPI)]
    # Redocly asks its telemetry endpoint on every run; CI reaches only package registries.
    session.run(*redocly, external=True, env={"REDOCLY_TELEMETRY": "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true"})
