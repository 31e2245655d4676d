"""The control API: reset with settings, synthetic events, connection counts, conformance-only."""

from __future__ import annotations

import json
import sys

import pytest

pytest.importorskip("aiohttp")

from conformance.server.testing import serve
from tests.server.client import GIB, Api


def test_reset_drops_everything_and_applies_settings(api: Api) -> None:
    api.create()
    api.control("/faults", {"faults": [{"op": "vm.get", "times": 1, "status": 503}]})
    applied = api.control(
        "/reset", {"seed": 4, "clock_speed": 50, "cluster": {"nodes": [{"name": "n1", "cpus": 2, "memory": 8 * GIB}]}}
    )
    assert applied["seed"] == 4 and applied["clock_speed"] == 50.0 and applied["nodes"] == ["n1"]
    assert api.get("/vms").body["vms"] == []
    assert api.control("/faults")["unconsumed"] == []
    assert api.control("/journal")["attempts"][-1]["op"] == "vm.list"
    assert api.create(cpus=1)["node"] == "n1"
    back = api.control("/reset", {})
    assert back["clock_speed"] == 1000.0 and "node-gpu-01" in back["nodes"]


def test_bad_reset_settings_are_400(api: Api) -> None:
    for body in ({"clock_speed": -1}, {"cluster": {"nodes": []}}, {"heartbeat_ms": "x"}, {"clock": 5}):
        assert api.call("POST", "/_conformance/reset", body).status == 400


def test_connections_are_counted(api: Api) -> None:
    for _ in range(3):
        api.get("/health")
    counts = api.control("/connections")
    assert counts["opened"] >= 4 and counts["max_open"] >= 1 and counts["open"] >= 1


def test_control_api_only_in_conformance_mode() -> None:
    with serve(python=sys.executable, conformance=False) as server:
        reply = Api(server).call("POST", "/_conformance/reset", {})
        assert reply.status == 404 and reply.error["code"] == "route_not_found"


def test_cluster_file_replaces_the_default_cluster(tmp_path) -> None:
    nodes = {"nodes": [{"name": "lab-1", "cpus": 8, "memory": 16 * GIB, "disk": 200 * GIB, "labels": {"zone": "lab"}}]}
    path = tmp_path / "cluster.json"
    path.write_text(json.dumps(nodes))
    with serve(python=sys.executable, extra=["--cluster", str(path)]) as server:
        api = Api(server)
        assert api.create(memory=8 * GIB)["node"] == "lab-1"
        assert api.post("/vms", {"name": "big", "memory": 16 * GIB, "cpus": 2}).status == 429


def test_journal_records_user_agent_traceparent_and_headers(api: Api) -> None:
    """Each entry carries User-Agent, traceparent (null when absent) and the lower-cased headers minus Authorization."""
    parent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"
    api.get("/vms", headers={"User-Agent": "dwcp-test/1.0.0 (x 1; y; z)", "traceparent": parent, "X-Extra": "v"})
    api.get("/vms", headers={"X-Long": "a" * 5000})
    first, second = api.control("/journal?op=vm.list")["attempts"][-2:]
    assert first["user_agent"] == "dwcp-test/1.0.0 (x 1; y; z)" and first["traceparent"] == parent
    assert first["headers"]["x-extra"] == "v" and first["headers"]["traceparent"] == parent
    assert all(name == name.lower() for name in first["headers"]) and "authorization" not in first["headers"]
    assert second["traceparent"] is None and len(second["headers"]["x-long"]) == 1024
