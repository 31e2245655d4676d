"""nox -s conformance | mutants | bench -- suite: the shared suite against every SDK's driver.

Each language plugs in through tasks/<lang>_sdk.py: `driver_command(session, generated_root=None)` builds
the SDK (from `generated_root`, default generated/) and its driver and returns the driver's argv.
"""

from __future__ import annotations

import contextlib
import fnmatch
import functools
import importlib
import json
import multiprocessing
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nox

from conformance.server.testing import RunningServer
from tasks.server import running_server

ROOT = Path(__file__).resolve().parent.parent
CONFORMANCE = ROOT / "conformance"
RESULTS = CONFORMANCE / "results"
MUTANTS = CONFORMANCE / "mutants"
LANGUAGES = ("python", "go", "typescript", "rust")
# The mutants session's two lanes, about even in time: Rust's builds against the other three.
LANES = (("rust",), ("python", "go", "typescript"))
RUNNER_DEPS = ["pytest==9.2.0", "pyyaml==6.0.4", "jsonschema==4.26.0"]
RUNNER_TEST = "conformance/runner/test_suite.py"
COPY_IGNORE = shutil.ignore_patterns("target", "__pycache__", ".pytest_cache", ".mypy_cache", "*.egg-info")
# A mutant must fail this many cases: one catcher alone may be catching it by accident (issue 17).
CATCHERS = 2
EXIT_MEANING = {2: "interrupted", 3: "internal error", 4: "usage error (bad case file or known-failing list)"}


@dataclass
class Servers:
    """The two servers one suite run talks to."""

    plain: RunningServer
    tls: RunningServer


@dataclass
class LanguageRun:
    """One language's suite run: pytest's exit code, outcomes per case, wall time."""

    code: int
    outcomes: dict[str, str]
    seconds: float


def _options(session: nox.Session) -> tuple[list[str], list[str]]:
    """`--lang X` (repeatable) and the rest, passed to pytest (e.g. `-k retries`)."""
    langs, rest, args = [], [], list(session.posargs)
    while args:
        arg = args.pop(0)
        if arg == "--lang" and args:
            langs.append(args.pop(0))
        elif arg.startswith("--lang="):
            langs.append(arg.split("=", 1)[1])
        else:
            rest.append(arg)
    unknown = [lang for lang in langs if lang not in LANGUAGES]
    if unknown:
        session.error(f"unknown language(s) {unknown}; choose from {list(LANGUAGES)}")
    return langs, rest


def built(lang: str, generated: Path = ROOT / "generated") -> bool:
    """Whether a language's driver exists."""
    return (generated / "drivers" / lang).is_dir()


def _selected(session: nox.Session, langs: list[str]) -> list[str]:
    """The languages to run: those asked for (each must be built), else every built one."""
    missing = [lang for lang in langs if not built(lang)]
    if missing:
        session.error(f"no driver for {missing}: generated/drivers/<lang> does not exist (run nox -s generate)")
    return langs or [lang for lang in LANGUAGES if built(lang)]


def driver_argv(session: nox.Session, lang: str, generated_root: Path | None = None) -> list[str]:
    """Builds the SDK and driver of a language and returns the driver's argv."""
    module = importlib.import_module(f"tasks.{lang}_sdk")
    if generated_root is None:
        return list(module.driver_command(session))
    return list(module.driver_command(session, generated_root=generated_root))


@contextlib.contextmanager
def servers(session: nox.Session) -> Iterator[Servers]:
    """A plain and a TLS conformance server for as long as the block runs (each case resets them)."""
    with running_server(session, clock_speed=1000.0) as plain, running_server(session, tls=True) as tls:
        yield Servers(plain, tls)


def run_suite(
    session: nox.Session, lang: str, argv: list[str], results: Path, extra: list[str], *, up: Servers | None = None
) -> LanguageRun:
    """Runs the pytest runner once against `up` (or servers of its own), reads the outcomes back."""
    if up is None:
        with servers(session) as own:
            return run_suite(session, lang, argv, results, extra, up=own)
    python = str(Path(session.bin) / "python")
    plain, tls = up.plain, up.tls
    command = [python, "-m", "pytest", "-p", "conformance.runner.plugin", "-p", "no:cacheprovider", RUNNER_TEST]
    command += ["--lang", lang, "--driver", json.dumps(argv), "--api-key", plain.api_key]
    command += ["--server", f"{plain.host}:{plain.port}", "--tls-server", f"{tls.host}:{tls.port}"]
    command += ["--ca-file", str(tls.ca_file), "--results", str(results), "--tb=short", *extra]
    session.log(f"conformance suite for {lang}")
    start = time.monotonic()
    code = subprocess.run(command, cwd=ROOT, check=False).returncode
    seconds = time.monotonic() - start
    outcomes = {}
    if results.exists() and code in (0, 1):
        outcomes = {k: v["outcome"] for k, v in json.loads(results.read_text(encoding="utf-8"))["cases"].items()}
    return LanguageRun(code, outcomes, seconds)


def _verdict(lang: str, run: LanguageRun) -> str | None:
    """Why a language's run failed, or None when it passed."""
    if run.code == 0:
        return None
    if run.code == 1:
        return f"{lang}: failed cases or unexpected passes (see the pytest output above)"
    if run.code == 5:
        return f"{lang}: no case selected (check the -k / path arguments)"
    return f"{lang}: pytest {EXIT_MEANING.get(run.code, f'exit code {run.code}')}"


def _case_ids() -> list[str]:
    """Every case id, sorted (the table's rows)."""
    from conformance.runner.cases import load_all

    return [case.id for case in load_all()]


def run(session: nox.Session) -> None:
    """nox -s conformance [-- --lang L ...] [pytest args]: every built language, a table, results JSON."""
    langs, extra = _options(session)
    session.install(*RUNNER_DEPS)
    selected = _selected(session, langs)
    columns: dict[str, dict[str, str] | None] = {lang: None for lang in LANGUAGES if not langs}
    problems = []
    with tempfile.TemporaryDirectory(prefix="dwcp-results-") as scratch, servers(session) as up:
        for lang in selected:
            results = Path(scratch) / f"{lang}.json" if extra else RESULTS / f"{lang}.json"
            outcome = run_suite(session, lang, driver_argv(session, lang), results, extra, up=up)
            columns[lang] = outcome.outcomes
            problems.append(_verdict(lang, outcome))
    _print_table(session, columns)
    failures = [p for p in problems if p]
    if failures:
        session.error("; ".join(failures))


def _print_table(session: nox.Session, columns: dict[str, dict[str, str] | None]) -> None:
    """Prints cases by languages (only rows that ran somewhere, or all when none ran)."""
    from conformance.runner.results import table

    ran = {case for col in columns.values() if col for case in col}
    rows = [case for case in _case_ids() if case in ran] or _case_ids()
    print(table(rows, columns), flush=True)


def bench(session: nox.Session) -> None:
    """nox -s bench -- suite: the suite's wall time per built language (target under 60 s each)."""
    session.install(*RUNNER_DEPS)
    timings = []
    with tempfile.TemporaryDirectory(prefix="dwcp-bench-") as scratch:
        for lang in _selected(session, []):
            outcome = run_suite(session, lang, driver_argv(session, lang), Path(scratch) / f"{lang}.json", [])
            timings.append((lang, len(outcome.outcomes), outcome.seconds, outcome.code))
    print(f"{'language':<12}{'cases':>7}{'wall s':>10}{'target':>9}  result", flush=True)
    for lang, cases, seconds, code in timings:
        verdict = "ok" if seconds < 60 else "SLOW"
        print(f"{lang:<12}{cases:>7}{seconds:>10.1f}{'< 60':>9}  {verdict}, pytest exit {code}", flush=True)
    from tasks.bench import record

    record("suite", "Conformance suite wall time per language", "s", {lang: s for lang, _, s, _ in timings})


def mutants(session: nox.Session) -> None:
    """nox -s mutants [-- --lang L] [--mutant GLOB]: each mutant must fail two cases; reports the catchers."""
    langs, rest = _options(session)
    only, extra = _mutant_filter(rest)
    session.install(*RUNNER_DEPS)
    selected = _selected(session, langs)
    lanes = [[lang for lang in lane if lang in selected] for lane in LANES]
    # Two lanes at once (each language builds in its own folder): most of a mutant's time is process
    # start-up and a case's waits, not CPU, so two cores run two lanes in little more than one's time.
    # Processes, not threads: the builds change the working directory, which threads would share.
    report: dict[str, list[str]] = {}
    for outcome in _in_processes([functools.partial(_run_lane, session, lane, only, extra) for lane in lanes if lane]):
        if isinstance(outcome, str):
            session.error(outcome)
        report.update(outcome)
    if not report:
        session.error("no mutants found under conformance/mutants/<lang>/*.patch")
    for name, caught in report.items():
        print(f"{name}: {'SURVIVED' if not caught else 'caught by ' + ', '.join(caught)}", flush=True)
    if not extra:
        _write_mutants(report, fresh=not langs and not only)
    survivors = [name for name, caught in report.items() if not caught]
    if survivors:
        session.error(f"mutants not caught by any case: {survivors}")
    weak = [name for name, caught in report.items() if len(caught) < CATCHERS]
    if weak:
        session.error(f"mutants caught by fewer than {CATCHERS} cases: {weak}")


def _in_processes(jobs: list[Callable[[], dict[str, list[str]]]]) -> list[dict[str, list[str]] | str]:
    """Runs each job in a forked process at once; returns each one's result, or its error's text."""
    context = multiprocessing.get_context("fork")
    queues = [context.SimpleQueue() for _ in jobs]
    workers = [context.Process(target=_child, args=(job, queue)) for job, queue in zip(jobs, queues, strict=True)]
    for worker in workers:
        worker.start()
    outcomes = [queue.get() for queue in queues]
    for worker in workers:
        worker.join()
    return outcomes


def _child(job: Callable[[], dict[str, list[str]]], queue: Any) -> None:
    """A lane's process: hands back its report, or the reason it stopped (a session error included)."""
    try:
        queue.put(job())
    except BaseException as problem:  # the parent must hear of every way a lane ends, a session error too
        queue.put(f"{type(problem).__name__}: {problem}")


def _run_lane(session: nox.Session, langs: list[str], only: list[str], extra: list[str]) -> dict[str, list[str]]:
    """Runs the mutants of some languages one after another, against a pair of servers of the lane's own."""
    report: dict[str, list[str]] = {}
    # One pair of servers serves the lane's mutants: each case resets them, and starting two servers
    # per mutant (over a hundred of them) would cost minutes of CI.
    with servers(session) as up:
        for lang in langs:
            for patch in sorted((MUTANTS / lang).glob("*.patch")):
                if not only or any(fnmatch.fnmatch(patch.stem, pattern) for pattern in only):
                    report[f"{lang}/{patch.stem}"] = _run_mutant(session, lang, patch, extra, up)
    return report


def _mutant_filter(args: list[str]) -> tuple[list[str], list[str]]:
    """`--mutant GLOB` (repeatable: run only the mutants whose name matches) and the rest, for pytest."""
    only, rest = [], list(args)
    while "--mutant" in rest:
        at = rest.index("--mutant")
        only.append(rest.pop(at + 1) if at + 1 < len(rest) else "")
        rest.pop(at)
    return [pattern for pattern in only if pattern], rest


def _write_mutants(report: dict[str, list[str]], fresh: bool) -> None:
    """Writes conformance/results/mutants.json (each mutant, the cases that catch it); a --lang run merges."""
    path = RESULTS / "mutants.json"
    data = json.loads(path.read_text(encoding="utf-8")) if path.exists() and not fresh else {"mutants": {}}
    for name, caught in report.items():
        data["mutants"][name] = {"language": name.split("/", 1)[0], "caught_by": caught}
    # A merged run keeps other mutants' entries, but not those of patches that were deleted since.
    data["mutants"] = {name: entry for name, entry in data["mutants"].items() if (MUTANTS / f"{name}.patch").exists()}
    path.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def _last_catchers(name: str) -> list[str]:
    """The cases conformance/results/mutants.json says caught this mutant last time (none when unknown)."""
    path = RESULTS / "mutants.json"
    if not path.exists():
        return []
    entry = json.loads(path.read_text(encoding="utf-8"))["mutants"].get(name, {})
    return list(entry.get("caught_by", []))


def _run_mutant(session: nox.Session, lang: str, patch: Path, extra: list[str], up: Servers) -> list[str]:
    """Applies a patch to a temporary copy of generated/, runs the suite on it, returns the failing cases."""
    # One fixed folder per language: compilers key their caches by source path (cargo's incremental
    # state, Go's build cache), so each mutant rebuilds only what changed. shutil.copy stamps every
    # file with a new mtime, so no build can mistake the previous mutant's output for this one's.
    # Named after the checkout too: helpers in other worktrees may run the same language's mutants at once.
    copy = Path(tempfile.gettempdir()) / f"dwcp-mutant-{lang}-{ROOT.name}"
    shutil.rmtree(copy, ignore_errors=True)
    copy.mkdir(parents=True)
    try:
        shutil.copytree(
            ROOT / "generated", copy / "generated", symlinks=True, ignore=COPY_IGNORE, copy_function=shutil.copy
        )
        applied = subprocess.run(["git", "apply", "--whitespace=nowarn", str(patch)], cwd=copy, check=False)
        if applied.returncode != 0:
            session.error(f"mutant {patch.relative_to(ROOT)} does not apply to generated/ (stale patch?)")
        session.log(f"mutant {lang}/{patch.stem}")
        argv = driver_argv(session, lang, generated_root=copy / "generated")
        # CATCHERS failing cases prove the mutant is caught; the cases that caught it last time run
        # first, so a known mutant costs its catchers, not the whole suite.
        hints = [f"--maxfail={CATCHERS}", "--first", ",".join(_last_catchers(f"{lang}/{patch.stem}"))]
        outcome = run_suite(session, lang, argv, copy / "results.json", [*hints, *extra], up=up)
        if outcome.code not in (0, 1):
            session.error(f"mutant {lang}/{patch.stem}: {_verdict(lang, outcome)}")
        return sorted(case for case, result in outcome.outcomes.items() if result == "failed")
    finally:
        shutil.rmtree(copy, ignore_errors=True)
