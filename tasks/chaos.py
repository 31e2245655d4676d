"""nox -s chaos -- --lang L [--seed S] [--ops N]: the seeded chaos soak of conformance/chaos per language.

Builds the language's SDK and driver (tasks/<lang>_sdk.py), starts a conformance server, runs the soak
(conformance/chaos/soak.py), writes conformance/results/chaos-<lang>.json (deterministic: seed, ops,
counts, violations; no times) and fails on any invariant violation.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import nox

from tasks.conformance import LANGUAGES, RESULTS, built, driver_argv
from tasks.server import running_server

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SEED = 17
DEFAULT_OPS = 200


def _options(session: nox.Session) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="nox -s chaos --")
    parser.add_argument("--lang", action="append", choices=LANGUAGES, help="repeatable; default every built one")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--ops", type=int, default=DEFAULT_OPS)
    return parser.parse_args(session.posargs)


def run(session: nox.Session) -> None:
    """One soak per language, one language at a time."""
    from conformance.chaos import soak
    from conformance.runner.control import Server
    from conformance.runner.driver import Driver

    options = _options(session)
    langs = options.lang or [lang for lang in LANGUAGES if built(lang)]
    failures = []
    for lang in langs:
        argv = driver_argv(session, lang)
        with running_server(session, clock_speed=100_000.0) as server:
            driver = Driver(argv, cwd=str(ROOT))
            start = time.monotonic()
            try:
                report = soak.run(
                    driver, Server(server.host, server.port, server.api_key), lang, options.seed, options.ops
                )
            finally:
                driver.close()
            seconds = time.monotonic() - start
        path = RESULTS / f"chaos-{lang}.json"
        path.write_text(json.dumps(report, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        errors = sum(report["errors"].values())
        session.log(
            f"chaos {lang}: seed {options.seed}, {options.ops} ops, {sum(report['faults'].values())} faults,"
            f" {errors} typed errors, {len(report['violations'])} violations in {seconds:.1f} s -> {path.name}"
        )
        for violation in report["violations"]:
            session.log(f"  {violation}")
        if report["violations"]:
            failures.append(lang)
    if failures:
        replay = f"nox -s chaos -- --lang L --seed {options.seed} --ops {options.ops}"
        session.error(f"chaos invariants violated for {failures} (replay: {replay})")
