"""The Python SDK (generated/python): its own checks, the conformance driver command and the benchmark."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import nox

from tasks import common

ROOT = Path(__file__).resolve().parent.parent
SDK = ROOT / "generated" / "python"
RUNTIME = ["aiohttp==3.14.5", "pydantic==2.14.4"]
TESTS = ["pytest==9.2.0", "pytest-asyncio==1.5.0", "mypy==2.4.1", "ruff==0.17.6"]
# The optional extra dwcp[otel] and the SDK the driver, the tests and the bench build tracer providers with.
OTEL = ["opentelemetry-api==1.45.2", "opentelemetry-sdk==1.45.2"]
# Blocking clients SyncClient is measured against (bench only, never SDK dependencies); httpx needs sniffio.
# griffe extracts the public API snapshot (api/python.txt); nox -s spec-diff compares snapshots.
API_TOOLS = ["griffe==2.4.1"]
SYNC_BENCH = ["urllib3==2.8.0", "httpx==0.28.1", "sniffio==1.3.1"]


def install(session: nox.Session, generated_root: Path | None = None) -> Path:
    """Installs the SDK from generated_root/python (a non-editable copy) with its pinned dependencies."""
    package = (generated_root or ROOT / "generated") / "python"
    session.install(*RUNTIME, *OTEL)
    session.install("--no-deps", "--force-reinstall", str(package))
    return package


def api_snapshot(session: nox.Session, sdk_dir: Path) -> str:
    """The public API of the SDK in sdk_dir (every exported type, function, method, field), from griffe."""
    session.install(*API_TOOLS)
    script = str(ROOT / "tasks" / "python_api.py")
    text = session.run("python", script, str(sdk_dir / "src"), "dwcp", silent=True)
    return str(text)


def check_api(session: nox.Session, update: bool) -> None:
    """Fails when api/python.txt is not the generated SDK's public API; `-- --update-api` rewrites it."""
    common.check_api_snapshot(session, "python", api_snapshot(session, SDK), update=update)


def check(session: nox.Session) -> None:
    """ruff, ruff format --check, mypy --strict, the unit tests, the API snapshot, then every example live."""
    from tasks.server import running_server

    install(session)
    session.install(*TESTS)
    update = "--update-api" in session.posargs
    with session.chdir(SDK):
        session.run("ruff", "check", ".")
        session.run("ruff", "format", "--check", ".")
        session.run("mypy", "--strict")
        session.run("pytest", *[arg for arg in session.posargs if arg != "--update-api"])
    check_api(session, update)
    with running_server(session, conformance=True, clock_speed=1000.0, api_key="test-key") as server:
        env = {"DWCP_ADDRESS": server.host, "DWCP_PORT": str(server.port), "DWCP_API_KEY": server.api_key}
        env["DWCP_TLS"] = "0"
        for example in sorted((SDK / "examples").glob("[!_]*.py")):
            session.log(f"example {example.name}")
            session.run("python", str(example), env=env)


def fixture_check(session: nox.Session, out: Path) -> None:
    """The SDK generated from another spec (nox -s fixture): strict checks and unit tests; its driver answers."""
    package = install(session, out)
    session.install(*TESTS)
    driver = out / "drivers" / "python" / "driver.py"
    with session.chdir(package):
        session.run("ruff", "check", ".", str(driver))
        session.run("ruff", "format", "--check", ".", str(driver))
        session.run("mypy", "--strict")
        session.run("mypy", "--strict", str(driver))
        session.run("pytest", "-q")
    hello = '{"id": 1, "cmd": "hello"}\n{"id": 2, "cmd": "shutdown"}\n'
    reply = subprocess.run(
        [str(Path(session.bin) / "python"), str(driver)], input=hello, capture_output=True, text=True, check=False
    )
    if reply.returncode != 0 or '"ok": true' not in reply.stdout.splitlines()[0]:
        session.error(f"the fixture's Python driver did not answer hello:\n{reply.stdout}{reply.stderr}")


def driver_command(session: nox.Session, generated_root: Path | None = None) -> list[str]:
    """Installs the SDK from generated_root (default generated/) and returns the driver's argv."""
    root = generated_root or ROOT / "generated"
    install(session, root)
    return [str(Path(session.bin) / "python"), str(root / "drivers" / "python" / "driver.py")]


def bench(session: nox.Session) -> None:
    """The SDK's get() and a replayed event burst against bare aiohttp, in one run.

    get() runs against a plain server (no conformance journal growing with every call, as in production);
    the burst needs the control API (POST /_conformance/events), so it reads from a conformance-mode one.
    Then SyncClient's sequential get() against urllib3 and httpx.Client (sync_bench.py) on the plain server.
    Extra arguments after `--` that are not the area name go to bench.py (e.g. --requests 2000).
    """
    from tasks.server import running_server

    install(session)
    session.install(*SYNC_BENCH)
    extra = [arg for arg in session.posargs if arg != "python"]
    with (
        running_server(session, conformance=False, clock_speed=1000.0, api_key="test-key") as plain,
        running_server(session, conformance=True, clock_speed=1000.0, api_key="test-key") as burst,
    ):
        args = ["--host", plain.host, "--port", str(plain.port), "--burst-port", str(burst.port)]
        args += ["--api-key", plain.api_key]
        session.run("python", str(SDK / "benchmarks" / "bench.py"), *args, *extra)
        sync_args = ["--host", plain.host, "--port", str(plain.port), "--api-key", plain.api_key]
        session.run("python", str(SDK / "benchmarks" / "sync_bench.py"), *sync_args)


if __name__ == "__main__":
    sys.exit("run through nox: nox -s sdk_python | bench -- python | conformance -- --lang python")
