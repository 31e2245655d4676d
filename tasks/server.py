"""Sessions of the conformance server: check (tests), serve, fuzz, bench, and running_server for others."""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator
from pathlib import Path

import nox

from conformance.server import testing
from tasks import common

ROOT = Path(__file__).resolve().parent.parent
SERVER_DEPS = ["aiohttp==3.14.5", "orjson==3.13.0", "cryptography==50.0.2"]
TEST_DEPS = ["pytest==9.2.0"]


def install(session: nox.Session) -> None:
    """The server's pinned runtime dependencies, into the session's venv."""
    session.install(*SERVER_DEPS)


@contextlib.contextmanager
def running_server(
    session: nox.Session,
    *,
    conformance: bool = True,
    tls: bool = False,
    clock_speed: float = 1000.0,
    api_key: str = "test-key",
    port: int = 0,
    extra: list[str] | None = None,
) -> Iterator[testing.RunningServer]:
    """Installs the server's deps, starts it with the session's python, yields url/host/port/api_key/ca_file."""
    install(session)
    python = str(Path(session.bin) / "python")
    server = testing.start_server(
        python=python,
        conformance=conformance,
        tls=tls,
        clock_speed=clock_speed,
        api_key=api_key,
        port=port,
        extra=extra,
    )
    session.log(f"conformance server on {server.url}")
    try:
        yield server
    finally:
        server.stop()


def check(session: nox.Session) -> None:
    """tests/server over real sockets."""
    install(session)
    session.install(*TEST_DEPS)
    # tests/conftest.py belongs to the generator tests (and their deps): stop conftest lookup here.
    args = ["pytest", "tests/server", "--confcutdir", "tests/server", *session.posargs]
    session.run(*args, env={"PYTHONPATH": str(ROOT)})


def serve(session: nox.Session) -> None:
    """Runs the server in the foreground with the posargs flags (the key: DWCP_API_KEY or --api-key-file)."""
    install(session)
    parser = argparse.ArgumentParser(prog="nox -s serve --")
    flags = ["--port", "--api-key", "--api-key-file", "--cert", "--key", "--clock-speed", "--cluster", "--host"]
    flags += ["--seed", "--max-connections", "--backlog", "--header-timeout", "--body-timeout"]
    flags += ["--keepalive-timeout", "--auth-failure-limit", "--auth-failure-window-ms"]
    for flag in flags:
        parser.add_argument(flag)
    for flag in ("--tls", "--conformance"):
        parser.add_argument(flag, action="store_true")
    parser.add_argument("--control-origin", action="append", default=[])
    known = vars(parser.parse_args(session.posargs))
    args: list[str] = []
    for name, value in known.items():
        flag = "--" + name.replace("_", "-")
        if value is True:
            args.append(flag)
        elif isinstance(value, list):
            for item in value:
                args += [flag, item]
        elif value not in (None, False):
            args += [flag, value]
    session.run("python", "-m", "conformance.server", *args, env={"PYTHONPATH": str(ROOT)})


def fuzz(session: nox.Session) -> None:
    """schemathesis over generated/openapi.json against a live server (tasks/fuzz.py)."""
    from tasks import fuzz as fuzzing

    fuzzing.run(session)


def bench(session: nox.Session) -> None:
    """GET /v3/vms/{id} and an SSE burst on loopback, beside the stack's constant-reply ceiling."""
    install(session)
    common.install_debian(session, "wrk", "wrk")
    session.run("python", "-m", "conformance.server.bench", *session.posargs, env={"PYTHONPATH": str(ROOT)})
