"""pytest plugin of the conformance runner: options, the shared driver and servers, results."""

from __future__ import annotations

import contextlib
import json
import shlex
from pathlib import Path
from typing import Any

import pytest

from conformance.runner import results
from conformance.runner.cases import CASES, Case, applies_to, load_all
from conformance.runner.control import Server
from conformance.runner.driver import Driver, hello
from conformance.runner.execute import Suite

OUTCOMES = pytest.StashKey[dict[str, str]]()
HELLO = pytest.StashKey[dict[str, Any]]()
CASE_LIST = pytest.StashKey[list[Case]]()
KNOWN = pytest.StashKey[dict[str, str]]()


def pytest_addoption(parser: pytest.Parser) -> None:
    """The runner's command-line options."""
    group = parser.getgroup("conformance")
    group.addoption("--lang", help="language under test (names results and known-failing files)")
    group.addoption("--driver", help="driver argv as a JSON list or a shell-quoted string")
    group.addoption("--server", help="plain conformance server as host:port (default: start one, and a TLS one)")
    group.addoption("--tls-server", help="TLS conformance server as host:port (needs --ca-file)")
    group.addoption("--ca-file", help="PEM of the CA that signed the TLS server's certificate")
    group.addoption("--api-key", default="test-key", help="API key the servers accept")
    group.addoption("--clock-speed", type=float, default=1000.0, help="server clock speed set on every reset")
    group.addoption("--cases", default=str(CASES), help="folder of <area>/<name>.yaml cases")
    group.addoption("--known-failing", help="known-failing file (default conformance/known-failing/<lang>.txt)")
    group.addoption("--results", help="write the results JSON here")
    group.addoption("--first", default="", help="comma-separated case ids to run before the others")


def pytest_configure(config: pytest.Config) -> None:
    """Loads the cases and the known-failing list up front; a bad file stops the run."""
    if not config.getoption("lang"):
        return
    language = config.getoption("lang")
    cases = [c for c in load_all(Path(config.getoption("cases"))) if applies_to(c, language)]
    first = set(filter(None, config.getoption("first").split(",")))
    cases.sort(key=lambda c: c.id not in first)  # stable: the named cases lead, each group keeps its order
    config.stash[CASE_LIST] = cases
    config.stash[OUTCOMES] = {}
    known = config.getoption("known_failing") or results.KNOWN_FAILING / f"{config.getoption('lang')}.txt"
    try:
        config.stash[KNOWN] = results.read_known_failing(Path(known), {c.id for c in cases})
    except results.KnownFailingError as exc:
        raise pytest.UsageError(str(exc)) from None


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """One test per case, with the case id as the test id."""
    if "case" in metafunc.fixturenames:
        cases = metafunc.config.stash.get(CASE_LIST, [])
        metafunc.parametrize("case", cases, ids=[c.id for c in cases])


def _address(text: str) -> tuple[str, int]:
    """host:port."""
    host, _, port = text.rpartition(":")
    return host.strip("[]"), int(port)


def _argv(text: str) -> list[str]:
    """A driver command from JSON or shell syntax."""
    return list(json.loads(text)) if text.lstrip().startswith("[") else shlex.split(text)


@pytest.fixture(scope="session")
def suite(request: pytest.FixtureRequest) -> Any:
    """The driver (started once, restarted after a crash) and the servers."""
    config = request.config
    if not config.getoption("driver"):
        raise pytest.UsageError("the conformance runner needs --lang and --driver")
    with contextlib.ExitStack() as stack:
        plain, tls = _servers(config, stack)
        argv = _argv(config.getoption("driver"))
        clock = config.getoption("clock_speed")
        state = Suite(start_driver=lambda: Driver(argv), plain=plain, tls=tls, clock_speed=clock)
        state.language = config.getoption("lang")
        stack.callback(state.close)
        config.stash[HELLO] = hello(state.live_driver())
        yield state


def _servers(config: pytest.Config, stack: contextlib.ExitStack) -> tuple[Server, Server | None]:
    """The servers given on the command line, or a plain and a TLS one started here."""
    key = config.getoption("api_key")
    if config.getoption("server"):
        tls = None
        if config.getoption("tls_server"):
            tls = Server(*_address(config.getoption("tls_server")), key, config.getoption("ca_file"))
        return Server(*_address(config.getoption("server")), key), tls
    from conformance.server.testing import serve

    speed = config.getoption("clock_speed")
    plain = stack.enter_context(serve(api_key=key, clock_speed=speed))
    secure = stack.enter_context(serve(api_key=key, clock_speed=speed, tls=True))
    return Server(plain.host, plain.port, key), Server(secure.host, secure.port, key, secure.ca_file)


@pytest.fixture
def known(request: pytest.FixtureRequest) -> dict[str, str]:
    """The language's known-failing cases with their reasons."""
    return request.config.stash.get(KNOWN, {})


@pytest.fixture
def outcomes(request: pytest.FixtureRequest) -> dict[str, str]:
    """Outcome per case id, filled as cases run."""
    return request.config.stash[OUTCOMES]


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Writes the results JSON when asked to."""
    config = session.config
    target = config.getoption("results", None)
    if not target or OUTCOMES not in config.stash:
        return
    version = str(config.stash.get(HELLO, {}).get("sdk_version", "unknown"))
    document = results.build(config.getoption("lang"), version, config.stash[CASE_LIST], config.stash[OUTCOMES])
    results.write(Path(target), document)
