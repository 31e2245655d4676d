"""Fixtures of the runner's own tests: the fake driver and the fake control API."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from conformance.runner.control import Server
from conformance.runner.driver import Driver
from conformance.runner.execute import Suite
from tests.conformance.fake_server import FakeControl

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
DRIVER = [sys.executable, str(HERE / "fake_driver.py")]


@pytest.fixture
def fake_control() -> Iterator[FakeControl]:
    """A running fake control API."""
    fake = FakeControl()
    yield fake
    fake.stop()


@pytest.fixture
def suite(fake_control: FakeControl) -> Iterator[Suite]:
    """A runner suite over the fake driver and fake control API."""
    host, port = fake_control.address.split(":")
    state = Suite(
        start_driver=lambda: Driver(DRIVER), plain=Server(host, int(port), "fake-secret-key-0001"), language="fake"
    )
    yield state
    if state.driver is not None:
        state.driver.close()
