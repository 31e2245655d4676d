"""Issue 13 (bounds from the spec, internal faults, auth first, WWW-Authenticate, Idempotency-Key) and
issue 12 item 6 (operations the simulator lacks answer a typed 501)."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("aiohttp")

from conformance.server.testing import ROOT, RunningServer
from tests.server.client import GIB, Api, read_sse

CONFIG = {"name": "web-1", "memory": GIB, "cpus": 1, "disk": GIB, "image": "ubuntu"}
MAX_WINDOW_MS = 2_592_000_000
MAX_INTERVAL_MS = 3_600_000


def test_metrics_window_beyond_the_spec_is_400_not_500(api: Api) -> None:
    vm = api.running_vm()
    reply = api.get(f"/vms/{vm['id']}/metrics?window=1000000000000000")
    assert reply.status == 400 and reply.error["code"] == "invalid_argument"
    assert reply.error["details"]["field"] == "window"


def test_metrics_over_the_longest_window_fit_int64(api: Api) -> None:
    vm = api.running_vm(annotations={"dwcp.sim/load": "1.0"})
    reply = api.get(f"/vms/{vm['id']}/metrics?window={MAX_WINDOW_MS}")
    assert reply.status == 200
    for name in ("disk_read", "disk_write", "network_rx", "network_tx", "memory_used"):
        assert 0 <= reply.body[name] < 2**63


def test_metrics_stream_interval_is_bounded(api: Api) -> None:
    vm = api.running_vm()
    huge = read_sse(api, f"/vms/{vm['id']}/metrics/stream?interval=1000000000000000", count=1, timeout=2)
    assert huge.status == 400 and huge.error is not None and huge.error["code"] == "invalid_argument"
    longest = read_sse(api, f"/vms/{vm['id']}/metrics/stream?interval={MAX_INTERVAL_MS}", count=1, timeout=3)
    assert longest.status == 200 and len(longest.events) == 1 and not longest.broken


@pytest.mark.parametrize("since", ["-5", "-1", "99999999999999999999"])
def test_events_since_out_of_range_is_refused(api: Api, since: str) -> None:
    vm = api.create()
    seen = read_sse(api, f"/vms/{vm['id']}/events?since={since}&follow=false", timeout=2)
    assert seen.status == 400 and seen.error is not None and seen.error["code"] == "invalid_argument"
    assert not any(e.get("event") == "gap" for e in seen.events)


def test_non_ascii_digits_in_a_page_token_or_last_event_id_are_not_a_500(api: Api) -> None:
    # str.isdigit() accepts "²", which int() refuses: the server once answered 500 to both.
    vm = api.create()
    page = api.get("/vms?page_token=%C2%B2")
    assert page.status == 200 and page.body["vms"] == []
    seen = read_sse(api, f"/vms/{vm['id']}/events?follow=false", headers={"Last-Event-ID": "²"}, timeout=2)
    assert seen.status == 400 and seen.error is not None and seen.error["code"] == "invalid_argument"


def test_authentication_comes_before_any_other_check(api: Api) -> None:
    nobody = Api(api.server, key="")
    long_id = nobody.get("/vms", headers={"X-Request-ID": "r" * 129})
    assert long_id.status == 401 and long_id.error["code"] == "unauthenticated"
    bad_query = nobody.get("/vms?page_size=-5")
    assert bad_query.status == 401
    bad_body = nobody.post("/vms", b"not json", headers={"Content-Type": "text/plain"})
    assert bad_body.status == 401
    too_big = nobody.post("/vms", b"{" + b" " * (1024 * 1024 + 1) + b"}")
    assert too_big.status == 401


def test_401_carries_a_bearer_challenge(api: Api) -> None:
    reply = Api(api.server, key="wrong").get("/vms")
    assert reply.status == 401
    assert reply.headers["www-authenticate"].startswith("Bearer")
    assert "access-control-expose-headers" not in reply.headers or "WWW-Authenticate" in reply.headers.get(
        "access-control-expose-headers", "WWW-Authenticate"
    )


def test_empty_idempotency_key_means_no_key(api: Api) -> None:
    first = api.post("/vms", CONFIG, headers={"Idempotency-Key": ""})
    second = api.post("/vms", CONFIG, headers={"Idempotency-Key": ""})
    assert first.status == second.status == 201
    assert first.body["id"] != second.body["id"] and "idempotent-replayed" not in second.headers
    assert api.control("/connections")["idempotency_keys"] == 0


def test_idempotency_key_limit_matches_the_spec(api: Api) -> None:
    import json

    spec = json.loads((ROOT / "generated" / "openapi.json").read_text())
    params = [p for p in spec["paths"]["/vms"]["post"]["parameters"] if p["name"] == "Idempotency-Key"]
    limit = params[0]["schema"]["maxLength"]
    assert "minLength" not in params[0]["schema"]  # so the empty key must be accepted (as no key)
    assert api.post("/vms", CONFIG, headers={"Idempotency-Key": "k" * limit}).status == 201
    over = api.post("/vms", CONFIG, headers={"Idempotency-Key": "k" * (limit + 1)})
    assert over.status == 400 and over.error["code"] == "invalid_argument"


# -- a simulator that lags behind the spec ---------------------------------------------------------

PATCHED = """
import sys
from conformance.server import simulator
del simulator.Simulator.vm_snapshot
async def broken(self, *args, **kwargs):
    raise RuntimeError("simulated bug")
simulator.Simulator.vm_list_snapshots = broken
from conformance.server.__main__ import main
main(sys.argv[1:])
"""


@pytest.fixture(scope="module")
def lagging() -> Iterator[tuple[RunningServer, Path]]:
    """A server whose simulator lacks one operation (vm.snapshot) and fails in another."""
    import json

    folder = Path(tempfile.mkdtemp(prefix="dwcp-lag-"))
    ready, log = folder / "ready.json", folder / "stderr.log"
    args = [sys.executable, "-c", PATCHED, "--port", "0", "--ready-file", str(ready), "--parent-pipe"]
    env = {"PYTHONPATH": str(ROOT), "DWCP_API_KEY": "test-key", "PATH": "/usr/bin:/bin"}
    with log.open("wb") as sink:
        process = subprocess.Popen(args, cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=sink, stderr=sink)
    deadline = time.monotonic() + 30
    while not ready.exists():
        assert process.poll() is None, log.read_text()
        assert time.monotonic() < deadline
        time.sleep(0.05)
    info = json.loads(ready.read_text())
    server = RunningServer(info["url"], info["host"], info["port"], "test-key", None, process)
    yield server, log
    server.stop()


def test_an_unimplemented_operation_is_a_typed_501_listed_once(lagging: tuple[RunningServer, Path]) -> None:
    server, log = lagging
    api = Api(server)
    vm = api.create()
    api.wait_state(vm["id"], "stopped")
    for _ in range(2):
        reply = api.post(f"/vms/{vm['id']}/snapshots", {"name": "s1"})
        assert reply.status == 501 and reply.error["code"] == "not_implemented"
        assert reply.error["type"] == "InternalError" and reply.error["retryable"] is False
    text = log.read_text()
    assert text.count("vm.snapshot") == 1, text
    assert Api(server, key="wrong").post(f"/vms/{vm['id']}/snapshots", {"name": "s1"}).status == 401


def test_an_internal_fault_is_internal_error_not_migration_error(lagging: tuple[RunningServer, Path]) -> None:
    server, _ = lagging
    api = Api(server)
    vm = api.create()
    reply = api.get(f"/vms/{vm['id']}/snapshots")
    assert reply.status == 500 and reply.error["code"] == "internal"
    assert reply.error["type"] == "InternalError" and reply.error["request_id"]
