"""nox -s release (dry run unless --publish) and nox -s spec-diff -- <old ref>.

The release takes its one version from spec/dwcp.yaml, refuses a stale generated/, a version
mismatch, a failing conformance run or a breaking change without a major bump, then builds the four
packages into dist/ with checksums. Nothing is uploaded unless --publish and credentials are given.
"""

from __future__ import annotations

import argparse
import subprocess
import sys

import nox

from tasks import common, release_build

ROOT = common.ROOT
DIST = ROOT / "dist"
CREDENTIALS = {
    "PyPI": ("PYPI_TOKEN",),
    "npm": ("NPM_TOKEN",),
    "crates.io": ("CARGO_REGISTRY_TOKEN",),
    "Go module repository": ("GO_SDK_REPO_URL",),
}


def spec_diff(session: nox.Session) -> None:
    """Prints breaking changes and additions since the spec at a git ref, and the changelog entry."""
    if len(session.posargs) != 1:
        session.error("usage: nox -s spec-diff -- <old git ref>")
    common.install_generator(session)
    session.run("python", "-m", "tasks.release_cli", "diff", session.posargs[0])


def release(session: nox.Session) -> None:
    """Checks, builds and (with --publish and credentials) publishes every package."""
    args = _parse(session.posargs)
    common.install_generator(session)
    session.install(*release_build.TOOLS)
    if args.publish:
        _require_credentials(session)
    session.run("python", "-m", "tasks.release_cli", "preflight", *(["--since", args.since] if args.since else []))
    if args.skip_conformance:
        session.warn("--skip-conformance: this build is NOT releasable; --publish refuses it")
    else:
        session.run("nox", "-s", "conformance", external=True)
    release_build.build_all(session, DIST)
    session.run("python", "-m", "pytest", "-q", "tests/release", f"--dist-dir={DIST}")
    if args.publish:
        release_build.publish_all(session, DIST)
    else:
        session.log(f"dry run: artifacts and SHA256SUMS in {DIST}; nothing uploaded")


def _parse(posargs: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="nox -s release --")
    parser.add_argument("--publish", action="store_true", help="upload (needs credentials in the environment)")
    parser.add_argument("--since", help="git ref of the previous release (default: the newest v* tag)")
    parser.add_argument("--skip-conformance", action="store_true", help="for the pipeline's own tests only")
    args = parser.parse_args(posargs)
    if args.publish and args.skip_conformance:
        parser.error("--publish needs the conformance run; drop --skip-conformance")
    return args


def _require_credentials(session: nox.Session) -> None:
    import os

    missing = [
        f"{target} ({' or '.join(names)})"
        for target, names in CREDENTIALS.items()
        if not any(os.environ.get(n) for n in names)
    ]
    if missing:
        session.error("not publishing: missing credentials for " + ", ".join(missing) + "; nothing was uploaded")


def git(*args: str) -> str:
    """Output of a git command in the repository."""
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout


if __name__ == "__main__":
    sys.exit("run through nox: nox -s release / nox -s spec-diff")
