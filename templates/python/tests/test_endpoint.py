"""Paths, query encoding and query limits of the runtime's Endpoint (no spec types involved)."""

from __future__ import annotations

import enum
from datetime import datetime, timedelta, timezone

from dwcp._runtime.endpoint import Endpoint, Limits, QueryValue, query


class Colour(str, enum.Enum):
    RED = "red"


def test_path_segments_are_percent_encoded() -> None:
    endpoint = Endpoint("thing.get", "GET", "/things/{a}/parts/{b}", 200)
    assert endpoint.url_path({"a": "t-1", "b": "x/y z"}) == "/things/t-1/parts/x%2Fy%20z"
    assert Endpoint("thing.list", "GET", "/things", 200).url_path() == "/things"


def test_query_values_in_wire_form() -> None:
    moment = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone(timedelta(hours=2)))
    params: dict[str, QueryValue] = {"b": True, "t": moment, "e": Colour.RED, "m": {"z": "1", "a": "2"}, "l": [1, 2], "n": None, "i": 5}
    assert query(params) == {"b": "true", "t": "2026-01-02T01:04:05Z", "e": "red", "m": "a=2,z=1", "l": "1,2", "i": "5"}
    assert query({"n": None}) is None


def test_limits_name_the_broken_rule() -> None:
    assert Limits(ge=1, le=1000).broken(0) == "Input should be greater than or equal to 1"
    assert Limits(ge=1, le=1000).broken(1001) == "Input should be less than or equal to 1000"
    assert Limits(ge=1, le=1000).broken(500) is None
    assert Limits(max_length=3).broken("abcd") == "Value should have at most 3 characters"
    assert Limits(max_length=1).broken({"a": "1", "b": "2"}) == "Value should have at most 1 items"
    assert Limits(one_of=("debug", "info")).broken("loud") == "Input should be 'debug' or 'info'"
    assert Limits(pattern="^[a-z]+$").broken("A1") == "String should match pattern '^[a-z]+$'"
    assert Limits(ge=0).broken(True) is None  # booleans are not numbers here
