"""nox -s docs (test half): the built site in headless Chromium, page by page.

Serves site/ on loopback, opens every HTML page in Debian's Chromium (driven by Playwright's Python
client, which uses /usr/bin/chromium: no browser download) and fails on a console error, an uncaught
page error, a failed or 4xx/5xx request, an image that did not load, a link to a missing page or file,
or a link to an anchor its target page lacks. It switches the language tabs of an operation page
(linked tabs: one click switches every example on the page) and saves screenshots of the home page, one
operation page and the dashboard to site/_screenshots/.
"""

from __future__ import annotations

import functools
import shutil
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urldefrag, urlparse

if TYPE_CHECKING:  # the checks run inside the session's venv, where nox is not installed
    import nox

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "site"
SHOTS = SITE / "_screenshots"
PLAYWRIGHT = ["playwright==1.65.2"]
CHROMIUM = "/usr/bin/chromium"
# The flags this machine needs (no sandbox as root, no background connections to a closed network).
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TAB_LABELS = ("Go", "TypeScript", "Rust", "curl", "Python")


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        del format, args


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        """A browser that drops a connection it no longer needs is not an error of the site."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def _serve(directory: Path) -> ThreadingHTTPServer:
    server = _Server(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def _pages() -> list[str]:
    """Every HTML page of the site, as paths relative to site/ (screenshots and 404 page aside)."""
    return sorted(p.relative_to(SITE).as_posix() for p in SITE.rglob("*.html") if "_screenshots" not in p.parts)


def _check_page(page: Any, base: str, rel: str, problems: list[str]) -> tuple[list[str], list[str]]:
    """Opens one page; returns (its element ids, the same-origin hrefs it links to)."""
    messages: list[str] = []
    page.on("console", lambda m: messages.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: messages.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: messages.append(f"request failed: {r.url} ({r.failure})"))
    page.on("response", lambda r: messages.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)
    page.goto(base + rel, wait_until="load")
    page.wait_for_load_state("networkidle")
    broken = page.evaluate(
        "Array.from(document.images).filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src)"
    )
    messages += [f"image did not load: {src}" for src in broken]
    # An example whose snippet section was not found renders as an empty code block.
    empty = page.evaluate(
        "document.querySelectorAll('.tabbed-block pre code').length - "
        "Array.from(document.querySelectorAll('.tabbed-block pre code'))"
        ".filter(c => c.textContent.trim().length > 0).length"
    )
    if empty:
        messages.append(f"{empty} empty example(s)")
    ids: list[str] = page.evaluate("Array.from(document.querySelectorAll('[id]')).map(e => e.id)")
    ids += page.evaluate("Array.from(document.querySelectorAll('a[name]')).map(e => e.name)")
    hrefs: list[str] = page.evaluate("Array.from(document.querySelectorAll('a[href]')).map(a => a.href)")
    problems += [f"{rel}: {m}" for m in messages]
    return ids, [h for h in hrefs if h.startswith(base)]


def _check_links(base: str, anchors: dict[str, set[str]], links: dict[str, list[str]], problems: list[str]) -> int:
    """Every same-origin link names an existing file, and an anchor its page has. Returns links checked."""
    checked = 0
    for source, hrefs in links.items():
        for href in hrefs:
            url, fragment = urldefrag(href)
            path = unquote(urlparse(url).path).lstrip("/")
            if path == "" or path.endswith("/"):
                path += "index.html"
            checked += 1
            if not (SITE / path).is_file():
                problems.append(f"{source}: broken link {href} (no {path})")
            elif fragment and path.endswith(".html") and unquote(fragment) not in anchors.get(path, set()):
                problems.append(f"{source}: broken anchor {href}")
    return checked


def _switch_tabs(page: Any, base: str, rel: str, problems: list[str]) -> None:
    """Clicks each language tab of the first example; linked tabs switch every example on the page."""
    page.goto(base + rel, wait_until="load")
    sets = page.locator(".tabbed-set")
    if sets.count() < 2:
        problems.append(f"{rel}: expected several tabbed examples, found {sets.count()}")
        return
    for label in TAB_LABELS:
        page.locator(".tabbed-set").first.locator(".tabbed-labels label", has_text=label).first.click()
        selected = page.evaluate(
            """(label) => Array.from(document.querySelectorAll('.tabbed-set')).map(set => {
                   const inputs = Array.from(set.querySelectorAll(':scope > input'));
                   const i = inputs.findIndex(x => x.checked);
                   const labels = set.querySelectorAll(':scope > .tabbed-labels > label');
                   const block = set.querySelectorAll(':scope > .tabbed-content > .tabbed-block')[i];
                   const code = block ? block.querySelector('code') : null;
                   const visible = block ? block.offsetParent !== null : false;
                   return {label: labels[i] ? labels[i].textContent.trim() : null,
                           has: Array.from(labels).some(l => l.textContent.trim() === label),
                           text: code ? code.textContent.trim().length : 0, visible};
               })""",
            label,
        )
        for n, tab in enumerate(selected):
            if tab["has"] and (tab["label"] != label or not tab["visible"] or tab["text"] == 0):
                problems.append(f"{rel}: example {n + 1} shows {tab['label']!r} after clicking {label!r}")


def check_site() -> list[str]:
    """Runs every check on site/ (inside the session's venv, where playwright is installed)."""
    from playwright.sync_api import sync_playwright

    if not (SITE / "index.html").is_file():
        return ["site/ is not built (nox -s docs builds it first)"]
    shutil.rmtree(SHOTS, ignore_errors=True)
    SHOTS.mkdir(parents=True)
    executable = shutil.which("chromium") or CHROMIUM
    server = _serve(SITE)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    problems: list[str] = []
    anchors: dict[str, set[str]] = {}
    links: dict[str, list[str]] = {}
    pages = _pages()
    # The resource page with the most operations: the one whose tabs and screenshot say the most.
    resources = [p for p in pages if p.startswith("resources/")]
    operation_page = max(resources, key=lambda p: (SITE / p).stat().st_size, default=None)
    checked = 0
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=executable, headless=True, args=FLAGS)
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            for rel in pages:
                page = context.new_page()
                ids, hrefs = _check_page(page, base, rel, problems)
                anchors[rel], links[rel] = set(ids), hrefs
                page.close()
            checked = _check_links(base, anchors, links, problems)
            page = context.new_page()
            if operation_page is None:
                problems.append("no resource page was built")
            else:
                _switch_tabs(page, base, operation_page, problems)
            shots = {"home": "index.html", "operation": operation_page, "dashboard": "dashboard.html"}
            for name, shot in shots.items():
                if shot is None:
                    continue
                page.goto(base + shot, wait_until="networkidle")
                if name == "operation":
                    # The first operation's section, its Go tab selected (linked tabs switch the page).
                    first = page.evaluate("document.querySelector('article h2[id]').id")
                    page.goto(f"{base}{shot}#{first}", wait_until="networkidle")
                    page.locator(".tabbed-set").first.locator(".tabbed-labels label", has_text="Go").first.click()
                    page.evaluate("document.querySelector('.tabbed-set').scrollIntoView(); window.scrollBy(0, -160)")
                page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=name == "home")
            browser.close()
    finally:
        server.shutdown()
    print(f"browser test: {len(pages)} pages, {checked} links, tabs switched on {operation_page}")
    print(f"screenshots: {', '.join(sorted(p.name for p in SHOTS.glob('*.png')))} in site/_screenshots/")
    return problems


def run(session: nox.Session) -> float:
    """Installs Chromium (Debian) and Playwright's client, runs the checks in the venv; returns seconds."""
    from tasks import common

    start = time.monotonic()
    common.install_debian(session, "chromium", "chromium")
    session.install(*PLAYWRIGHT)
    session.run("python", "-m", "tasks.docs_browser", env={"PYTHONPATH": str(ROOT)})
    seconds = time.monotonic() - start
    session.log(f"browser test took {seconds:.1f} s")
    return seconds


def main() -> int:
    """python -m tasks.docs_browser: exit 1 and list the problems when a check fails."""
    problems = check_site()
    if problems:
        print(f"{len(problems)} problem(s) in the site:", file=sys.stderr)
        print("\n".join(problems[:80]), file=sys.stderr)
        return 1
    print("browser test passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
