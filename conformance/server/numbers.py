"""Reading counts from text that a client controls (page tokens, Last-Event-ID, header values)."""

from __future__ import annotations


def is_count(text: str, max_digits: int) -> bool:
    """True for 1..max_digits ASCII digits: str.isdigit() also accepts '²', which int() refuses."""
    return 0 < len(text) <= max_digits and text.isascii() and text.isdigit()
