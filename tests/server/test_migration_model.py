"""The migration model's arithmetic (pure functions: no server needed)."""

from __future__ import annotations

from conformance.server import migration as model

GIB = 1024**3
GBIT = 10**9


def test_one_stream_uses_three_quarters_of_the_link() -> None:
    assert model.effective_rate(GBIT, {}) == GBIT / 8 * 0.75


def test_compression_and_parallel_streams_raise_the_rate() -> None:
    base = model.effective_rate(GBIT, {})
    assert model.effective_rate(GBIT, {"compression": True}) == 2 * base
    assert model.effective_rate(GBIT, {"parallel": 4}) > base
    assert model.effective_rate(GBIT, {"encrypt_transport": True}) < base


def test_idle_vm_converges_after_one_round_with_small_downtime() -> None:
    plan = model.plan_live(4 * GIB, 1e5, GBIT, {})
    assert plan.failed is None
    assert [s.phase for s in plan.segments] == ["setup", "precopy", "stop_and_copy"]
    assert plan.downtime <= 500 and plan.bytes_total > 4 * GIB


def test_rounds_shrink_until_the_remainder_fits() -> None:
    plan = model.plan_live(4 * GIB, 50e6, GBIT, {"max_downtime": 100})
    rounds = [s for s in plan.segments if s.phase == "precopy"]
    sizes = [s.sent_end - s.sent_start for s in rounds]
    assert sizes == sorted(sizes, reverse=True) and len(rounds) > 2
    assert plan.downtime <= 100


def test_verify_phase_follows_the_copy() -> None:
    plan = model.plan_live(4 * GIB, 1e6, GBIT, {"verify_checksum": True})
    assert plan.segments[-1].phase == "verify"
    assert plan.segments[-1].end - plan.segments[-1].start == 4 * GIB / model.CHECKSUM_RATE * 1000


def test_faster_dirtying_than_the_link_fails() -> None:
    plan = model.plan_live(4 * GIB, 400e6, GBIT, {})
    assert plan.failed is not None and "not converging" in plan.failed
    status = model.at(plan, plan.end + 1)
    assert status["progress"] < 100 and status["downtime"] == 0


def test_auto_converge_and_post_copy_rescue_it() -> None:
    throttled = model.plan_live(4 * GIB, 400e6, GBIT, {"auto_converge": True})
    assert throttled.failed is None and throttled.downtime <= 500
    post = model.plan_live(4 * GIB, 400e6, GBIT, {"post_copy": True})
    assert post.failed is None and post.downtime == model.POSTCOPY_PAUSE_MS
    assert [s.phase for s in post.segments][-1] == "postcopy"


def test_status_progress_never_decreases() -> None:
    plan = model.plan_live(4 * GIB, 50e6, GBIT, {"verify_checksum": True})
    samples = [model.at(plan, plan.end * i / 200) for i in range(202)]
    progress = [s["progress"] for s in samples]
    assert progress == sorted(progress) and progress[-1] == 100.0
    assert samples[0]["phase"] == "setup" and samples[-1]["phase"] == "done"


def test_offline_downtime_is_the_copy_for_a_running_vm_only() -> None:
    running = model.plan_offline(4 * GIB, GBIT, {}, was_running=True)
    stopped = model.plan_offline(4 * GIB, GBIT, {}, was_running=False)
    assert running.downtime == round(4 * GIB / (GBIT / 8 * 0.75) * 1000 + model.SWITCHOVER_MS)
    assert stopped.downtime == 0
