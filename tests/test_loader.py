"""The loader: malformed YAML, duplicate keys and empty specs, each located by line and column."""

from __future__ import annotations

from collections.abc import Callable

from generator.problems import Problem


def test_real_spec_has_no_problems(problems_of: Callable[[str], list[Problem]], spec_text: str) -> None:
    assert problems_of(spec_text) == []


def test_malformed_yaml_is_located(problems_of: Callable[[str], list[Problem]]) -> None:
    problems = problems_of("info:\n  title: [unclosed\nother: 1\n")
    assert len(problems) == 1
    assert problems[0].message.startswith("malformed YAML")
    assert problems[0].line == 3


def test_duplicate_key_is_reported_with_its_line(problems_of: Callable[[str], list[Problem]], spec_text: str) -> None:
    broken = spec_text.replace("  version: 3.0.0\n", "  version: 3.0.0\n  version: 3.0.1\n", 1)
    problems = problems_of(broken)
    assert [p.message for p in problems] == ["duplicate key 'version'"]
    assert problems[0].path == "info.version"
    assert problems[0].line == spec_text.splitlines().index("  version: 3.0.0") + 2


def test_empty_spec(problems_of: Callable[[str], list[Problem]]) -> None:
    assert [p.message for p in problems_of("")] == ["the spec is empty"]


def test_spec_must_be_a_mapping(problems_of: Callable[[str], list[Problem]]) -> None:
    assert [p.message for p in problems_of("- a\n- b\n")] == ["the spec must be a mapping"]


def test_problem_text_names_file_line_column_and_path() -> None:
    problem = Problem("spec/dwcp.yaml", 12, 5, "types.vm.fields.id", "unknown type 'x'")
    assert str(problem) == "spec/dwcp.yaml:12:5: types.vm.fields.id: unknown type 'x'"
