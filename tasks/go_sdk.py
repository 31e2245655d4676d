"""The Go SDK's sessions: check (gofmt, vet, race tests, API snapshot, examples), the conformance
driver, the broad fixture's checks, bench."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

import nox

from tasks import common

ROOT = Path(__file__).resolve().parent.parent
SDK = ROOT / "generated" / "go"
# The OpenTelemetry integration: a module of its own, so the SDK's module stays standard-library only.
OTEL = SDK / "dwcpotel"
DRIVER = ROOT / "generated" / "drivers" / "go"
CACHE = Path(tempfile.gettempdir()) / "dwcp-go-driver"
# `go doc -all` sections; the package comment before the first one is prose, not API.
SECTIONS = ("CONSTANTS", "VARIABLES", "FUNCTIONS", "TYPES")
# The SDK's module needs no download (standard library only); dwcpotel and the driver fetch the
# OpenTelemetry modules their committed go.sum pins, from the Go module proxy (readonly: go.mod and
# go.sum are generated, never rewritten by a build). Never ask for a newer toolchain.
GO_ENV = {"GOTOOLCHAIN": "local", "GOFLAGS": "-mod=readonly", "CGO_ENABLED": "1"}


def _go(session: nox.Session, *args: str, cwd: Path, silent: bool = False, env: dict[str, str] | None = None) -> str:
    """Runs `go ARGS` in cwd with the pinned environment."""
    with session.chdir(cwd):
        out = session.run("go", *args, external=True, env={**GO_ENV, **(env or {})}, silent=silent)
    return out if isinstance(out, str) else ""


def _gofmt_clean(session: nox.Session, folder: Path) -> None:
    with session.chdir(folder):
        listed = session.run("gofmt", "-l", ".", external=True, silent=True)
    if isinstance(listed, str) and listed.strip():
        session.error(f"gofmt -l is not empty in {folder}:\n{listed}")


def check(session: nox.Session) -> None:
    """gofmt -l empty, go vet, go test -race in the SDK and the driver, the API snapshot is current,
    examples run on a live server. `-- --update-api` rewrites api/go.txt instead of comparing it."""
    for folder in (SDK, OTEL, DRIVER):
        _gofmt_clean(session, folder)
        _go(session, "vet", "./...", cwd=folder)
    check_api(session, update="--update-api" in session.posargs)
    _stdlib_only(session)
    for folder in (SDK, OTEL, DRIVER):
        _go(session, "test", "-race", "-count=1", "./...", cwd=folder)
    run_examples(session)


def _stdlib_only(session: nox.Session) -> None:
    """Fails when the SDK's module requires any other module (dwcpotel holds the OpenTelemetry ones)."""
    listed = _go(session, "list", "-m", "all", cwd=SDK, silent=True).split()
    if len(listed) != 1:
        session.error(f"the Go SDK's module must stay standard-library only, it lists {listed}")


def api_snapshot(session: nox.Session, sdk_dir: Path) -> str:
    """The public API of the Go package in sdk_dir: `go doc -all` without its prose.

    Every exported constant, variable, function, type (with its fields) and method keeps its full
    declaration; doc comments (indented text and `//` lines inside declarations) are dropped, so
    the snapshot changes only when a signature does. A string constant's value (the SpecHash, the
    Version) changes with every release, so only its name and type are kept.
    """
    text = _go(session, "doc", "-all", ".", cwd=sdk_dir, silent=True)
    out: list[str] = []
    started = False
    for line in text.splitlines():
        started = started or line in SECTIONS
        if not started or not line.strip() or line.startswith("    ") or re.match(r"^\t+//", line):
            continue
        out.append(re.sub(r'^(const \w+) = "[^"]*"$', r"\1 string", line.rstrip()))
    return "\n".join(out) + "\n"


def check_api(session: nox.Session, update: bool = False) -> None:
    """Fails when api/go.txt is not the snapshot of generated/go (or rewrites it with update)."""
    common.check_api_snapshot(session, "go", api_snapshot(session, SDK), update=update)


def fixture_check(session: nox.Session, out: Path) -> None:
    """The Go SDK and driver generated from the broad fixture (out/): gofmt, vet, runtime tests, driver build."""
    sdk, driver = out / "go", out / "drivers" / "go"
    for folder in (sdk, sdk / "dwcpotel", driver):
        _gofmt_clean(session, folder)
        _go(session, "vet", "./...", cwd=folder)
    _go(session, "test", "-count=1", "./...", cwd=sdk)
    with tempfile.TemporaryDirectory(prefix="dwcp-go-fixture-") as tmp:
        _go(session, "build", "-o", str(Path(tmp) / "conformance-driver"), ".", cwd=driver)


def run_examples(session: nox.Session) -> None:
    """Builds every program under generated/go/examples and runs it against the conformance server."""
    from tasks.server import running_server

    examples = sorted(p.parent for p in (SDK / "examples").glob("*/main.go"))
    with tempfile.TemporaryDirectory(prefix="dwcp-go-examples-") as tmp:
        _go(session, "build", "-o", tmp + os.sep, "./examples/...", cwd=SDK)
        with running_server(session, conformance=True, clock_speed=1000.0, api_key="test-key") as server:
            env = {"DWCP_ADDRESS": server.host, "DWCP_PORT": str(server.port), "DWCP_API_KEY": server.api_key}
            for example in examples:
                session.log(f"example {example.name}")
                session.run(str(Path(tmp) / example.name), external=True, env=env)


def driver_command(session: nox.Session, generated_root: Path | None = None) -> list[str]:
    """Builds the driver from generated_root/drivers/go (default generated/) and returns its argv."""
    root = (generated_root or ROOT / "generated").resolve()
    driver = root / "drivers" / "go"
    digest = hashlib.sha256(str(root).encode()).hexdigest()[:12]
    out_dir = CACHE / digest
    out_dir.mkdir(parents=True, exist_ok=True)
    binary = out_dir / "conformance-driver"
    _go(session, "build", "-o", str(binary), ".", cwd=driver)
    return [str(binary)]


def bench(session: nox.Session) -> None:
    """SDK Get vs bare net/http, and stream consumption vs bare consumers, in one go test -bench run.

    Each benchmark takes a fixed number of samples (DWCP_BENCH_GETS, default 5000 Get pairs;
    DWCP_BENCH_ROUNDS, default 5 rounds of a 20,000-event burst), so -benchtime is 1x: one run each.
    """
    from tasks.server import running_server

    with running_server(session, conformance=True, clock_speed=1000.0, api_key="test-key") as server:
        env = {"DWCP_BENCH_URL": server.url, "DWCP_API_KEY": server.api_key}
        for name in ("DWCP_BENCH_GETS", "DWCP_BENCH_ROUNDS"):
            if name in os.environ:
                env[name] = os.environ[name]
        bench_args = ["-run", "^$", "-bench", ".", "-benchtime", "1x", "-count", "1", "./bench/"]
        _go(session, "test", *bench_args, cwd=DRIVER, env=env)


def clean() -> None:
    """Drops the cached driver binaries."""
    shutil.rmtree(CACHE, ignore_errors=True)


if __name__ == "__main__":
    sys.exit("run through nox: nox -s sdk_go | bench -- go | conformance -- --lang go")
