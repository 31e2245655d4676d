"""The TypeScript SDK's sessions: check (tsc, unit tests, npm pack, API snapshot, examples, browser),
the conformance driver, the broad fixture's checks, bench.

npm installs happen in a build folder outside generated/ (under .nox/.cache), always through
`npm ci` against the committed lock file, so generated/ never holds node_modules or build output.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nox

from tasks import common

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "generated"
CACHE = ROOT / ".nox" / ".cache" / "typescript"
CHROMIUM = Path("/usr/bin/chromium")
# What `npm pack` may ship: the compiled ESM, its declarations, the README and the manifest.
PACK_ALLOWED = ("dist/", "README.md", "package.json", "LICENSE")
KEEP = ("node_modules", ".lock-installed")


def _build_root(generated_root: Path) -> Path:
    """generated/ builds under .nox/.cache; another tree (a mutant's copy) builds beside itself."""
    if generated_root.resolve() == GENERATED.resolve():
        return CACHE / "main"
    digest = hashlib.sha256(str(generated_root.resolve()).encode()).hexdigest()[:12]
    return generated_root.resolve().parent / f".typescript-build-{digest}"


def _npm_ci(session: nox.Session, folder: Path) -> None:
    """npm ci when the lock file changed since the last install (a copy of an identical install is reused)."""
    lock = (folder / "package-lock.json").read_bytes()
    marker = folder / ".lock-installed"
    if (folder / "node_modules").is_dir() and marker.exists() and marker.read_bytes() == lock:
        return
    main = CACHE / "main" / "sdk"
    if folder != main and (main / ".lock-installed").exists() and (main / ".lock-installed").read_bytes() == lock:
        shutil.rmtree(folder / "node_modules", ignore_errors=True)
        shutil.copytree(main / "node_modules", folder / "node_modules", symlinks=True)
        marker.write_bytes(lock)
        return
    session.run("npm", "ci", "--no-audit", "--no-fund", "--prefix", str(folder), external=True)
    marker.write_bytes(lock)


def _tsc(session: nox.Session, sdk: Path, *args: str) -> None:
    session.run("node", str(sdk / "node_modules" / "typescript" / "bin" / "tsc"), *args, external=True)


def build_sdk(session: nox.Session, generated_root: Path | None = None) -> Path:
    """Copies generated_root/typescript into a build folder, installs with npm ci, compiles dist/."""
    root = generated_root or GENERATED
    sdk = _build_root(root) / "sdk"
    common.mirror(root / "typescript", sdk, keep=KEEP)
    _npm_ci(session, sdk)
    _tsc(session, sdk, "-p", str(sdk / "tsconfig.build.json"))
    return sdk


def _link(link: Path, target: Path) -> None:
    link.parent.mkdir(parents=True, exist_ok=True)
    if link.is_symlink() or link.exists():
        link.unlink()
    link.symlink_to(target, target_is_directory=True)


def build_driver(session: nox.Session, sdk: Path, generated_root: Path | None = None) -> Path:
    """Compiles the driver against the built SDK (linked as node_modules/@novacron/dwcp-sdk)."""
    root = generated_root or GENERATED
    driver = _build_root(root) / "driver"
    common.mirror(root / "drivers" / "typescript", driver, keep=KEEP)
    name = json.loads((sdk / "package.json").read_text(encoding="utf-8"))["name"]
    _link(driver / "node_modules" / name, sdk)
    _link(driver / "node_modules" / "@types", sdk / "node_modules" / "@types")
    # The driver's tracer (sdk-trace-base) and the SDK's /otel entry share the SDK's @opentelemetry/api.
    _link(driver / "node_modules" / "@opentelemetry", sdk / "node_modules" / "@opentelemetry")
    _tsc(session, sdk, "-p", str(driver / "tsconfig.json"))
    return driver / "dist" / "driver.js"


def driver_command(session: nox.Session, generated_root: Path | None = None) -> list[str]:
    """Builds the SDK and the driver from generated_root (default generated/); returns the driver's argv."""
    sdk = build_sdk(session, generated_root)
    return ["node", str(build_driver(session, sdk, generated_root))]


def check(session: nox.Session) -> None:
    """tsc --strict --noEmit, build, node --test, npm pack contents, the API snapshot, examples and
    the browser test. `-- --update-api` rewrites api/typescript.txt instead of comparing it."""
    sdk = build_sdk(session)
    _lock_in_sync(session, sdk)
    _tsc(session, sdk, "-p", str(sdk / "tsconfig.json"), "--strict", "--noEmit")
    check_api(session, sdk, update="--update-api" in session.posargs)
    unit_tests(session, sdk)
    pack_contents(session, sdk)
    from tasks.server import running_server

    with running_server(session, conformance=True, tls=False, clock_speed=1000.0, api_key="test-key") as server:
        run_examples(session, sdk, server)
        browser_test(session, sdk, server)


def api_snapshot(sdk: Path) -> str:
    """The public API of the built package in sdk/dist: its .d.ts files, one declaration per line.

    tsc's declarations hold every exported type, class, function and constant with its signature
    (private members are `#private`, `@internal` ones are stripped). Comments and blank lines are
    dropped, and each member is prefixed with its container (`class VMClient { get(...)`), so a line
    stands alone: the snapshot diff (generator/compat.py) reports a changed signature as one line
    removed and one added.
    """
    out: list[str] = []
    for path in sorted((sdk / "dist").rglob("*.d.ts")):
        module = path.relative_to(sdk / "dist").as_posix().removesuffix(".d.ts")
        if module in INTERNAL or (module.startswith("runtime/") and module not in PUBLIC_RUNTIME):
            continue
        lines = _declarations(path.read_text(encoding="utf-8"))
        # A constant's literal (VERSION, SPEC_HASH) changes with every release: its type is the API.
        lines = [re.sub(r'^(export declare const \w+) = "[^"]*";$', r"\1: string;", line) for line in lines]
        out += [f"{module}: {line}" for line in lines if not line.startswith("import ")]
    return "\n".join(out) + "\n"


# Modules the entries (index, browser) re-export from; the others are the package's internals.
INTERNAL = {"codec", "validate", "policy"}
PUBLIC_RUNTIME = {
    "runtime/invoker",
    "runtime/api-promise",
    "runtime/hooks",
    "runtime/logging",
    "runtime/tracing",
    "runtime/budget",
    "runtime/waiter",
    "runtime/metrics",
    "runtime/duration",
    "runtime/backoff",
    "runtime/event-stream",
    "runtime/error",
}


def _declarations(text: str) -> list[str]:
    """The declarations of one .d.ts file, each member line prefixed with its enclosing declaration."""
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.DOTALL)
    lines: list[str] = []
    stack: list[str] = []
    pending = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("//"):
            continue
        pending = f"{pending} {line}".strip() if pending else line
        # A declaration continues until its brackets balance (multi-line signatures, inline types).
        if _depth(pending) > 0 and not pending.endswith("{"):
            continue
        line, pending = pending, ""
        if line.startswith("}"):
            if stack:
                stack.pop()
            continue
        prefix = " ".join(f"{s} {{" for s in stack)
        if line.endswith("{"):
            head = line[:-1].strip()
            lines.append(f"{prefix} {head}".strip())
            stack.append(head)
        else:
            lines.append(f"{prefix} {line}".strip())
    return lines


def _depth(text: str) -> int:
    """How many (, [ and < ... > brackets are open at the end of text (braces are handled by lines)."""
    depth = 0
    for char in text:
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
    return depth


def check_api(session: nox.Session, sdk: Path, update: bool = False) -> None:
    """Fails when api/typescript.txt is not the snapshot of the built SDK (or rewrites it with update)."""
    common.check_api_snapshot(session, "typescript", api_snapshot(sdk), update=update)


def fixture_check(session: nox.Session, out: Path) -> None:
    """The SDK and driver generated from the broad fixture (out/): tsc --strict, the generic unit
    tests, the driver's build and a hello round trip."""
    sdk = build_sdk(session, out)
    _tsc(session, sdk, "-p", str(sdk / "tsconfig.json"), "--strict", "--noEmit")
    unit_tests(session, sdk)
    driver = build_driver(session, sdk, out)
    hello = '{"id": 1, "cmd": "hello"}\n{"id": 2, "cmd": "shutdown"}\n'
    reply = subprocess.run(["node", str(driver)], input=hello, capture_output=True, text=True, check=False)
    first = reply.stdout.splitlines()[0] if reply.stdout else ""
    if reply.returncode != 0 or '"ok":true' not in first:
        session.error(f"the fixture's TypeScript driver did not answer hello:\n{reply.stdout}{reply.stderr}")
    session.log(f"fixture driver: {first}")
    shutil.rmtree(_build_root(out), ignore_errors=True)


def _lock_in_sync(session: nox.Session, sdk: Path) -> None:
    """The committed package-lock.json (templates/typescript) carries the package's version."""
    manifest = json.loads((sdk / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((sdk / "package-lock.json").read_text(encoding="utf-8"))
    versions = {lock.get("version"), lock["packages"][""].get("version")}
    if versions != {manifest["version"]}:
        session.error(f"templates/typescript/package-lock.json has {versions}, package.json {manifest['version']}")


def unit_tests(session: nox.Session, sdk: Path) -> None:
    """The runtime's own tests (node:http servers, no DWCP server needed) under node --test."""
    _tsc(session, sdk, "-p", str(sdk / "tsconfig.test.json"))
    tests = sorted(str(p) for p in (sdk / "build" / "test").glob("*.test.js"))
    session.run("node", "--test", *tests, external=True)


def pack_contents(session: nox.Session, sdk: Path) -> None:
    """npm pack --dry-run lists only what users need: dist/*.js, dist/*.d.ts, README, package.json."""
    with session.chdir(sdk):
        out = session.run("npm", "pack", "--dry-run", "--json", "--ignore-scripts", external=True, silent=True)
    files = [f["path"] for f in json.loads(str(out))[0]["files"]]
    stray = [f for f in files if not f.startswith(PACK_ALLOWED)]
    stray += [f for f in files if f.startswith("dist/") and not f.endswith((".js", ".d.ts"))]
    if stray or "dist/browser.js" not in files or "dist/index.d.ts" not in files:
        session.error(f"npm pack ships unexpected files or misses entries: {stray or files}")
    session.log(f"npm pack: {len(files)} files, all under {PACK_ALLOWED}")


def run_examples(session: nox.Session, sdk: Path, server: object) -> None:
    """Type-checks (strict) and compiles examples/, then runs each against the server (streams for a while).

    The examples are the spec's extras (spec/extras/typescript/examples); a spec without them has none.
    """
    if not (sdk / "tsconfig.examples.json").exists():
        session.log("no examples (the spec has no TypeScript extras)")
        return
    _tsc(session, sdk, "-p", str(sdk / "tsconfig.examples.json"))
    env = {
        **os.environ,
        "DWCP_ADDRESS": str(server.host),  # type: ignore[attr-defined]
        "DWCP_PORT": str(server.port),  # type: ignore[attr-defined]
        "DWCP_API_KEY": str(server.api_key),  # type: ignore[attr-defined]
        "DWCP_TLS": "false",
    }
    for example in sorted((sdk / "build" / "examples").glob("[!_]*.js")):  # _setup.js is shared, not run
        session.log(f"example {example.stem}")
        _run_example(session, example, env)


def _run_example(session: nox.Session, example: Path, env: dict[str, str]) -> None:
    """Runs one example: it must exit 0, or (endless streams) still be printing when stopped after 3 s."""
    proc = subprocess.Popen(["node", str(example)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
    try:
        out, err = proc.communicate(timeout=3 if example.stem in ENDLESS else 60)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        if example.stem not in ENDLESS or not out.strip() or err.strip():
            session.error(f"example {example.stem} hung or failed:\n{out}\n{err}")
    else:
        if proc.returncode != 0 or "Error" in err:
            session.error(f"example {example.stem} failed ({proc.returncode}):\n{out}\n{err}")
    sys.stdout.write(out[-2000:])


# Examples whose reference snippet loops over a stream that never ends.
ENDLESS = {"real-time-metrics", "stream-metrics-dashboard"}


def _ensure_chromium(session: nox.Session) -> None:
    """Debian's chromium, installed with apt when missing (no downloaded browser builds)."""
    if CHROMIUM.exists():
        return
    session.run("apt-get", "update", "-qq", external=True)
    session.run("apt-get", "install", "-y", "-qq", "chromium", external=True, env={"DEBIAN_FRONTEND": "noninteractive"})


def browser_test(session: nox.Session, sdk: Path, server: object) -> None:
    """Runs the browser entry in headless Chromium against the server (the spec's extras hold the test)."""
    script = sdk / "build" / "test" / "browser" / "run-browser.js"
    if not script.exists():
        session.log("no browser test (the spec has no TypeScript extras)")
        return
    _ensure_chromium(session)
    env = {
        **os.environ,
        "DWCP_URL": str(server.url),  # type: ignore[attr-defined]
        "DWCP_API_KEY": str(server.api_key),  # type: ignore[attr-defined]
        "CHROMIUM": str(CHROMIUM),
    }
    session.run("node", str(script), external=True, env=env)


def bench(session: nox.Session) -> None:
    """SDK get vs bare undici.request (p50), and SSE consumption vs a bare undici reader, in one run."""
    sdk = build_sdk(session)
    _tsc(session, sdk, "-p", str(sdk / "tsconfig.test.json"))
    from tasks.server import running_server

    with running_server(session, conformance=True, tls=False, clock_speed=1000.0, api_key="test-key") as server:
        env = {**os.environ, "DWCP_URL": server.url, "DWCP_API_KEY": server.api_key}
        session.run(
            "node", str(sdk / "build" / "test" / "bench" / "bench.js"), *session.posargs[1:], external=True, env=env
        )
