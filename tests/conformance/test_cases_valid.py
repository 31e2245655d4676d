"""Case files: the real catalogue is valid, and invalid fixtures are rejected with a reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from conformance.runner.cases import ACTIONS_WITH_CLIENT, CASES, SCHEMA, CaseError, check, load_all
from tests.conformance.conftest import FIXTURES

INVALID = sorted((FIXTURES / "invalid").glob("*.yaml"))


def test_the_catalogue_is_valid() -> None:
    """Every case under conformance/cases loads, and ids are <area>/<name>."""
    cases = load_all(CASES)
    assert cases, "no cases"
    assert all(c.id.count("/") == 1 for c in cases)


def test_pending_cases_are_valid() -> None:
    """conformance/pending holds valid cases (waiting for SDK fixes) that are not in the catalogue."""
    pending = load_all(CASES.parent / "pending")
    assert not {c.id for c in pending} & {c.id for c in load_all(CASES)}
    readme = (CASES.parent / "pending" / "README.md").read_text(encoding="utf-8")
    assert all(f"`{c.id}`" in readme for c in pending), "every pending case is listed in pending/README.md"


def test_valid_fixtures_load() -> None:
    """The runner's valid fixtures load."""
    assert [c.id for c in load_all(FIXTURES / "valid")] == ["health/ok", "observability/all"]


@pytest.mark.parametrize("path", INVALID, ids=[p.stem for p in INVALID])
def test_invalid_fixture_is_rejected(path: Path) -> None:
    """Each invalid fixture yields at least one problem."""
    assert check(yaml.safe_load(path.read_text(encoding="utf-8")), f"invalid/{path.stem}")


def test_load_all_reports_every_bad_file(tmp_path: Path) -> None:
    """One error lists all invalid files, and stray files are reported too."""
    area = tmp_path / "area"
    area.mkdir()
    for path in INVALID[:2]:
        (area / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (area / "notes.txt").write_text("x", encoding="utf-8")
    with pytest.raises(CaseError) as info:
        load_all(tmp_path)
    message = str(info.value)
    assert all(f"area/{p.stem}" in message for p in INVALID[:2])
    assert "notes.txt" in message


def test_cases_run_only_where_their_features_are_offered() -> None:
    from conformance.runner.cases import CASES, applies_to, load_all

    cases = {c.id: c for c in load_all(CASES)}
    sync = cases["lifecycle/sync-client"]
    assert [lang for lang in ("python", "go", "typescript", "rust") if applies_to(sync, lang)] == ["python", "go"]
    assert all(applies_to(cases["lifecycle/create"], lang) for lang in ("python", "go", "typescript", "rust"))
    assert applies_to(sync, "fake")


def test_every_action_naming_a_client_is_checked_against_clients() -> None:
    """A step action whose value is a client name (per the schema) is one the loader checks."""
    variants = json.loads(SCHEMA.read_text(encoding="utf-8"))["$defs"]["step"]["oneOf"]
    naming = {
        action
        for variant in variants
        for action in variant["required"]
        if variant["properties"][action].get("description", "").startswith("Client name")
    }
    assert "describe" in naming
    assert naming == set(ACTIONS_WITH_CLIENT)
