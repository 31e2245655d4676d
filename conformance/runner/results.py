"""Known-failing lists, the deterministic results JSON, and the cases-by-languages table."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from conformance.runner.cases import CONFORMANCE, SPEC, Case

KNOWN_FAILING = CONFORMANCE / "known-failing"
RESULTS = CONFORMANCE / "results"
OUTCOMES = ("passed", "failed", "known_failing")


class KnownFailingError(Exception):
    """A known-failing file is malformed or names cases that do not exist."""


def read_known_failing(path: Path, case_ids: set[str]) -> dict[str, str]:
    """`case-id  # reason` lines (blank lines and `#` comments allowed); every entry needs a reason."""
    if not path.exists():
        return {}
    entries: dict[str, str] = {}
    problems: list[str] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        case_id, _, reason = (part.strip() for part in text.partition("#"))
        if not reason:
            problems.append(f"{path.name}:{number}: {case_id} has no reason (write `case-id  # why`)")
        elif case_id not in case_ids:
            problems.append(f"{path.name}:{number}: {case_id} is not a case (stale entry: remove it)")
        entries[case_id] = reason
    if problems:
        raise KnownFailingError("\n".join(problems))
    return entries


def spec_hash() -> str:
    """sha256 of spec/dwcp.yaml, as the SDKs record it."""
    return hashlib.sha256(SPEC.read_bytes()).hexdigest()


def build(language: str, sdk_version: str, cases: list[Case], outcomes: dict[str, str]) -> dict[str, Any]:
    """The results document of one language (only cases that ran are listed)."""
    entries = {
        case.id: {"outcome": outcomes[case.id], "level": case.level, "features": case.features}
        for case in cases
        if case.id in outcomes
    }
    counts = {name: sum(1 for e in entries.values() if e["outcome"] == name) for name in OUTCOMES}
    summary = {**counts, "total": len(entries)}
    return {
        "language": language,
        "sdk_version": sdk_version,
        "spec_hash": spec_hash(),
        "summary": summary,
        "cases": entries,
    }


def write(path: Path, document: dict[str, Any]) -> None:
    """Writes results deterministically (sorted keys, fixed indent, final newline)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def table(case_ids: list[str], columns: dict[str, dict[str, str] | None]) -> str:
    """A text table of cases by languages; a None column means the language is not built."""
    marks = {"passed": "pass", "failed": "FAIL", "known_failing": "known", None: "-"}
    width = max([len(c) for c in case_ids] + [4])
    header = "case".ljust(width) + "".join(f"  {lang:>10}" for lang in columns)
    lines = [header, "-" * len(header)]
    for case_id in case_ids:
        cells = [marks.get((col or {}).get(case_id)) if col is not None else "not built" for col in columns.values()]
        lines.append(case_id.ljust(width) + "".join(f"  {cell:>10}" for cell in cells))
    lines.append("-" * len(header))
    lines.append("total".ljust(width) + "".join(f"  {_total(col):>10}" for col in columns.values()))
    return "\n".join(lines)


def _total(column: dict[str, str] | None) -> str:
    """`passed/ran` of one language, or `not built`."""
    if column is None:
        return "not built"
    return f"{sum(1 for v in column.values() if v == 'passed')}/{len(column)}"
