"""The release's refusals (a version mismatch, a re-publish), the Go tag mapping of docs/release.md,
and that .github/workflows/ci.yml runs every session `nox -t ci` runs."""

from __future__ import annotations

import ast
import itertools
import re
import shlex
from pathlib import Path

import pytest
import yaml

from generator import ir
from tasks import registries, release_cli, release_publish
from tasks.versions import go_tag

ROOT = Path(__file__).resolve().parent.parent
CI_WORKFLOW = ROOT / ".github" / "workflows" / "ci.yml"


def test_every_generated_package_carries_the_spec_version(api: ir.Api) -> None:
    versions = release_cli.package_versions()
    assert len(versions) == 5
    assert any(name.startswith("dwcp-server") for name in versions)
    assert set(versions.values()) == {api.version}
    release_cli.check_versions(api)


def test_a_version_mismatch_is_refused_with_what_to_do(api: ir.Api, monkeypatch: pytest.MonkeyPatch) -> None:
    found = dict.fromkeys(release_cli.package_versions(), api.version)
    rust = next(name for name in found if name.startswith("rust"))
    found[rust] = "2.9.0"
    monkeypatch.setattr(release_cli, "package_versions", lambda: found)
    with pytest.raises(release_cli.ReleaseRefused, match=r"rust \(generated/rust/Cargo.toml\): 2.9.0") as refused:
        release_cli.check_versions(api)
    assert "nox -s generate" in str(refused.value)


def test_go_tags_shift_the_major_to_what_the_module_path_allows() -> None:
    assert go_tag("3.0.0", "github.com/novacron/dwcp-sdk-go") == "v1.0.0"
    assert go_tag("3.4.2", "github.com/novacron/dwcp-sdk-go") == "v1.4.2"
    assert go_tag("4.1.0", "github.com/novacron/dwcp-sdk-go/v2") == "v2.1.0"
    with pytest.raises(ValueError, match="must end in /v2"):
        go_tag("4.0.0", "github.com/novacron/dwcp-sdk-go")
    with pytest.raises(ValueError, match="Go major 0"):
        go_tag("2.0.0", "github.com/novacron/dwcp-sdk-go")


def _ci_tagged_sessions() -> set[str]:
    """Sessions of noxfile.py whose @nox.session(...) has "ci" in tags (read from the source, no nox needed)."""
    tree = ast.parse((ROOT / "noxfile.py").read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.FunctionDef):
            continue
        for deco in node.decorator_list:
            if not isinstance(deco, ast.Call):
                continue
            keywords = {k.arg: k.value for k in deco.keywords}
            tags = keywords.get("tags")
            if tags is not None and "ci" in ast.literal_eval(tags):
                name = keywords.get("name")
                found.add(ast.literal_eval(name) if name is not None else node.name)
    return found


def _matrix_rows(job: dict[str, object]) -> list[dict[str, str]]:
    matrix = (job.get("strategy") or {}).get("matrix") or {}  # type: ignore[union-attr]
    axes = {k: v for k, v in matrix.items() if k not in ("include", "exclude")}
    rows = [dict(zip(axes, combo, strict=True)) for combo in itertools.product(*axes.values())] if axes else [{}]
    if "include" in matrix:
        rows = [r for r in rows if r] + [dict(extra) for extra in matrix["include"]]
    return rows or [{}]


def ci_jobs() -> dict[str, list[list[str]]]:
    """Per job and matrix row, the nox command lines of ci.yml with the matrix values filled in."""
    workflow = yaml.safe_load(CI_WORKFLOW.read_text(encoding="utf-8"))
    jobs: dict[str, list[list[str]]] = {}
    for job_id, job in workflow["jobs"].items():
        for row in _matrix_rows(job):
            commands = []
            for step in job["steps"]:
                if "run" not in step:
                    continue
                run = re.sub(r"\$\{\{\s*matrix\.(\w+)\s*\}\}", lambda m, row=row: str(row[m.group(1)]), step["run"])
                commands += [shlex.split(line) for line in run.strip().splitlines()]
            jobs[f"{job_id} {row}"] = commands
    return jobs


def _sessions_of(command: list[str]) -> list[str]:
    if command[:2] != ["nox", "-s"]:
        return []
    rest = command[2:]
    return rest[: rest.index("--")] if "--" in rest else rest


def test_every_ci_tagged_session_runs_in_a_ci_workflow_job() -> None:
    tagged = _ci_tagged_sessions()
    assert {"lint", "tests", "conformance", "mutants", "workflows"} <= tagged
    in_jobs = {s for commands in ci_jobs().values() for c in commands for s in _sessions_of(c)}
    missing = tagged - in_jobs
    assert not missing, f"ci-tagged sessions in no job of {CI_WORKFLOW.name}: {sorted(missing)}"


def test_ci_workflow_selects_sessions_and_copies_no_commands() -> None:
    for job, commands in ci_jobs().items():
        for command in commands:
            allowed = command[:2] == ["nox", "-s"] or command[:2] == ["pip", "install"]
            assert allowed, f"{job}: `{shlex.join(command)}` is not a nox session (ci.yml only selects sessions)"
            assert not any("${{" in part for part in command), f"{job}: unresolved matrix value in {command}"


def test_language_jobs_cover_every_language_of_the_suite() -> None:
    langs = set()
    for commands in ci_jobs().values():
        for command in commands:
            if "conformance" in _sessions_of(command) and "--lang" in command:
                langs.add(command[command.index("--lang") + 1])
                assert "mutants" in _sessions_of(command)
    assert langs == {"python", "go", "typescript", "rust"}


def _targets() -> registries.Targets:
    return registries.Targets("u", "i", "user", "pw", "n", "c", None, {}, "g")


def test_a_second_publish_that_a_registry_accepts_fails_the_release(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(_dist: Path, _targets: registries.Targets) -> str:
        raise release_publish.PublishFailed("Uploading x\nnpm error 403 Forbidden - cannot modify pre-existing version")

    def accept(_dist: Path, _targets: registries.Targets) -> str:
        return "published"

    monkeypatch.setattr(release_publish, "PUBLISHERS", {"npm": refuse, "cargo": accept})
    with pytest.raises(release_publish.PublishFailed, match="accepted by: cargo"):
        release_publish.republish_refused(Path("dist"), _targets())
    monkeypatch.setattr(release_publish, "PUBLISHERS", {"npm": refuse})
    refusals = release_publish.republish_refused(Path("dist"), _targets())
    assert refusals == {"npm": "npm error 403 Forbidden - cannot modify pre-existing version"}


def test_the_refusal_reported_is_the_registry_s_own_words() -> None:
    twine = (
        "Uploading dwcp-3.0.0.tar.gz\n\x1b[33mWARNING \x1b[0m Error during upload.\n"
        "Content received from server:\nPackage 'dwcp-3.0.0.tar.gz' already exists!\n"
        "\x1b[31mERROR   \x1b[0m HTTPError: 400 Bad Request from http://127.0.0.1:1/"
    )
    assert release_publish._reason(twine) == "Package 'dwcp-3.0.0.tar.gz' already exists!"
    git = "To file:///tmp/x.git\n ! [rejected]        v1.0.0 -> v1.0.0 (already exists)\nerror: failed to push"
    assert release_publish._reason(git) == "! [rejected]        v1.0.0 -> v1.0.0 (already exists)"
    assert release_publish._reason("npm notice 2.6kB dist/errors.d.ts\nsomething else") == "something else"


def test_a_public_publish_without_credentials_names_each_missing_one(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("PYPI_TOKEN", "ACTIONS_ID_TOKEN_REQUEST_URL", "NODE_AUTH_TOKEN", "NPM_TOKEN", "GO_SDK_REPO_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("CARGO_REGISTRY_TOKEN", "t")
    missing = release_publish.missing_credentials()
    assert [m.split(" ")[0] for m in missing] == ["PyPI", "npm", "Go"]
    assert release_publish.main(["--to", "public", "--dist", "dist"]) == 1
