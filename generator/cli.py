"""Command line: python -m generator [--check] [--only TARGET ...]."""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from generator.formatters import FORMATTERS, FormatterError
from generator.loader import load
from generator.problems import SpecError
from generator.render import render_target
from generator.results import load_matrix
from generator.targets import by_name
from generator.validate import validate
from generator.writer import differences, install, locked

ROOT = Path(__file__).resolve().parent.parent
EXIT_OK, EXIT_STALE, EXIT_SPEC = 0, 1, 2


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The generator's options."""
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    parser.add_argument("--check", action="store_true", help="fail if generated/ differs; write nothing")
    parser.add_argument("--only", nargs="+", metavar="TARGET", help="render only these targets")
    parser.add_argument("--spec", type=Path, default=ROOT / "spec" / "dwcp.yaml")
    parser.add_argument("--templates", type=Path, default=ROOT / "templates")
    parser.add_argument("--extras", type=Path, help="files about this API only (default: extras/ beside the spec)")
    parser.add_argument("--out", type=Path, default=ROOT / "generated")
    parser.add_argument("--results", type=Path, default=ROOT / "conformance" / "results")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Runs load -> validate -> IR -> render -> format -> write (or compare)."""
    args = parse_args(argv)
    started = time.perf_counter()
    try:
        targets = by_name(args.only)
        api = validate(load(args.spec))
        matrix = load_matrix(api, args.results)
    except SpecError as exc:
        print(f"{len(exc.problems)} problem(s) in the spec; nothing was written:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return EXIT_SPEC
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_SPEC
    prefixes = [t.output for t in targets] if args.only else None
    with tempfile.TemporaryDirectory(prefix="dwcp-gen-") as tmp:
        staging = Path(tmp)
        produced: set[Path] = set()
        # One formatter run per language over every target's files: each start-up is paid once.
        to_format: dict[str, list[Path]] = {}
        try:
            for target in targets:
                if not (args.templates / target.templates).is_dir():
                    continue
                extras = args.extras or args.spec.parent / "extras"
                files = render_target(api, matrix, target, args.templates, staging, extras_root=extras)
                if target.formatter:
                    to_format.setdefault(target.formatter, []).extend(staging / f for f in files)
                produced.update(files)
            for formatter, paths in sorted(to_format.items()):
                FORMATTERS[formatter](staging, paths)
        except FormatterError as exc:
            print(f"formatting failed; nothing was written:\n{exc}", file=sys.stderr)
            return EXIT_SPEC
        return _finish(args, staging, produced, prefixes, started)


def _finish(
    args: argparse.Namespace, staging: Path, produced: set[Path], prefixes: list[str] | None, started: float
) -> int:
    with locked(args.out):
        if args.check:
            diff = differences(staging, args.out, produced, prefixes)
            if diff:
                print("generated/ is stale; run `nox -s generate`:", file=sys.stderr)
                print("\n".join(diff), file=sys.stderr)
                return EXIT_STALE
            print(f"generated/ is up to date ({len(produced)} files, {time.perf_counter() - started:.2f} s)")
            return EXIT_OK
        changes = install(staging, args.out, produced, prefixes)
    print(f"generated {len(produced)} files, {changes} changed, in {time.perf_counter() - started:.2f} s")
    return EXIT_OK
