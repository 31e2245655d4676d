"""The release artifacts under test come from `nox -s release`, which passes --dist-dir."""

from __future__ import annotations

from pathlib import Path

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    """--dist-dir: the folder `nox -s release` built."""
    parser.addoption("--dist-dir", type=Path, required=True, help="dist/ folder built by nox -s release")


@pytest.fixture(scope="session")
def dist(request: pytest.FixtureRequest) -> Path:
    """The dist/ folder."""
    path: Path = request.config.getoption("--dist-dir")
    return path.resolve()
