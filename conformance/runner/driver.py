"""The runner's side of the driver protocol: one JSON object per line each way, replies in order."""

from __future__ import annotations

import contextlib
import json
import queue
import subprocess
import tempfile
import threading
from typing import Any

PROTOCOL = 1


class DriverError(Exception):
    """The driver broke the protocol, died or did not answer in time."""


class Driver:
    """A running driver process; `request` sends one command and waits for its reply."""

    def __init__(self, argv: list[str], cwd: str | None = None) -> None:
        """Starts the driver; its stderr goes to a temporary file shown on failures."""
        self.argv = argv
        self.stderr = tempfile.TemporaryFile(mode="w+", encoding="utf-8")  # noqa: SIM115  (closed in close())
        self.process = subprocess.Popen(
            argv, cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.stderr, text=True, bufsize=1
        )
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.next_id = 0
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        """Moves stdout lines to the queue; None marks the end."""
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line)
        self.lines.put(None)

    @property
    def alive(self) -> bool:
        """Whether the process is still running."""
        return self.process.poll() is None

    def request(self, cmd: str, timeout: float = 30.0, **fields: Any) -> dict[str, Any]:
        """Sends a command and returns the whole reply (`ok` with `result` or `error`)."""
        self.next_id += 1
        message = {"id": self.next_id, "cmd": cmd, **fields}
        try:
            assert self.process.stdin is not None
            self.process.stdin.write(json.dumps(message) + "\n")
            self.process.stdin.flush()
        except (BrokenPipeError, OSError) as exc:
            raise DriverError(f"driver is gone ({exc}){self.tail()}") from exc
        return self._reply(self.next_id, cmd, timeout)

    def _reply(self, wanted: int, cmd: str, timeout: float) -> dict[str, Any]:
        """Waits for the reply with id `wanted`."""
        try:
            line = self.lines.get(timeout=timeout)
        except queue.Empty:
            self.kill()
            raise DriverError(f"no reply to {cmd!r} within {timeout:.1f}s; driver killed{self.tail()}") from None
        if line is None:
            raise DriverError(f"driver exited (code {self.process.poll()}) during {cmd!r}{self.tail()}")
        try:
            reply = json.loads(line)
        except json.JSONDecodeError:
            raise DriverError(f"driver wrote a non-JSON line: {line[:200]!r}") from None
        if not isinstance(reply, dict) or reply.get("id") != wanted or "ok" not in reply:
            raise DriverError(f"bad reply to {cmd!r} (id {wanted}): {line[:300]!r}")
        return reply

    def result(self, cmd: str, timeout: float = 30.0, **fields: Any) -> Any:
        """Sends a command that must succeed and returns its result."""
        reply = self.request(cmd, timeout, **fields)
        if not reply["ok"]:
            raise DriverError(f"{cmd} failed: {reply.get('error')}")
        return reply.get("result")

    def tail(self, size: int = 2000) -> str:
        """The end of the driver's stderr, for failure messages."""
        if self.stderr.closed:
            return ""
        self.stderr.seek(0)
        text = self.stderr.read()[-size:]
        return f"\n--- driver stderr (tail) ---\n{text}" if text.strip() else ""

    def kill(self) -> None:
        """Stops the process at once."""
        if self.alive:
            self.process.kill()
            self.process.wait(timeout=10)

    def close(self) -> None:
        """Asks the driver to shut down, then makes sure it has."""
        if self.alive:
            try:
                self.request("shutdown", timeout=5)
                self.process.wait(timeout=5)
            except (DriverError, subprocess.TimeoutExpired):
                pass
        self.kill()
        self.reader.join(timeout=5)
        for pipe in (self.process.stdin, self.process.stdout, self.stderr):
            if pipe is not None:
                with contextlib.suppress(OSError):
                    pipe.close()


def hello(driver: Driver) -> dict[str, Any]:
    """The driver's hello, checked against the protocol version."""
    info = driver.result("hello", timeout=60)
    if info.get("protocol") != PROTOCOL:
        raise DriverError(f"driver speaks protocol {info.get('protocol')}, the runner {PROTOCOL}")
    return dict(info)
