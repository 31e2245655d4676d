# Code generated from templates/python/runtime/hooks.py by generator/; DO NOT EDIT.
"""Hooks: an ordered chain of callbacks that sees every attempt of every call (docs/observability.md)."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Awaitable, Mapping, MutableMapping, Sequence
from typing import Any, Optional, Union

from .errors import DWCPError

HookResult = Optional[Awaitable[None]]


class AttemptContext:
    """One attempt as the hooks see it; `headers` (before_attempt only) may be changed for this attempt."""

    __slots__ = (
        "attempt",
        "duration",
        "headers",
        "idempotency_key",
        "method",
        "operation",
        "path",
        "request_id",
        "response_headers",
        "response_request_id",
        "status",
        "url",
    )

    def __init__(
        self,
        operation: str,
        method: str,
        path: str,
        url: str,
        attempt: int,
        request_id: str,
        idempotency_key: Optional[str],
        headers: MutableMapping[str, str],
    ) -> None:
        self.operation = operation
        """The operation id, as `vm.get`."""
        self.method = method
        self.path = path
        """The path template, as `/vms/{vm_id}`."""
        self.url = url
        self.attempt = attempt
        """The attempt number, as sent in DWCP-Attempt (1, 2, ...)."""
        self.request_id = request_id
        """The X-Request-ID this attempt sends."""
        self.idempotency_key = idempotency_key
        self.headers = headers
        """The attempt's request headers; before_attempt may add or change them (this attempt only)."""
        self.status = 0
        """The response's HTTP status (after_response), 0 when no response came."""
        self.response_headers: Optional[Mapping[str, str]] = None
        self.response_request_id: Optional[str] = None
        """The request id the response carries (its X-Request-ID, else the sent one)."""
        self.duration = 0.0
        """Seconds from sending the attempt to its response's head."""

    def __repr__(self) -> str:
        return f"AttemptContext(operation={self.operation!r}, attempt={self.attempt}, status={self.status})"


class RetryContext:
    """The loop decided to retry: the attempt that failed, the delay it will sleep, and why."""

    __slots__ = ("attempt", "cause", "delay")

    def __init__(self, attempt: AttemptContext, delay: float, cause: DWCPError) -> None:
        self.attempt = attempt
        self.delay = delay
        """Seconds the loop sleeps before the next attempt."""
        self.cause = cause
        """The typed error of the failed attempt."""

    @property
    def operation(self) -> str:
        return self.attempt.operation

    def __repr__(self) -> str:
        return (
            f"RetryContext(operation={self.operation!r}, attempt={self.attempt.attempt}, delay={self.delay})"
        )


class ErrorContext:
    """The call ends with an error (once per call)."""

    __slots__ = ("attempt", "error")

    def __init__(self, attempt: AttemptContext, error: Union[DWCPError, asyncio.CancelledError]) -> None:
        self.attempt = attempt
        """The last attempt of the call."""
        self.error = error
        """The final typed error (error.attempts: attempts sent), or the asyncio.CancelledError of a call the
        caller cancelled (attempt.attempt: attempts sent)."""

    @property
    def operation(self) -> str:
        return self.attempt.operation

    def __repr__(self) -> str:
        return f"ErrorContext(operation={self.operation!r}, error={self.error!r})"


class Hook:
    """Base of a hook: override any point, as a plain or an `async def` method; the others cost nothing.

    A hook that raises ends the call with HookError (its error as `__cause__`); a raise in before_attempt
    means that attempt is not sent.
    """

    def before_attempt(self, ctx: AttemptContext) -> HookResult:
        """Before an attempt is written; may change ctx.headers."""
        return None

    def after_response(self, ctx: AttemptContext) -> HookResult:
        """A response's head arrived (any status): ctx.status, ctx.response_headers, ctx.duration."""
        return None

    def before_retry(self, ctx: RetryContext) -> HookResult:
        """The loop will retry after ctx.delay seconds because of ctx.cause."""
        return None

    def on_error(self, ctx: ErrorContext) -> HookResult:
        """The call ends with ctx.error (an asyncio.CancelledError when the caller cancelled it)."""
        return None


POINTS = ("before_attempt", "after_response", "before_retry", "on_error")
Context = Union[AttemptContext, RetryContext, ErrorContext]


class HookFailure(Exception):
    """A hook raised at `point`; the loop turns it into HookError."""

    def __init__(self, point: str, hook: object, cause: BaseException) -> None:
        super().__init__(f"hook {type(hook).__name__}.{point} raised {type(cause).__name__}")
        self.point = point
        self.cause = cause


class HookChain:
    """The configured hooks, with per point only those that override it (so a no-op point costs nothing)."""

    __slots__ = ("_points", "hooks", "wants_any")

    def __init__(self, hooks: Sequence[Any]) -> None:
        self.hooks = tuple(hooks)
        self._points: dict[str, tuple[Any, ...]] = {}
        for point in POINTS:
            methods = []
            for hook in self.hooks:
                method = getattr(hook, point, None)
                if method is None or getattr(type(hook), point, None) is getattr(Hook, point):
                    continue
                methods.append(method)
            self._points[point] = tuple(methods)
        self.wants_any = any(self._points.values())

    def wants(self, point: str) -> bool:
        """True when some hook overrides `point`."""
        return bool(self._points[point])

    async def run(self, point: str, ctx: Context) -> None:
        """Runs every hook of `point` in order; the first that raises stops the chain (HookFailure)."""
        for method in self._points[point]:
            try:
                result = method(ctx)
                if inspect.isawaitable(result):
                    await result
            except Exception as exc:
                raise HookFailure(point, getattr(method, "__self__", method), exc) from exc


NO_HOOKS = HookChain(())
