"""nox -s fixture: a broad spec that is not DWCP (tests/specs/broad) generates into a temporary folder
and passes every SDK's strict checks, its drivers build, and the server's HTTP layer starts.

This is the test of the generator against a spec it was not written for: every shape the spec format
allows, with no template edit. Each language's tasks/<lang>_sdk.py provides `fixture_check(session, out)`.
"""

from __future__ import annotations

import importlib
import shutil
import tempfile
from pathlib import Path

import nox

from tasks import common

SPEC = common.ROOT / "tests" / "specs" / "broad" / "broad.yaml"
PARTS = ("python", "go", "typescript", "rust", "server")


def run(session: nox.Session) -> None:
    """Generates the fixture and checks every part (or those named: -- python go); `-- --spec PATH`
    checks another spec the same way (a grown copy of spec/dwcp.yaml, say)."""
    common.install_generator(session)
    args = list(session.posargs)
    spec = Path(args[args.index("--spec") + 1]).resolve() if "--spec" in args else SPEC
    parts = [p for p in args if p in PARTS] or list(PARTS)
    out = Path(tempfile.mkdtemp(prefix="dwcp-fixture-"))
    try:
        session.run("python", "-m", "generator", "--spec", str(spec), "--out", str(out))
        for part in parts:
            module = importlib.import_module("tasks.server_fixture" if part == "server" else f"tasks.{part}_sdk")
            module.fixture_check(session, out)
    finally:
        shutil.rmtree(out, ignore_errors=True)
