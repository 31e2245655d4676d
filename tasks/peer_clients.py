"""Peer clients: what a team gets from generated/openapi.json with the ecosystem's generators.

`nox -s peer_clients` generates a client with openapi-python-client and one with openapi-generator
(`python`), then runs the same scenario with each against the conformance server: create, get, list
with a label filter, start, migrate and poll to completion, snapshot, a 404 and a 401 each decoded as
the typed error body. Any failure fails the session.

The scenario half of this module runs inside the session's venv (`python -m tasks.peer_clients`),
where the generated packages are on the path; nox itself is imported only for type checking.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import nox

ROOT = Path(__file__).resolve().parent.parent
OPENAPI = ROOT / "generated" / "openapi.json"
CONFIG = ROOT / "tools" / "peer_clients" / "openapi-python-client.yaml"
GENERATORS = ["openapi-python-client==0.29.1", "openapi-generator-cli==7.26.0"]
# The generated clients' runtime dependencies, pinned (the packages are put on the path, not installed).
RUNTIME = [
    "httpx==0.28.1",
    "attrs==26.1.0",
    "python-dateutil==2.9.0.post0",
    "pydantic==2.14.4",
    "typing-extensions==4.16.0",
    "urllib3==2.8.0",
]
OPC_PACKAGE = "peer_opc"
OG_PACKAGE = "peer_og"
TARGET_NODE = "target-node"  # a node of the server's default cluster (docs/server.md)
GIB = 1024**3
POLL_S = 0.02
DEADLINE_S = 30.0


def run(session: nox.Session) -> None:
    """Generates both clients into a temporary folder and runs the scenario with each."""
    from tasks import server as server_tasks

    session.install(*GENERATORS, *RUNTIME)
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch)
        session.run(
            "openapi-python-client", "generate", "--path", str(OPENAPI), "--config", str(CONFIG),
            "--output-path", str(out / OPC_PACKAGE), "--meta", "none", "--fail-on-warning",
        )  # fmt: skip
        session.run(
            "openapi-generator-cli", "generate", "-i", str(OPENAPI), "-g", "python", "-o", str(out / "og"),
            "--package-name", OG_PACKAGE,
            "--global-property", "apiTests=false,modelTests=false,apiDocs=false,modelDocs=false",
        )  # fmt: skip
        path = os.pathsep.join([str(ROOT), str(out), str(out / "og")])
        with server_tasks.running_server(session, conformance=False, clock_speed=1000.0) as server:
            for client in ("opc", "og"):
                session.run(
                    "python", "-m", "tasks.peer_clients", client, "--base-url", server.base_url,
                    "--api-key", server.api_key, env={"PYTHONPATH": path},
                )  # fmt: skip


def _wait(what: str, probe: Callable[[], Any], done: Callable[[Any], bool]) -> Any:
    deadline = time.monotonic() + DEADLINE_S
    while True:
        value = probe()
        if done(value):
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: still {value!r} after {DEADLINE_S} s")
        time.sleep(POLL_S)


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise AssertionError(message)


def scenario_opc(base_url: str, api_key: str) -> list[str]:
    """The scenario with the openapi-python-client client; returns the steps it passed."""
    import importlib

    pkg = importlib.import_module(OPC_PACKAGE)
    models = importlib.import_module(f"{OPC_PACKAGE}.models")

    def op(name: str) -> Any:
        return importlib.import_module(f"{OPC_PACKAGE}.api.vm.vm_{name}")

    client = pkg.AuthenticatedClient(base_url=base_url, token=api_key)
    steps: list[str] = []
    labels = models.VMConfigLabels.from_dict({"peer": "opc", "team": "a"})
    config = models.VMConfig(name="peer-opc", memory=GIB, cpus=1, labels=labels)
    created = op("create").sync_detailed(client=client, body=config)
    _check(created.status_code == 201 and isinstance(created.parsed, models.VM), f"create: {created}")
    vm_id = created.parsed.id
    steps.append("create")

    def state() -> str:
        got = op("get").sync_detailed(vm_id, client=client)
        _check(got.status_code == 200 and isinstance(got.parsed, models.VM), f"get: {got}")
        return str(got.parsed.state.value)

    _wait("provisioned", state, lambda s: s == "stopped")
    steps.append("get")
    listed = op("list").sync_detailed(client=client, labels=["peer=opc", "team=a"])
    _check(listed.status_code == 200 and [v.id for v in listed.parsed.vms] == [vm_id], f"list: {listed}")
    other = op("list").sync_detailed(client=client, labels=["peer=og"])
    _check(vm_id not in [v.id for v in other.parsed.vms], "list: the label filter let another VM through")
    steps.append("list with label filter")
    started = op("start").sync_detailed(vm_id, client=client)
    _check(started.status_code == 200, f"start: {started}")
    _wait("running", state, lambda s: s == "running")
    steps.append("start")
    migration = op("migrate").sync_detailed(
        vm_id, client=client, body=models.MigrateRequest(target_node=TARGET_NODE), idempotency_key="peer-opc-1"
    )
    _check(migration.status_code == 202 and isinstance(migration.parsed, models.MigrationStatus), f"{migration}")
    status = op("get_migration_status")

    def progress() -> Any:
        got = status.sync_detailed(migration.parsed.id, client=client)
        _check(got.status_code == 200, f"get_migration_status: {got}")
        return got.parsed

    final = _wait("migration", progress, lambda s: s.state.value in ("completed", "failed", "cancelled"))
    _check(final.state.value == "completed", f"migration ended {final.state.value}: {final.error}")
    moved = op("get").sync_detailed(vm_id, client=client).parsed
    _check(moved.node == TARGET_NODE, f"migrate: the VM is on {moved.node}")
    steps.append("migrate and poll to completion")
    snap = op("snapshot").sync_detailed(vm_id, client=client, body=models.SnapshotRequest(name="peer-snap"))
    _check(snap.status_code == 201 and isinstance(snap.parsed, models.Snapshot), f"snapshot: {snap}")
    _check(snap.parsed.vm_id == vm_id, "snapshot: wrong VM")
    steps.append("snapshot")
    return steps + _opc_errors(base_url, client, vm_id)


def _opc_errors(base_url: str, client: Any, vm_id: str) -> list[str]:
    """A 404 and a 401 with the openapi-python-client client, each decoded as the typed error body."""
    import importlib

    pkg = importlib.import_module(OPC_PACKAGE)
    models = importlib.import_module(f"{OPC_PACKAGE}.models")
    get = importlib.import_module(f"{OPC_PACKAGE}.api.vm.vm_get")
    missing = get.sync_detailed("vm-does-not-exist", client=client)
    _check(missing.status_code == 404 and isinstance(missing.parsed, models.ErrorBody), f"404: {missing}")
    _check(missing.parsed.error.code == "vm_not_found" and not missing.parsed.error.retryable, f"404: {missing}")
    denied = get.sync_detailed(vm_id, client=pkg.Client(base_url=base_url))
    _check(denied.status_code == 401 and isinstance(denied.parsed, models.ErrorBody), f"401: {denied}")
    _check(denied.parsed.error.code == "unauthenticated", f"401: {denied}")
    return ["404 as ErrorBody", "401 as ErrorBody"]


def scenario_og(base_url: str, api_key: str) -> list[str]:
    """The scenario with the openapi-generator client; returns the steps it passed."""
    import importlib

    og = importlib.import_module(OG_PACKAGE)
    exceptions = importlib.import_module(f"{OG_PACKAGE}.exceptions")
    conf = og.Configuration(host=base_url, access_token=api_key)
    steps: list[str] = []
    with og.ApiClient(conf) as api_client:
        vms = og.VmApi(api_client)
        config = og.VMConfig(name="peer-og", memory=GIB, cpus=1, labels={"peer": "og", "team": "b"})
        vm = vms.vm_create(config)
        _check(isinstance(vm, og.VM) and vm.state == og.VMState.CREATING, f"create: {vm}")
        steps.append("create")
        _wait("provisioned", lambda: vms.vm_get(vm.id).state, lambda s: s == og.VMState.STOPPED)
        steps.append("get")
        listed = vms.vm_list(labels=["peer=og", "team=b"])
        _check([v.id for v in listed.vms] == [vm.id], f"list: {listed}")
        _check(vm.id not in [v.id for v in vms.vm_list(labels=["peer=og", "team=a"]).vms], "list: filter ignored")
        steps.append("list with label filter")
        vms.vm_start(vm.id)
        _wait("running", lambda: vms.vm_get(vm.id).state, lambda s: s == og.VMState.RUNNING)
        steps.append("start")
        migration = vms.vm_migrate(vm.id, og.MigrateRequest(target_node=TARGET_NODE), idempotency_key="peer-og-1")
        done = (og.MigrationState.COMPLETED, og.MigrationState.FAILED, og.MigrationState.CANCELLED)
        final = _wait("migration", lambda: vms.vm_get_migration_status(migration.id), lambda s: s.state in done)
        _check(final.state == og.MigrationState.COMPLETED, f"migration ended {final.state}: {final.error}")
        _check(vms.vm_get(vm.id).node == TARGET_NODE, "migrate: the VM did not move")
        steps.append("migrate and poll to completion")
        snap = vms.vm_snapshot(vm.id, og.SnapshotRequest(name="peer-snap"))
        _check(isinstance(snap, og.Snapshot) and snap.vm_id == vm.id, f"snapshot: {snap}")
        steps.append("snapshot")
        try:
            vms.vm_get("vm-does-not-exist")
            raise AssertionError("404: no exception")
        except exceptions.NotFoundException as error:
            _check(isinstance(error.data, og.ErrorBody) and error.data.error.code == "vm_not_found", f"404: {error}")
        steps.append("404 as ErrorBody")
    with og.ApiClient(og.Configuration(host=base_url)) as anonymous:
        try:
            og.VmApi(anonymous).vm_get(vm.id)
            raise AssertionError("401: no exception")
        except exceptions.UnauthorizedException as error:
            _check(isinstance(error.data, og.ErrorBody) and error.data.error.code == "unauthenticated", f"{error}")
        steps.append("401 as ErrorBody")
    return steps


def main() -> int:
    """Runs one client's scenario; prints each step and a closing `N passed, N failed` line."""
    parser = argparse.ArgumentParser(prog="python -m tasks.peer_clients")
    parser.add_argument("client", choices=["opc", "og"])
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--api-key", required=True)
    args = parser.parse_args()
    scenario = scenario_opc if args.client == "opc" else scenario_og
    try:
        steps = scenario(args.base_url, args.api_key)
    except Exception as error:
        print(f"peer client {args.client}: FAILED: {type(error).__name__}: {error}")
        return 1
    for step in steps:
        print(f"{args.client}: ok {step}")
    print(f"peer client {args.client}: all {len(steps)} steps passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
