"""The Rust SDK's sessions: check (fmt, clippy, tests, examples), the conformance driver, bench.

Crate, driver, examples and bench share one cargo target dir outside the repository (CARGO_TARGET_DIR,
default ~/.cache/dwcp/rust-target), so dependencies compile once per machine and mutant drivers
build incrementally. Builds are --locked: Cargo.lock files come from the templates.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import nox

ROOT = Path(__file__).resolve().parent.parent
SDK = ROOT / "generated" / "rust"
DRIVER = ROOT / "generated" / "drivers" / "rust"
TARGET = Path(os.environ.get("CARGO_TARGET_DIR") or Path.home() / ".cache" / "dwcp" / "rust-target")
DRIVER_BINARIES = TARGET / "drivers"


def _env() -> dict[str, str]:
    return {"CARGO_TARGET_DIR": str(TARGET), "CARGO_TERM_COLOR": "never"}


def _cargo(session: nox.Session, *args: str, cwd: Path, env: dict[str, str] | None = None, silent: bool = False) -> str:
    """Runs `cargo ARGS` in cwd with the shared target dir."""
    with session.chdir(cwd):
        out = session.run("cargo", *args, external=True, env={**_env(), **(env or {})}, silent=silent)
    return out if isinstance(out, str) else ""


def check(session: nox.Session) -> None:
    """cargo fmt --check, clippy -D warnings, cargo test (crate and driver); examples on a live server."""
    check_msrv(session)
    for folder in (SDK, DRIVER):
        _cargo(session, "fmt", "--check", cwd=folder)
        _cargo(session, "clippy", "--locked", "--all-targets", "--", "-D", "warnings", cwd=folder)
    _cargo(session, "test", "--locked", cwd=SDK)
    run_examples(session)


def check_msrv(session: nox.Session) -> None:
    """The crate's rust-version is at least every locked dependency's own rust-version."""
    declared = _version(re.search(r'rust-version = "([\d.]+)"', (SDK / "Cargo.toml").read_text()).group(1))  # type: ignore[union-attr]
    meta = subprocess.run(
        ["cargo", "metadata", "--locked", "--format-version", "1"],
        cwd=SDK,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, **_env()},
    )
    needs = max(
        (
            (_version(p["rust_version"]), p["name"])
            for p in json.loads(meta.stdout)["packages"]
            if p.get("rust_version")
        ),
        default=((0,), ""),
    )
    if needs[0] > declared:
        session.error(
            f"rust-version {declared} is below {needs[1]}'s {needs[0]}: raise it in templates/rust/Cargo.toml.j2"
        )
    session.log(f"rust-version {'.'.join(map(str, declared))} covers every dependency (highest: {needs[1]})")


def _version(text: str) -> tuple[int, ...]:
    parts = [int(part) for part in text.split(".")]
    return tuple(parts + [0] * (3 - len(parts)))


def run_examples(session: nox.Session) -> None:
    """Builds every example under generated/rust/examples and runs each against the conformance server."""
    from tasks.server import running_server

    examples = sorted(p.stem for p in (SDK / "examples").glob("*.rs"))
    _cargo(session, "build", "--locked", "--examples", cwd=SDK)
    with running_server(session, conformance=True, clock_speed=1000.0, api_key="test-key") as server:
        env = {"DWCP_ADDRESS": server.host, "DWCP_PORT": str(server.port), "DWCP_API_KEY": server.api_key}
        for example in examples:
            session.log(f"example {example}")
            session.run(str(TARGET / "debug" / "examples" / example), external=True, env=env)


def driver_command(session: nox.Session, generated_root: Path | None = None) -> list[str]:
    """Builds the driver in generated_root/drivers/rust (default generated/) and returns [binary].

    Each tree's binary is copied out under its own name, so a mutant's build never replaces the
    driver another run is using.
    """
    root = (generated_root or ROOT / "generated").resolve()
    _cargo(session, "build", "--locked", "--quiet", cwd=root / "drivers" / "rust")
    digest = hashlib.sha256(str(root).encode()).hexdigest()[:12]
    DRIVER_BINARIES.mkdir(parents=True, exist_ok=True)
    binary = DRIVER_BINARIES / f"dwcp-driver-{digest}"
    shutil.copy2(TARGET / "debug" / "dwcp-driver", binary)
    return [str(binary)]


def bench(session: nox.Session) -> None:
    """SDK get vs bare reqwest, and stream consumption vs a bare reqwest SSE reader, in one release run."""
    from tasks.server import running_server

    with running_server(session, conformance=True, clock_speed=1000.0, api_key="test-key") as server:
        env = {"DWCP_BENCH_URL": server.url, "DWCP_API_KEY": server.api_key}
        _cargo(session, "bench", "--locked", "--bench", "sdk_vs_reqwest", cwd=SDK, env=env)
