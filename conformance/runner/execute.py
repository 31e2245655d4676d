"""Runs one case: reset the server, build clients, run the steps, check faults were all consumed."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from conformance.runner import steps
from conformance.runner.cases import Case
from conformance.runner.control import Control, ControlError, Server
from conformance.runner.driver import Driver, DriverError
from conformance.runner.insight import KINDS as REPORTS
from conformance.runner.insight import secrets_in
from conformance.runner.templating import TemplateError, render

BASE_CONFIG = {"connect_timeout": 2000, "request_timeout": 5000, "retry_backoff": 10}
DEFAULT_RESET = {"seed": 1, "heartbeat_ms": 100}  # short heartbeats: the server notices closed streams quickly


class CaseFailure(AssertionError):
    """The SDK (through its driver) did not behave as the case expects."""


@dataclass
class Suite:
    """What stays up across cases: the driver and the servers."""

    start_driver: Callable[[], Driver]
    plain: Server
    tls: Server | None = None
    clock_speed: float = 1000.0
    timeout_s: float = 20.0
    driver: Driver | None = None
    runs: int = 0
    language: str = ""
    bad_tls: Any = None  # badtls.BadTls, started by the first case that names ${bad_tls...}

    def live_driver(self) -> Driver:
        """The driver, restarted when a previous case killed or crashed it."""
        if self.driver is None or not self.driver.alive:
            if self.driver is not None:
                self.driver.close()
            self.driver = self.start_driver()
        return self.driver

    def bad_tls_variables(self) -> dict[str, Any]:
        """`${bad_tls...}`: the listeners with an expired and a wrongly named certificate (started once)."""
        if self.bad_tls is None:
            from conformance.runner import badtls

            self.bad_tls = badtls.start()
        return dict(self.bad_tls.variables())

    def close(self) -> None:
        """Stops what the suite started itself (the driver, the bad-certificate listeners)."""
        if self.driver is not None:
            self.driver.close()
        if self.bad_tls is not None:
            self.bad_tls.close()
            self.bad_tls = None

    def server_for(self, case: Case) -> Server:
        """The server a case talks to."""
        if case.data.get("server") == "tls":
            if self.tls is None:
                raise CaseFailure("this case needs the TLS server, and the runner was given none (--tls-server)")
            return self.tls
        return self.plain


@dataclass
class Run:
    """State of one case while it runs."""

    case: Case
    suite: Suite
    driver: Driver
    server: Server
    control: Control
    variables: dict[str, Any] = field(default_factory=dict)
    clients: dict[str, str] = field(default_factory=dict)
    streams: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    timeout_s: float = 20.0
    secrets: frozenset[str] = frozenset()
    marks: dict[tuple[str, str], int] = field(default_factory=dict)
    stream_marks: dict[str, int] = field(default_factory=dict)  # journal length when a stream opened

    def client(self, name: str | None) -> str:
        """The driver-side name of a case's client."""
        return self.clients[name or "default"]

    def stream(self, name: str) -> str:
        """The driver-side name of a case's stream."""
        return f"{name}@{self.suite.runs}"

    def request(self, cmd: str, timeout: float, **fields: Any) -> dict[str, Any]:
        """One driver command; a reply that contains the API key of any client of the case fails the case."""
        reply = self.driver.request(cmd, timeout, **fields)
        leaks = secrets_in(reply, self.secrets)
        if leaks:
            where = ", ".join(leaks[:10])
            raise CaseFailure(
                f"the reply to {cmd!r} contains a client's API key (at {where}); it must never leave the SDK"
            )
        return reply


def run_case(case: Case, suite: Suite) -> None:
    """Runs a case to the end; raises CaseFailure with every detail needed to debug it."""
    suite.runs += 1
    server = suite.server_for(case)
    run = Run(case, suite, suite.live_driver(), server, Control(server))
    run.timeout_s = float(case.data.get("timeout_s", suite.timeout_s))
    run.variables.update(_builtins(suite, server))
    if "${bad_tls" in json.dumps(case.data):
        run.variables["bad_tls"] = suite.bad_tls_variables()
    try:
        run.control.reset({**DEFAULT_RESET, "clock_speed": suite.clock_speed, **case.data.get("reset", {})})
        _make_clients(run)
        for index, step in enumerate(case.data["steps"], start=1):
            _run_step(run, index, step)
        _check_faults_consumed(run)
    except DriverError as exc:
        raise CaseFailure(f"driver: {exc}") from None
    finally:
        _cleanup(run)


def _builtins(suite: Suite, server: Server) -> dict[str, Any]:
    """Variables every case may use: where the servers are and the key they accept."""
    values: dict[str, Any] = {"host": server.host, "port": server.port, "api_key": server.api_key}
    values["language"] = suite.language
    values["plain_port"] = suite.plain.port
    if suite.tls is not None:
        values.update(tls_host=suite.tls.host, tls_port=suite.tls.port, ca_file=suite.tls.ca_file)
    return values


def client_config(server: Server, overrides: dict[str, Any]) -> dict[str, Any]:
    """The runner's base config for a server with a case's overrides (null removes a setting)."""
    config: dict[str, Any] = {"address": server.host, "port": server.port, "api_key": server.api_key, **BASE_CONFIG}
    if server.ca_file:
        config.update(tls_enabled=True, ca_file=server.ca_file)
    for key, value in overrides.items():
        if value is None:
            config.pop(key, None)
        else:
            config[key] = value
    return config


def _make_clients(run: Run) -> None:
    """Builds every declared client, connecting those that ask for it (the default)."""
    declared = run.case.data.get("clients", {"default": {}})
    configs = {
        name: client_config(run.server, render(spec.get("config", {}), run.variables))
        for name, spec in declared.items()
    }
    # Every key handed to the driver is a secret no reply may contain (a deliberately wrong key too).
    run.secrets = frozenset(str(c["api_key"]) for c in configs.values() if c.get("api_key"))
    reports = any(kind in step for step in run.case.data["steps"] for kind in REPORTS)
    for name, spec in declared.items():
        run.clients[name] = f"{name}@{run.suite.runs}"
        if reports:  # what a client reports is compared with the attempts journalled since it was built
            seq = max([0, *(int(e.get("seq") or 0) for e in run.control.journal())])
            run.marks.update({(kind, name): seq for kind in REPORTS})
        reply = run.request("new_client", run.timeout_s, client=run.clients[name], config=configs[name])
        if "expect" in spec:  # a config the SDK must refuse (or accept) when the client is built
            problems = steps.check_reply(render(spec["expect"], run.variables), reply)
            if problems:
                raise CaseFailure(f"client {name}: " + "\n  ".join(problems))
            continue
        try:
            steps.expect_ok(reply)
            if spec.get("connect", True):
                steps.expect_ok(run.request("connect", run.timeout_s, client=run.clients[name]))
        except steps.StepError as exc:
            raise CaseFailure(f"client {name}: {exc}") from None


def _run_step(run: Run, index: int, step: dict[str, Any]) -> None:
    """Runs one step, turning its problems into a CaseFailure that names the step."""
    action = next(key for key in step if key in steps.ACTIONS)
    try:
        problems = steps.ACTIONS[action](run, step)
    except (steps.StepError, TemplateError, ControlError) as exc:
        problems = [str(exc)]
    if problems:
        note = f" [{step['note']}]" if "note" in step else ""
        detail = "\n  ".join(problems)
        raise CaseFailure(f"step {index} ({action} {_label(step[action])}){note}:\n  {detail}")


def _label(value: Any) -> str:
    """A short label of a step's action value."""
    text = value if isinstance(value, str) else repr(value)
    return text[:80]


def _check_faults_consumed(run: Run) -> None:
    """A scripted fault left unconsumed (the server's list) fails the case."""
    left = run.control.unconsumed()
    if left:
        raise CaseFailure(f"scripted faults never consumed: {left}")


def _cleanup(run: Run) -> None:
    """Closes the case's streams and disconnects its clients; errors here are ignored."""
    if not run.driver.alive:
        return
    deadline = time.monotonic() + 10
    try:
        for name in run.streams:
            run.driver.request("stream_close", 5, stream=run.stream(name))
        for client in run.clients.values():
            if time.monotonic() < deadline:
                run.driver.request("disconnect", 5, client=client)
    except DriverError:
        run.driver.kill()
