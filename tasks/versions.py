"""Version rules shared by the release session and its tests (no dependencies, so both can import it)."""

from __future__ import annotations

import re


def go_tag(version: str, module: str) -> str:
    """The Go module tag of a DWCP version: X.Y.Z ships as v(X-2).Y.Z (docs/release.md).

    The reference imports the module without a /vN suffix, which Go allows for v0 and v1 only, so
    DWCP 3 is Go v1; Go v2 and later need the suffix in the module path.
    """
    major, minor, patch = (int(p) for p in version.split("-", maxsplit=1)[0].split("."))
    go_major = major - 2
    if go_major < 1:
        raise ValueError(f"DWCP {version} maps to Go major {go_major}; DWCP releases start at 3.0.0")
    suffix = re.search(r"/v(\d+)$", module)
    expected = go_major if go_major >= 2 else None
    if (int(suffix.group(1)) if suffix else None) != expected:
        raise ValueError(
            f"DWCP {version} is Go major {go_major}: the module path {module} must end in /v{go_major}"
            if expected
            else f"DWCP {version} is Go v1: the module path {module} must have no /vN suffix"
        )
    return f"v{go_major}.{minor}.{patch}"
