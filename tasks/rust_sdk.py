"""The Rust SDK's sessions: check (fmt, clippy, tests, API snapshot, examples), the conformance
driver, the broad fixture's checks, bench.

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

from tasks import common

ROOT = Path(__file__).resolve().parent.parent
SDK = ROOT / "generated" / "rust"
DRIVER = ROOT / "generated" / "drivers" / "rust"
TARGET = Path(os.environ.get("CARGO_TARGET_DIR") or Path.home() / ".cache" / "dwcp" / "rust-target")
DRIVER_BINARIES = TARGET / "drivers"
# String and char literals (their braces are not blocks), then line comments.
_LITERALS = re.compile(r"""r#*"[^"]*"#*|b?"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])'""")
_COMMENT = re.compile(r"//.*$")


def _env() -> dict[str, str]:
    return {"CARGO_TARGET_DIR": str(TARGET), "CARGO_TERM_COLOR": "never"}


def _cargo(session: nox.Session, *args: str, cwd: Path, env: dict[str, str] | None = None, silent: bool = False) -> str:
    """Runs `cargo ARGS` in cwd with the shared target dir."""
    with session.chdir(cwd):
        out = session.run("cargo", *args, external=True, env={**_env(), **(env or {})}, silent=silent)
    return out if isinstance(out, str) else ""


def check(session: nox.Session) -> None:
    """cargo fmt --check, clippy -D warnings (crate with and without `otel`, driver), cargo test
    (with `otel`), the API snapshot is
    current, examples on a live server. `-- --update-api` rewrites api/rust.txt instead of comparing it."""
    check_msrv(session)
    check_api(session, update="--update-api" in session.posargs)
    for folder in (SDK, DRIVER):
        _cargo(session, "fmt", "--check", cwd=folder)
        _cargo(session, "clippy", "--locked", "--all-targets", "--", "-D", "warnings", cwd=folder)
    # The `otel` feature's code (spans, traceparent) is linted and tested too; default features stay lean.
    _cargo(session, "clippy", "--locked", "--all-targets", "--features", "otel", "--", "-D", "warnings", cwd=SDK)
    _cargo(session, "test", "--locked", "--features", "otel", cwd=SDK)
    run_examples(session)


def api_snapshot(sdk_dir: Path) -> str:
    """The public API of the crate in sdk_dir, one self-describing line per item.

    Read from the rustfmt-formatted sources (src/, with its public runtime module): every `pub` item
    at module level (struct, enum, fn, const, type, use, mod) with its signature, every `pub` field
    and every variant of a public struct or enum, every `pub` method of an inherent impl, and every
    trait impl. Bodies, doc comments, attributes and constant values are dropped, so the snapshot
    changes only when a signature does. (rustdoc's JSON needs a nightly toolchain and a second build
    of every dependency; cargo-semver-checks is not installed here.)
    """
    out: list[str] = []
    for path in sorted((sdk_dir / "src").rglob("*.rs")):
        if path.stem.endswith("tests"):
            continue  # a `#[cfg(test)]` module in its own file (runtime/loop_tests.rs)
        module = path.relative_to(sdk_dir / "src").with_suffix("").as_posix()
        out += [f"{module}: {line}" for line in _public_items(path.read_text(encoding="utf-8"))]
    return "\n".join(out) + "\n"


def _public_items(text: str) -> list[str]:
    items: list[str] = []
    depth = 0
    # The innermost item whose members are collected, with the depth its body opens at.
    owner: tuple[str, str, int] | None = None  # (kind: struct/enum/impl, header, depth)
    pending = ""
    for raw in text.splitlines():
        line = _COMMENT.sub("", _LITERALS.sub('""', raw)).strip()
        if not line or line.startswith("#"):
            depth += line.count("{") - line.count("}")
            continue
        if pending:
            pending += " " + line
        elif (depth == 0 and (line.startswith(("pub ", "impl ", "impl<")))) or (
            owner is not None and depth == owner[2] and line != "}" and (owner[0] == "enum" or line.startswith("pub "))
        ):
            pending = line
        member = owner is not None and depth == owner[2] and owner[0] != "impl"
        ends = ("{" in line or pending.endswith(";")) if not member else pending.endswith((",", "{", "}"))
        if pending and ends:
            _emit(items, pending, depth, owner)
            if depth == 0 and pending.endswith("{"):
                kind = (
                    "impl"
                    if pending.startswith("impl")
                    else next((k for k in ("struct", "enum") if f" {k} " in f" {pending} "), "other")
                )
                if kind in ("struct", "enum") or (kind == "impl" and " for " not in pending):
                    owner = (kind, _signature(pending), 1)
            pending = ""
        depth += line.count("{") - line.count("}")
        if depth == 0:
            owner = None
    return items


def _signature(text: str) -> str:
    """The declaration without its body or value: `pub fn f(x: u16) -> T`, `pub const V: &str`."""
    head = text.split(" {", maxsplit=1)[0].rstrip("{").rstrip(";").rstrip(",").strip()
    if head.startswith("pub const ") or head.startswith("pub static "):
        head = head.split(" = ")[0]
    head = re.sub(r"\s+", " ", head).replace("( ", "(").replace(" )", ")").replace(", )", ")").replace(",)", ")")
    # A binding's mutability is not part of the signature.
    return re.sub(r"(?<![&\w])mut (self\b|\w+:)", r"\1", head)


def _emit(items: list[str], pending: str, depth: int, owner: tuple[str, str, int] | None) -> None:
    if depth == 0:
        if pending.startswith("pub(") or pending.startswith(("pub mod tests", "mod ")):
            return
        items.append(_signature(pending))
    elif owner is not None and not pending.startswith("pub("):
        items.append(f"{owner[1]} :: {_signature(pending)}")


def check_api(session: nox.Session, update: bool = False) -> None:
    """Fails when api/rust.txt is not the snapshot of generated/rust (or rewrites it with update)."""
    common.check_api_snapshot(session, "rust", api_snapshot(SDK), update=update)


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


def fixture_check(session: nox.Session, out: Path) -> None:
    """The crate and driver generated from the broad fixture (out/): rustfmt --check, clippy -D warnings,
    the crate's unit tests, the driver's build and a hello round trip. The shared target dir keeps
    the dependencies compiled by the SDK's own session."""
    sdk, driver = out / "rust", out / "drivers" / "rust"
    for folder in (sdk, driver):
        _cargo(session, "fmt", "--check", cwd=folder)
        _cargo(session, "clippy", "--locked", "--all-targets", "--", "-D", "warnings", cwd=folder)
    _cargo(session, "test", "--locked", "--lib", cwd=sdk)
    binary = driver_command(session, out)[0]
    lines = '{"id": 1, "cmd": "hello"}\n{"id": 2, "cmd": "shutdown"}\n'
    done = subprocess.run([binary], input=lines, capture_output=True, text=True, timeout=60, check=False)
    replies = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    hello = next((r for r in replies if r.get("id") == 1), None)
    if done.returncode != 0 or hello is None or not hello.get("ok") or hello["result"].get("language") != "rust":
        session.error(f"the fixture's Rust driver did not answer hello: {done.stdout!r} {done.stderr!r}")
    session.log(f"fixture driver: hello -> {hello['result']}")


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
    """SDK get (plain, and with one no-op hook) vs bare reqwest, and stream consumption vs a bare
    reqwest SSE reader, in one release run; then a second run built with `--features otel` adds a
    client with tracing on (no exporter) to the get rotation."""
    from tasks.server import running_server

    with running_server(session, conformance=True, clock_speed=1000.0, api_key="test-key") as server:
        env = {"DWCP_BENCH_URL": server.url, "DWCP_API_KEY": server.api_key}
        _cargo(session, "bench", "--locked", "--bench", "sdk_vs_reqwest", cwd=SDK, env=env)
        session.log("again with the otel feature (tracing on, no exporter)")
        _cargo(session, "bench", "--locked", "--features", "otel", "--bench", "sdk_vs_reqwest", cwd=SDK, env=env)
