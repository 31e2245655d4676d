"""dwcp-server --port 9000 --api-key KEY [--tls] [--conformance] [--clock-speed N] (and every flag of the server)."""

from __future__ import annotations

import sys

from dwcp_server import load


def main(argv: list[str] | None = None) -> None:
    """Runs the conformance server in the foreground until interrupted."""
    load()
    from conformance.server import __main__ as server

    args = sys.argv[1:] if argv is None else argv
    sys.argv[0] = "dwcp-server"
    server.main(args)


if __name__ == "__main__":
    main()
