"""Fixtures: one conformance-mode server per test session, reset before every test."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any

import pytest

from conformance.server.testing import RunningServer, start_server
from tests.server.client import Api


@pytest.fixture(scope="session")
def server() -> Iterator[RunningServer]:
    """A server on a free port, conformance mode, clock x1000."""
    running = start_server(python=sys.executable, clock_speed=1000.0)
    yield running
    running.stop()


@pytest.fixture
def api(server: RunningServer) -> Api:
    """A client for a freshly reset server."""
    client = Api(server)
    client.control("/reset", {})
    return client


@pytest.fixture
def reset(api: Api) -> Any:
    """reset(**settings): resets again with settings (slower clock, small cluster, ...)."""

    def apply(**settings: Any) -> Any:
        return api.control("/reset", settings)

    return apply
