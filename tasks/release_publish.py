"""Publishes dist/ with each ecosystem's own client: the one code path of a release, local or public.

    python -m tasks.release_publish --to public   # .github/workflows/release.yml's publish job
    python -m tasks.release_publish --to local    # nox -s release -- --publish --to local

`--to public` uploads to PyPI (twine; a token in PYPI_TOKEN, or trusted publishing in GitHub
Actions), npm (`npm publish --provenance`, NODE_AUTH_TOKEN), crates.io (`cargo publish`,
CARGO_REGISTRY_TOKEN) and pushes the Go module tree and its tag to GO_SDK_REPO_URL.
`--to local` starts real registry servers on 127.0.0.1 (tasks/registries.py), publishes the same
artifacts the same way (only URLs and credentials differ), installs each package by name and version
from them in a fresh project and runs its quick start against the dwcp-server installed from there
(tasks/release_verify.py), then publishes everything a second time and requires every registry to
refuse it.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from tasks import registries

ROOT = Path(__file__).resolve().parent.parent
GIT_IDENTITY = ["-c", "user.name=dwcp-release", "-c", "user.email=release@dwcp.invalid"]


ANSI = re.compile(r"\x1b\[[0-9;]*m")
# Most telling first: the registry's own words, then the client's summary of the HTTP status.
REFUSAL_MARKERS = (
    "already exist",
    "cannot publish over",
    "cannot modify",
    "conflict",
    "rejected",
    "httperror",
    "npm error",
)


class PublishFailed(Exception):
    """A client's upload failed; the message carries the client's own output."""


def _run(args: list[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> str:
    print("+ " + " ".join(args), flush=True)
    proc = subprocess.run(args, env={**os.environ, **(env or {})}, cwd=cwd, capture_output=True, text=True, check=False)
    output = (proc.stdout + proc.stderr).strip()
    if proc.returncode != 0:
        raise PublishFailed(output or f"exit {proc.returncode}")
    return output


def public_targets() -> registries.Targets:
    """The real registries; credentials come from the environment (checked before anything uploads)."""
    return registries.Targets(
        pypi_upload="",  # twine's default repository
        pypi_index="",
        pypi_user="__token__",
        pypi_password=os.environ.get("PYPI_TOKEN", ""),  # empty: twine uses trusted publishing
        npm_registry="",  # npm's configured registry (setup-node writes the token's .npmrc)
        npm_userconfig="",
        cargo_registry=None,
        cargo_env={},
        go_repo_url=os.environ.get("GO_SDK_REPO_URL", ""),
        local=False,
    )


def missing_credentials() -> list[str]:
    """What a public release lacks (trusted publishing stands in for PyPI's token in GitHub Actions)."""
    missing = []
    if not os.environ.get("PYPI_TOKEN") and not os.environ.get("ACTIONS_ID_TOKEN_REQUEST_URL"):
        missing.append("PyPI (PYPI_TOKEN, or trusted publishing in GitHub Actions)")
    if not (os.environ.get("NODE_AUTH_TOKEN") or os.environ.get("NPM_TOKEN")):
        missing.append("npm (NODE_AUTH_TOKEN or NPM_TOKEN)")
    if not os.environ.get("CARGO_REGISTRY_TOKEN"):
        missing.append("crates.io (CARGO_REGISTRY_TOKEN)")
    if not os.environ.get("GO_SDK_REPO_URL"):
        missing.append("Go module repository (GO_SDK_REPO_URL)")
    return missing


def publish_python(dist: Path, targets: registries.Targets) -> str:
    """twine upload of every sdist and wheel (the SDK and dwcp-server)."""
    files = [str(p) for p in sorted((dist / "python").iterdir())]
    args = ["twine", "upload", "--non-interactive", "--disable-progress-bar", "--verbose"]
    args += ["--repository-url", targets.pypi_upload] if targets.pypi_upload else []
    env = {"TWINE_USERNAME": targets.pypi_user}
    if targets.pypi_password:
        env["TWINE_PASSWORD"] = targets.pypi_password
    return _run([*args, *files], env)


def publish_npm(dist: Path, targets: registries.Targets) -> str:
    """npm publish of the packed tarball (with provenance on the public registry)."""
    out = []
    for tarball in sorted((dist / "npm").glob("*.tgz")):
        args = ["npm", "publish", str(tarball), "--access", "public"]
        env: dict[str, str] = {}
        if targets.local:
            args += ["--registry", targets.npm_registry]
            env["NPM_CONFIG_USERCONFIG"] = targets.npm_userconfig
        else:
            args += ["--provenance"]
        out.append(_run(args, env))
    return "\n".join(out)


def publish_crate(dist: Path, targets: registries.Targets) -> str:
    """cargo publish from the unpacked .crate (the artifact tests already built it: --no-verify)."""
    out = []
    for crate in sorted((dist / "crates").glob("*.crate")):
        with tempfile.TemporaryDirectory(prefix="dwcp-publish-") as tmp, tarfile.open(crate) as archive:
            archive.extractall(tmp, filter="data")
            (root,) = Path(tmp).iterdir()
            # cargo package normalised Cargo.toml and kept the author's as Cargo.toml.orig, a name
            # cargo publish refuses in a source tree: publish from the author's manifest again.
            (root / "Cargo.toml.orig").replace(root / "Cargo.toml")
            (root / ".cargo_vcs_info.json").unlink(missing_ok=True)
            args = ["cargo", "publish", "--no-verify", "--allow-dirty", "--manifest-path", str(root / "Cargo.toml")]
            args += ["--registry", targets.cargo_registry] if targets.cargo_registry else []
            out.append(_run(args, targets.cargo_env))
    return "\n".join(out)


def publish_go(dist: Path, targets: registries.Targets) -> str:
    """Pushes the dwcp-sdk-go tree and its tag; a local run then fills the module proxy from the tag."""
    tag = (dist / "go" / "TAG").read_text(encoding="utf-8").strip()
    with tempfile.TemporaryDirectory(prefix="dwcp-go-") as tmp:
        repo = Path(tmp) / "dwcp-sdk-go"
        _run(["cp", "-r", str(dist / "go" / "dwcp-sdk-go"), str(repo)])
        git = ["git", "-C", str(repo), *GIT_IDENTITY]
        _run([*git, "init", "-q", "-b", "main"])
        _run([*git, "add", "-A"])
        _run([*git, "commit", "-qm", f"dwcp-sdk-go {tag}"])
        _run([*git, "tag", tag])
        refs = [f"refs/tags/{tag}"]
        otel_tag = dist / "go" / "OTEL_TAG"
        if otel_tag.exists():  # the nested dwcpotel module is tagged dwcpotel/<tag>
            refs.append(f"refs/tags/{otel_tag.read_text(encoding='utf-8').strip()}")
            _run([*git, "tag", refs[-1].removeprefix("refs/tags/")])
        out = _run([*git, "push", targets.go_repo_url, "HEAD:main", *refs])
    if targets.go_proxy is not None:
        targets.go_proxy.fetch(tag)
    return out


PUBLISHERS: dict[str, Callable[[Path, registries.Targets], str]] = {
    "python (twine)": publish_python,
    "npm (npm publish)": publish_npm,
    "rust (cargo publish)": publish_crate,
    "go (git push + proxy)": publish_go,
}


def publish_all(dist: Path, targets: registries.Targets) -> None:
    """Every ecosystem in turn; stops at the first failure."""
    for name, publish in PUBLISHERS.items():
        started = time.monotonic()
        publish(dist, targets)
        print(f"published {name} in {time.monotonic() - started:.1f} s", flush=True)


def republish_refused(dist: Path, targets: registries.Targets) -> dict[str, str]:
    """Publishes everything again; returns each registry's refusal, raises if any accepted it."""
    refusals: dict[str, str] = {}
    accepted = []
    for name, publish in PUBLISHERS.items():
        try:
            publish(dist, targets)
        except (PublishFailed, RuntimeError) as refused:
            refusals[name] = _reason(str(refused))
        else:
            accepted.append(name)
    if accepted:
        raise PublishFailed("a second publish of the same version was accepted by: " + ", ".join(accepted))
    return refusals


def _reason(output: str) -> str:
    """The line of a client's output that says why a publish was refused."""
    lines = [ANSI.sub("", line).strip() for line in output.splitlines()]
    lines = [line for line in lines if line]
    for marker in REFUSAL_MARKERS:
        for line in lines:
            if marker in line.lower():
                return line
    return lines[-1] if lines else "(no output)"


def main(argv: list[str] | None = None) -> int:
    """--to public | local [--dist DIR]."""
    parser = argparse.ArgumentParser(prog="python -m tasks.release_publish")
    parser.add_argument("--to", choices=["public", "local"], required=True)
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    args = parser.parse_args(argv)
    dist: Path = args.dist.resolve()
    try:
        if args.to == "public":
            missing = missing_credentials()
            if missing:
                print("not publishing: missing credentials for " + ", ".join(missing), file=sys.stderr)
                print("nothing was uploaded", file=sys.stderr)
                return 1
            publish_all(dist, public_targets())
            return 0
        return _local(dist)
    except PublishFailed as failed:
        print(f"publish failed:\n{failed}", file=sys.stderr)
        return 1


def _local(dist: Path) -> int:
    from tasks import release_verify

    module = (dist / "go" / "dwcp-sdk-go" / "go.mod").read_text(encoding="utf-8").split()[1]
    with registries.local_registries(module) as targets:
        started = time.monotonic()
        publish_all(dist, targets)
        release_verify.install_and_run_quick_starts(dist, targets)
        refusals = republish_refused(dist, targets)
        print("\nsecond publish of the same version, refused by every registry:")
        for name, reason in refusals.items():
            print(f"  {name}: {reason}")
        print(f"\nlocal publish, install and quick starts passed in {time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
