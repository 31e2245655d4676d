"""spec-diff: every kind of breaking change is caught, a clean addition is not breaking."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import ir
from generator.compat import api_diff, changelog, diff, needs_major
from generator.loader import load
from generator.validate import validate

ROOT = Path(__file__).resolve().parent.parent


def _api(folder: Path, text: str) -> ir.Api:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "spec.yaml"
    path.write_text(text, encoding="utf-8")
    return validate(load(path))


@pytest.fixture
def old_text() -> str:
    return (ROOT / "spec" / "dwcp.yaml").read_text(encoding="utf-8")


BREAKING = {
    "operation removed": (
        '      delete_snapshot:\n        doc: Deletes a snapshot.\n        http: {method: DELETE, path: "/snapshots/{snapshot_id}", status: 204}\n        input: {path: {snapshot_id: string}}\n',
        "",
    ),
    "field removed": ("      gpu_type: {type: string, doc: GPU model.}\n", ""),
    "type changed": ("      io_threads: {type: int32,", "      io_threads: {type: int64,"),
    "field became required": (
        "      gpu_type: {type: string, doc",
        "      gpu_type: {type: string, required: true, doc",
    ),
    "enum value removed": ("      restoring: Being restored from a snapshot.\n", ""),
    "route changed": ('path: "/vms/{vm_id}/start"', 'path: "/vms/{vm_id}/boot"'),
    "required field added": (
        "      quiesce: {type: bool, doc: Quiesce the guest file systems first.}\n",
        "      quiesce: {type: bool, doc: Quiesce the guest file systems first.}\n      mode: {type: string, required: true, doc: Mode.}\n",
    ),
    "limit tightened": (
        "cpus: {type: int32, required: true, min: 1, max: 128,",
        "cpus: {type: int32, required: true, min: 1, max: 64,",
    ),
    "error code removed": ("      rate_limited: Too many requests.\n", ""),
}


@pytest.mark.parametrize("kind", sorted(BREAKING))
def test_breaking_changes_are_caught(tmp_path: Path, old_text: str, kind: str) -> None:
    before, after = BREAKING[kind]
    assert before in old_text
    old = _api(tmp_path / "o", old_text)
    new = _api(tmp_path / "n", old_text.replace(before, after, 1))
    changes = diff(old, new)
    assert any(c.breaking and c.kind == kind for c in changes), changes
    assert needs_major(old, new, changes)


def test_major_bump_allows_breaking_changes(tmp_path: Path, old_text: str) -> None:
    old = _api(tmp_path / "o", old_text)
    new_text = old_text.replace("      gpu_type: {type: string, doc: GPU model.}\n", "").replace(
        "version: 3.0.0", "version: 4.0.0"
    )
    new = _api(tmp_path / "n", new_text)
    changes = diff(old, new)
    assert [str(c) for c in changes if c.breaking] == ["BREAKING: field removed: vm_config.gpu_type"]
    assert not needs_major(old, new, changes)


def test_clean_addition_is_not_breaking(tmp_path: Path, old_text: str) -> None:
    new_text = old_text.replace(
        "      quiesce: {type: bool, doc: Quiesce the guest file systems first.}\n",
        "      quiesce: {type: bool, doc: Quiesce the guest file systems first.}\n      tag: {type: string, doc: A tag.}\n",
    ).replace(
        "      restoring: Being restored from a snapshot.\n",
        "      restoring: Being restored from a snapshot.\n      paused: Paused.\n",
    )
    new_text = new_text.replace("version: 3.0.0", "version: 3.1.0")
    old, new = _api(tmp_path / "o", old_text), _api(tmp_path / "n", new_text)
    changes = diff(old, new)
    assert [str(c) for c in changes] == ["added: enum value: vm_state.paused", "added: field: snapshot_options.tag"]
    assert not needs_major(old, new, changes)
    entry = changelog(old, new, changes)
    assert entry.startswith("## 3.1.0")
    assert "### Added" in entry and "Breaking" not in entry


def test_identical_specs_have_no_changes(tmp_path: Path, old_text: str) -> None:
    old, new = _api(tmp_path / "o", old_text), _api(tmp_path / "n", old_text)
    assert diff(old, new) == []
    assert "No API changes." in changelog(old, new, [])


def test_sdk_api_diff_reports_removed_changed_and_added_items() -> None:
    old = "func (c *VMClient) Stop(ctx context.Context, vmID string, force bool) error\ntype VM struct\n"
    new = "func (c *VMClient) Stop(ctx context.Context, vmID string, force bool, x int) error\ntype VM struct\ntype Node struct\n"
    changes = api_diff("go", old, new)
    breaking = [c.subject for c in changes if c.breaking]
    added = [c.subject for c in changes if not c.breaking]
    assert breaking == ["func (c *VMClient) Stop(ctx context.Context, vmID string, force bool) error"]
    assert sorted(added) == [
        "func (c *VMClient) Stop(ctx context.Context, vmID string, force bool, x int) error",
        "type Node struct",
    ]


def test_sdk_api_diff_of_identical_snapshots_is_empty() -> None:
    snapshot = "class VMClient\n  def get(self, vm_id: str) -> VM\n"
    assert api_diff("python", snapshot, snapshot) == []


def test_a_new_positional_argument_is_breaking(tmp_path: Path, old_text: str) -> None:
    new_text = old_text.replace("        positional: [force]\n", "        positional: [force]\n", 1).replace(
        "      force: {type: bool, doc: Power off at once instead of a graceful shutdown.}\n",
        "      force: {type: bool, doc: Power off at once instead of a graceful shutdown.}\n"
        "      reason: {type: string, required: true, doc: Why.}\n",
        1,
    )
    old, new = _api(tmp_path / "o", old_text), _api(tmp_path / "n", new_text)
    subjects = [(c.kind, c.subject) for c in diff(old, new) if c.breaking]
    assert ("positional arguments changed", "vm.stop") in subjects


def test_an_optional_flattened_field_is_an_addition(tmp_path: Path, old_text: str) -> None:
    new_text = old_text.replace(
        "      force: {type: bool, doc: Power off at once instead of a graceful shutdown.}\n",
        "      force: {type: bool, doc: Power off at once instead of a graceful shutdown.}\n"
        "      reason: {type: string, doc: Why.}\n",
        1,
    )
    old, new = _api(tmp_path / "o", old_text), _api(tmp_path / "n", new_text)
    changes = diff(old, new)
    assert [str(c) for c in changes] == ["added: field: stop_request.reason"]
