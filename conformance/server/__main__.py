"""python -m conformance.server --port 9000 --api-key KEY [--tls] [--conformance] [--clock-speed N]."""

from __future__ import annotations

import argparse
import asyncio
import logging

from conformance.server import cluster
from conformance.server.app import Listen, serve
from conformance.server.settings import Settings


def parse(argv: list[str] | None = None) -> tuple[Settings, Listen]:
    """Settings and listen options from the command line."""
    parser = argparse.ArgumentParser(prog="python -m conformance.server", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=9000, help="0 picks a free port (see --ready-file)")
    parser.add_argument("--api-key", default="test-key")
    parser.add_argument("--tls", action="store_true", help="HTTPS with a certificate made at start")
    parser.add_argument("--cert", help="PEM certificate (with --key) instead of a generated one")
    parser.add_argument("--key", help="PEM private key of --cert")
    parser.add_argument("--conformance", action="store_true", help="enable the /_conformance/ control API")
    parser.add_argument("--clock-speed", type=float, default=1.0, help="model time runs N times faster")
    parser.add_argument("--cluster", help="JSON file of nodes replacing the default cluster")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--ready-file", help="write {url, host, port, ca_file} here once listening")
    parser.add_argument("--parent-pipe", action="store_true", help="exit when standard input closes")
    args = parser.parse_args(argv)
    if args.clock_speed <= 0:
        parser.error("--clock-speed must be positive")
    if bool(args.cert) != bool(args.key):
        parser.error("--cert and --key go together")
    settings = Settings(
        api_key=args.api_key, seed=args.seed, clock_speed=args.clock_speed, conformance=args.conformance
    )
    if args.cluster:
        settings = settings.with_overrides({"cluster": {"nodes": cluster.load(args.cluster)}})
    listen = Listen(
        args.host, args.port, args.tls or bool(args.cert), args.cert, args.key, args.ready_file, args.parent_pipe
    )
    return settings, listen


def main(argv: list[str] | None = None) -> None:
    """Runs the server in the foreground until interrupted."""
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    settings, listen = parse(argv)
    asyncio.run(serve(settings, listen))


if __name__ == "__main__":
    main()
