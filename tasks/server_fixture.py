"""nox -s fixture -- server: the HTTP layer generated from the broad test spec starts and answers.

The conformance server runs over that layer (DWCP_SERVER_HTTP) with its DWCP simulator: every
operation the simulator does not implement must answer the typed 501 not_implemented (listed once
at start-up), the others a success or a typed error; the server must start whatever the spec holds.
"""

from __future__ import annotations

from pathlib import Path

import nox

from conformance.server import testing
from tasks.server import ROOT, install


def fixture_check(session: nox.Session, out: Path) -> None:
    """Starts the server on the layer generated into out/server and probes every operation."""
    install(session)
    layer = out / "server"
    if not (layer / "dwcp_server_http" / "operations.py").is_file():
        session.error(f"no generated server layer in {layer}")
    python = str(Path(session.bin) / "python")
    env = {"DWCP_SERVER_HTTP": str(layer)}
    server = testing.start_server(python=python, conformance=False, env=env)
    try:
        session.log(f"server over the fixture's HTTP layer on {server.url}")
        session.run(
            "python",
            "-m",
            "conformance.server.probe",
            server.url,
            server.api_key,
            env={"PYTHONPATH": str(ROOT), **env},
        )
    finally:
        server.stop()
