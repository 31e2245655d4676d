"""An integer field takes 88.0 (JSON Schema's integer allows a zero fraction) and the server keeps 88."""

from __future__ import annotations

import pytest

pytest.importorskip("aiohttp")

from tests.server.client import GIB, Api


def test_integral_floats_are_integers(api: Api) -> None:
    body = {"name": "floaty", "memory": float(4 * GIB), "cpus": 2.0, "cpu_pinning": [0.0, 1.0]}
    reply = api.post("/vms", body)
    assert reply.status == 201, reply.raw
    config = reply.body["config"]
    assert (config["memory"], config["cpus"], config["cpu_pinning"]) == (4 * GIB, 2, [0, 1])
    # Written back as JSON integers (json.loads gives a float for 2.0).
    assert all(type(v) is int for v in (config["memory"], config["cpus"], *config["cpu_pinning"]))


def test_a_fraction_is_still_refused(api: Api) -> None:
    reply = api.post("/vms", {"name": "frac", "memory": 4 * GIB, "cpus": 2.5})
    assert reply.status == 400 and reply.error["details"]["field"] == "cpus"
