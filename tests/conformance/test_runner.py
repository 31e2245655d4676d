"""The runner end to end against a fake driver: it passes good cases and must fail bad ones."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conformance.runner.cases import ROOT, Case, load_all
from conformance.runner.execute import CaseFailure, Suite, run_case
from tests.conformance.conftest import DRIVER, FIXTURES
from tests.conformance.fake_server import FakeControl

MUST_FAIL = load_all(FIXTURES / "must-fail")
VALID = load_all(FIXTURES / "valid")


@pytest.mark.parametrize("case", VALID, ids=[c.id for c in VALID])
def test_valid_case_passes(case: object, suite: Suite, fake_control: FakeControl) -> None:
    """Each valid fixture passes and resets the server with the suite's clock speed."""
    run_case(case, suite)  # type: ignore[arg-type]
    assert fake_control.resets == [{"seed": 1, "heartbeat_ms": 100, "clock_speed": 1000.0}]


def test_the_observability_fixture_saw_the_journal(suite: Suite, fake_control: FakeControl) -> None:
    """The valid observability fixture compared real journal entries (three attempts of two calls)."""
    run_case(next(c for c in VALID if c.id == "observability/all"), suite)
    assert [e["attempt"] for e in fake_control.journal] == [1, 2, 1]


# What each observability fixture's failure must say: the check meant to catch the flaw did.
REASONS = {
    "observability/bad-user-agent": "user_agent: expected $regex",
    "observability/header-not-absent": "header x-call: expected None",
    "observability/hook-count": "events counts[1]",
    "observability/hook-events-length": "events: expected $len 2",
    "observability/hook-header-dropped": "header x-hook-a: expected '1', got None",
    "observability/hook-order": "events[2].hook: expected 'a', got 'b'",
    "observability/leak-key-in-result": "the reply to 'call' contains a client's API key",
    "observability/leak-wrong-key-in-log": "the reply to 'log_records' contains a client's API key",
    "observability/log-field-differs": "fields.attempt is 1, the journal's status is 503",
    "observability/lost-span": "spans counts[1]",
    "observability/missing-log": "1 items match",
    "observability/options-ignored": "header x-call: expected 'c1', got None",
    "observability/raw-request-id": "request_id: expected 'req-other'",
    "observability/reuse-trace": "calls share a trace id",
    "observability/split-trace": "expected one trace id on every attempt",
    "observability/wrong-parent": "are no client span's id",
}


@pytest.mark.parametrize("case", MUST_FAIL, ids=[c.id for c in MUST_FAIL])
def test_case_that_must_fail_fails(case: Case, suite: Suite) -> None:
    """Each must-fail fixture raises CaseFailure, an observability one for the reason it was written for."""
    with pytest.raises(CaseFailure) as info:
        run_case(case, suite)
    assert REASONS.get(case.id, "") in str(info.value)


def test_every_observability_fixture_names_its_reason() -> None:
    """No must-fail observability fixture goes without its expected reason."""
    assert sorted(c.id for c in MUST_FAIL if c.id.startswith("observability/")) == sorted(REASONS)


def _pytest(fake: FakeControl, tmp_path: Path, cases: str, known: str = "") -> subprocess.CompletedProcess[str]:
    """Runs the real runner (pytest plugin) over fixture cases with the fake driver."""
    (tmp_path / "known.txt").write_text(known, encoding="utf-8")
    argv = [sys.executable, "-m", "pytest", "-p", "conformance.runner.plugin", "-p", "no:cacheprovider", "-q"]
    argv += ["conformance/runner/test_suite.py", "--lang", "fake", "--driver", json.dumps(DRIVER)]
    argv += ["--server", fake.address, "--cases", str(FIXTURES / cases)]
    argv += ["--known-failing", str(tmp_path / "known.txt"), "--results", str(tmp_path / "fake.json")]
    return subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)


def test_plugin_writes_deterministic_results(fake_control: FakeControl, tmp_path: Path) -> None:
    """A passing run exits 0 and writes sorted results without times."""
    done = _pytest(fake_control, tmp_path, "valid")
    assert done.returncode == 0, done.stdout + done.stderr
    document = json.loads((tmp_path / "fake.json").read_text(encoding="utf-8"))
    assert document["summary"] == {"passed": 2, "failed": 0, "known_failing": 0, "total": 2}
    assert document["cases"]["health/ok"] == {"outcome": "passed", "level": "MUST", "features": ["health_checking"]}
    assert document["sdk_version"] == "0.0.1"


def test_failures_fail_the_run_and_known_failing_ones_do_not(fake_control: FakeControl, tmp_path: Path) -> None:
    """Failing cases fail the run; listed as known-failing they are recorded and the run passes."""
    assert _pytest(fake_control, tmp_path, "must-fail").returncode == 1
    known = "".join(f"{c.id}  # fixture that must fail\n" for c in MUST_FAIL)
    done = _pytest(fake_control, tmp_path, "must-fail", known)
    assert done.returncode == 0, done.stdout + done.stderr
    summary = json.loads((tmp_path / "fake.json").read_text(encoding="utf-8"))["summary"]
    assert summary["known_failing"] == len(MUST_FAIL)


def test_unexpected_pass_fails_the_run(fake_control: FakeControl, tmp_path: Path) -> None:
    """A known-failing case that passes fails the run."""
    done = _pytest(fake_control, tmp_path, "valid", "health/ok  # thought broken\n")
    assert done.returncode == 1
    assert "unexpected pass" in done.stdout


@pytest.mark.parametrize("entry", ["health/gone  # removed long ago\n", "health/ok\n"], ids=["stale", "no-reason"])
def test_bad_known_failing_entry_stops_the_run(fake_control: FakeControl, tmp_path: Path, entry: str) -> None:
    """A stale entry or an entry without a reason is a usage error."""
    done = _pytest(fake_control, tmp_path, "valid", entry)
    assert done.returncode == 4
    assert "stale" in done.stderr or "no reason" in done.stderr
