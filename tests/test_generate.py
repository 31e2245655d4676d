"""The whole pipeline: determinism, --check against generated/, and nothing written on bad input."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from generator.cli import EXIT_OK, EXIT_SPEC, EXIT_STALE, main

ROOT = Path(__file__).resolve().parent.parent


def _tree_digest(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_generated_tree_is_up_to_date() -> None:
    """The golden check: generated/ is exactly what the generator makes from spec/ and templates/."""
    assert main(["--check"]) == EXIT_OK


def test_two_generations_are_byte_identical(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    assert main(["--out", str(first)]) == EXIT_OK
    assert main(["--out", str(second)]) == EXIT_OK
    assert _tree_digest(first) == _tree_digest(second)
    assert len(_tree_digest(first)) > 10


def test_check_fails_when_a_template_changes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates, ignore=shutil.ignore_patterns("node_modules", "target"))
    proto = templates / "schemas" / "dwcp.proto.j2"
    proto.write_text(proto.read_text(encoding="utf-8") + "// drift\n", encoding="utf-8")
    before = _tree_digest(ROOT / "generated")
    assert main(["--check", "--templates", str(templates)]) == EXIT_STALE
    assert "differs: dwcp.proto" in capsys.readouterr().err
    assert _tree_digest(ROOT / "generated") == before


def test_check_fails_when_the_spec_changes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = tmp_path / "dwcp.yaml"
    text = (ROOT / "spec" / "dwcp.yaml").read_text(encoding="utf-8")
    spec.write_text(text.replace("doc: Returns a VM.", "doc: Returns one VM.", 1), encoding="utf-8")
    before = _tree_digest(ROOT / "generated")
    assert main(["--check", "--spec", str(spec), "--only", "schemas"]) == EXIT_STALE
    assert "openapi.json" in capsys.readouterr().err
    assert _tree_digest(ROOT / "generated") == before


def test_broken_spec_writes_nothing_and_lists_every_problem(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "generated"
    out.mkdir()
    (out / "keep.txt").write_text("untouched\n", encoding="utf-8")
    spec = tmp_path / "dwcp.yaml"
    text = (ROOT / "spec" / "dwcp.yaml").read_text(encoding="utf-8")
    text = text.replace("network: {type: network_config,", "network: {type: nope,", 1)
    text = text.replace("default_port: 9000", "default_port: nine", 1)
    spec.write_text(text, encoding="utf-8")
    assert main(["--spec", str(spec), "--out", str(out)]) == EXIT_SPEC
    err = capsys.readouterr().err
    assert "problem(s) in the spec; nothing was written" in err
    assert f"{spec}:" in err
    assert _tree_digest(out) == {"keep.txt": hashlib.sha256(b"untouched\n").hexdigest()}


def test_unknown_target_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--check", "--only", "cobol"]) == EXIT_SPEC
    assert "unknown target(s) ['cobol']" in capsys.readouterr().err


def test_only_touches_the_named_targets(tmp_path: Path) -> None:
    out = tmp_path / "generated"
    assert main(["--out", str(out), "--only", "schemas", "python"]) == EXIT_OK
    before = _tree_digest(out)
    assert any(name.startswith("python/") for name in before)
    assert main(["--out", str(out), "--only", "schemas"]) == EXIT_OK
    assert _tree_digest(out) == before


def test_tool_caches_inside_generated_are_not_drift(tmp_path: Path) -> None:
    out = tmp_path / "generated"
    assert main(["--out", str(out), "--only", "python"]) == EXIT_OK
    for cache in (".mypy_cache/3.11/x.json", "__pycache__/m.cpython-311.pyc", "src/dwcp.egg-info/PKG-INFO"):
        (out / "python" / cache).parent.mkdir(parents=True, exist_ok=True)
        (out / "python" / cache).write_text("tool output", encoding="utf-8")
    assert main(["--check", "--out", str(out), "--only", "python"]) == EXIT_OK
    assert main(["--out", str(out), "--only", "python"]) == EXIT_OK
    assert (out / "python" / ".mypy_cache" / "3.11" / "x.json").exists()
