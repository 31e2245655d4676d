"""Starting the server from Python (pytest fixtures of any suite): a subprocess on a free port."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT_S = 30.0


@dataclass
class RunningServer:
    """A server process: where it listens, its key, the CA file clients must trust (TLS only)."""

    url: str
    host: str
    port: int
    api_key: str
    ca_file: str | None
    process: subprocess.Popen[bytes] = field(repr=False)

    @property
    def base_url(self) -> str:
        """The API root, url + /v3."""
        return self.url + "/v3"

    def stop(self) -> None:
        """Terminates the process (kills it if it does not exit within 5 s)."""
        if self.process.poll() is None:
            self.process.terminate()
        if self.process.stdin is not None:
            self.process.stdin.close()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def start_server(
    *,
    python: str = sys.executable,
    conformance: bool = True,
    tls: bool = False,
    clock_speed: float = 1000.0,
    api_key: str = "test-key",
    port: int = 0,
    host: str = "127.0.0.1",
    extra: list[str] | None = None,
    env: dict[str, str] | None = None,
    stderr: int | None = None,
    prefix: list[str] | None = None,
) -> RunningServer:
    """Launches `python -m conformance.server` (after `prefix`, e.g. prlimit) and returns once it listens."""
    ready = Path(tempfile.mkdtemp(prefix="dwcp-server-")) / "ready.json"
    # The key travels in the environment, never on the command line (where `ps` and logs show it).
    args = [*(prefix or []), python, "-m", "conformance.server", "--host", host, "--port", str(port)]
    args += ["--clock-speed", str(clock_speed), "--ready-file", str(ready), "--parent-pipe", *(extra or [])]
    args += ["--conformance"] if conformance else []
    args += ["--tls"] if tls else []
    env = {
        **os.environ,
        **(env or {}),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    env["DWCP_API_KEY"] = api_key
    # The server exits when this pipe closes, so it never outlives its launcher.
    process = subprocess.Popen(args, cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=stderr)
    deadline = time.monotonic() + START_TIMEOUT_S
    while not ready.exists():
        if process.poll() is not None:
            raise RuntimeError(f"the conformance server exited with {process.returncode} before listening")
        if time.monotonic() > deadline:
            process.kill()
            raise RuntimeError("the conformance server did not start within 30 s")
        time.sleep(0.02)
    info = json.loads(ready.read_text(encoding="utf-8"))
    return RunningServer(info["url"], info["host"], info["port"], api_key, info["ca_file"], process)


@contextlib.contextmanager
def serve(**settings: object) -> Iterator[RunningServer]:
    """start_server(...) as a context manager that stops it on exit."""
    server = start_server(**settings)  # type: ignore[arg-type]
    try:
        yield server
    finally:
        server.stop()
