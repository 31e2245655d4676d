"""dwcp-server: the DWCP conformance server as an installable command.

The server's code ships under dwcp_server/_impl laid out as in the repository it comes from
(conformance/server and generated/server/dwcp_server_http), so it runs unchanged; only this package
is importable by name, the rest is reached through _impl on sys.path.
"""

from __future__ import annotations

import sys
from pathlib import Path

IMPL = Path(__file__).resolve().parent / "_impl"


def load() -> None:
    """Puts the bundled server on sys.path (idempotent)."""
    if str(IMPL) not in sys.path:
        sys.path.insert(0, str(IMPL))
