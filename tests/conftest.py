"""Fixtures shared by the generator tests: the real spec, and broken variants of it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator import ir
from generator.loader import load
from generator.problems import Problem, SpecError
from generator.validate import validate

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "spec" / "dwcp.yaml"


@pytest.fixture(scope="session")
def api() -> ir.Api:
    """The IR of the real spec."""
    return validate(load(SPEC))


@pytest.fixture
def spec_text() -> str:
    """The real spec's text, to break in a test."""
    return SPEC.read_text(encoding="utf-8")


@pytest.fixture
def problems_of(tmp_path: Path) -> Callable[[str], list[Problem]]:
    """Validates spec text written to a temporary file and returns its problems (none: [])."""

    def run(text: str) -> list[Problem]:
        path = tmp_path / "dwcp.yaml"
        path.write_text(text, encoding="utf-8")
        try:
            validate(load(path))
        except SpecError as exc:
            return exc.problems
        return []

    return run
