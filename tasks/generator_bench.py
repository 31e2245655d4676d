"""nox -s bench -- generator: wall time of a full generation, of a synthetic spec 50x larger, and of
openapi-generator producing four clients from generated/openapi.json, side by side in one run."""

from __future__ import annotations

import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

import nox
import yaml

from tasks import common

SCALE = 50
RUNS = 3
SECTIONS = ("enums", "types", "errors", "resources")
OPENAPI_GENERATOR = "openapi-generator-cli==7.17.0"
# openapi-generator's generators for the languages we emit (typescript-fetch: no HTTP library).
PEER_GENERATORS = ("python", "go", "typescript-fetch", "rust")
# Copies of a resource are ordinary resources: one session operation and one client-level group per spec.
SINGLETON_KEYS = ("role", "client_level", "visibility")


def bench(session: nox.Session) -> None:
    """Measures both sizes side by side in one run and prints the figures and the targets."""
    common.install_generator(session)
    session.install(OPENAPI_GENERATOR)
    python = str(Path(session.bin) / "python")
    with tempfile.TemporaryDirectory(prefix="dwcp-bench-") as tmp:
        work = Path(tmp)
        big = work / "dwcp-x50.yaml"
        big.write_text(yaml.safe_dump(scaled_spec(SCALE), sort_keys=False), encoding="utf-8")
        spec = common.ROOT / "spec" / "dwcp.yaml"
        _median_wall(python, spec, work / "warm-up", work / "results")  # writes the bytecode caches
        small = _median_wall(python, spec, work / "out-x1", work / "results")
        uncached = _median_wall(python, spec, work / "out-x1", work / "results", bytecode=False)
        large = _median_wall(python, big, work / "out-x50", work / "results")
        peers = {g: _peer_wall(Path(session.bin), g, work / f"peer-{g}") for g in PEER_GENERATORS}
    ratio = large / small
    peer_total = sum(peers.values())
    print(f"generator x1 : {small:.2f} s (median of {RUNS}, all targets, formatters included)")
    print(f"generator x1 : {uncached:.2f} s without bytecode caches (every import compiled again)")
    print(f"generator x{SCALE}: {large:.2f} s ({ratio:.1f}x the x1 time; linear bound {SCALE}x)")
    for name, seconds in peers.items():
        print(f"openapi-generator {name:<16}: {seconds:.2f} s (median of {RUNS}, from generated/openapi.json)")
    print(f"openapi-generator, four clients: {peer_total:.2f} s; ours (four SDKs, drivers, server, schemas) is")
    print(f"  {small / peer_total:.3f}x of that time ({peer_total / small:.1f}x faster)")
    met_small = "met" if small < 1.5 else "MISSED"
    met_ratio = "met" if ratio < SCALE else "MISSED"
    print(f"targets: x1 under 1.5 s: {met_small}; x{SCALE} under {SCALE}x x1: {met_ratio}")
    from tasks.bench import record

    values = {"ours, x1 (all targets)": small, f"ours, x{SCALE}": large}
    values.update({f"openapi-generator {name}": seconds for name, seconds in peers.items()})
    record("generator", "Generator against openapi-generator", "s, median wall time", values)


def _peer_wall(bin_dir: Path, generator: str, out: Path) -> float:
    """Median wall time of openapi-generator generating one client (JVM start-up included, as users see it)."""
    command = [str(bin_dir / "openapi-generator-cli"), "generate", "-g", generator]
    command += ["-i", str(common.ROOT / "generated" / "openapi.json"), "-o", str(out), "--skip-validate-spec"]
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _median_wall(python: str, spec: Path, out: Path, results: Path, *, bytecode: bool = True) -> float:
    """Median wall time of `python -m generator` on spec; bytecode=True is Python's default (this
    machine's environment sets PYTHONDONTWRITEBYTECODE=1, so the default run drops it)."""
    results.mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    if not bytecode:  # no cached bytecode is read (an empty cache folder) and none is written
        env.update(PYTHONDONTWRITEBYTECODE="1", PYTHONPYCACHEPREFIX=str(results / "no-pycache"))
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        subprocess.run(
            [python, "-m", "generator", "--spec", str(spec), "--out", str(out), "--results", str(results)],
            cwd=common.ROOT,
            check=True,
            stdout=subprocess.DEVNULL,
            env=env,
        )
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def scaled_spec(copies: int) -> dict[str, Any]:
    """The real spec with its enums, types, errors and resources repeated under suffixed names."""
    spec: dict[str, Any] = yaml.safe_load((common.ROOT / "spec" / "dwcp.yaml").read_text(encoding="utf-8"))
    abstract = {n for n, body in spec["errors"].items() if body.get("abstract")}
    names = {n for section in SECTIONS for n in spec[section]} - abstract
    for section in SECTIONS:
        original = {n: body for n, body in spec[section].items() if n not in abstract}
        for k in range(1, copies):
            for name, body in original.items():
                spec[section][f"{name}_k{k}"] = _renamed(body, names, k, section)
                if body.get("client_level"):  # its operations are also offered on every resource client
                    operations = spec[section][f"{name}_k{k}"]["operations"]
                    spec[section][f"{name}_k{k}"]["operations"] = {f"{op}_k{k}": o for op, o in operations.items()}
    return spec


def _renamed(node: Any, names: set[str], k: int, section: str) -> Any:
    """A deep copy whose references to spec names (and error codes, paths) carry the suffix _k<k>."""
    if section == "errors" and isinstance(node, dict) and "codes" in node:
        node = {**node, "codes": {f"{code}_k{k}": body for code, body in node["codes"].items()}}
    if isinstance(node, dict):
        singletons = SINGLETON_KEYS if ("http" in node or "operations" in node) else ()
        out = {key: _renamed(value, names, k, "") for key, value in node.items() if key not in singletons}
        if isinstance(out.get("names"), dict):  # a fixed per-language name must stay unique too
            out["names"] = {lang: f"{fixed}K{k}" for lang, fixed in node["names"].items()}
        return out
    if isinstance(node, list):
        return [_renamed(v, names, k, "") for v in node]
    if isinstance(node, str):
        return _rename_str(node, names, k)
    return node


def _rename_str(text: str, names: set[str], k: int) -> str:
    if text in names:
        return f"{text}_k{k}"
    for wrapper in ("list<", "map<"):
        inner = text.removeprefix(wrapper).removesuffix(">")
        if text.startswith(wrapper) and inner in names:
            return f"{wrapper}{inner}_k{k}>"
    if text.startswith("/"):
        return f"/k{k}{text}"
    return text
