"""The `labels` query filter: k=v items joined by commas (the SDKs' and OpenAPI's form), or repeated."""

from __future__ import annotations

from urllib.parse import quote

import pytest

pytest.importorskip("aiohttp")

from tests.server.client import Api


def _names(api: Api, query: str) -> set[str]:
    reply = api.get(f"/vms?{query}")
    assert reply.status == 200, reply.raw
    return {v["name"] for v in reply.body["vms"]}


def test_an_empty_label_value_filters_in_a_query_as_in_a_body(api: Api) -> None:
    api.create(name="blank", labels={"env": "", "team": "a"})
    api.create(name="prod", labels={"env": "prod", "team": "a"})
    assert _names(api, "labels=env=") == {"blank"}
    assert _names(api, "labels=" + quote("team=a,env=", safe="")) == {"blank"}


def test_repeated_parameters_are_the_same_items(api: Api) -> None:
    api.create(name="web-1", labels={"app": "web", "tier": "1"})
    api.create(name="web-2", labels={"app": "web", "tier": "2"})
    assert _names(api, "labels=app=web&labels=tier=2") == {"web-2"}
    assert _names(api, "labels=app=web,tier=2") == {"web-2"}
    assert _names(api, "labels=") == {"web-1", "web-2"}


def test_a_value_may_hold_an_equals_sign(api: Api) -> None:
    api.create(name="eq", labels={"expr": "a=b"})
    assert _names(api, "labels=" + quote("expr=a=b", safe="")) == {"eq"}


@pytest.mark.parametrize("raw", ["novalue", "=prod", "env=prod,", "app,web", "app=web,tier"])
def test_an_item_without_a_key_or_an_equals_sign_is_400(api: Api, raw: str) -> None:
    reply = api.get("/vms?labels=" + quote(raw, safe=""))
    assert reply.status == 400 and reply.error["code"] == "invalid_argument", raw
