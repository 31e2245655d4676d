"""generated/dwcp.proto through `buf lint` with the STANDARD rules (tools/schemas/buf.yaml).

buf comes from the npm package @bufbuild/buf (a prebuilt binary, pinned in tools/schemas/package.json).
The proto is staged at its package path proto/dwcp/v3/ beside the google/api protos it imports, taken
from the pinned googleapis-common-protos wheel, so no registry module is fetched.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from tasks import common
from tasks.openapi_lint import BIN, ROOT, TOOLS, install_schema_tools

if TYPE_CHECKING:
    import nox

GOOGLEAPIS = [dep for dep in common.GENERATOR_TESTS if dep.startswith("googleapis-common-protos==")]
IMPORTS = ("google/api/annotations.proto", "google/api/http.proto")


def run(session: nox.Session) -> None:
    """Stages the workspace in a temporary folder and lints the proto module."""
    install_schema_tools(session)
    session.install(*GOOGLEAPIS)
    site = session.run(
        "python", "-c", "import google.api, os; print(os.path.dirname(google.api.__path__[0]))", silent=True
    )
    google_root = Path(str(site).strip()).parent
    with tempfile.TemporaryDirectory() as scratch:
        workspace = Path(scratch)
        shutil.copy(TOOLS / "buf.yaml", workspace / "buf.yaml")
        package_dir = workspace / "proto" / "dwcp" / "v3"
        package_dir.mkdir(parents=True)
        shutil.copy(ROOT / "generated" / "dwcp.proto", package_dir / "dwcp.proto")
        for name in IMPORTS:
            target = workspace / "deps" / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(google_root / name, target)
        with session.chdir(workspace):
            session.run(str(BIN / "buf"), "lint", "proto", external=True)
