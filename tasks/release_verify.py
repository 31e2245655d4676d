"""After a local publish: each package installed by name and version from the running registries, in a
fresh project, and its quick start run against dwcp-server installed the same way.

The quick starts are the SDKs' own examples (generated/<lang>/examples); only where an example
reaches into the SDK repository's private scaffolding (Go's examples/internal/exampleenv) is that
helper copied into the fresh project beside it.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import yaml

from tasks import registries

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "generated"
API_KEY = "release-check-key"
CONNECTED = "Connected to DWCP server"
TS_TOOLS = ["typescript@5.9.3", "@types/node@20.19.43"]


def _spec() -> tuple[str, str, str, str]:
    spec = yaml.safe_load((ROOT / "spec" / "dwcp.yaml").read_text(encoding="utf-8"))
    packages = spec["packages"]
    return spec["info"]["version"], packages["typescript"]["name"], packages["go"]["module"], "dwcp"


def _run(args: list[str], cwd: Path, env: dict[str, str] | None = None, timeout: float = 900) -> str:
    print("+ " + " ".join(args), flush=True)
    proc = subprocess.run(
        args, cwd=cwd, env={**os.environ, **(env or {})}, capture_output=True, text=True, timeout=timeout, check=False
    )
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return proc.stdout


@contextlib.contextmanager
def _server(venv: Path) -> Iterator[dict[str, str]]:
    """dwcp-server from the venv it was installed into; yields the DWCP_* variables of the quick starts."""
    ready = venv.parent / "server-ready.json"
    args = [str(venv / "bin" / "dwcp-server"), "--port", "0", "--api-key", API_KEY, "--clock-speed", "1000"]
    args += ["--ready-file", str(ready), "--parent-pipe"]
    process = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while not ready.exists():
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("dwcp-server (installed from the local index) did not start")
            time.sleep(0.05)
        info = json.loads(ready.read_text(encoding="utf-8"))
        print(f"dwcp-server from the registry listens on {info['url']}", flush=True)
        yield {"DWCP_ADDRESS": "127.0.0.1", "DWCP_PORT": str(info["port"]), "DWCP_API_KEY": API_KEY}
    finally:
        if process.stdin is not None:
            process.stdin.close()
        process.terminate()
        process.wait(timeout=10)


def _expect_connected(name: str, out: str) -> None:
    if CONNECTED not in out:
        raise RuntimeError(f"the {name} quick start did not connect:\n{out}")
    print(f"quick start {name}: " + " | ".join(out.strip().splitlines()), flush=True)


def install_and_run_quick_starts(dist: Path, targets: registries.Targets) -> None:
    """pip, npm, cargo and go each install by name+version from the local registries; quick starts run."""
    version, npm_name, go_module, crate = _spec()
    tag = (dist / "go" / "TAG").read_text(encoding="utf-8").strip()
    with tempfile.TemporaryDirectory(prefix="dwcp-consumers-") as tmp:
        work = Path(tmp)
        venv = work / "py" / "venv"
        timings: dict[str, float] = {}
        started = time.monotonic()
        _run([sys.executable, "-m", "venv", str(venv)], work)
        pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
        _run([*pip, "--index-url", targets.pypi_index, f"dwcp=={version}", f"dwcp-server=={version}"], work)
        timings["python install"] = time.monotonic() - started
        with _server(venv) as env:
            started = time.monotonic()
            quick_start = GENERATED / "python" / "examples" / "quick_start.py"
            out = _run([str(venv / "bin" / "python"), str(quick_start)], work, env)
            _expect_connected("python", out)
            timings["python"] = time.monotonic() - started
            started = time.monotonic()
            _typescript(work / "ts", targets, npm_name, version, env)
            timings["typescript"] = time.monotonic() - started
            started = time.monotonic()
            _rust(work / "rs", targets, crate, version, env)
            timings["rust"] = time.monotonic() - started
            started = time.monotonic()
            _go(work / "go", targets, go_module, tag, env)
            timings["go"] = time.monotonic() - started
        print("install + quick start: " + ", ".join(f"{k} {v:.1f} s" for k, v in timings.items()), flush=True)


def _typescript(project: Path, targets: registries.Targets, name: str, version: str, env: dict[str, str]) -> None:
    """`npm init -y` (a CommonJS project), the SDK from the local registry by scope; require() and the quick start."""
    project.mkdir()
    _run(["npm", "init", "-y"], project)
    scope = name.split("/", maxsplit=1)[0]
    (project / ".npmrc").write_text(f"{scope}:registry={targets.npm_registry}\n", encoding="utf-8")
    _run(["npm", "install", "--no-audit", "--no-fund", f"{name}@{version}", *TS_TOOLS], project)
    installed = json.loads((project / "node_modules" / name / "package.json").read_text(encoding="utf-8"))
    if installed["version"] != version:
        raise RuntimeError(f"npm installed {name}@{installed['version']}, not {version}")
    out = _run(["node", "-e", f"const m = require({json.dumps(name)}); console.log(typeof m.Client)"], project)
    if out.strip() != "function":
        raise RuntimeError(f"require({name}) from a CommonJS project gave {out!r}")
    source = (GENERATED / "typescript" / "examples" / "quick-start.ts").read_text(encoding="utf-8")
    (project / "quick-start.mts").write_text(source, encoding="utf-8")
    tsconfig = {
        "compilerOptions": {"module": "nodenext", "target": "es2022", "strict": True, "types": ["node"]},
        "files": ["quick-start.mts"],
    }
    (project / "tsconfig.json").write_text(json.dumps(tsconfig), encoding="utf-8")
    _run(["node", str(project / "node_modules" / "typescript" / "bin" / "tsc"), "-p", "."], project)
    out = _run(["node", "quick-start.mjs"], project, {**env, "DWCP_TLS": "false"})
    _expect_connected("typescript", out)


def _rust(project: Path, targets: registries.Targets, crate: str, version: str, env: dict[str, str]) -> None:
    """cargo new; cargo add dwcp@X from the local registry (tokio from crates.io); the quick start."""
    _run(["cargo", "new", "--quiet", "--bin", "--name", "quickstart", str(project)], project.parent)
    cargo_env = dict(targets.cargo_env)
    # The same target dir as nox -s sdk_rust, so the SDK's dependencies are already compiled.
    cargo_env["CARGO_TARGET_DIR"] = os.environ.get("CARGO_TARGET_DIR") or str(
        Path.home() / ".cache" / "dwcp" / "rust-target"
    )
    assert targets.cargo_registry is not None
    _run(["cargo", "add", "--quiet", f"{crate}@={version}", "--registry", targets.cargo_registry], project, cargo_env)
    _run(["cargo", "add", "--quiet", "tokio@1", "--features", "macros,rt-multi-thread"], project, cargo_env)
    examples = GENERATED / "rust" / "examples"
    (project / "src" / "main.rs").write_text((examples / "quick_start.rs").read_text(encoding="utf-8"))
    (project / "src" / "common").mkdir()
    (project / "src" / "common" / "mod.rs").write_text((examples / "common" / "mod.rs").read_text(encoding="utf-8"))
    out = _run(["cargo", "run", "--quiet"], project, {**cargo_env, **env})
    _expect_connected("rust", out)
    lock = (project / "Cargo.lock").read_text(encoding="utf-8")
    if f'name = "{crate}"\nversion = "{version}"\nsource = "sparse+' not in lock:
        raise RuntimeError(f"Cargo.lock does not take {crate} {version} from the local registry")


def _go(project: Path, targets: registries.Targets, module: str, tag: str, env: dict[str, str]) -> None:
    """go mod init; go get module@tag through the local proxy (fresh module cache); the quick start."""
    assert targets.go_proxy is not None
    project.mkdir()
    go_env = {
        "GOPROXY": targets.go_proxy.url,
        "GONOSUMDB": module,
        "GOMODCACHE": str(project.parent / "gomodcache"),
        "GOFLAGS": "-modcacherw",
        "GOTOOLCHAIN": "local",
    }
    _run(["go", "mod", "init", "example.com/quickstart"], project, go_env)
    _run(["go", "get", f"{module}@{tag}"], project, go_env)
    examples = GENERATED / "go" / "examples"
    helper = "exampleenv"
    (project / helper).mkdir()
    for source in (examples / "internal" / helper).glob("*.go"):
        (project / helper / source.name).write_text(source.read_text(encoding="utf-8"))
    main = (examples / "quickstart" / "main.go").read_text(encoding="utf-8")
    main = main.replace(f'"{module}/examples/internal/{helper}"', f'"example.com/quickstart/{helper}"')
    (project / "main.go").write_text(main)
    out = _run(["go", "run", "."], project, {**go_env, **env})
    _expect_connected("go", out)
