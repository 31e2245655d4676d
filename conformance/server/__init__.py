"""The conformance server: the generated HTTP layer (dwcp_server_http) over a hand-written simulator."""

import os
import sys
from pathlib import Path

# The HTTP layer is generated into generated/server and imported from there, never copied.
# DWCP_SERVER_HTTP names another generated server folder (e.g. the HTTP layer of a test spec).
GENERATED = Path(os.environ.get("DWCP_SERVER_HTTP") or Path(__file__).resolve().parents[2] / "generated" / "server")
if str(GENERATED) not in sys.path:
    sys.path.insert(0, str(GENERATED))

VERSION = "3.0.0"
