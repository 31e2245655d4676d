"""Builds the five packages into dist/ (the four SDKs and dwcp-server), with checksums.

Uploading is tasks/release_publish.py, shared by `--publish --to local` and release.yml.

Go has no registry upload: a Go release is the module tree pushed to its own repository
(dwcp-sdk-go) plus a tag. The reference's import path has no /vN suffix, so Go's module rules only
allow v0/v1 tags there: DWCP X.Y.Z is released as Go module v(X-2).Y.Z (3.0.0 -> v1.0.0); a DWCP 4
must move the module to .../v2 (docs/release.md).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
import zipfile
from pathlib import Path

import nox
import yaml

from tasks import common
from tasks.versions import go_tag

GENERATED = common.ROOT / "generated"
TOOLS = ["build==1.6.1", "twine==7.0.0", "pytest==9.2.0", "pyyaml==6.0.4", "pipx==1.18.4"]
GO_EXCLUDE = {"examples", "dwcpotel"}
# The nested module holding the OpenTelemetry integration: released beside the SDK under the tag
# dwcpotel/<tag>, requiring the SDK at <tag>.
GO_OTEL = "dwcpotel"
SERVER_PACKAGE = common.ROOT / "packaging" / "dwcp-server"
# Benchmark tools of the server, not part of what it serves.
SERVER_EXCLUDE = {"bench.py", "ceiling.py", "sse_reader.py", "__pycache__"}


def spec_info() -> tuple[str, str]:
    """The spec's version and Go module path."""
    spec = yaml.safe_load((common.ROOT / "spec" / "dwcp.yaml").read_text(encoding="utf-8"))
    return spec["info"]["version"], spec["packages"]["go"]["module"]


def build_all(session: nox.Session, dist: Path) -> None:
    """Builds every artifact into dist/ and writes dist/SHA256SUMS."""
    for sub in ("python", "npm", "crates", "go"):
        shutil.rmtree(dist / sub, ignore_errors=True)
        (dist / sub).mkdir(parents=True)
    build_python(session, dist / "python")
    build_server(session, dist / "python")
    build_npm(session, dist / "npm")
    build_crate(session, dist / "crates")
    build_go(dist / "go")
    write_checksums(dist)


def build_python(session: nox.Session, out: Path) -> None:
    """sdist and wheel, checked with twine."""
    session.run("python", "-m", "build", "--sdist", "--wheel", "--outdir", str(out), str(GENERATED / "python"))
    session.run("twine", "check", "--strict", *(str(p) for p in sorted(out.glob("dwcp-*"))))


def stage_server(stage: Path) -> Path:
    """packaging/dwcp-server plus the server laid out as in the repository under src/dwcp_server/_impl."""
    shutil.copytree(SERVER_PACKAGE, stage, ignore=shutil.ignore_patterns("__pycache__", "dist", "_impl"))
    shutil.copy2(common.ROOT / "LICENSE", stage / "LICENSE")
    impl = stage / "src" / "dwcp_server" / "_impl"
    (impl / "conformance").mkdir(parents=True)
    shutil.copy2(common.ROOT / "conformance" / "__init__.py", impl / "conformance" / "__init__.py")
    shutil.copytree(
        common.ROOT / "conformance" / "server",
        impl / "conformance" / "server",
        ignore=shutil.ignore_patterns(*SERVER_EXCLUDE),
    )
    shutil.copytree(
        GENERATED / "server" / "dwcp_server_http",
        impl / "generated" / "server" / "dwcp_server_http",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    return stage


def build_server(session: nox.Session, out: Path) -> None:
    """dwcp-server's sdist and wheel from a staged copy, checked with twine."""
    with tempfile.TemporaryDirectory(prefix="dwcp-server-pkg-") as tmp:
        stage = stage_server(Path(tmp) / "dwcp-server")
        session.run("python", "-m", "build", "--sdist", "--wheel", "--outdir", str(out), str(stage))
    session.run("twine", "check", "--strict", *(str(p) for p in sorted(out.glob("dwcp_server-*"))))


def build_npm(session: nox.Session, out: Path) -> None:
    """npm pack of a copy of generated/typescript (its prepack script builds dist/)."""
    with tempfile.TemporaryDirectory(prefix="dwcp-npm-") as tmp:
        work = Path(tmp) / "typescript"
        shutil.copytree(GENERATED / "typescript", work, ignore=shutil.ignore_patterns("node_modules", "dist"))
        session.chdir(work)
        try:
            session.run("npm", "ci", "--no-audit", "--no-fund", external=True, silent=True)
            session.run("npm", "pack", "--pack-destination", str(out), external=True, silent=True)
        finally:
            session.chdir(common.ROOT)


def build_crate(session: nox.Session, out: Path) -> None:
    """cargo package of a copy of generated/rust (verified by the release tests, which build it)."""
    with tempfile.TemporaryDirectory(prefix="dwcp-crate-") as tmp:
        work = Path(tmp) / "rust"
        shutil.copytree(GENERATED / "rust", work, ignore=shutil.ignore_patterns("target"))
        env = {"CARGO_TARGET_DIR": str(Path(tmp) / "target")}
        session.run(
            "cargo",
            "package",
            "--no-verify",
            "--allow-dirty",
            "--manifest-path",
            str(work / "Cargo.toml"),
            external=True,
            env=env,
            silent=True,
        )
        for crate in (Path(tmp) / "target" / "package").glob("*.crate"):
            shutil.copy2(crate, out / crate.name)


def build_go(out: Path) -> None:
    """The dwcp-sdk-go repository tree, its module zip and the tag it needs."""
    version, module = spec_info()
    tag = go_tag(version, module)
    repo = out / "dwcp-sdk-go"
    shutil.copytree(GENERATED / "go", repo)
    shutil.copy2(common.ROOT / "LICENSE", repo / "LICENSE")
    (out / "TAG").write_text(tag + "\n", encoding="utf-8")
    with zipfile.ZipFile(out / f"{module.replace('/', '_')}@{tag}.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(p for p in repo.rglob("*") if p.is_file()):
            if path.relative_to(repo).parts[0] in GO_EXCLUDE:
                continue
            archive.write(path, f"{module}@{tag}/{path.relative_to(repo).as_posix()}")
    otel = repo / GO_OTEL
    if otel.is_dir():
        _release_otel_go_mod(otel / "go.mod", module, tag)
        (out / "OTEL_TAG").write_text(f"{GO_OTEL}/{tag}\n", encoding="utf-8")
        otel_module = f"{module}/{GO_OTEL}"
        with zipfile.ZipFile(out / f"{otel_module.replace('/', '_')}@{tag}.zip", "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(p for p in otel.rglob("*") if p.is_file() and not p.name.endswith("_test.go")):
                archive.write(path, f"{otel_module}@{tag}/{path.relative_to(otel).as_posix()}")


def _release_otel_go_mod(path: Path, module: str, tag: str) -> None:
    """dwcpotel's go.mod as released: the SDK at the release's tag instead of the local replace."""
    text = path.read_text(encoding="utf-8")
    text = text.replace(f"\t{module} v0.0.0\n", f"\t{module} {tag}\n")
    text = "".join(line for line in text.splitlines(keepends=True) if not line.startswith(f"replace {module} "))
    path.write_text(text.rstrip("\n") + "\n", encoding="utf-8")


def write_checksums(dist: Path) -> None:
    """SHA256SUMS over every file artifact (the Go repository tree is covered by its zip)."""
    lines = []
    for path in sorted(p for p in dist.rglob("*") if p.is_file() and "dwcp-sdk-go" not in p.parts):
        if path.name == "SHA256SUMS":
            continue
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        lines.append(f"{digest}  {path.relative_to(dist).as_posix()}")
    (dist / "SHA256SUMS").write_text("\n".join(lines) + "\n", encoding="utf-8")


def manifest(dist: Path) -> dict[str, list[str]]:
    """What dist/ holds, per ecosystem (for the logs)."""
    return {sub: sorted(p.name for p in (dist / sub).iterdir()) for sub in ("python", "npm", "crates", "go")}


if __name__ == "__main__":
    print(json.dumps(manifest(common.ROOT / "dist"), indent=2))
