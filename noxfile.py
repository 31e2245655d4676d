"""Every task of the toolchain goes through here; README.md says how to run each.

Per-area logic lives in tasks/<area>.py so that each session body stays a few lines.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nox

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tasks import common

nox.options.default_venv_backend = "uv|venv"
nox.options.reuse_existing_virtualenvs = True
nox.options.error_on_missing_interpreters = True
nox.options.sessions = ["generate"]

PYTHON = "3.11"


@nox.session(python=PYTHON)
def generate(session: nox.Session) -> None:
    """Regenerates generated/ from spec/ and templates/; `-- --check` only compares."""
    common.install_generator(session)
    session.run("python", "-m", "generator", *session.posargs)


@nox.session(python=PYTHON, tags=["ci"])
def lint(session: nox.Session) -> None:
    """ruff over the hand-written Python (generator, tasks, conformance, tests)."""
    session.install(*common.LINT)
    session.run("ruff", "check", *common.PY_SOURCES)
    session.run("ruff", "format", "--check", *common.PY_SOURCES)


@nox.session(python=PYTHON, tags=["ci"])
def typecheck(session: nox.Session) -> None:
    """mypy --strict over generator/."""
    common.install_generator(session)
    session.install(*common.TYPECHECK)
    session.run("mypy", "--strict", "generator")


@nox.session(python=PYTHON, tags=["ci"])
def tests(session: nox.Session) -> None:
    """Generator tests: loader errors, naming, IR, --check behaviour, goldens, OpenAPI and proto."""
    common.install_generator(session)
    session.install(*common.GENERATOR_TESTS)
    session.run("pytest", "tests", "--ignore=tests/release", "--ignore=tests/server", *session.posargs)


@nox.session(python=PYTHON, tags=["ci"])
def fixture(session: nox.Session) -> None:
    """A broad non-DWCP spec (tests/specs/broad) generates and passes every SDK's strict checks."""
    from tasks import fixture as broad

    broad.run(session)


@nox.session(python=PYTHON, tags=["ci"])
def sdk_python(session: nox.Session) -> None:
    """The Python SDK's own checks: ruff, mypy --strict, its unit tests, its examples."""
    from tasks import python_sdk

    python_sdk.check(session)


@nox.session(python=PYTHON, tags=["ci"])
def sdk_go(session: nox.Session) -> None:
    """The Go SDK's own checks: gofmt -l, go vet, go test -race, its examples."""
    from tasks import go_sdk

    go_sdk.check(session)


@nox.session(python=PYTHON, tags=["ci"])
def sdk_typescript(session: nox.Session) -> None:
    """The TypeScript SDK's own checks: tsc --strict, its unit tests, npm pack, the browser test."""
    from tasks import typescript_sdk

    typescript_sdk.check(session)


@nox.session(python=PYTHON, tags=["ci"])
def sdk_rust(session: nox.Session) -> None:
    """The Rust SDK's own checks: cargo fmt --check, clippy -D warnings, cargo test, its examples."""
    from tasks import rust_sdk

    rust_sdk.check(session)


@nox.session(python=PYTHON, tags=["ci"])
def server(session: nox.Session) -> None:
    """The conformance server's tests over real sockets."""
    from tasks import server as server_tasks

    server_tasks.check(session)


@nox.session(python=PYTHON)
def serve(session: nox.Session) -> None:
    """Starts the conformance server: -- --port 9000 --api-key KEY [--tls] [--conformance] [--clock-speed N]."""
    from tasks import server as server_tasks

    server_tasks.serve(session)


@nox.session(python=PYTHON, tags=["ci"])
def fuzz(session: nox.Session) -> None:
    """schemathesis against generated/openapi.json on a live server (bounded examples)."""
    from tasks import server as server_tasks

    server_tasks.fuzz(session)


@nox.session(python=PYTHON, tags=["ci"])
def openapi_lint(session: nox.Session) -> None:
    """generated/openapi.json through Spectral (spectral:oas) and Redocly (recommended): zero findings."""
    from tasks import openapi_lint as lint_openapi

    lint_openapi.run(session)


@nox.session(python=PYTHON, tags=["ci"])
def proto_lint(session: nox.Session) -> None:
    """generated/dwcp.proto through buf lint (STANDARD)."""
    from tasks import proto_lint as lint_proto

    lint_proto.run(session)


@nox.session(python=PYTHON, tags=["ci"])
def peer_clients(session: nox.Session) -> None:
    """Clients generated from generated/openapi.json by openapi-python-client and openapi-generator run a scenario."""
    from tasks import peer_clients as peers

    peers.run(session)


@nox.session(python=PYTHON, tags=["ci"])
def conformance(session: nox.Session) -> None:
    """Builds each SDK and runs the suite for every language; -- --lang go for one."""
    from tasks import conformance as suite

    suite.run(session)


@nox.session(python=PYTHON, tags=["ci"])
def chaos(session: nox.Session) -> None:
    """Seeded chaos soak per language (-- --lang L --seed S --ops N); conformance/results/chaos-<lang>.json."""
    from tasks import chaos as soak

    soak.run(session)


@nox.session(python=PYTHON, tags=["ci"])
def mutants(session: nox.Session) -> None:
    """Proves the suite can fail: every mutant of every SDK must fail at least two cases."""
    from tasks import conformance as suite

    suite.mutants(session)


@nox.session(python=PYTHON)
def bench(session: nox.Session) -> None:
    """Benchmarks, side by side in one run: -- generator | server | python | go | typescript | rust | suite."""
    from tasks import bench as benchmarks

    benchmarks.run(session)


@nox.session(python=PYTHON, tags=["ci"])
def snippets(session: nox.Session) -> None:
    """The site's examples (generated/snippets) type-check against each SDK: mypy, go vet, tsc, cargo check."""
    from tasks import snippets as examples

    examples.run(session)


@nox.session(python=PYTHON, tags=["ci"])
def docs(session: nox.Session) -> None:
    """Builds the documentation site into site/ (MkDocs + Material) and tests it in headless Chromium."""
    from tasks import docs_browser, docs_site

    session.install(*common.GENERATOR)  # the pages are rendered with the generator's IR and namers
    built = docs_site.build(session)
    tested = docs_browser.run(session)
    session.log(f"docs: build {built:.1f} s, browser test {tested:.1f} s")


@nox.session(python=PYTHON)
def release(session: nox.Session) -> None:
    """Builds and checks the five packages into dist/ (dry run); -- --publish [--to local] uploads."""
    from tasks import release as releasing

    releasing.release(session)


@nox.session(python=PYTHON, tags=["ci"])
def workflows(session: nox.Session) -> None:
    """actionlint (pinned, built with `go install` once) over .github/workflows/."""
    from tasks import release_workflows

    release_workflows.actionlint(session)


@nox.session(python=PYTHON, name="spec-diff")
def spec_diff(session: nox.Session) -> None:
    """Lists breaking changes and additions of spec/dwcp.yaml against -- <old git ref>."""
    from tasks import release as releasing

    releasing.spec_diff(session)
