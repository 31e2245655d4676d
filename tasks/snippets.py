"""nox -s snippets: the site's examples (generated/snippets/<lang>) type-check against the SDKs beside them.

Each language checks its examples with the strict tool of that language, against generated/<lang>:
mypy --strict (Python), go vet in a module that replaces the SDK with generated/go, tsc --strict with the
package name mapped to generated/typescript/src, cargo check with a path dependency on generated/rust.
Nothing is written under generated/: Go, TypeScript and Rust are checked in a scratch copy (.nox/.cache)
laid out like generated/, and Rust shares the SDK's cargo target dir (compiled dependencies are reused).
"""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import nox

from tasks import common

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "generated"
SNIPPETS = GENERATED / "snippets"
SCRATCH = ROOT / ".nox" / ".cache" / "snippets"
MYPY = ["mypy==2.4.1"]
LANGUAGES = ("python", "go", "typescript", "rust")
# The SDK's cargo target dir (tasks/rust_sdk.py uses the same default), so dependencies compile once.
CARGO_TARGET = Path(os.environ.get("CARGO_TARGET_DIR") or Path.home() / ".cache" / "dwcp" / "rust-target")
TS_OPTIONS = {
    "target": "ES2022",
    "lib": ["ES2022", "DOM", "DOM.Iterable"],
    "module": "NodeNext",
    "moduleResolution": "NodeNext",
    "types": ["node"],
    "strict": True,
    "noUncheckedIndexedAccess": True,
    "skipLibCheck": True,
    "noEmit": True,
}


def check_python(session: nox.Session) -> None:
    """mypy --strict over the Python examples, with the SDK installed from generated/python."""
    session.install(*MYPY)
    session.install(str(GENERATED / "python"))
    cache = SCRATCH / "mypy"
    # The SDK's own mypy settings (its models are pydantic: the pydantic plugin knows their defaults).
    config = str(GENERATED / "python" / "pyproject.toml")
    session.run("mypy", "--strict", "--config-file", config, "--cache-dir", str(cache), str(SNIPPETS / "python"))


def check_go(session: nox.Session) -> None:
    """go vet in the examples' module, whose go.mod replaces the SDK with ../../go."""
    root = SCRATCH / "go"
    common.mirror(SNIPPETS / "go", root / "snippets" / "go")
    common.mirror(GENERATED / "go", root / "go")
    with session.chdir(root / "snippets" / "go"):
        session.run("go", "vet", "./...", external=True)


def check_typescript(session: nox.Session) -> None:
    """tsc --strict --noEmit, the package name mapped to the SDK's sources (npm ci for its type deps)."""
    root = SCRATCH / "typescript"
    sdk = root / "typescript"
    common.mirror(GENERATED / "typescript", sdk, keep=("node_modules", ".lock-installed"))
    lock = (sdk / "package-lock.json").read_bytes()
    marker = sdk / ".lock-installed"
    if not (sdk / "node_modules").is_dir() or not marker.exists() or marker.read_bytes() != lock:
        session.run("npm", "ci", "--no-audit", "--no-fund", "--prefix", str(sdk), external=True)
        marker.write_bytes(lock)
    examples = root / "snippets" / "typescript"
    common.mirror(SNIPPETS / "typescript", examples)
    package = json.loads((sdk / "package.json").read_text(encoding="utf-8"))["name"]
    config = {
        "compilerOptions": {
            **TS_OPTIONS,
            "baseUrl": ".",
            "typeRoots": ["../../typescript/node_modules/@types"],
            "paths": {package: ["../../typescript/src/index.ts"]},
        },
        "include": ["*.ts"],
    }
    (examples / "tsconfig.json").write_text(json.dumps(config, indent=2), encoding="utf-8")
    tsc = sdk / "node_modules" / "typescript" / "bin" / "tsc"
    session.run("node", str(tsc), "-p", str(examples / "tsconfig.json"), external=True)


def check_rust(session: nox.Session) -> None:
    """cargo check of the examples' crate (path dependency ../../rust), seeded with the SDK's lock file."""
    root = SCRATCH / "rust"
    examples = root / "snippets" / "rust"
    lock = examples / "Cargo.lock"
    kept = lock.read_bytes() if lock.exists() else None
    common.mirror(SNIPPETS / "rust", examples)
    common.mirror(GENERATED / "rust", root / "rust")
    if kept is not None:
        lock.write_bytes(kept)
    elif (GENERATED / "rust" / "Cargo.lock").exists():
        shutil.copy2(GENERATED / "rust" / "Cargo.lock", lock)
    env = {"CARGO_TARGET_DIR": str(CARGO_TARGET), "CARGO_TERM_COLOR": "never"}
    with session.chdir(examples):
        session.run("cargo", "check", "--quiet", external=True, env=env)


CHECKS = {"python": check_python, "go": check_go, "typescript": check_typescript, "rust": check_rust}


def run(session: nox.Session) -> None:
    """Checks every language's examples (or those named: -- go rust) and prints the time each took."""
    langs = [a for a in session.posargs if a in CHECKS] or list(LANGUAGES)
    times = {}
    for lang in langs:
        if not (SNIPPETS / lang).is_dir():
            session.error(f"generated/snippets/{lang} is missing; run nox -s generate")
        start = time.monotonic()
        CHECKS[lang](session)
        times[lang] = time.monotonic() - start
    session.log("snippets checked: " + ", ".join(f"{lang} {seconds:.1f} s" for lang, seconds in times.items()))
