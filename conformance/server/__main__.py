"""python -m conformance.server --port 9000 [--api-key-file FILE] [--tls] [--conformance] [--clock-speed N].

The API key comes from --api-key-file, or DWCP_API_KEY, or --api-key (which shows in `ps`: avoid it
outside throwaway tests); the default is test-key. It is never logged.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
from pathlib import Path

from conformance.server import cluster
from conformance.server.app import Listen, serve
from conformance.server.limits import install_log_limits
from conformance.server.settings import Limits, Settings


def parse(argv: list[str] | None = None) -> tuple[Settings, Listen]:
    """Settings and listen options from the command line."""
    parser = argparse.ArgumentParser(prog="python -m conformance.server", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=9000, help="0 picks a free port (see --ready-file)")
    parser.add_argument("--api-key", help="the key on the command line (shows in ps); prefer DWCP_API_KEY")
    parser.add_argument("--api-key-file", help="a file whose first line is the API key")
    parser.add_argument("--tls", action="store_true", help="HTTPS with a certificate made at start")
    parser.add_argument("--cert", help="PEM certificate (with --key) instead of a generated one")
    parser.add_argument("--key", help="PEM private key of --cert")
    parser.add_argument("--conformance", action="store_true", help="enable the /_conformance/ control API")
    parser.add_argument("--clock-speed", type=float, default=1.0, help="model time runs N times faster")
    parser.add_argument("--cluster", help="JSON file of nodes replacing the default cluster")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--ready-file", help="write {url, host, port, ca_file} here once listening")
    parser.add_argument("--parent-pipe", action="store_true", help="exit when standard input closes")
    defaults = Limits()
    parser.add_argument("--max-connections", type=int, default=defaults.max_connections)
    parser.add_argument("--backlog", type=int, default=defaults.backlog)
    parser.add_argument("--header-timeout", type=float, default=defaults.header_timeout_s, help="seconds")
    parser.add_argument("--body-timeout", type=float, default=defaults.body_timeout_s, help="seconds")
    parser.add_argument("--keepalive-timeout", type=float, default=defaults.keepalive_s, help="seconds")
    parser.add_argument("--auth-failure-limit", type=int, help="failed authentications per address per window")
    parser.add_argument("--auth-failure-window-ms", type=int, help="the throttle's window in ms")
    parser.add_argument(
        "--control-origin",
        action="append",
        default=[],
        help="a browser origin (scheme://host:port) allowed to use the control API; repeatable",
    )
    args = parser.parse_args(argv)
    for name in ("max_connections", "backlog", "header_timeout", "body_timeout", "keepalive_timeout"):
        if getattr(args, name) <= 0:
            parser.error(f"--{name.replace('_', '-')} must be positive")
    if args.clock_speed <= 0:
        parser.error("--clock-speed must be positive")
    if bool(args.cert) != bool(args.key):
        parser.error("--cert and --key go together")
    limits = Limits(
        max_connections=args.max_connections,
        backlog=args.backlog,
        header_timeout_s=args.header_timeout,
        body_timeout_s=args.body_timeout,
        keepalive_s=args.keepalive_timeout,
        control_origins=tuple(o.rstrip("/") for o in args.control_origin),
    )
    settings = Settings(
        api_key=_api_key(parser, args),
        seed=args.seed,
        clock_speed=args.clock_speed,
        conformance=args.conformance,
        limits=limits,
    )
    throttle = {"auth_failure_limit": args.auth_failure_limit, "auth_failure_window_ms": args.auth_failure_window_ms}
    try:
        settings = settings.with_overrides({k: v for k, v in throttle.items() if v is not None})
    except ValueError as exc:
        parser.error(str(exc))
    if args.cluster:
        settings = settings.with_overrides({"cluster": {"nodes": cluster.load(args.cluster)}})
    listen = Listen(
        args.host, args.port, args.tls or bool(args.cert), args.cert, args.key, args.ready_file, args.parent_pipe
    )
    return settings, listen


def _api_key(parser: argparse.ArgumentParser, args: argparse.Namespace) -> str:
    """--api-key-file, else --api-key, else DWCP_API_KEY, else test-key; never empty, one line."""
    key = ""
    if args.api_key_file:
        try:
            lines = Path(args.api_key_file).read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            parser.error(f"--api-key-file: cannot read it ({exc.strerror})")
        key = lines[0].strip() if lines else ""
        if not key:
            parser.error("--api-key-file: the file holds no key")
    key = key or args.api_key or os.environ.get("DWCP_API_KEY") or "test-key"
    if any(c in key for c in "\r\n\0"):
        parser.error("the API key must be one line")
    return key


def main(argv: list[str] | None = None) -> None:
    """Runs the server in the foreground until interrupted."""
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    install_log_limits()
    settings, listen = parse(argv)
    asyncio.run(serve(settings, listen))


if __name__ == "__main__":
    main()
