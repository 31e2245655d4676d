"""Conformance results (conformance/results/<lang>.json) as the feature matrix the docs render."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from generator import ir
from generator.problems import Problem, SpecError

LANGUAGES = ("go", "python", "typescript", "rust")
TITLES = {"go": "Go", "python": "Python", "typescript": "TypeScript", "rust": "Rust"}


@dataclass(frozen=True)
class Cell:
    """One feature in one language: offered by the spec, and what the suite proved."""

    offered: bool
    passed: int
    total: int
    ran: bool

    @property
    def symbol(self) -> str:
        """✓ proven, ✗ failing, - not offered, ? not yet proven (no run or no case)."""
        if not self.offered:
            return "-"
        if not self.ran or self.total == 0:
            return "?"
        return "✓" if self.passed == self.total else "✗"


@dataclass(frozen=True)
class Row:
    """A feature and its cell per language (in LANGUAGES order)."""

    feature: ir.Feature
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class LanguageSummary:
    """Pass counts of one language's last committed conformance run."""

    language: str
    title: str
    ran: bool
    passed: int
    total: int
    known_failing: int


@dataclass(frozen=True)
class Matrix:
    """The feature matrix rendered from results, never written by hand."""

    rows: tuple[Row, ...]
    summaries: tuple[LanguageSummary, ...]

    @cached_property
    def titles(self) -> tuple[str, ...]:
        """Column titles in LANGUAGES order."""
        return tuple(TITLES[lang] for lang in LANGUAGES)


def load_matrix(api: ir.Api, results_dir: Path) -> Matrix:
    """Builds the matrix from every results file present; a malformed file is a SpecError."""
    runs = {lang: _read(results_dir / f"{lang}.json") for lang in LANGUAGES}
    rows = tuple(Row(f, tuple(_cell(f, lang, runs[lang]) for lang in LANGUAGES)) for f in api.features)
    summaries = tuple(_summary(lang, runs[lang]) for lang in LANGUAGES)
    return Matrix(rows, summaries)


def _read(path: Path) -> dict[str, dict[str, object]] | None:
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        cases = data["cases"]
        if not isinstance(cases, dict):
            raise TypeError("cases is not an object")
        return cases
    except (ValueError, KeyError, TypeError) as exc:
        raise SpecError([Problem(str(path), 1, 1, "cases", f"unreadable conformance results: {exc}")]) from exc


def _cell(feature: ir.Feature, language: str, cases: dict[str, dict[str, object]] | None) -> Cell:
    offered = language in feature.languages
    if cases is None:
        return Cell(offered, 0, 0, ran=False)
    relevant = [c for c in cases.values() if feature.name in _features(c)]
    passed = sum(1 for c in relevant if c.get("outcome") == "passed")
    return Cell(offered, passed, len(relevant), ran=True)


def _features(case: dict[str, object]) -> list[str]:
    features = case.get("features", [])
    return [str(f) for f in features] if isinstance(features, list) else []


def _summary(language: str, cases: dict[str, dict[str, object]] | None) -> LanguageSummary:
    if cases is None:
        return LanguageSummary(language, TITLES[language], False, 0, 0, 0)
    outcomes = [c.get("outcome") for c in cases.values()]
    return LanguageSummary(
        language,
        TITLES[language],
        True,
        outcomes.count("passed"),
        len(outcomes),
        outcomes.count("known_failing"),
    )
