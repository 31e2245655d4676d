"""Loads and validates the YAML cases: schema (unknown keys are errors) plus checks against the spec."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml

CONFORMANCE = Path(__file__).resolve().parent.parent
ROOT = CONFORMANCE.parent
CASES = CONFORMANCE / "cases"
SCHEMA = CONFORMANCE / "case.schema.json"
SPEC = ROOT / "spec" / "dwcp.yaml"
# libyaml's loader when PyYAML was built with it: ten times faster, and every suite run (each mutant's
# too) reads every case.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
ACTIONS_WITH_CLIENT = (
    "connect",
    "disconnect",
    "status",
    "client_metrics",
    "describe",
    "hook_events",
    "log_records",
    "spans",
)


class CaseError(Exception):
    """One or more case files are invalid; the message lists every problem."""


@dataclass(frozen=True)
class Case:
    """One validated case; `id` is `<area>/<file stem>`."""

    id: str
    path: Path
    data: dict[str, Any]

    @property
    def level(self) -> str:
        """MUST or SHOULD."""
        return str(self.data["level"])

    @property
    def features(self) -> list[str]:
        """Spec features the case proves."""
        return list(self.data["features"])


@cache
def schema_validator() -> jsonschema.Draft202012Validator:
    """The validator of case.schema.json."""
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def _yaml(text: str) -> Any:
    """Parses YAML as safe_load does."""
    return yaml.load(text, Loader=_LOADER)


@cache
def feature_languages(spec: Path = SPEC) -> dict[str, frozenset[str]]:
    """The languages that offer each feature of the spec (all four when the spec names none)."""
    data = _yaml(spec.read_text(encoding="utf-8"))
    every = frozenset({"python", "go", "typescript", "rust"})
    return {name: frozenset(body.get("languages", every)) for name, body in data["features"].items()}


def applies_to(case: Case, language: str) -> bool:
    """A case runs for a language only when the language offers every feature it names.

    A language the spec does not know (a test double of the runner) gets every case.
    """
    offered = feature_languages()
    known = frozenset().union(*offered.values())
    return language not in known or all(language in offered[f] for f in case.features)


@cache
def spec_facts(spec: Path = SPEC) -> tuple[frozenset[str], frozenset[str]]:
    """Feature keys and `resource.operation` names of the spec."""
    data = _yaml(spec.read_text(encoding="utf-8"))
    ops = {f"{res}.{op}" for res, body in data["resources"].items() for op in body["operations"]}
    return frozenset(data["features"]), frozenset(ops)


@cache
def spec_waiters(spec: Path = SPEC) -> frozenset[str]:
    """`resource.waiter` of every waiter of the spec: the driver ops that are SDK wait helpers.

    Declared ones (`resources.<r>.waiters`) and the `wait_for_<operation>` the IR derives for a
    long-running operation whose block names no waiter (generator/ir.py).
    """
    data = _yaml(spec.read_text(encoding="utf-8"))
    found: set[str] = set()
    for res, body in data["resources"].items():
        found |= {f"{res}.{name}" for name in body.get("waiters", {})}
        for op, obody in body["operations"].items():
            lro = obody.get("long_running")
            if lro is not None and "waiter" not in lro:
                found.add(f"{res}.wait_for_{op}")
    return frozenset(found)


def load_case(path: Path, root: Path = CASES) -> Case:
    """Reads and validates one case file; raises CaseError listing every problem."""
    case_id = path.relative_to(root).with_suffix("").as_posix()
    try:
        data = _yaml(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise CaseError(f"{case_id}: not YAML: {exc}") from None
    problems = [f"{case_id}: {p}" for p in check(data, case_id)]
    if problems:
        raise CaseError("\n".join(problems))
    return Case(case_id, path, data)


def check(data: Any, case_id: str) -> list[str]:
    """Every problem of one case's data: schema first, then spec and consistency checks."""
    errors = sorted(schema_validator().iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        return [_describe(error) for error in errors]
    if case_id.count("/") != 1:
        return [f"case ids are <area>/<name>, got {case_id!r}"]
    return _semantic(data)


def _describe(error: jsonschema.ValidationError) -> str:
    """A schema error as `path: message`, descending into the best oneOf branch."""
    best = jsonschema.exceptions.best_match([error])
    where = "/".join(str(p) for p in best.absolute_path) or "(root)"
    return f"{where}: {best.message}"


def _semantic(data: dict[str, Any]) -> list[str]:
    """Features and ops exist in the spec; steps name declared clients."""
    features, ops = spec_facts()
    problems = [f"features: {f!r} is not a feature of spec/dwcp.yaml" for f in data["features"] if f not in features]
    clients = set(data.get("clients", {"default": {}}))
    for index, step in enumerate(data["steps"], start=1):
        problems += [f"steps/{index}: {p}" for p in _step_problems(step, ops, clients)]
    return problems


def _step_problems(step: dict[str, Any], ops: frozenset[str], clients: set[str]) -> list[str]:
    """Unknown operations (in calls and faults) and undeclared clients of one step."""
    callable_ops = ops | spec_waiters()
    named = [step["call"]] if "call" in step else []
    named += [c["op"] for c in step.get("call_many", [])] + ([step["poll"]] if "poll" in step else [])
    problems = [f"unknown operation {op!r}" for op in named if op not in callable_ops]
    problems += [f"faults: unknown operation {f['op']!r}" for f in step.get("faults", []) if f["op"] not in ops]
    client = step.get("client") or next((step[a] for a in ACTIONS_WITH_CLIENT if a in step), "default")
    if client not in clients:
        problems.append(f"client {client!r} is not declared in `clients`")
    return problems


def _case_file(path: Path, root: Path) -> bool:
    """Whether a file sits where cases live: `<area>/<name>.yaml` (or is the folder's README.md)."""
    parts = path.relative_to(root).parts
    return (path.suffix == ".yaml" and len(parts) == 2) or parts == ("README.md",)


def load_all(root: Path = CASES) -> list[Case]:
    """Every case under `root`, sorted by id; raises CaseError listing all invalid files."""
    cases, problems = [], []
    for path in sorted(root.glob("*/*.yaml")):
        try:
            cases.append(load_case(path, root))
        except CaseError as exc:
            problems.append(str(exc))
    stray = sorted(p for p in root.rglob("*") if p.is_file() and not _case_file(p, root))
    problems += [f"{p.relative_to(root)}: not a case (cases are <area>/<name>.yaml)" for p in stray]
    if problems:
        raise CaseError("\n".join(problems))
    return sorted(cases, key=lambda c: c.id)
