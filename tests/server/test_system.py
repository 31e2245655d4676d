"""Health, sessions, auth, request ids, CORS, unknown routes and methods."""

from __future__ import annotations

import pytest

pytest.importorskip("aiohttp")

from tests.server.client import Api


def test_health_needs_no_key(api: Api) -> None:
    reply = Api(api.server, key="").get("/health")
    assert reply.status == 200
    assert reply.body["status"] == "ok" and reply.body["version"] == "3.0.0"
    assert reply.body["uptime"] >= 0


def test_session_authenticates_the_key(api: Api) -> None:
    reply = api.post("/session")
    assert reply.status == 200
    assert reply.body["authenticated"] is True and reply.body["session_id"]


@pytest.mark.parametrize("key", ["", "wrong-key"])
def test_missing_or_wrong_key_is_401(api: Api, key: str) -> None:
    reply = Api(api.server, key=key).post("/session", headers={"Authorization": f"Bearer {key}"} if key else None)
    assert reply.status == 401
    assert reply.error["type"] == "AuthenticationError" and reply.error["code"] == "unauthenticated"
    assert key not in reply.error["message"] or not key
    assert api.control("/journal?op=system.create_session")["attempts"][-1]["status"] == 401


def test_request_id_is_echoed_or_generated(api: Api) -> None:
    echoed = api.get("/vms/vm-missing", headers={"X-Request-ID": "req-abc"})
    assert echoed.headers["x-request-id"] == "req-abc" and echoed.error["request_id"] == "req-abc"
    generated = api.get("/vms/vm-missing")
    assert generated.headers["x-request-id"].startswith("req-")
    assert generated.error["request_id"] == generated.headers["x-request-id"]


def test_unknown_route_and_method_are_typed(api: Api) -> None:
    missing = api.get("/nowhere")
    assert missing.status == 404 and missing.error["code"] == "route_not_found"
    wrong = api.call("PUT", "/vms")
    assert wrong.status == 405 and wrong.error["code"] == "method_not_allowed"
    assert wrong.headers["allow"] == "GET, POST"


def test_cors_preflight_and_headers(api: Api) -> None:
    origin = {"Origin": "http://localhost:5173"}
    pre = api.call("OPTIONS", "/vms", headers={**origin, "Access-Control-Request-Method": "POST"})
    assert pre.status == 204
    assert pre.headers["access-control-allow-origin"] == "http://localhost:5173"
    assert "Idempotency-Key" in pre.headers["access-control-allow-headers"]
    reply = api.get("/health", headers=origin)
    assert reply.headers["access-control-allow-origin"] == "http://localhost:5173"
    assert "X-Request-ID" in reply.headers["access-control-expose-headers"]
    # The control API is not the API: a foreign page gets 403, the server's own origin its preflight.
    control = api.call("OPTIONS", "/_conformance/reset", headers={**origin, "Access-Control-Request-Method": "POST"})
    assert control.status == 403 and control.error["code"] == "forbidden_origin"
    assert "access-control-allow-origin" not in control.headers
    own = {"Origin": f"http://127.0.0.1:{api.server.port}", "Access-Control-Request-Method": "POST"}
    same = api.call("OPTIONS", "/_conformance/reset", headers=own)
    assert same.status == 204 and same.headers["access-control-allow-origin"] == own["Origin"]
