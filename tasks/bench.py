"""nox -s bench -- <area>: dispatches to each area's benchmark (run side by side, never timed tests)."""

from __future__ import annotations

import importlib
import json
import platform
from pathlib import Path
from typing import Any

import nox

# The figures the site plots (docs/site.md): {"machine": ..., "areas": {area: {title, unit, values, note}}}.
FIGURES = Path(__file__).resolve().parent.parent / "bench" / "figures.json"

AREAS = {
    "generator": "tasks.generator_bench",
    "server": "tasks.server",
    "soak": "tasks.soak",
    "python": "tasks.python_sdk",
    "go": "tasks.go_sdk",
    "typescript": "tasks.typescript_sdk",
    "rust": "tasks.rust_sdk",
    "suite": "tasks.conformance",
}


# Run only when named: it takes minutes.
ON_REQUEST = frozenset({"soak"})


def run(session: nox.Session) -> None:
    """Runs the benchmarks named in posargs (all but the on-request ones when none).

    Options after the names (e.g. `-- soak --seconds 20`) belong to the areas' own runners.
    """
    args = session.posargs
    areas = [a for a in args if a in AREAS]
    stray = [a for i, a in enumerate(args) if a not in AREAS and not a.startswith("-") and not _option_value(args, i)]
    if stray:
        session.error(f"unknown benchmark(s) {stray}; choose from {sorted(AREAS)}")
    for area in areas or [a for a in AREAS if a not in ON_REQUEST]:
        importlib.import_module(AREAS[area]).bench(session)


def record(area: str, title: str, unit: str, values: dict[str, float], note: str = "") -> None:
    """Merges one area's figures into bench/figures.json (other areas' last figures are kept)."""
    data: dict[str, Any] = json.loads(FIGURES.read_text(encoding="utf-8")) if FIGURES.exists() else {}
    data["machine"] = f"{platform.machine()}, {platform.system()}, Python {platform.python_version()}"
    areas = data.setdefault("areas", {})
    areas[area] = {"title": title, "unit": unit, "values": {k: round(v, 3) for k, v in values.items()}, "note": note}
    FIGURES.parent.mkdir(parents=True, exist_ok=True)
    FIGURES.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def _option_value(args: list[str], index: int) -> bool:
    """Whether args[index] is the value of the option before it (--requests 2000)."""
    return index > 0 and args[index - 1].startswith("-") and "=" not in args[index - 1]
