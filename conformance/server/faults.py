"""Scripted faults per operation, in the style of failpoints: skip the first attempts, then act `times`."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

from conformance.server import wire

ACTIONS = ("status", "delay_ms", "reset", "body", "stream_break_after", "vm_state")
_ids = itertools.count(1)

# The wire faults of issue 17 (conformance/server/wire.py) add their own actions.
ACTIONS += wire.ACTIONS


@dataclass
class Fault:
    """One scripted fault and how many attempts of its operation it has seen and hit."""

    op: str
    times: int
    skip: int
    action: dict[str, Any]
    id: str = field(default_factory=lambda: f"fault-{next(_ids)}")
    seen: int = 0
    hits: int = 0

    def wire(self) -> dict[str, Any]:
        """The fault as scripted, with its id and remaining count."""
        left = -1 if self.times == -1 else self.times - self.hits
        return {"id": self.id, "op": self.op, "times": self.times, "skip": self.skip, "left": left, **self.action}


def parse(raw: Any, known_ops: set[str]) -> Fault:
    """A Fault from its JSON form, or ValueError naming the problem."""
    if not isinstance(raw, dict):
        raise ValueError("a fault must be an object")
    op = raw.get("op")
    if op not in known_ops and op != "*":
        raise ValueError(f"unknown op {op!r}")
    times, skip = raw.get("times", 1), raw.get("skip", 0)
    if not isinstance(times, int) or times == 0 or times < -1 or not isinstance(skip, int) or skip < 0:
        raise ValueError("times must be -1 or >= 1, skip >= 0")
    action = {k: v for k, v in raw.items() if k not in ("op", "times", "skip")}
    kinds = [k for k in action if k in ACTIONS]
    if wire.PADDED_SUCCESS in action and "status" not in action:
        kinds.append(wire.PADDED_SUCCESS)  # alone, body_bytes pads a success body
    if len(kinds) != 1:
        raise ValueError(f"a fault needs exactly one action of {(*ACTIONS, wire.PADDED_SUCCESS)}")
    _check_action(action)
    return Fault(op, times, skip, action)


def _check_action(action: dict[str, Any]) -> None:
    if "status" in action and not (isinstance(action["status"], int) and 400 <= action["status"] <= 599):
        raise ValueError("status must be a 4xx or 5xx integer")
    if "reset" in action and action["reset"] not in ("before", "after"):
        raise ValueError("reset must be 'before' or 'after'")
    wire.check(action)
    for key in ("delay_ms", "stream_break_after", "retry_after_ms"):
        if key in action and (not isinstance(action[key], int) or action[key] < 0):
            raise ValueError(f"{key} must be a non-negative integer")


class Faults:
    """The scripted faults, matched against each attempt of an operation."""

    def __init__(self) -> None:
        self.faults: list[Fault] = []

    def add(self, faults: list[Fault]) -> list[str]:
        """Scripts more faults; returns their ids."""
        self.faults.extend(faults)
        return [f.id for f in faults]

    def take(self, op: str) -> Fault | None:
        """The fault that applies to this attempt of `op` (the first one scripted wins)."""
        chosen = None
        for fault in self.faults:
            if fault.op not in (op, "*"):
                continue
            fault.seen += 1
            in_window = fault.seen > fault.skip and (fault.times == -1 or fault.seen <= fault.skip + fault.times)
            if in_window and chosen is None:
                fault.hits += 1
                chosen = fault
        return chosen

    def unconsumed(self) -> list[dict[str, Any]]:
        """Faults with attempts left (a `times: -1` fault counts only while it never fired)."""
        return [
            f.wire() for f in self.faults if (f.times == -1 and f.hits == 0) or (f.times != -1 and f.hits < f.times)
        ]
