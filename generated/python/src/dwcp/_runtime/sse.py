# Code generated from templates/python/runtime/sse.py by generator/; DO NOT EDIT.
"""An incremental Server-Sent Events decoder following the WHATWG rules."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

_BOM = b"\xef\xbb\xbf"
Raw = tuple[bytes, bytes, Optional[str]]
"""A dispatched event before text decoding: data (UTF-8 bytes), event type (b"" for message) and id."""


@dataclass(frozen=True)
class Event:
    """One dispatched event; `id` is the last-event-ID buffer at dispatch time."""

    data: str
    event: str = "message"
    id: Optional[str] = None


class LineTooLong(ValueError):
    """A line longer than the decoder's `max_line` (the events completed before it were returned)."""


class Decoder:
    """Feed it bytes as they arrive; it returns the events completed by each chunk.

    `max_line` (0: no limit) bounds one line: a partial line that grows past it raises LineTooLong
    instead of being kept, so an unterminated line cannot buffer without end.
    """

    def __init__(self, max_line: int = 0) -> None:
        self.max_line = max_line
        self.too_long: list[Raw] = []  # the events completed before an oversized line
        self.last_id: Optional[str] = None
        self.retry: Optional[int] = None  # reconnection time in ms, from the last valid `retry:` field
        self._tail = b""
        self._started = False
        self._skip_lf = False
        self._data: list[bytes] = []
        self._event = b""

    def feed(self, chunk: bytes) -> list[Event]:
        """Events completed by `chunk`; a trailing partial line waits for the next one."""
        return [
            Event(data.decode("utf-8", "replace"), event.decode("utf-8", "replace") or "message", id)
            for data, event, id in self.feed_raw(chunk)
        ]

    def feed_raw(self, chunk: bytes) -> list[Raw]:
        """As feed(), with data and type left as bytes: one pass over the whole chunk, no object per line."""
        buffer = self._tail + chunk if self._tail else chunk
        if self._skip_lf and buffer[:1] == b"\n":
            buffer = buffer[1:]  # the LF of a CRLF split across two chunks
        self._skip_lf = False
        if not self._started:
            buffer = self._strip_bom(buffer)
            if not self._started:
                return []
        if b"\r" in buffer:
            lines = buffer.splitlines()
            self._tail = b"" if buffer[-1:] in (b"\n", b"\r") else lines.pop() if lines else b""
            self._skip_lf = buffer.endswith(b"\r")
        else:  # the usual LF-only stream: one split, the last piece is the partial line (b"" after an LF)
            lines = buffer.split(b"\n")
            self._tail = lines.pop()
        events: list[Raw] = []
        data, event = self._data, self._event
        limit = self.max_line
        if limit and len(self._tail) > limit:
            self._tail = b""
            over = True
        else:
            over = False
        for line in lines:
            if limit and len(line) > limit:
                over = True
                break
            if not line:  # blank line: dispatch (an event without data is dropped), reset the type
                if data:
                    events.append((data[0] if len(data) == 1 else b"\n".join(data), event, self.last_id))
                    data = []
                event = b""
            elif line[:5] == b"data:":
                data.append(line[6:] if line[5:6] == b" " else line[5:])
            elif line[:1] != b":":  # not a comment
                name, _, value = line.partition(b":")
                if value[:1] == b" ":
                    value = value[1:]
                if name == b"data":
                    data.append(value)
                elif name == b"event":
                    event = value
                elif name == b"id":
                    if b"\0" not in value:
                        self.last_id = value.decode("utf-8", "replace")
                elif name == b"retry" and value.isdigit():
                    self.retry = int(value)
        self._data, self._event = data, event
        if over:
            self._tail, self._data, self._event = b"", [], b""
            self.too_long = events
            raise LineTooLong(f"an SSE line is longer than {limit} bytes")
        return events

    @property
    def partial(self) -> bool:
        """True when an event (or a line) has begun but not ended: the body stopped in its middle."""
        return bool(self._tail or self._data or self._event)

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
