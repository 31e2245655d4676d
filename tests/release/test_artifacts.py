"""Each release artifact installs and works from a fresh project, as a user would consume it."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
SPEC = yaml.safe_load((ROOT / "spec" / "dwcp.yaml").read_text(encoding="utf-8"))
VERSION = SPEC["info"]["version"]
GO_MODULE = SPEC["packages"]["go"]["module"]


def _run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> str:
    proc = subprocess.run(args, cwd=cwd, capture_output=True, text=True, env={**os.environ, **(env or {})}, check=False)
    assert proc.returncode == 0, f"{' '.join(args)} failed:\n{proc.stdout}\n{proc.stderr}"
    return proc.stdout


def test_checksums_match(dist: Path) -> None:
    lines = (dist / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    assert len(lines) >= 5
    for line in lines:
        digest, name = line.split("  ", 1)
        assert hashlib.sha256((dist / name).read_bytes()).hexdigest() == digest, name


def test_wheel_installs_into_a_fresh_venv(dist: Path, tmp_path: Path) -> None:
    (wheel,) = (dist / "python").glob(f"dwcp-{VERSION}-*.whl")
    _run([sys.executable, "-m", "venv", str(tmp_path / "venv")], tmp_path)
    python = str(tmp_path / "venv" / "bin" / "python")
    _run([python, "-m", "pip", "install", "--quiet", str(wheel)], tmp_path)
    out = _run([python, "-c", "import dwcp; print(dwcp.__version__, dwcp.ClientConfig(address='h').port)"], tmp_path)
    assert out.split() == [VERSION, "9000"]


def test_sdist_carries_the_version(dist: Path) -> None:
    (sdist,) = (dist / "python").glob("dwcp-*.tar.gz")
    assert sdist.name == f"dwcp-{VERSION}.tar.gz"


def test_npm_tarball_installs_and_its_exports_resolve(dist: Path, tmp_path: Path) -> None:
    (tarball,) = (dist / "npm").glob("*.tgz")
    with tarfile.open(tarball) as archive:
        names = archive.getnames()
    assert all(n.startswith("package/") for n in names)
    allowed_roots = {"package.json", "README.md", "LICENSE", "dist"}
    assert {n.split("/")[1] for n in names} <= allowed_roots, names
    (tmp_path / "package.json").write_text(json.dumps({"name": "consumer", "type": "module", "private": True}))
    _run(["npm", "install", "--no-audit", "--no-fund", str(tarball)], tmp_path)
    script = (
        "const m = await import('@novacron/dwcp-sdk');"
        "const b = await import('@novacron/dwcp-sdk/browser');"
        "console.log(typeof m.Client, typeof m.VMClient, typeof b.Client, m.VMState.RUNNING);"
    )
    out = _run(["node", "--input-type=module", "-e", script], tmp_path)
    assert out.split() == ["function", "function", "function", "running"]


def test_crate_unpacks_and_builds(dist: Path, tmp_path: Path) -> None:
    (crate,) = (dist / "crates").glob(f"dwcp-{VERSION}.crate")
    with tarfile.open(crate) as archive:
        archive.extractall(tmp_path, filter="data")
    root = tmp_path / f"dwcp-{VERSION}"
    # The same shared target dir as nox -s sdk_rust, so the dependencies are already compiled.
    target = os.environ.get("CARGO_TARGET_DIR") or str(Path.home() / ".cache" / "dwcp" / "rust-target")
    _run(
        ["cargo", "build", "--quiet", "--manifest-path", str(root / "Cargo.toml")],
        tmp_path,
        {"CARGO_TARGET_DIR": target},
    )


def test_go_module_is_usable_through_a_replace_directive(dist: Path, tmp_path: Path) -> None:
    tag = (dist / "go" / "TAG").read_text(encoding="utf-8").strip()
    assert tag.startswith("v1.")
    assert (dist / "go" / f"{GO_MODULE.replace('/', '_')}@{tag}.zip").exists()
    repo = dist / "go" / "dwcp-sdk-go"
    assert (repo / "go.mod").read_text(encoding="utf-8").startswith(f"module {GO_MODULE}\n")
    (tmp_path / "go.mod").write_text(
        f"module example.com/consumer\n\ngo 1.21\n\nrequire {GO_MODULE} {tag}\n\nreplace {GO_MODULE} => {repo}\n"
    )
    (tmp_path / "main.go").write_text(
        'package main\n\nimport (\n\t"fmt"\n\n\t"github.com/novacron/dwcp-sdk-go"\n)\n\n'
        "func main() { fmt.Println(dwcp.Version, dwcp.DefaultConfig().Port) }\n"
    )
    out = _run(["go", "run", "."], tmp_path, {"GOFLAGS": "-mod=mod", "GOTOOLCHAIN": "local", "GOPROXY": "off"})
    assert out.split() == [VERSION, "9000"]


def test_server_wheel_bundles_the_server_and_its_http_layer(dist: Path) -> None:
    import zipfile

    (wheel,) = (dist / "python").glob(f"dwcp_server-{VERSION}-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "dwcp_server/_impl/conformance/server/app.py" in names
    assert "dwcp_server/_impl/generated/server/dwcp_server_http/__init__.py" in names
    assert not any(n.endswith(("/bench.py", "/ceiling.py")) for n in names)
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    assert "dwcp-server = dwcp_server.__main__:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_pipx_run_of_the_server_wheel_serves_health(dist: Path, tmp_path: Path) -> None:
    import socket
    import time
    import urllib.request

    (wheel,) = (dist / "python").glob(f"dwcp_server-{VERSION}-*.whl")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, "PIPX_HOME": str(tmp_path / "pipx"), "PIPX_BIN_DIR": str(tmp_path / "bin")}
    args = [sys.executable, "-m", "pipx", "run", "--spec", str(wheel), "dwcp-server", "--port", str(port)]
    log = tmp_path / "pipx.log"
    with log.open("wb") as out:
        proc = subprocess.Popen([*args, "--api-key", "K"], env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 120
        while True:
            assert proc.poll() is None, log.read_text(errors="replace")
            try:
                request = urllib.request.Request(f"http://127.0.0.1:{port}/v3/health")
                request.add_header("Authorization", "Bearer K")
                with urllib.request.urlopen(request, timeout=2) as reply:
                    assert reply.status == 200
                    body = json.loads(reply.read())
                    break
            except OSError:
                assert time.monotonic() < deadline, "pipx run dwcp-server did not serve /v3/health in 120 s"
                time.sleep(0.2)
        assert isinstance(body, dict) and body
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_npm_tarball_loads_from_a_commonjs_project(dist: Path, tmp_path: Path) -> None:
    """ESM-only (docs/release.md): require() works through Node's require(esm) (20.19+, 22.12+);
    Node without it refuses with ERR_REQUIRE_ESM, the message docs/release.md quotes."""
    (tarball,) = (dist / "npm").glob("*.tgz")
    _run(["npm", "init", "-y"], tmp_path)
    _run(["npm", "install", "--no-audit", "--no-fund", str(tarball)], tmp_path)
    script = "const m = require('@novacron/dwcp-sdk'); console.log(typeof m.Client, m.VMState.RUNNING)"
    assert _run(["node", "-e", script], tmp_path).split() == ["function", "running"]
    old = subprocess.run(
        ["node", "--no-experimental-require-module", "-e", script],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert old.returncode != 0
    assert "ERR_REQUIRE_ESM" in old.stderr, old.stderr
