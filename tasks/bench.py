"""nox -s bench -- <area>: dispatches to each area's benchmark (run side by side, never timed tests)."""

from __future__ import annotations

import importlib

import nox

AREAS = {
    "generator": "tasks.generator_bench",
    "server": "tasks.server",
    "python": "tasks.python_sdk",
    "go": "tasks.go_sdk",
    "typescript": "tasks.typescript_sdk",
    "rust": "tasks.rust_sdk",
    "suite": "tasks.conformance",
}


def run(session: nox.Session) -> None:
    """Runs the benchmarks named in posargs (all when none)."""
    areas = session.posargs or list(AREAS)
    unknown = [a for a in areas if a not in AREAS]
    if unknown:
        session.error(f"unknown benchmark(s) {unknown}; choose from {sorted(AREAS)}")
    for area in areas:
        importlib.import_module(AREAS[area]).bench(session)
