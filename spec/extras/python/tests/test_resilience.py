"""Retry budget, spec-declared waiters and lazy pagination (docs/resilience.md)."""

from __future__ import annotations

from typing import Any, Optional

import pytest
from aiohttp import web

import dwcp
from dwcp._runtime.retry import RetryQuota
from dwcp._runtime.waiter import Acceptor, Waiter
from tests.conftest import Server, error, ok, reply
from tests.test_client import VM


def test_quota_follows_the_standard_retry_mode_vectors() -> None:
    quota = RetryQuota(capacity=500, retry_cost=5, timeout_retry_cost=10, success_refund=1)
    assert quota.take(timed_out=False) == 5 and quota.tokens == 495
    assert quota.take(timed_out=True) == 10 and quota.tokens == 485
    quota.give(10)  # the retry that led to the success
    assert quota.tokens == 495
    quota.give(None)  # a first-attempt success
    assert quota.tokens == 496
    for _ in range(10):
        quota.give(None)
    assert quota.tokens == 500  # never above capacity
    empty = RetryQuota(capacity=7, retry_cost=5, timeout_retry_cost=10, success_refund=1)
    assert empty.take(False) == 5 and empty.take(False) is None and empty.tokens == 2


async def test_an_exhausted_budget_stops_retrying_and_says_so(server: Server) -> None:
    server.on("GET", "/v3/vms/vm-1", *[error(503, "connection_error", "unavailable")] * 10)
    budget = dwcp.RetryBudget(capacity=12, retry_cost=5)
    async with dwcp.Client(server.config(retry_attempts=5, retry_budget=budget), jitter=lambda: 0.0) as client:
        assert client.get_metrics().retry_tokens == 12  # the session call's refund stays under capacity
        with pytest.raises(dwcp.ConnectionError) as caught:
            await client.vm.get("vm-1")
        assert caught.value.retry_quota_exhausted and caught.value.attempts == 3
        assert client.get_metrics().retry_tokens == 2
    assert len(server.requests("/v3/vms/vm-1")) == 3


async def test_a_success_after_a_retry_refunds_its_cost(server: Server) -> None:
    server.on("GET", "/v3/vms/vm-1", error(503, "connection_error", "unavailable"), ok(200, VM))
    budget = dwcp.RetryBudget(capacity=100, retry_cost=5)
    async with dwcp.Client(server.config(retry_budget=budget), jitter=lambda: 0.0) as client:
        await client.vm.get("vm-1")
        assert client.get_metrics().retry_tokens == 100
    off = dwcp.RetryBudget(capacity=0)
    async with dwcp.Client(server.config(retry_budget=off)) as client:
        assert client.get_metrics().retry_tokens == 0


def test_waiter_delays_back_off_between_min_and_max() -> None:
    waiter = Waiter("vm.wait", (Acceptor("success", "state", ("running",)),), 0.2, 5.0, 300.0, "waiter_failed")
    assert [waiter.delay(n, 1.0, 0.2, 5.0) for n in (1, 2, 3, 6, 9)] == [0.2, 0.4, 0.8, 5.0, 5.0]
    assert waiter.delay(4, 0.0, 0.2, 5.0) == 0.2
    assert waiter.delay(4, 0.5, 0.2, 5.0) == pytest.approx(0.2 + 0.5 * (1.6 - 0.2))


async def test_waiter_succeeds_fails_and_times_out(server: Server) -> None:
    starting, running, broken = ({**VM, "state": s} for s in ("starting", "running", "error"))
    server.on("GET", "/v3/vms/vm-1", ok(200, starting), ok(200, running))
    server.on("GET", "/v3/vms/vm-2", ok(200, starting), ok(200, broken))
    server.on("GET", "/v3/vms/vm-3", *[ok(200, starting)] * 100)
    server.on("GET", "/v3/vms/vm-4", ok(200, VM), error(404, "vm_not_found_error", "vm_not_found"))
    async with dwcp.Client(server.config(), jitter=lambda: 0.0) as client:
        vm = await client.vm.wait_until_running("vm-1", min_delay=0.01)
        assert vm.state is dwcp.VMState.RUNNING
        with pytest.raises(dwcp.WaiterError) as failed:
            await client.vm.wait_until_running("vm-2", min_delay=0.01)
        assert failed.value.code == "waiter_failed" and failed.value.details["state"] == "error"
        with pytest.raises(dwcp.TimeoutError) as timed_out:
            await client.vm.wait_until_running("vm-3", 0.1, min_delay=0.01)
        assert timed_out.value.code == "wait_timeout"
        await client.vm.wait_until_destroyed("vm-4", min_delay=0.01)  # returns once get answers vm_not_found
    assert len(server.requests("/v3/vms/vm-4")) == 2


async def test_pager_is_awaitable_and_lazy(server: Server) -> None:
    def page(token: Optional[str], items: list[dict[str, Any]]) -> web.Response:
        return reply(200, {"vms": items, "next_page_token": token})

    async def first(request: web.Request) -> web.StreamResponse:
        return page("p2", [VM, {**VM, "id": "vm-2"}])

    async def second(request: web.Request) -> web.StreamResponse:
        return page(None, [{**VM, "id": "vm-3"}])

    server.on("GET", "/v3/vms", first, second, first)
    async with dwcp.Client(server.config()) as client:
        assert [vm.id for vm in await client.vm.list()] == ["vm-1", "vm-2", "vm-3"]
        seen = []
        async for vm in client.vm.list(page_size=2):
            seen.append(vm.id)
            break
    assert seen == ["vm-1"]
    assert len(server.requests("/v3/vms")) == 3  # two pages, then one for the early break
