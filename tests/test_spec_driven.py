"""The spec drives everything: no template or generator module names a DWCP resource, operation,
type, enum or field in quotes, so a fact about one of them can only come from spec/dwcp.yaml.

Names are matched as whole quoted strings ('vm', "create_session", `vm_event`). The error envelope
(error_body, error_detail and their fields) is the wire protocol that DESIGN.md fixes for every API,
and the client configuration is the runtime's contract, so neither counts as a fact of DWCP.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SCANNED = (ROOT / "templates", ROOT / "generator")
SUFFIXES = {".j2", ".py", ".go", ".ts", ".rs"}
ENVELOPE_TYPES = ("error_body", "error_detail")
# Words that are also the vocabulary of a protocol, of the spec format or of a tool, so a quoted one
# says nothing about DWCP: SSE and error-body fields ("id", "event"), the format's scalar names
# ("timestamp"), OpenAPI and package.json keys ("description", "version"), the catalogue's "parent",
# Node.js ("node"), the driver protocol's "config" and "options" message keys (per-call options of
# docs/observability.md), and pool or buffer "size".
VOCABULARY = frozenset(
    {"id", "type", "name", "status", "state", "code", "message", "error", "details", "event", "timestamp", "list"}
    | {"description", "version", "parent", "node", "config", "options", "size"}
)
# The client's own metrics (the reference guide's client.get_metrics() and its ClientMetrics counters)
# are the runtime's contract in every language, like client_config, whatever the spec's operations are
# called.
CLIENT_METRICS = frozenset({"get_metrics", "messages_sent", "messages_received", "bytes_sent", "bytes_received"})


def _spec_names() -> set[str]:
    spec = yaml.safe_load((ROOT / "spec" / "dwcp.yaml").read_text(encoding="utf-8"))
    names = set(spec["resources"]) | set(spec["types"]) | set(spec["enums"])
    for resource in spec["resources"].values():
        names |= set(resource["operations"])
    for type_name, body in spec["types"].items():
        if type_name not in ENVELOPE_TYPES:
            names |= set(body["fields"])
    envelope = {f for t in ENVELOPE_TYPES for f in spec["types"][t]["fields"]}
    return names - envelope - set(ENVELOPE_TYPES) - set(spec["client_config"]["fields"]) - VOCABULARY - CLIENT_METRICS


def _scanned_files() -> list[Path]:
    return sorted(
        p
        for root in SCANNED
        for p in root.rglob("*")
        if p.is_file() and p.suffix in SUFFIXES and "node_modules" not in p.parts and "__pycache__" not in p.parts
    )


def test_the_scan_sees_the_templates_and_the_namers() -> None:
    files = {p.relative_to(ROOT).as_posix() for p in _scanned_files()}
    assert "generator/naming/go.py" in files
    assert any(f.startswith("templates/typescript/") and f.endswith(".j2") for f in files)
    assert {"vm", "create_session", "vm_event", "migration_status"} <= _spec_names()


QUOTED = re.compile(r"""(["'`])([a-z][a-z0-9_]*)\1""")


def _hits(text: str) -> list[str]:
    """`line N: "name"` for every quoted spec name in text."""
    names = _spec_names()
    found = {
        f"line {text.count(chr(10), 0, m.start()) + 1}: {m.group(0)}"
        for m in QUOTED.finditer(text)
        if m.group(2) in names
    }
    return sorted(found)


@pytest.mark.parametrize("path", _scanned_files(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_quoted_spec_name(path: Path) -> None:
    hits = _hits(path.read_text(encoding="utf-8", errors="replace"))
    assert not hits, f"{path.relative_to(ROOT)} names spec items; move the fact into the spec: {hits}"


def test_the_scan_would_catch_a_quoted_name() -> None:
    sample = 'ops = api.resources | selectattr("name", "equalto", "vm")\nNO_RESULT = {"vm.start"}'
    assert _hits(sample) == ['line 1: "vm"']
