# Code generated from templates/python/tests/test_sse.py by generator/; DO NOT EDIT.
"""The SSE decoder against the WHATWG parsing rules (ported from web-platform-tests)."""

from __future__ import annotations

from dwcp._runtime.sse import Decoder, Event


def decode(*chunks: bytes) -> tuple[list[Event], Decoder]:
    decoder = Decoder()
    events = [event for chunk in chunks for event in decoder.feed(chunk)]
    decoder.close()
    return events, decoder


def test_line_endings_cr_lf_and_crlf() -> None:
    events, _ = decode(b"data: a\r\n\r\ndata: b\n\ndata: c\r\rdata: d\r\n\n")
    assert [e.data for e in events] == ["a", "b", "c", "d"]


def test_crlf_split_across_chunks_is_one_line_ending() -> None:
    events, _ = decode(b"data: a\r", b"\ndata: b\r\n\r\n")
    assert [e.data for e in events] == ["a\nb"]


def test_multiline_data_comments_and_event_type() -> None:
    events, _ = decode(b": hello\nevent: sample\ndata: 1\ndata:2\n\n")
    assert events == [Event("1\n2", "sample", None)]


def test_bom_is_stripped_even_when_split() -> None:
    events, _ = decode(b"\xef\xbb", b"\xbfdata: x\n\n")
    assert [e.data for e in events] == ["x"]


def test_id_persists_and_id_with_nul_is_ignored() -> None:
    events, decoder = decode(b"id: 7\ndata: a\n\nid: 8\x00\ndata: b\n\n")
    assert [e.id for e in events] == ["7", "7"]
    assert decoder.last_id == "7"


def test_empty_data_dispatches_nothing_but_records_the_id() -> None:
    events, decoder = decode(b"id: 3\n\n")
    assert events == []
    assert decoder.last_id == "3"


def test_retry_takes_digits_only() -> None:
    _, decoder = decode(b"retry: 1000x\n\nretry: 250\n\n")
    assert decoder.retry == 250


def test_event_without_final_blank_line_is_dropped() -> None:
    events, _ = decode(b"data: first\n\ndata: partial\n")
    assert [e.data for e in events] == ["first"]


def test_field_without_colon_and_unknown_fields() -> None:
    events, _ = decode(b"data\nfoo: bar\n\n")
    assert [e.data for e in events] == [""]
