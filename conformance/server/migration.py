"""Pre-copy live migration as a model: a plan of timed segments computed once, read at any clock time.

docs/server.md gives the formulas; the constants below are the model's parameters.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

SETUP_MS = 200.0  # reserving the target and opening the streams
SWITCHOVER_MS = 20.0  # device state and CPU registers while the VM is paused
POSTCOPY_PAUSE_MS = 30.0  # pause when switching to post-copy (CPU state only)
POSTCOPY_AFTER = 3  # pre-copy rounds before switching to post-copy
MAX_ROUNDS = 30
STALL_ROUNDS = 3  # rounds without a 5 % shrink before declaring non-convergence
CHECKSUM_RATE = 4 * 1024**3  # bytes/s hashed on both sides in the verify phase
COMPRESSION_RATIO = 2.0  # memory bytes per wire byte with compression
ENCRYPTION_COST = 0.85  # share of the link left with encryption
AUTO_CONVERGE_START, AUTO_CONVERGE_STEP, AUTO_CONVERGE_MAX = 0.2, 0.1, 0.99
DEFAULT_MAX_DOWNTIME = 500


@dataclass(frozen=True)
class Segment:
    """A phase over [start, end) model ms, moving memory bytes from sent_start to sent_end."""

    phase: str
    start: float
    end: float
    sent_start: int
    sent_end: int
    round: int


@dataclass
class Plan:
    """The whole migration as computed at its start."""

    segments: list[Segment] = field(default_factory=list)
    bytes_total: int = 0
    downtime: int = 0
    throughput: int = 0
    failed: str | None = None
    pause_at: float | None = None  # when the VM pauses (downtime starts)

    @property
    def end(self) -> float:
        """Model ms after the start when the migration ends."""
        return self.segments[-1].end if self.segments else 0.0


def effective_rate(bandwidth_bits: int, options: dict[str, Any]) -> float:
    """Memory bytes per second the link carries with the options' streams, compression and encryption."""
    streams = max(1, options.get("parallel") or 1)
    efficiency = 0.95 - 0.20 / streams  # one TCP stream ~75 % of the link, many approach 95 %
    rate = bandwidth_bits / 8.0 * efficiency
    if options.get("encrypt_transport"):
        rate *= ENCRYPTION_COST
    if options.get("compression"):
        rate *= COMPRESSION_RATIO
    return rate


def plan_live(memory: int, dirty_rate: float, bandwidth_bits: int, options: dict[str, Any]) -> Plan:
    """Iterative pre-copy until the remainder fits max downtime (or post-copy, or failure)."""
    rate = effective_rate(bandwidth_bits, options)
    max_downtime = options.get("max_downtime") or DEFAULT_MAX_DOWNTIME
    plan = Plan(segments=[Segment("setup", 0.0, SETUP_MS, 0, 0, 0)])
    remaining, sent, now, throttle, stalls = float(memory), 0, SETUP_MS, 0.0, 0
    for round_no in range(1, MAX_ROUNDS + 1):
        duration = remaining / rate * 1000.0
        plan.segments.append(Segment("precopy", now, now + duration, sent, sent + int(remaining), round_no))
        sent, now = sent + int(remaining), now + duration
        dirtied = min(float(memory), dirty_rate * (1.0 - throttle) * duration / 1000.0)
        stalls = stalls + 1 if dirtied > 0.95 * remaining else 0
        remaining = dirtied
        pause = remaining / rate * 1000.0 + SWITCHOVER_MS
        finish = functools.partial(
            _finish,
            plan,
            now=now,
            sent=sent,
            remaining=remaining,
            round_no=round_no,
            rate=rate,
            memory=memory,
            options=options,
        )
        if pause <= max_downtime:
            return finish(phase="stop_and_copy", pause=pause)
        if options.get("post_copy") and round_no >= POSTCOPY_AFTER:
            return finish(phase="postcopy", pause=POSTCOPY_PAUSE_MS)
        if options.get("auto_converge") and round_no >= 2:
            throttle = min(AUTO_CONVERGE_MAX, throttle + AUTO_CONVERGE_STEP if throttle else AUTO_CONVERGE_START)
        elif stalls >= STALL_ROUNDS:
            break
    plan.failed = (
        f"not converging: the guest dirties memory at {dirty_rate * (1 - throttle) / 1e6:.0f} MB/s "
        f"against {rate / 1e6:.0f} MB/s; the remainder never fits {max_downtime} ms"
    )
    plan.bytes_total = sent
    plan.throughput = int(sent / max(now - SETUP_MS, 1.0) * 1000.0)
    return plan


def _finish(
    plan: Plan,
    *,
    phase: str,
    now: float,
    pause: float,
    sent: int,
    remaining: float,
    round_no: int,
    rate: float,
    memory: int,
    options: dict[str, Any],
) -> Plan:
    """Appends the last copy phase (stop-and-copy or post-copy) and the optional verify phase."""
    duration = remaining / rate * 1000.0 if phase == "postcopy" else pause
    plan.segments.append(Segment(phase, now, now + duration, sent, sent + int(remaining), round_no))
    plan.pause_at = now
    sent, now = sent + int(remaining), now + duration
    plan.downtime = round(pause)
    plan.bytes_total = sent
    plan.throughput = int(sent / max(now - SETUP_MS, 1.0) * 1000.0)
    if options.get("verify_checksum"):
        verify = memory / CHECKSUM_RATE * 1000.0
        plan.segments.append(Segment("verify", now, now + verify, sent, sent, round_no))
    return plan


def plan_offline(memory: int, bandwidth_bits: int, options: dict[str, Any], was_running: bool) -> Plan:
    """Stop, copy the memory image once, start on the target; the pause is the whole copy if it ran."""
    rate = effective_rate(bandwidth_bits, options)
    copy = memory / rate * 1000.0
    plan = Plan(segments=[Segment("setup", 0.0, SETUP_MS, 0, 0, 0)])
    plan.segments.append(Segment("stop_and_copy", SETUP_MS, SETUP_MS + copy, 0, memory, 1))
    plan.pause_at = SETUP_MS
    plan.bytes_total = memory
    plan.downtime = round(copy + SWITCHOVER_MS) if was_running else 0
    plan.throughput = int(rate)
    if options.get("verify_checksum"):
        end = SETUP_MS + copy
        plan.segments.append(Segment("verify", end, end + memory / CHECKSUM_RATE * 1000.0, memory, memory, 1))
    return plan


def at(plan: Plan, elapsed: float) -> dict[str, Any]:
    """Phase, round, bytes sent, progress, throughput and downtime so far, `elapsed` model ms in."""
    if elapsed >= plan.end:
        last = plan.segments[-1]
        done = plan.failed is None
        return {
            "phase": "done" if done else last.phase,
            "round": last.round,
            "bytes_sent": last.sent_end,
            "progress": 100.0 if done else _progress(plan, last.sent_end),
            "throughput": plan.throughput,
            "downtime": plan.downtime if done else 0,
        }
    seg = next(s for s in plan.segments if elapsed < s.end)
    share = (elapsed - seg.start) / (seg.end - seg.start) if seg.end > seg.start else 1.0
    sent = seg.sent_start + int((seg.sent_end - seg.sent_start) * max(0.0, share))
    copying = max(elapsed - SETUP_MS, 0.0)
    paused = plan.pause_at is not None and elapsed >= plan.pause_at
    return {
        "phase": seg.phase,
        "round": seg.round,
        "bytes_sent": sent,
        "progress": _progress(plan, sent),
        "throughput": int(sent / copying * 1000.0) if copying > 0 else 0,
        "downtime": plan.downtime if paused else 0,
    }


def _progress(plan: Plan, sent: int) -> float:
    # 100 is reserved for a completed migration, so a verify phase still reads below it.
    return round(min(99.9, 100.0 * sent / plan.bytes_total), 2) if plan.bytes_total else 0.0
