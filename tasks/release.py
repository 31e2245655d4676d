"""nox -s release (dry run unless --publish) and nox -s spec-diff -- <old ref>.

The release takes its one version from spec/dwcp.yaml, refuses a stale generated/, a version
mismatch, a failing conformance run or a breaking change without a major bump, then builds the four
packages and dwcp-server into dist/ with checksums. Nothing is uploaded unless --publish: `--to public`
(the default) needs credentials, `--to local` publishes to registry servers it starts on 127.0.0.1
(tasks/release_publish.py, the script release.yml's publish job runs too).
"""

from __future__ import annotations

import argparse
import subprocess
import sys

import nox

from tasks import common, registries, release_build, release_publish

ROOT = common.ROOT
DIST = ROOT / "dist"


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
    if args.publish and args.to == "public":
        _require_credentials(session)
    if args.publish and args.to == "local":
        session.install(registries.PYPISERVER)
    session.run("python", "-m", "tasks.release_cli", "preflight", *(["--since", args.since] if args.since else []))
    if args.skip_conformance:
        session.warn("--skip-conformance: this build is NOT releasable; --publish --to public refuses it")
    else:
        session.run("nox", "-s", "conformance", external=True)
    release_build.build_all(session, DIST)
    session.run("python", "-m", "pytest", "-q", "tests/release", f"--dist-dir={DIST}")
    if args.publish:
        session.run("python", "-m", "tasks.release_publish", "--to", args.to, "--dist", str(DIST))
    else:
        session.log(f"dry run: artifacts and SHA256SUMS in {DIST}; nothing uploaded")


def _parse(posargs: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="nox -s release --")
    parser.add_argument("--publish", action="store_true", help="upload (to the public registries: credentials)")
    parser.add_argument(
        "--to",
        choices=["public", "local"],
        default="public",
        help="local: registry servers started on 127.0.0.1, then install by name and run the quick starts",
    )
    parser.add_argument("--since", help="git ref of the previous release (default: the newest v* tag)")
    parser.add_argument("--skip-conformance", action="store_true", help="for the pipeline's own tests only")
    args = parser.parse_args(posargs)
    if args.publish and args.to == "public" and args.skip_conformance:
        parser.error("--publish needs the conformance run; drop --skip-conformance")
    return args


def _require_credentials(session: nox.Session) -> None:
    missing = release_publish.missing_credentials()
    if missing:
        session.error("not publishing: missing credentials for " + ", ".join(missing) + "; nothing was uploaded")


def git(*args: str) -> str:
    """Output of a git command in the repository."""
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout


if __name__ == "__main__":
    sys.exit("run through nox: nox -s release / nox -s spec-diff")
