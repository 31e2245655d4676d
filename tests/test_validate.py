"""Each class of bad spec input gets its own located problem, and all are reported at once."""

from __future__ import annotations

from collections.abc import Callable

from generator.problems import Problem

Problems = Callable[[str], list[Problem]]


def _messages(problems: list[Problem]) -> list[str]:
    return [f"{p.path}: {p.message}" for p in problems]


def test_unknown_key_is_a_schema_violation(problems_of: Problems, spec_text: str) -> None:
    broken = spec_text.replace("  default_port: 9000\n", "  default_port: 9000\n  colour: red\n", 1)
    (problem,) = problems_of(broken)
    assert problem.path == "info"
    assert "unknown key(s) 'colour'" in problem.message


def test_wrong_type_is_a_schema_violation(problems_of: Problems, spec_text: str) -> None:
    broken = spec_text.replace("default_port: 9000", "default_port: nine", 1)
    (problem,) = problems_of(broken)
    assert problem.path == "info.default_port"
    assert "'nine' is not of type 'integer'" in problem.message


def test_unknown_type_reference(problems_of: Problems, spec_text: str) -> None:
    broken = spec_text.replace("network: {type: network_config,", "network: {type: network_setup,", 1)
    assert _messages(problems_of(broken)) == ["types.vm_config.fields.network.type: unknown type 'network_setup'"]


def test_unknown_error_reference(problems_of: Problems, spec_text: str) -> None:
    broken = spec_text.replace("error: migration_error\n", "error: migrate_error\n", 1)
    assert _messages(problems_of(broken)) == [
        "resources.vm.waiters.wait_for_migration.error: unknown error 'migrate_error'"
    ]


def test_path_parameter_without_field(problems_of: Problems, spec_text: str) -> None:
    broken = spec_text.replace('path: "/vms/{vm_id}/start"', 'path: "/vms/{vm_id}/start/{mode}"', 1)
    assert _messages(problems_of(broken)) == [
        "resources.vm.operations.start.http.path: path parameter {mode} has no field in input.path"
    ]


def test_duplicate_route(problems_of: Problems, spec_text: str) -> None:
    broken = spec_text.replace('path: "/vms/{vm_id}/stop"', 'path: "/vms/{vm_id}/start"', 1)
    messages = _messages(problems_of(broken))
    assert messages == ["resources.vm.operations.stop.http: route POST /vms/{vm_id}/start repeats vm.start"]


def test_duplicate_name_after_casing(problems_of: Problems, spec_text: str) -> None:
    broken = spec_text.replace(
        "  vm_list:\n", "  v_m_config:\n    doc: Clash.\n    fields:\n      a: {type: string, doc: A.}\n  vm_list:\n", 1
    )
    messages = _messages(problems_of(broken))
    assert "types.v_m_config: python: 'VMConfig' collides with types.vm_config in type" in messages
    assert "types.v_m_config: go: 'VMConfig' collides with types.vm_config in package" in messages


def test_reserved_word_after_casing(problems_of: Problems, spec_text: str) -> None:
    broken = spec_text.replace(
        "      quiesce: {type: bool,", "      async: {type: bool, doc: X.}\n      quiesce: {type: bool,", 1
    )
    messages = _messages(problems_of(broken))
    # Python renames keywords itself (async_, with the wire name as alias): see test_naming_python.
    assert (
        "types.snapshot_options.fields.async: rust: 'async' is a reserved word; set names.rust to rename it" in messages
    )


def test_rust_keyword_needs_an_override(problems_of: Problems, spec_text: str) -> None:
    broken = spec_text.replace(", names: {rust: model}, doc: Device model.}", ", doc: Device model.}", 1)
    assert _messages(problems_of(broken)) == [
        "types.network_interface.fields.type: rust: 'type' is a reserved word; set names.rust to rename it"
    ]


def test_bad_default_and_limits(problems_of: Problems, spec_text: str) -> None:
    broken = spec_text.replace(
        "port: {type: int32, default: 9000, min: 1,", "port: {type: int32, default: 70000, min: 1,", 1
    )
    broken = broken.replace(
        "cpus: {type: int32, required: true, min: 1, max: 128,",
        "cpus: {type: int32, required: true, min: 9, max: 8,",
        1,
    )
    assert _messages(problems_of(broken)) == [
        "client_config.fields.port.default: default 70000 is outside [1, 65535]",
        "types.vm_config.fields.cpus.min: min 9 is above max 8",
    ]


def test_every_problem_is_reported_at_once_with_positions(problems_of: Problems, spec_text: str) -> None:
    broken = spec_text.replace("network: {type: network_config,", "network: {type: nope,", 1)
    broken = broken.replace('path: "/vms/{vm_id}/start"', 'path: "/vms/{vm_id}/start/{mode}"', 1)
    broken = broken.replace(
        "output: migration_status\n        idempotent: false", "output: migration_state_x\n        idempotent: false", 1
    )
    problems = problems_of(broken)
    assert len(problems) == 3
    lines = broken.splitlines()
    for problem in problems:
        assert problem.file.endswith("dwcp.yaml")
        assert 1 <= problem.line <= len(lines)
        assert problem.column >= 1
    network_line = next(i for i, line in enumerate(lines, 1) if "network: {type: nope," in line)
    assert any(p.line == network_line for p in problems)


def test_a_code_every_runtime_raises_must_be_in_the_catalogue(problems_of: Problems, spec_text: str) -> None:
    line = '      tls_failed: {doc: "The server\'s certificate could not be verified (untrusted, expired or for another name).", side: client, retry: never}\n'
    assert line in spec_text
    messages = _messages(problems_of(spec_text.replace(line, "", 1)))
    for language in ("go", "python", "rust", "typescript"):
        assert (
            f"errors: {language}: the {language} runtime raises the code 'tls_failed'; add it to the catalogue"
            in messages
        )
