"""nox -s docs (build half): the documentation site, rendered from the spec, the IR and committed results.

Markdown sources are rendered from templates/site/*.md.j2 with the generator's own Jinja environment, IR
and namers (one page per resource from resource.md.j2), plus the committed evidence: conformance/results
(<lang>.json, mutants.json), the cases under conformance/cases and the benchmark figures (bench/figures.json).
Every code sample is included from generated/snippets/<lang> (pymdownx.snippets sections), the files
`nox -s snippets` type-checks. MkDocs + Material builds the static site into site/; pdoc and `go doc`
add the Python and Go API references under site/api/.
"""

from __future__ import annotations

import html
import json
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import nox
import yaml

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "site"
SOURCES = ROOT / ".nox" / ".cache" / "site-src"
RESULTS = ROOT / "conformance" / "results"
CASES = ROOT / "conformance" / "cases"
FIGURES = ROOT / "bench" / "figures.json"
DOCS_DEPS = ["mkdocs==1.6.1", "mkdocs-material==9.8.1", "pymdown-extensions==13.1.2", "pdoc==16.0.0"]
LANGUAGES = ("python", "go", "typescript", "rust")
TITLES = {"python": "Python", "go": "Go", "typescript": "TypeScript", "rust": "Rust"}
# Where each language's examples live under generated/snippets/<lang>/ (the snippets-<lang> targets).
SNIPPET_FILES = {
    "python": "snippets.py",
    "go": "snippets.go",
    "typescript": "snippets.ts",
    "rust": "src/lib.rs",
}
HIGHLIGHT = {"python": "python", "go": "go", "typescript": "typescript", "rust": "rust"}


@dataclass
class Case:
    """One conformance case: what it says, what it proves and calls, and its outcome per language."""

    id: str
    description: str
    level: str
    features: list[str]
    calls: list[str]
    outcomes: dict[str, str] = field(default_factory=dict)

    @property
    def anchor(self) -> str:
        """The case's anchor on the dashboard."""
        return "case-" + self.id.replace("/", "-")


def _calls(steps: list[Any]) -> list[str]:
    found: list[str] = []
    for step in steps:
        if isinstance(step, dict):
            call = step.get("call")
            if isinstance(call, str) and call not in found:
                found.append(call)
            for value in step.values():
                if isinstance(value, list):
                    found += [c for c in _calls(value) if c not in found]
    return found


def load_cases() -> list[Case]:
    """Every case file, with the outcomes of the committed results of each language."""
    runs = {}
    for lang in LANGUAGES:
        path = RESULTS / f"{lang}.json"
        if path.exists():
            runs[lang] = json.loads(path.read_text(encoding="utf-8"))["cases"]
    cases = []
    for path in sorted(CASES.rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        case_id = path.relative_to(CASES).with_suffix("").as_posix()
        case = Case(
            case_id,
            str(data.get("description", "")),
            str(data.get("level", "")),
            [str(f) for f in data.get("features", [])],
            _calls(data.get("steps", [])),
        )
        for lang, results in runs.items():
            entry = results.get(case_id)
            case.outcomes[lang] = str(entry["outcome"]) if entry else "not run"
        cases.append(case)
    return cases


def _read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def _summaries(cases: list[Case]) -> list[dict[str, Any]]:
    out = []
    for lang in LANGUAGES:
        data = _read_json(RESULTS / f"{lang}.json")
        summary = dict(data["summary"]) if data else None
        if summary is not None:
            summary["spec_hash"] = data.get("spec_hash", "")
        out.append({"language": lang, "title": TITLES[lang], "summary": summary})
    return out


def _bar_svg(title: str, unit: str, bars: list[tuple[str, float]]) -> str:
    """A horizontal bar chart as a standalone SVG (no plotting library: a few rectangles and labels)."""
    width, left, row = 640, 220, 28
    height = 40 + row * len(bars) + 20
    top = max((v for _, v in bars), default=1.0) or 1.0
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}"'
        f' role="img" aria-label="{html.escape(title)}" font-family="sans-serif" font-size="13">',
        f'<text x="10" y="22" font-weight="bold">{html.escape(title)} ({html.escape(unit)})</text>',
    ]
    for i, (label, value) in enumerate(bars):
        y = 40 + i * row
        length = (width - left - 90) * value / top
        parts.append(f'<text x="10" y="{y + 15}">{html.escape(label)}</text>')
        parts.append(f'<rect x="{left}" y="{y + 2}" width="{length:.1f}" height="18" fill="#3f51b5"/>')
        parts.append(f'<text x="{left + length + 6:.1f}" y="{y + 15}">{value:g}</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _plots(figures: dict[str, Any] | None, out: Path) -> list[dict[str, str]]:
    """One SVG per figure group of bench/figures.json: {area: {"unit": ..., "title": ..., "values": {...}}}."""
    plots: list[dict[str, str]] = []
    if not figures:
        return plots
    out.mkdir(parents=True, exist_ok=True)
    for area, group in sorted(figures.get("areas", {}).items()):
        values = [(str(k), float(v)) for k, v in group.get("values", {}).items()]
        name = f"bench-{area}.svg"
        svg = _bar_svg(str(group.get("title", area)), str(group.get("unit", "")), values)
        (out / name).write_text(svg, encoding="utf-8")
        title = str(group.get("title", area))
        plots.append({"area": area, "file": name, "title": title, "note": str(group.get("note", ""))})
    return plots


def _check_snippets(api: Any) -> None:
    """Every public operation has its section in each language's examples (generated/snippets)."""
    missing = []
    for lang, name in SNIPPET_FILES.items():
        text = (ROOT / "generated" / "snippets" / lang / name).read_text(encoding="utf-8")
        missing += [
            f"{lang}: {op.id}" for op in api.public_operations if f"[start:{op.resource}_{op.name}]" not in text
        ]
    if missing:
        raise SystemExit(f"examples missing from generated/snippets (run nox -s generate): {missing}")


def render_sources(session: nox.Session | None = None) -> Path:
    """Renders every Markdown page and mkdocs.yml into SOURCES (the folder mkdocs builds)."""
    sys.path.insert(0, str(ROOT))
    from generator.loader import load
    from generator.naming import NAMERS
    from generator.render import environment
    from generator.results import load_matrix
    from generator.validate import validate

    api = validate(load(ROOT / "spec" / "dwcp.yaml"))
    matrix = load_matrix(api, RESULTS)
    cases = load_cases()
    docs = SOURCES / "docs"
    shutil.rmtree(SOURCES, ignore_errors=True)
    (docs / "resources").mkdir(parents=True)
    figures = _read_json(FIGURES)
    context: dict[str, Any] = {
        "api": api,
        "root": str(ROOT),
        "matrix": matrix,
        "namers": {lang: NAMERS[lang](api) for lang in LANGUAGES},
        "languages": LANGUAGES,
        "titles": TITLES,
        "snippet_files": SNIPPET_FILES,
        "highlight": HIGHLIGHT,
        "cases": cases,
        "summaries": _summaries(cases),
        "mutants": _read_json(RESULTS / "mutants.json"),
        "chaos": _read_json(RESULTS / "chaos.json"),
        "figures": figures,
        "plots": _plots(figures, docs / "img"),
        "has_go_doc": shutil.which("go") is not None,
    }
    env = environment(ROOT / "templates")
    for template in sorted((ROOT / "templates" / "site").glob("*.j2")):
        name = template.name.removesuffix(".j2")
        if name == "resource.md" or template.name.endswith(".macros.j2"):
            continue
        target = SOURCES / name if name == "mkdocs.yml" else docs / name
        target.write_text(env.get_template(f"site/{template.name}").render(context), encoding="utf-8")
    _check_snippets(api)
    page = env.get_template("site/resource.md.j2")
    for resource in api.resources:
        if resource.public_operations:
            text = page.render({**context, "resource": resource})
            (docs / "resources" / f"{resource.name}.md").write_text(text, encoding="utf-8")
    stylesheet = ROOT / "templates" / "site" / "extra.css"
    if stylesheet.exists():
        shutil.copy2(stylesheet, docs / "extra.css")
    return SOURCES


def api_references(session: nox.Session) -> None:
    """pdoc HTML for the Python SDK and `go doc -all` text for the Go SDK, under site/api/."""
    out = SITE / "api"
    session.install(str(ROOT / "generated" / "python"))
    session.run("pdoc", "--no-show-source", "--favicon", "data:,", "-o", str(out / "python"), "dwcp", silent=True)
    if shutil.which("go") is None:
        return
    proc = subprocess.run(
        ["go", "doc", "-all", "."], cwd=ROOT / "generated" / "go", capture_output=True, text=True, check=True
    )
    go = out / "go"
    go.mkdir(parents=True, exist_ok=True)
    page = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Go SDK reference (go doc)</title>'
        '<link rel="icon" href="data:,">'
        "<style>body{font-family:sans-serif;margin:2em}pre{white-space:pre-wrap}</style></head><body>"
        '<p><a href="../../">Back to the documentation</a></p><h1>Go SDK: <code>go doc -all</code></h1>'
        f"<pre>{html.escape(proc.stdout)}</pre></body></html>\n"
    )
    (go / "index.html").write_text(page, encoding="utf-8")


def build(session: nox.Session) -> float:
    """Renders the sources, runs mkdocs build --strict into site/, adds the API references; returns seconds."""
    start = time.monotonic()
    session.install(*DOCS_DEPS)
    sources = render_sources(session)
    screenshots = SITE / "_screenshots"
    shutil.rmtree(SITE, ignore_errors=True)
    quiet = {"NO_MKDOCS_2_WARNING": "1"}  # Material's notice about its successor, on every build
    config = str(sources / "mkdocs.yml")
    session.run("mkdocs", "build", "--strict", "--quiet", "-f", config, "-d", str(SITE), env=quiet)
    screenshots.mkdir(parents=True, exist_ok=True)
    # Pages outside MkDocs (pdoc's redirect page) make browsers ask for /favicon.ico: serve Material's icon.
    icon = SITE / "assets" / "images" / "favicon.png"
    if icon.exists():
        shutil.copy2(icon, SITE / "favicon.ico")
    api_references(session)
    seconds = time.monotonic() - start
    session.log(f"site built into {SITE.relative_to(ROOT)}/ in {seconds:.1f} s")
    return seconds
