"""nox -s bench -- soak: the conformance server under a bounded soak and 1,000 slow clients (issue 14).

Extra arguments go to conformance/server/soak.py (e.g. --seconds 20 --warmup 5 for a short run).
"""

from __future__ import annotations

import nox

from tasks import common
from tasks.server import ROOT, install


def bench(session: nox.Session) -> None:
    """Runs python -m conformance.server.soak in the session's venv, wrk from Debian."""
    install(session)
    common.install_debian(session, "wrk", "wrk")
    extra = [arg for arg in session.posargs if arg != "soak"]
    session.run("python", "-m", "conformance.server.soak", *extra, env={"PYTHONPATH": str(ROOT)})
