"""The feature matrix comes from conformance results: proven, failing, unproven, not offered."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator import ir
from generator.problems import SpecError
from generator.results import load_matrix


def _write(path: Path, cases: dict[str, dict[str, object]]) -> None:
    path.write_text(json.dumps({"language": path.stem, "cases": cases}), encoding="utf-8")


def test_symbols_follow_the_results(api: ir.Api, tmp_path: Path) -> None:
    _write(
        tmp_path / "python.json",
        {
            "retries/a": {"outcome": "passed", "features": ["automatic_retry"]},
            "retries/b": {"outcome": "passed", "features": ["automatic_retry"]},
            "streams/a": {"outcome": "failed", "features": ["event_streaming"]},
            "streams/b": {"outcome": "passed", "features": ["event_streaming"]},
        },
    )
    matrix = load_matrix(api, tmp_path)
    python = matrix.titles.index("Python")
    rows = {row.feature.name: row.cells for row in matrix.rows}
    assert rows["automatic_retry"][python].symbol == "✓"
    assert rows["event_streaming"][python].symbol == "✗"
    assert rows["snapshots"][python].symbol == "?"
    assert rows["sync_client"][matrix.titles.index("Rust")].symbol == "-"
    assert rows["automatic_retry"][matrix.titles.index("Go")].symbol == "?"
    summary = next(s for s in matrix.summaries if s.language == "python")
    assert (summary.passed, summary.total) == (3, 4)


def test_malformed_results_are_a_clear_error(api: ir.Api, tmp_path: Path) -> None:
    (tmp_path / "go.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(SpecError, match="unreadable conformance results"):
        load_matrix(api, tmp_path)
