"""`nox -s fuzz`: schemathesis against generated/openapi.json on a live conformance server.

Every check, positive and negative data, and all four phases (examples, coverage, fuzzing, stateful
through the document's links), bounded by examples per operation, stateful steps and a time budget so
that it fits CI. tools/schemathesis/schemathesis.toml lists, with reasons, each deliberately documented
behaviour a check disagrees with; anything else a check reports fails the session.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import nox

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "tools" / "schemathesis" / "schemathesis.toml"
FUZZ_DEPS = ["schemathesis==4.32.5"]
# A budget for the fuzzing and stateful phases together (they repeat until it is spent).
MAX_TIME_S = 90


def run(session: nox.Session) -> None:
    """Runs schemathesis with the config file; posargs go to `schemathesis run`."""
    from tasks import server as server_tasks

    session.install(*FUZZ_DEPS)
    # schemathesis sends thousands of wrong keys from one address on purpose (and expects 401 to each):
    # the failed-authentication throttle (tests/server cover it) is set out of its way.
    extra = ["--auth-failure-limit", "1000000"]
    with server_tasks.running_server(session, conformance=False, clock_speed=1000.0, extra=extra) as server:
        args = ["schemathesis", "--config-file", str(CONFIG), "run", str(ROOT / "generated" / "openapi.json")]
        args += ["--url", server.base_url, "-H", f"Authorization: Bearer {server.api_key}"]
        args += ["--checks", "all", "--mode", "all", "--phases", "examples,coverage,fuzzing,stateful"]
        args += ["--max-time", str(MAX_TIME_S), *session.posargs]
        # schemathesis keeps a .schemathesis/ cache in its working folder: keep it out of the tree.
        with tempfile.TemporaryDirectory() as scratch, session.chdir(scratch):
            session.run(*args)
