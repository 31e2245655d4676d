"""Real registry servers of each ecosystem on 127.0.0.1, in temporary folders, for `--publish --to local`.

- Python: pypiserver (any credentials accepted; overwriting a version refused, as on PyPI).
- npm: verdaccio (pinned in packaging/local-registries/package.json), a user made over its REST API.
- Rust: ferro-cargo-registry-server, a sparse-index registry that takes `cargo publish` (`cargo
  install`ed once into ~/.cache/dwcp/tools). Chosen because it is a crates.io package that builds
  with the toolchain here in about two minutes and starts in milliseconds with no database or
  config file; kellnr needs a config, a web UI build and a database, cargo-http-registry pins an
  older toolchain (docs/release.md).
- Go: a bare git repository that the module tree and its tag are pushed to, as to GitHub, and a
  module proxy in the GOPROXY folder layout (`go help goproxy`) served over HTTP, filled from the
  pushed tag the way the public proxy fills itself from the repository.

`local_registries()` starts them and yields a `Targets` whose URLs and credentials are all that
differ from a real release.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import http.server
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOOLS_HOME = Path(os.environ.get("DWCP_TOOLS_HOME") or Path.home() / ".cache" / "dwcp" / "tools")
LOCAL_REGISTRIES = ROOT / "packaging" / "local-registries"
PYPISERVER = "pypiserver==2.4.2"
CARGO_REGISTRY = ("ferro-cargo-registry-server", "1.0.0")
CARGO_REGISTRY_NAME = "dwcp_local"
START_TIMEOUT_S = 60.0


@dataclass
class Targets:
    """Where each ecosystem publishes to and installs from, and with which credentials."""

    pypi_upload: str
    pypi_index: str
    pypi_user: str
    pypi_password: str
    npm_registry: str
    npm_userconfig: str
    cargo_registry: str | None  # None: crates.io
    cargo_env: dict[str, str]
    go_repo_url: str
    go_proxy: GoProxy | None = None
    local: bool = True


@dataclass
class GoProxy:
    """A GOPROXY folder (`<module>/@v/list`, `.info`, `.mod`, `.zip`) served over HTTP."""

    folder: Path
    url: str
    bare_repo: Path
    module: str
    served: list[str] = field(default_factory=list)

    def fetch(self, tag: str) -> None:
        """Adds a tag of the bare repository to the proxy; a version is immutable once served."""
        versions = self.folder / self.module / "@v"
        versions.mkdir(parents=True, exist_ok=True)
        listed = (versions / "list").read_text(encoding="utf-8").split() if (versions / "list").exists() else []
        if tag in listed:
            raise RuntimeError(f"go proxy: {self.module}@{tag} is already served; a published version never changes")
        git = ["git", "--git-dir", str(self.bare_repo)]
        stamp = subprocess.run([*git, "log", "-1", "--format=%cI", tag], capture_output=True, text=True, check=True)
        with tempfile.TemporaryDirectory(prefix="dwcp-goproxy-") as tmp:
            tree = Path(tmp) / "tree"
            tree.mkdir()
            archive = subprocess.run([*git, "archive", "--format=tar", tag], capture_output=True, check=True).stdout
            subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
            # A nested module (a folder with its own go.mod, e.g. dwcpotel) is not part of this one.
            nested = {m.parent for m in tree.rglob("go.mod") if m.parent != tree}
            with zipfile.ZipFile(versions / f"{tag}.zip", "w", zipfile.ZIP_DEFLATED) as out:
                for path in sorted(p for p in tree.rglob("*") if p.is_file() and nested.isdisjoint(p.parents)):
                    out.write(path, f"{self.module}@{tag}/{path.relative_to(tree).as_posix()}")
            shutil.copy2(tree / "go.mod", versions / f"{tag}.mod")
        when = dt.datetime.fromisoformat(stamp.stdout.strip()).astimezone(dt.UTC)
        info = {"Version": tag, "Time": when.strftime("%Y-%m-%dT%H:%M:%SZ")}
        (versions / f"{tag}.info").write_text(json.dumps(info), encoding="utf-8")
        (versions / "list").write_text("".join(f"{v}\n" for v in [*listed, tag]), encoding="utf-8")
        self.served.append(tag)


def free_port() -> int:
    """A port that was free on 127.0.0.1 a moment ago."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def cargo_registry_binary() -> Path:
    """The cargo registry server, built once with `cargo install` into TOOLS_HOME."""
    name, version = CARGO_REGISTRY
    binary = TOOLS_HOME / f"{name}-{version}" / "bin" / name
    if not binary.exists():
        root = str(binary.parent.parent)
        subprocess.run(
            ["cargo", "install", "--quiet", "--locked", name, "--version", version, "--root", root], check=True
        )
    return binary


def verdaccio_binary() -> Path:
    """verdaccio from packaging/local-registries (npm ci once per lockfile change)."""
    marker = LOCAL_REGISTRIES / "node_modules" / ".package-lock.json"
    lock = LOCAL_REGISTRIES / "package-lock.json"
    if not marker.exists() or marker.stat().st_mtime < lock.stat().st_mtime:
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--prefix", str(LOCAL_REGISTRIES)], check=True)
    return LOCAL_REGISTRIES / "node_modules" / ".bin" / "verdaccio"


def _wait_http(url: str, process: subprocess.Popen[bytes], name: str, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"{name} exited with {process.returncode}:\n{log.read_text(errors='replace')[-2000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError:
            return  # it answers
        except OSError:
            if time.monotonic() > deadline:
                raise RuntimeError(f"{name} did not answer {url} within {START_TIMEOUT_S:.0f} s") from None
            time.sleep(0.1)


@contextlib.contextmanager
def _process(
    name: str, args: list[str], ready_url: str, work: Path, env: dict[str, str] | None = None
) -> Iterator[None]:
    log = work / f"{name}.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            args, cwd=work, env={**os.environ, **(env or {})}, stdin=subprocess.DEVNULL, stdout=out, stderr=out
        )
    try:
        _wait_http(ready_url, process, name, log)
        print(f"[registries] {name} on {ready_url}", flush=True)
        yield
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _verdaccio_user(registry: str, userconfig: Path) -> None:
    """Creates a user over verdaccio's REST API (what `npm adduser` does) and writes its token."""
    body = json.dumps({"name": "dwcp-release", "password": "local-release-only"}).encode()
    request = urllib.request.Request(
        f"{registry}-/user/org.couchdb.user:dwcp-release",
        data=body,
        method="PUT",
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as reply:
        token = json.loads(reply.read())["token"]
    host = registry.split("://", 1)[1]
    userconfig.write_text(f"//{host}:_authToken={token}\n", encoding="utf-8")


@contextlib.contextmanager
def local_registries(module: str) -> Iterator[Targets]:
    """Starts pypiserver, verdaccio, the cargo registry and the Go proxy; stops them on exit."""
    with contextlib.ExitStack() as stack:
        work = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="dwcp-registries-")))
        # pypiserver: uploads with any credentials (-P . -a .), refuses to overwrite a version.
        (work / "pypi").mkdir()
        pypi_port = free_port()
        pypi = [sys.executable, "-m", "pypiserver", "run", "-i", "127.0.0.1", "-p", str(pypi_port)]
        pypi += ["-P", ".", "-a", ".", str(work / "pypi")]
        if os.environ.get("PIP_INDEX_URL"):  # unknown names redirect to the index pip uses here
            pypi += ["--fallback-url", os.environ["PIP_INDEX_URL"]]
        stack.enter_context(_process("pypiserver", pypi, f"http://127.0.0.1:{pypi_port}/simple/", work))
        # verdaccio: no uplink; only the @novacron scope lives here, everything else comes from npm's registry.
        npm_port = free_port()
        config = work / "verdaccio.yaml"
        config.write_text(
            f"storage: {work / 'npm-storage'}\n"
            f"auth:\n  htpasswd:\n    file: {work / 'htpasswd'}\n    max_users: 10\n"
            "packages:\n  '@novacron/*':\n    access: $all\n    publish: $authenticated\n"
            "  '**':\n    access: $all\n    publish: $authenticated\n"
            "max_body_size: 50mb\nlog: {type: stdout, format: pretty, level: warn}\n",
            encoding="utf-8",
        )
        verdaccio = [str(verdaccio_binary()), "--config", str(config), "--listen", f"127.0.0.1:{npm_port}"]
        npm_registry = f"http://127.0.0.1:{npm_port}/"
        stack.enter_context(_process("verdaccio", verdaccio, f"{npm_registry}-/ping", work))
        userconfig = work / "npmrc"
        _verdaccio_user(npm_registry, userconfig)
        # The cargo registry: sparse index at its root.
        cargo_port = free_port()
        cargo_url = f"http://127.0.0.1:{cargo_port}"
        cargo_env = {
            "FERRO_CARGO_REGISTRY_DATA": str(work / "cargo-data"),
            "FERRO_CARGO_REGISTRY_LISTEN": f"127.0.0.1:{cargo_port}",
            "FERRO_CARGO_REGISTRY_API": cargo_url,
        }
        binary = str(cargo_registry_binary())
        stack.enter_context(_process("cargo-registry", [binary], f"{cargo_url}/healthz", work, cargo_env))
        key = CARGO_REGISTRY_NAME.upper()
        client_env = {
            f"CARGO_REGISTRIES_{key}_INDEX": f"sparse+{cargo_url}/",
            f"CARGO_REGISTRIES_{key}_TOKEN": "local-release-only",
        }
        # Go: the bare repository that receives the push, and the proxy folder served over HTTP.
        bare = work / "git" / "dwcp-sdk-go.git"
        subprocess.run(["git", "init", "-q", "--bare", str(bare)], check=True)
        folder = work / "goproxy"
        folder.mkdir()
        handler = functools.partial(_QuietHandler, directory=str(folder))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        stack.callback(server.shutdown)
        proxy = GoProxy(folder, f"http://127.0.0.1:{server.server_address[1]}", bare, module)
        print(f"[registries] go proxy on {proxy.url}, git repository {bare}", flush=True)
        yield Targets(
            pypi_upload=f"http://127.0.0.1:{pypi_port}/",
            pypi_index=f"http://127.0.0.1:{pypi_port}/simple/",
            pypi_user="dwcp-release",
            pypi_password="local-release-only",
            npm_registry=npm_registry,
            npm_userconfig=str(userconfig),
            cargo_registry=CARGO_REGISTRY_NAME,
            cargo_env=client_env,
            go_repo_url=bare.as_uri(),
            go_proxy=proxy,
        )


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        return
