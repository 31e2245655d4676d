"""The chaos soak (issue 17): a seeded random mix of operations through ONE client of one driver, while
the server injects seeded random faults (503s, resets before and after commit, delays, stream breaks).

Everything random comes from `random.Random(seed)` and the calls run one at a time, so a failing seed
replays the same operations and faults in the same order. The invariants are checked at the end
against what the server holds (its VMs, event logs, journal and connection counts):

- `one_vm_per_key`: every idempotency key the journal saw on vm.create made at most one VM (one per
  logical create), and a create the client saw succeed made exactly one, with the id it returned;
- `stream_events`: every watch delivered each event of the server's log exactly once, in order
  (ids strictly increase, none missing up to the last one delivered), across its reconnects;
- `typed_errors`: every error the driver reported has a catalogue category (never `Crash`);
- `consistent_vms`: after the soak every VM the server holds is in a settled state, the client's
  view (vm.get) agrees with the server's, and every VM the client destroyed is gone;
- `connections`: the server never saw more connections open at once than `max_streams` (plus the
  soak's own control connection), and none of the client's is left open after it disconnects.
"""

from __future__ import annotations

import itertools
import json
import random
import time
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from conformance.runner.control import Control, Server
from conformance.runner.driver import Driver, hello

CATEGORIES = frozenset(
    {
        "ConnectionError",
        "NotConnectedError",
        "AuthenticationError",
        "VMNotFoundError",
        "TimeoutError",
        "InvalidOperationError",
        "ValidationError",
        "ResourceLimitError",
        "MigrationError",
        "InternalError",
        "HookError",
        "WaiterError",
        "DWCPError",
        "Cancelled",
    }
)
SETTLED = frozenset({"stopped", "running", "error"})
MAX_STREAMS = 4
CLIENT = "chaos"
# Weights of the operations (a create is what the invariants are about, so it comes often).
WEIGHTS = {
    "vm.create": 4,
    "vm.create_again": 1,
    "vm.get": 3,
    "vm.list": 2,
    "vm.start": 3,
    "vm.stop": 3,
    "vm.snapshot": 1,
    "vm.destroy": 1,
    "vm.watch": 3,
    "vm.follow": 2,
    "call_many": 1,
}
FAULT_RATE = 0.35
CONFIG = {"memory": 1073741824, "cpus": 1, "disk": 10737418240, "image": "img"}


@dataclass
class Soak:
    """One soak's state: what the client did and saw."""

    driver: Driver
    control: Control
    server: Server
    seed: int
    ops: int
    rng: random.Random = field(init=False)
    vms: dict[str, str] = field(default_factory=dict)  # name -> id the client was given
    created_args: dict[str, dict[str, Any]] = field(default_factory=dict)
    destroyed: set[str] = field(default_factory=set)
    counts: Counter[str] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)
    faults: Counter[str] = field(default_factory=Counter)
    violations: list[str] = field(default_factory=list)
    streams: int = 0

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)

    # --- driving ---------------------------------------------------------------------------------

    def call(self, op: str, args: dict[str, Any], label: str | None = None) -> dict[str, Any]:
        reply = self.driver.request("call", 60.0, client=CLIENT, op=op, args=args)
        self.note(label or op, reply)
        return reply

    def note(self, label: str, reply: dict[str, Any]) -> None:
        if reply.get("ok"):
            self.counts[f"{label} ok"] += 1
            return
        error = reply.get("error") or {}
        category = error.get("category")
        self.counts[f"{label} error"] += 1
        self.errors[f"{category}/{error.get('code')}"] += 1
        if category not in CATEGORIES:
            self.violations.append(f"typed_errors: {label} ended with {category}: {str(error.get('message'))[:300]}")

    def fault_for(self, op: str) -> None:
        """With FAULT_RATE, scripts one random fault for the next attempt(s) of `op`."""
        if self.rng.random() >= FAULT_RATE:
            return
        if op == "vm.watch":
            choice = self.rng.choice(["break", "break", "503", "reset_after"])
            options: dict[str, dict[str, Any]] = {
                "break": {"stream_break_after": self.rng.randint(0, 3), "times": self.rng.randint(1, 2)},
                "503": {"status": 503, "times": 1},
                "reset_after": {"reset": "after", "times": 1},
            }
        else:
            choice = self.rng.choice(["503", "503", "429", "reset_before", "reset_after", "reset_after", "delay"])
            options = {
                # Up to 5 in a row: more than the 3 retries, so some calls end in a typed error.
                "503": {"status": 503, "times": self.rng.randint(1, 5)},
                "429": {"status": 429, "retry_after_ms": self.rng.choice([5, 30]), "times": self.rng.randint(1, 2)},
                "reset_before": {"reset": "before", "times": 1},
                "reset_after": {"reset": "after", "times": 1},
                "delay": {"delay_ms": self.rng.choice([20, 50, 120]), "times": 1},
            }
        fault = options[choice]
        self.faults[f"{op} {choice}"] += 1
        self.control.add_faults([{"op": op, **fault}])

    def pick_vm(self) -> tuple[str, str] | None:
        live = sorted((name, vm_id) for name, vm_id in self.vms.items() if vm_id not in self.destroyed)
        return self.rng.choice(live) if live else None

    def step(self, number: int) -> None:
        names = sorted(WEIGHTS)
        op = self.rng.choices(names, weights=[WEIGHTS[n] for n in names])[0]
        target = self.pick_vm()
        if op == "vm.create" or (target is None and op not in ("vm.list", "call_many")):
            name = f"chaos-{self.seed}-{number}"
            config: dict[str, Any] = {"config": {"name": name, **CONFIG, "labels": {"soak": "chaos"}}}
            self.fault_for("vm.create")
            reply = self.call("vm.create", config)
            self.created_args[name] = config
            if reply.get("ok"):
                self.vms[name] = reply["result"]["id"]
            return
        if op == "vm.create_again":
            # The same logical create again is a new call: a new key, so a second VM with that name
            # would be legitimate; instead re-read the first (the key's VM must still be one).
            assert target is not None
            self.call("vm.get", {"vm_id": target[1]}, "vm.get")
            return
        if op == "vm.list":
            self.fault_for("vm.list")
            self.call("vm.list", {"labels": {"soak": "chaos"}, "page_size": self.rng.choice([2, 5, 50])})
            return
        if op == "call_many":
            if self.control.unconsumed():
                return
            ids = sorted(v for v in self.vms.values() if v not in self.destroyed)[:4]
            calls = [{"op": "vm.get", "args": {"vm_id": i}} for i in ids] + [{"op": "vm.list", "args": {}}]
            reply = self.driver.request("call_many", 60.0, client=CLIENT, calls=calls)
            for item in (reply.get("result") or {}).get("results", []):
                self.note("call_many", item)
            return
        assert target is not None
        vm_id = target[1]
        if op == "vm.watch":
            self.watch(vm_id)
            return
        if op == "vm.follow":
            self.follow(vm_id)
            return
        args: dict[str, Any] = {"vm_id": vm_id}
        if op == "vm.stop":
            args["force"] = self.rng.random() < 0.5
        if op == "vm.snapshot":
            args["name"] = f"snap-{number}"
        self.fault_for(op)
        reply = self.call(op, args)
        if op == "vm.destroy" and reply.get("ok"):
            self.destroyed.add(vm_id)

    def watch(self, vm_id: str) -> None:
        """A follow=false watch read to its end; its ids are compared with the server's log."""
        self.fault_for("vm.watch")
        self.streams += 1
        name = f"w{self.streams}"
        opened = self.driver.request(
            "stream_open", 60.0, client=CLIENT, stream=name, op="vm.watch", args={"vm_id": vm_id, "follow": False}
        )
        if not opened.get("ok"):
            self.note("vm.watch", opened)
            return
        events: list[dict[str, Any]] = []
        error = None
        for _ in range(20):
            read = self.driver.request("stream_read", 60.0, stream=name, count=10_000, timeout_ms=3000)
            if not read.get("ok"):
                error = read
                break
            events += read["result"].get("events", [])
            if read["result"].get("error"):
                error = {"ok": False, "error": read["result"]["error"]}
                break
            if read["result"].get("done"):
                break
        self.driver.request("stream_close", 30.0, stream=name)
        self.note("vm.watch", error or {"ok": True})
        self.check_events(vm_id, [int(e["id"]) for e in events if e.get("type") != "gap"], error is not None)

    def follow(self, vm_id: str) -> None:
        """A follow watch: events injected while it is open must all arrive once, across its breaks."""
        self.fault_for("vm.watch")
        self.streams += 1
        name = f"f{self.streams}"
        opened = self.driver.request(
            "stream_open", 60.0, client=CLIENT, stream=name, op="vm.watch", args={"vm_id": vm_id}
        )
        if not opened.get("ok"):
            self.note("vm.follow", opened)
            return
        self.control.add_events(vm_id, self.rng.randint(5, 40))
        want = len(self.server_log(vm_id)) if not any(f["op"] == "vm.watch" for f in self.control.unconsumed()) else 0
        events: list[dict[str, Any]] = []
        error = None
        for _ in range(10):
            if want and len(events) >= want:
                break
            read = self.driver.request(
                "stream_read", 60.0, stream=name, count=max(1, want - len(events)), timeout_ms=2000
            )
            if not read.get("ok") or read["result"].get("error"):
                error = read if not read.get("ok") else {"ok": False, "error": read["result"]["error"]}
                break
            got = read["result"].get("events", [])
            events += got
            if read["result"].get("done") or not got:
                break
        self.driver.request("stream_close", 30.0, stream=name)
        self.note("vm.follow", error or {"ok": True})
        ids = [int(e["id"]) for e in events if e.get("type") != "gap"]
        if want and error is None and len(ids) < want:
            self.violations.append(f"stream_events: follow of {vm_id} delivered {len(ids)} of {want} events: {ids}")
        self.check_events(vm_id, ids, error is not None)

    def check_events(self, vm_id: str, ids: list[int], failed: bool) -> None:
        if any(b <= a for a, b in itertools.pairwise(ids)):
            self.violations.append(f"stream_events: watch of {vm_id} ids not strictly increasing: {ids}")
            return
        if not ids:
            return
        # The server's log (read straight from it, no fault left for vm.watch), up to the last id seen.
        if any(f["op"] == "vm.watch" for f in self.control.unconsumed()):
            self.counts["stream checks skipped"] += 1
            return
        logged = [i for i in self.server_log(vm_id) if i <= ids[-1]]
        self.counts["stream events checked"] += len(ids)
        if (not failed and logged != ids) or (failed and ids != logged[: len(ids)]):
            missing = sorted(set(logged) - set(ids))
            self.violations.append(f"stream_events: watch of {vm_id} missed {missing} (got {ids}, log {logged})")

    # --- the server's side ----------------------------------------------------------------------------

    def http(self, path: str, accept: str = "application/json") -> bytes:
        scheme = "https" if self.server.ca_file else "http"
        request = urllib.request.Request(f"{scheme}://{self.server.host}:{self.server.port}/v3{path}")
        request.add_header("Authorization", f"Bearer {self.server.api_key}")
        request.add_header("Accept", accept)
        with urllib.request.urlopen(request, timeout=10) as response:
            return bytes(response.read())

    def server_log(self, vm_id: str) -> list[int]:
        body = self.http(f"/vms/{vm_id}/events?follow=false", "text/event-stream").decode()
        return [int(line[4:]) for line in body.splitlines() if line.startswith("id: ")]

    def server_vms(self) -> list[dict[str, Any]]:
        vms: list[dict[str, Any]] = []
        token = ""
        while True:
            page = json.loads(self.http("/vms?page_size=100" + (f"&page_token={token}" if token else "")))
            vms += page["vms"]
            token = page.get("next_page_token") or ""
            if not token:
                return vms

    def check_end(self) -> None:
        """The invariants over what the server holds once the soak is over."""
        time.sleep(0.3)  # lets every transition settle (the clock runs fast)
        if self.control.unconsumed():
            # A fault left for an op the soak did not call again: consume nothing, just say so.
            self.counts["faults left unconsumed"] += len(self.control.unconsumed())
        server = {vm["id"]: vm for vm in self.server_vms()}
        by_name = Counter(vm["name"] for vm in server.values())
        self.check_keys(server, by_name)
        for vm_id, vm in sorted(server.items()):
            if vm["state"] not in SETTLED:
                self.violations.append(f"consistent_vms: {vm_id} is still {vm['state']} after the soak")
        for name, vm_id in sorted(self.vms.items()):
            if vm_id in self.destroyed:
                if vm_id in server:
                    self.violations.append(f"consistent_vms: {vm_id} ({name}) was destroyed but the server has it")
                continue
            reply = self.driver.request("call", 60.0, client=CLIENT, op="vm.get", args={"vm_id": vm_id})
            self.counts["vms checked"] += 1
            mine = reply.get("result") or {}
            theirs = server.get(vm_id)
            if theirs is None:
                # A destroy whose answer was lost (reset after commit) may have removed it: fine only if
                # the client did try to destroy it; the journal tells.
                if not self.destroy_attempted(vm_id):
                    self.violations.append(f"consistent_vms: {vm_id} ({name}) vanished from the server")
            elif not reply.get("ok") or mine.get("state") != theirs["state"]:
                seen = mine.get("state") or reply.get("error")
                self.violations.append(f"consistent_vms: {vm_id} client sees {seen}, server {theirs['state']}")

    def destroy_attempted(self, vm_id: str) -> bool:
        return any(e.get("path", "").endswith(f"/vms/{vm_id}") for e in self.control.journal("vm.destroy"))

    def check_keys(self, server: dict[str, dict[str, Any]], by_name: Counter[str]) -> None:
        for name, count in sorted(by_name.items()):
            if count > 1:
                self.violations.append(f"one_vm_per_key: {count} VMs named {name} (one logical create)")
        keys: dict[str, set[str]] = {}
        for entry in self.control.journal("vm.create"):
            keys.setdefault(str(entry.get("request_id")), set()).add(str(entry.get("idempotency_key")))
        for request_id, seen in sorted(keys.items()):
            if len(seen) != 1 or "None" in seen:
                self.violations.append(f"one_vm_per_key: create {request_id} sent keys {sorted(seen)}")
        names = {vm["name"]: vm_id for vm_id, vm in server.items()}
        for name, vm_id in sorted(self.vms.items()):
            if vm_id not in self.destroyed and names.get(name, vm_id) != vm_id:
                self.violations.append(
                    f"one_vm_per_key: {name} is {names.get(name)} on the server, {vm_id} for the client"
                )

    def check_connections(self, phase: str) -> None:
        counts = self.control.connections()
        # The soak's own control request holds one connection while it is answered.
        if counts["max_open"] > MAX_STREAMS + 1:
            self.violations.append(f"connections: {counts['max_open']} open at once (max_streams {MAX_STREAMS})")
        if phase == "after" and counts["open"] > 1:
            self.violations.append(f"connections: {counts['open'] - 1} still open after disconnect")


def run(driver: Driver, server: Server, language: str, seed: int, ops: int) -> dict[str, Any]:
    """Runs one soak and returns its deterministic report (no times)."""
    control = Control(server)
    info = hello(driver)
    control.reset({"seed": seed, "clock_speed": 100_000, "heartbeat_ms": 100, "event_retention": 100_000})
    config = {
        "address": server.host,
        "port": server.port,
        "api_key": server.api_key,
        "connect_timeout": 2000,
        "request_timeout": 5000,
        "retry_attempts": 3,
        "retry_backoff": 5,
        "jitter": 1.0,
        "max_streams": MAX_STREAMS,
    }
    soak = Soak(driver, control, server, seed, ops)
    driver.result("new_client", 30.0, client=CLIENT, config=config)
    driver.result("connect", 30.0, client=CLIENT)
    for number in range(ops):
        soak.step(number)
    soak.check_end()
    soak.check_connections("during")
    driver.request("disconnect", 30.0, client=CLIENT)
    time.sleep(0.3)
    soak.check_connections("after")
    return {
        "language": language,
        "sdk_version": info.get("sdk_version"),
        "seed": seed,
        "ops": ops,
        "counts": dict(sorted(soak.counts.items())),
        "errors": dict(sorted(soak.errors.items())),
        "faults": dict(sorted(soak.faults.items())),
        "vms_created": len(soak.vms),
        "violations": soak.violations,
    }
