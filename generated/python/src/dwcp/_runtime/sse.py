# Code generated from templates/python/runtime/sse.py by generator/; DO NOT EDIT.
"""An incremental Server-Sent Events decoder following the WHATWG rules."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class Event:
    """One dispatched event; `id` is the last-event-ID buffer at dispatch time."""

    data: str
    event: str = "message"
    id: Optional[str] = None


class Decoder:
    """Feed it bytes as they arrive; it returns the events completed by each chunk."""

    def __init__(self) -> None:
        self.last_id: Optional[str] = None
        self.retry: Optional[int] = None  # reconnection time in ms, from the last valid `retry:` field
        self._tail = b""
        self._started = False
        self._skip_lf = False
        self._data: list[bytes] = []
        self._event = b""

    def feed(self, chunk: bytes) -> list[Event]:
        """Events completed by `chunk`; a trailing partial line waits for the next one."""
        buffer = self._tail + chunk if self._tail else chunk
        if self._skip_lf and buffer[:1] == b"\n":
            buffer = buffer[1:]  # the LF of a CRLF split across two chunks
        self._skip_lf = False
        if not self._started:
            buffer = self._strip_bom(buffer)
            if not self._started:
                return []
        lines = buffer.splitlines(keepends=True)
        self._tail = lines.pop() if lines and lines[-1][-1:] not in (b"\n", b"\r") else b""
        self._skip_lf = buffer.endswith(b"\r")
        events: list[Event] = []
        for line in lines:
            event = self._line(line.rstrip(b"\r\n"))
            if event is not None:
                events.append(event)
        return events

    def _strip_bom(self, buffer: bytes) -> bytes:
        if len(buffer) < len(_BOM) and _BOM.startswith(buffer):
            self._tail = buffer  # maybe the start of a BOM: wait for more bytes
            return b""
        self._started = True
        return buffer[len(_BOM) :] if buffer.startswith(_BOM) else buffer

    def close(self) -> list[Event]:
        """End of stream: the pending event (no closing blank line) is discarded, per WHATWG."""
        # A last line without its ending is not a line, and an event not closed by a blank line is dropped.
        self._tail, self._data, self._event = b"", [], b""
        return []

    def _line(self, line: bytes) -> Optional[Event]:
        if not line:
            return self._dispatch()
        if line[:1] == b":":
            return None
        name, _, value = line.partition(b":")
        if value[:1] == b" ":
            value = value[1:]
        if name == b"data":
            self._data.append(value)
        elif name == b"event":
            self._event = value
        elif name == b"id":
            if b"\0" not in value:
                self.last_id = value.decode("utf-8", "replace")
        elif name == b"retry" and value.isdigit():
            self.retry = int(value)
        return None

    def _dispatch(self) -> Optional[Event]:
        data, event = self._data, self._event
        self._data, self._event = [], b""
        if not data:
            return None
        text = b"\n".join(data).decode("utf-8", "replace")
        return Event(text, event.decode("utf-8", "replace") or "message", self.last_id)
