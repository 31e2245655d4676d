"""Wire faults of issue 17: broken bodies, drips, huge error bodies, hostile SSE, forward-compatible mutations."""

from __future__ import annotations

import json
import resource
import socket
import time
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("aiohttp")

from conformance.server.wire import BODIES, MAP_FIELDS, SSE, large_error_chunks, large_result_chunks
from tests.server import raw
from tests.server.client import Api, read_sse


def script(api: Api, *faults: dict[str, Any]) -> list[str]:
    return api.control("/faults", {"faults": list(faults)})["ids"]


def test_the_case_schema_offers_exactly_the_server_wire_faults() -> None:
    """Case files may script every `body` and `sse` fault the server has, and no other."""
    schema = Path(__file__).parents[2] / "conformance" / "case.schema.json"
    fault = json.loads(schema.read_text(encoding="utf-8"))["$defs"]["fault"]["properties"]
    assert set(fault["sse"]["enum"]) == set(SSE)
    assert set(fault["body"]["enum"]) == set(BODIES)


def get_raw(api: Api, path: str, timeout: float = 5.0, extra: str = "") -> bytes:
    """Everything the server sends for one GET (headers and body bytes as they came) until it closes;
    `extra` is more header lines, each ending in CRLF."""
    with raw.connect(api.server, timeout) as sock:
        request = (
            f"GET /v3{path} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {api.key}\r\n{extra}Connection: close\r\n\r\n"
        )
        sock.sendall(request.encode())
        return raw.read_all(sock)


def split(reply: bytes) -> tuple[int, dict[str, str], bytes]:
    head, _, body = reply.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return int(lines[0].split()[1]), headers, body


def test_html_body_on_a_200(api: Api) -> None:
    script(api, {"op": "vm.list", "times": 1, "body": "html"})
    status, headers, body = split(get_raw(api, "/vms"))
    assert status == 200 and headers["content-type"].startswith("text/html") and body.startswith(b"<!DOCTYPE html>")
    assert api.get("/vms").status == 200


def test_array_where_an_object_is_due(api: Api) -> None:
    vm = api.create()
    script(api, {"op": "vm.get", "times": 1, "body": "array"})
    reply = api.get(f"/vms/{vm['id']}")
    assert reply.status == 200 and isinstance(reply.body, list) and reply.body[0]["id"] == vm["id"]


def test_invalid_utf8_inside_a_string(api: Api) -> None:
    vm = api.create()
    script(api, {"op": "vm.get", "times": 1, "body": "invalid_utf8"})
    status, _, body = split(get_raw(api, f"/vms/{vm['id']}"))
    assert status == 200 and b"\xff\xfe" in body
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    # Apart from the bad bytes it is the VM's JSON.
    assert json.loads(body.replace(b"\xff\xfe\xc3\x28", b""))["id"] == vm["id"]


def test_empty_body_on_a_200(api: Api) -> None:
    script(api, {"op": "vm.list", "times": 1, "body": "empty"})
    status, headers, body = split(get_raw(api, "/vms"))
    assert status == 200 and headers["content-length"] == "0" and body == b""


def test_content_length_larger_than_the_body(api: Api) -> None:
    script(api, {"op": "vm.list", "times": 1, "body": "long_length", "extra_length": 10})
    status, headers, body = split(get_raw(api, "/vms"))
    assert status == 200 and int(headers["content-length"]) == len(body) + 10
    assert json.loads(body) == {"vms": [], "next_page_token": None} or "vms" in json.loads(body)


def test_drip_sends_the_body_slowly(api: Api) -> None:
    script(api, {"op": "vm.list", "times": 1, "drip_ms": 20, "drip_bytes": 4})
    start = time.monotonic()
    reply = api.get("/vms")
    elapsed = time.monotonic() - start
    chunks = -(-len(reply.raw) // 4)
    assert reply.status == 200 and "vms" in reply.body and elapsed >= chunks * 0.02 * 0.8


def test_drip_stops_when_the_client_leaves(api: Api) -> None:
    script(api, {"op": "vm.list", "times": 1, "drip_ms": 50})
    with raw.connect(api.server, 0.3) as sock:
        sock.sendall(f"GET /v3/vms HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {api.key}\r\n\r\n".encode())
        with pytest.raises(TimeoutError):
            while sock.recv(4096):
                pass
    assert api.get("/vms").status == 200  # the server is free again


def test_large_error_body_is_the_typed_error_padded(api: Api) -> None:
    script(api, {"op": "vm.list", "times": 1, "status": 400, "body_bytes": 3_000_000})
    reply = api.get("/vms")
    assert reply.status == 400 and len(reply.raw) == 3_000_000 and int(reply.headers["content-length"]) == 3_000_000
    assert reply.error["type"] == "InvalidOperationError" and reply.error["code"] == "invalid_argument"
    assert set(reply.error["message"]) == {"x"}


def test_large_error_body_is_generated_lazily() -> None:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    length, chunks = large_error_chunks({"type": "T", "code": "c", "message": "m", "retryable": False}, 200_000_000)
    total = sum(len(chunk) for chunk in chunks)
    assert length == total == 200_000_000
    grown_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown_kib < 50_000  # far below the body's 195 MiB


def test_large_error_body_client_hangs_up_early(api: Api) -> None:
    script(api, {"op": "vm.list", "times": 1, "status": 500, "body_bytes": 500_000_000})
    with raw.connect(api.server, 2.0) as sock:
        sock.sendall(f"GET /v3/vms HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {api.key}\r\n\r\n".encode())
        first = sock.recv(65536)
        assert first.startswith(b"HTTP/1.1 500") and b"Content-Length: 500000" in first
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
    time.sleep(0.2)
    assert api.get("/vms").status == 200


def test_error_body_with_unknown_type_and_code(api: Api) -> None:
    script(api, {"op": "vm.list", "times": 1, "status": 503, "error_type": "QuotaError", "error_code": "quota_x"})
    reply = api.get("/vms")
    assert reply.status == 503 and reply.error["type"] == "QuotaError" and reply.error["code"] == "quota_x"
    assert reply.error["request_id"] == reply.headers["x-request-id"]


def test_html_error_page(api: Api) -> None:
    script(api, {"op": "vm.list", "times": 1, "status": 503, "content_type": "text/html", "retry_after": "1"})
    reply = api.get("/vms")
    assert reply.status == 503 and reply.headers["content-type"].startswith("text/html") and reply.body is None
    assert reply.raw.startswith(b"<html>") and reply.headers["retry-after"] == "1"


def test_extra_fields_everywhere(api: Api) -> None:
    api.create()
    script(api, {"op": "vm.list", "times": 1, "extra_fields": True})
    reply = api.get("/vms")
    assert reply.body["x_future_flag"] is True
    vm = reply.body["vms"][0]
    assert vm["x_future_object"]["policy"] == "auto" and vm["config"]["x_future_list"] == [1, "two", None]
    assert "x_future_flag" not in vm["labels"]  # a map's keys are data: left alone


def test_map_fields_match_the_spec() -> None:
    import re
    from pathlib import Path

    spec = (Path(__file__).resolve().parents[2] / "spec" / "dwcp.yaml").read_text(encoding="utf-8")
    maps = set(re.findall(r"^\s+(\w+): \{type: \"map<", spec, flags=re.MULTILINE))
    assert maps == MAP_FIELDS, maps


def test_unknown_enum_value(api: Api) -> None:
    vm = api.create()
    script(api, {"op": "vm.get", "times": 1, "enum_value": "hibernating"})
    assert api.get(f"/vms/{vm['id']}").body["state"] == "hibernating"
    assert api.get(f"/vms/{vm['id']}").body["state"] != "hibernating"


def test_extra_headers(api: Api) -> None:
    script(api, {"op": "vm.list", "times": 1, "extra_headers": {"X-Future-Feature": "on", "DWCP-Shard": "7"}})
    reply = api.get("/vms")
    assert reply.status == 200 and reply.headers["x-future-feature"] == "on" and reply.headers["dwcp-shard"] == "7"


def test_stream_unknown_event_type_before_each_event(api: Api) -> None:
    vm = api.create()
    api.wait_state(vm["id"], "stopped")
    script(api, {"op": "vm.watch", "times": 1, "sse": "unknown_event"})
    seen = read_sse(api, f"/vms/{vm['id']}/events?follow=false")
    assert [e.get("event") for e in seen.events] == ["x_future_event", "vm_event"] * 2 and seen.ended
    assert [e["id"] for e in seen.events if "id" in e] == ["1", "2"]


def test_stream_enum_value_and_extra_fields(api: Api) -> None:
    vm = api.create()
    api.wait_state(vm["id"], "stopped")
    script(api, {"op": "vm.watch", "times": 1, "enum_value": "vm_hibernated", "field": "type"})
    seen = read_sse(api, f"/vms/{vm['id']}/events?follow=false")
    assert [e["data"]["type"] for e in seen.events] == ["vm_hibernated"] * 2
    script(api, {"op": "vm.watch", "times": 1, "extra_fields": True})
    seen = read_sse(api, f"/vms/{vm['id']}/events?follow=false")
    assert all(e["data"]["vm"]["x_future_flag"] is True for e in seen.events) and seen.ended
    script(api, {"op": "vm.watch", "times": 1, "extra_headers": {"X-Future": "1"}})
    status, headers, _ = split(get_raw(api, f"/vms/{vm['id']}/events?follow=false"))
    assert status == 200 and headers["x-future"] == "1"


def test_stream_cut_frame_ends_cleanly_mid_event(api: Api) -> None:
    vm = api.create()
    api.wait_state(vm["id"], "stopped")
    api.control("/events", {"vm_id": vm["id"], "count": 5})
    script(api, {"op": "vm.watch", "times": 1, "sse": "cut_frame", "after": 3})
    status, _, body = split(get_raw(api, f"/vms/{vm['id']}/events?follow=false"))
    assert status == 200 and body.endswith(b"0\r\n\r\n")  # a clean end of the chunked body
    payload = _dechunk(body)
    assert payload.count(b"\n\n") == 3 and payload.rsplit(b"\n\n", 1)[1].startswith(b"id: 4")


def test_stream_long_line_without_newline(api: Api) -> None:
    vm = api.create()
    api.wait_state(vm["id"], "stopped")
    script(api, {"op": "vm.watch", "times": 1, "sse": "long_line", "bytes": 300_000, "after": 1})
    with raw.connect(api.server, 1.0) as sock:
        path = f"/v3/vms/{vm['id']}/events?follow=false"
        sock.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {api.key}\r\n\r\n".encode())
        data = raw.read_all(sock)  # ends by the socket's timeout: the server holds the line open
    payload = _dechunk(data.partition(b"\r\n\r\n")[2])
    assert payload.count(b"\n\n") == 1 and payload.split(b"\n\n", 1)[1] == b"data: " + b"x" * 300_000
    assert api.get("/vms").status == 200


def test_stream_replay_last_repeats_the_resume_point_then_drops(api: Api) -> None:
    vm = api.create()
    api.wait_state(vm["id"], "stopped")
    api.control("/events", {"vm_id": vm["id"], "count": 5})
    script(api, {"op": "vm.watch", "times": 1, "sse": "replay_last"})
    reply = get_raw(api, f"/vms/{vm['id']}/events?follow=false", extra="Last-Event-ID: 3\r\n")
    status, _, body = split(reply)
    payload = _dechunk(body)
    assert status == 200 and payload.count(b"\n\n") == 1 and payload.startswith(b"id: 3\n")
    assert not body.endswith(b"0\r\n\r\n")  # dropped, not a clean end
    assert api.get(f"/vms/{vm['id']}/events?follow=false").status == 200  # the fault was used up


def test_json_where_a_stream_is_due(api: Api) -> None:
    vm = api.create()
    script(api, {"op": "vm.watch", "times": 1, "sse": "not_sse"})
    status, headers, body = split(get_raw(api, f"/vms/{vm['id']}/events?follow=false"))
    assert status == 200 and headers["content-type"] == "application/json" and json.loads(body) == {"events": []}
    assert api.control("/connections")["streams"] == 0  # no stream slot was taken


def test_a_204_has_no_body_to_break(api: Api) -> None:
    vm = api.create()
    api.wait_state(vm["id"], "stopped")
    script(api, {"op": "vm.destroy", "times": 1, "body": "html"})
    reply = api.delete(f"/vms/{vm['id']}")
    assert reply.status == 204 and reply.raw == b""


def test_bad_wire_faults_are_rejected(api: Api) -> None:
    bad = [
        {"op": "vm.get", "body": "zip"},
        {"op": "vm.get", "sse": "loud"},
        {"op": "vm.get", "drip_ms": 0},
        {"op": "vm.get", "status": 500, "body_bytes": -1},
        {"op": "vm.get", "extra_fields": 1},
        {"op": "vm.get", "extra_headers": {"bad name": "x"}},
        {"op": "vm.get", "enum_value": 3},
        {"op": "vm.get", "drip_ms": 10, "extra_fields": True},
    ]
    for fault in bad:
        reply = api.call("POST", "/_conformance/faults", {"faults": [fault]})
        assert reply.status == 400, fault


def _dechunk(body: bytes) -> bytes:
    """The payload of a chunked body (as far as it goes)."""
    out, rest = [], body
    while rest:
        size_line, _, rest = rest.partition(b"\r\n")
        try:
            size = int(size_line, 16)
        except ValueError:
            break
        if size == 0:
            break
        out.append(rest[:size])
        rest = rest[size + 2 :]
    return b"".join(out)


def test_large_success_body_is_the_result_padded(api: Api) -> None:
    vm = api.create()
    script(api, {"op": "vm.get", "times": 1, "body_bytes": 3_000_000})
    reply = api.get(f"/vms/{vm['id']}")
    assert reply.status == 200 and len(reply.raw) == 3_000_000 and int(reply.headers["content-length"]) == 3_000_000
    assert reply.body["id"] == vm["id"] and reply.body["name"] == vm["name"]
    assert set(reply.body["x_padding"]) == {"x"}
    assert reply.headers["x-request-id"]
    assert api.get(f"/vms/{vm['id']}").raw.find(b"x_padding") == -1  # one time only


def test_large_success_body_is_generated_lazily() -> None:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    length, chunks = large_result_chunks(b'{"id":"vm-1","name":"a"}', 200_000_000)
    total = 0
    first = b""
    for chunk in chunks:
        first = first or chunk
        total += len(chunk)
    assert length == total == 200_000_000 and first == b'{"id":"vm-1","name":"a","x_padding":"'
    grown_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown_kib < 50_000  # far below the body's 190 MiB


@pytest.mark.parametrize(
    ("body", "decoded"),
    [(b"{}", {}), (b"[1, 2]", {"result": [1, 2]}), (b'{"a": 1}', {"a": 1})],
    ids=["empty-object", "not-an-object", "spaced"],
)
def test_large_success_body_stays_one_json_object(body: bytes, decoded: dict[str, Any]) -> None:
    length, chunks = large_result_chunks(body, 100)
    data = b"".join(chunks)
    value = json.loads(data)
    assert length == len(data) == 100
    assert set(value.pop("x_padding")) == {"x"} and value == decoded


def test_large_success_body_client_hangs_up_early(api: Api) -> None:
    vm = api.create()
    script(api, {"op": "vm.get", "times": 1, "body_bytes": 500_000_000})
    with raw.connect(api.server, 2.0) as sock:
        sock.sendall(f"GET /v3/vms/{vm['id']} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {api.key}\r\n\r\n".encode())
        first = sock.recv(65536)
        assert first.startswith(b"HTTP/1.1 200") and b"Content-Length: 500000000" in first
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
    time.sleep(0.2)
    assert api.get(f"/vms/{vm['id']}").status == 200
    (entry, _) = api.control("/journal?op=vm.get")["attempts"]
    assert entry["connection_closed_ms"] is not None


def test_body_bytes_with_another_action_is_refused(api: Api) -> None:
    reply = api.call("POST", "/_conformance/faults", {"faults": [{"op": "vm.get", "body_bytes": 10, "delay_ms": 5}]})
    assert reply.status == 400
