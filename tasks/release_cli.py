"""Release checks that run inside the generator's venv: python -m tasks.release_cli preflight|diff."""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from generator import ir
from generator.cli import EXIT_OK
from generator.cli import main as generate
from generator.compat import Change, api_diff, changelog, diff, needs_major
from generator.loader import load
from generator.problems import SpecError
from generator.validate import validate

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "generated"
SPEC = ROOT / "spec" / "dwcp.yaml"
API_SNAPSHOTS = ROOT / "api"  # api/<lang>.txt: each SDK's public API, kept fresh by its nox session


class ReleaseRefused(Exception):
    """A release check failed; the message says which and what to do."""


def package_versions() -> dict[str, str | None]:
    """The version each generated package declares (None when the package or its version is missing)."""
    return {
        "python (generated/python/pyproject.toml)": _match(
            GENERATED / "python" / "pyproject.toml", r'^version = "([^"]+)"'
        ),
        "typescript (generated/typescript/package.json)": _json_version(GENERATED / "typescript" / "package.json"),
        "rust (generated/rust/Cargo.toml)": _match(GENERATED / "rust" / "Cargo.toml", r'^version = "([^"]+)"'),
        "go (generated/go/doc.go)": _match(GENERATED / "go" / "doc.go", r'^const Version = "([^"]+)"'),
        "dwcp-server (packaging/dwcp-server/pyproject.toml)": _match(
            ROOT / "packaging" / "dwcp-server" / "pyproject.toml", r'^version = "([^"]+)"'
        ),
    }


def _match(path: Path, pattern: str) -> str | None:
    if not path.exists():
        return None
    found = re.search(pattern, path.read_text(encoding="utf-8"), re.MULTILINE)
    return found.group(1) if found else None


def _json_version(path: Path) -> str | None:
    if not path.exists():
        return None
    version = json.loads(path.read_text(encoding="utf-8")).get("version")
    return str(version) if version is not None else None


def check_versions(api: ir.Api) -> None:
    """Every package (the four SDKs and dwcp-server) carries the spec's version."""
    wrong = {name: found for name, found in package_versions().items() if found != api.version}
    if wrong:
        lines = [f"  {name}: {found or 'missing'}" for name, found in wrong.items()]
        raise ReleaseRefused(
            f"version mismatch with spec/dwcp.yaml ({api.version}):\n"
            + "\n".join(lines)
            + "\nfix the templates so each package renders info.version, then `nox -s generate`"
            + " (dwcp-server: its version in packaging/dwcp-server/pyproject.toml)"
        )


def check_fresh() -> None:
    """generated/ is exactly what the generator makes, and spec/, templates/, generated/ are committed."""
    if generate(["--check"]) != EXIT_OK:
        raise ReleaseRefused("generated/ is stale: run `nox -s generate` and commit the result")
    dirty = _git("status", "--porcelain", "--", "spec", "templates", "generated", "api").strip()
    if dirty:
        raise ReleaseRefused(f"uncommitted changes in spec/, templates/ or generated/:\n{dirty}\ncommit them first")


def check_compatibility(api: ir.Api, since: str | None) -> str:
    """No breaking change without a major bump since the previous release; returns the changelog entry."""
    ref = since or _previous_tag()
    if ref is None:
        return f"## {api.version}\n\nFirst release.\n"
    old = spec_at(ref)
    changes = diff(old, api) + sdk_api_changes(ref)
    if needs_major(old, api, changes):
        breaking = "\n".join(f"  {c}" for c in changes if c.breaking)
        raise ReleaseRefused(
            f"breaking changes since {ref} ({old.version}) without a major version bump:\n{breaking}\n"
            "bump info.version's major in spec/dwcp.yaml, or make the change compatible"
        )
    return changelog(old, api, changes)


def sdk_api_changes(ref: str) -> list[Change]:
    """Per language, what each SDK's public API snapshot lost and gained since a git ref."""
    changes: list[Change] = []
    for snapshot in sorted(API_SNAPSHOTS.glob("*.txt")):
        relative = snapshot.relative_to(ROOT).as_posix()
        try:
            old = _git("show", f"{ref}:{relative}")
        except subprocess.CalledProcessError:
            continue  # no snapshot at that ref: nothing to compare against
        changes += api_diff(snapshot.stem, old, snapshot.read_text(encoding="utf-8"))
    return changes


def spec_at(ref: str) -> ir.Api:
    """The IR of spec/dwcp.yaml as it was at a git ref."""
    text = _git("show", f"{ref}:spec/dwcp.yaml")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "dwcp.yaml"
        path.write_text(text, encoding="utf-8")
        return validate(load(path))


def _previous_tag() -> str | None:
    tags = _git("tag", "--list", "v*", "--sort=-v:refname").split()
    return tags[0] if tags else None


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout


def main(argv: list[str]) -> int:
    """preflight [--since REF] | diff REF."""
    parser = argparse.ArgumentParser(prog="python -m tasks.release_cli")
    sub = parser.add_subparsers(dest="command", required=True)
    pre = sub.add_parser("preflight")
    pre.add_argument("--since")
    sub.add_parser("diff").add_argument("ref")
    args = parser.parse_args(argv)
    try:
        api = validate(load(SPEC))
        if args.command == "diff":
            return _print_diff(api, args.ref)
        check_versions(api)
        check_fresh()
        entry = check_compatibility(api, args.since)
    except (ReleaseRefused, SpecError) as exc:
        print(f"release refused: {exc}", file=sys.stderr)
        return 1
    dist = ROOT / "dist"
    dist.mkdir(exist_ok=True)
    (dist / "CHANGELOG-entry.md").write_text(entry, encoding="utf-8")
    print(f"preflight passed for {api.version}")
    return 0


def _print_diff(api: ir.Api, ref: str) -> int:
    old = spec_at(ref)
    changes = diff(old, api) + sdk_api_changes(ref)
    for change in changes:
        print(change)
    print(
        f"{sum(c.breaking for c in changes)} breaking, {sum(not c.breaking for c in changes)} added "
        f"({old.version} -> {api.version})"
    )
    if needs_major(old, api, changes):
        print("a major version bump is required", file=sys.stderr)
        return 1
    print()
    print(changelog(old, api, changes))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
