# Code generated from templates/python/runtime/tracing.py by generator/; DO NOT EDIT.
"""OpenTelemetry spans per call and per attempt, and the W3C traceparent (the optional extra dwcp[otel]).

Imported only when a tracer provider is given, so the core never needs opentelemetry.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any, Optional

from opentelemetry import trace
from opentelemetry.trace import Span, SpanKind, Status, StatusCode
from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator

from .errors import DWCPError

_PROPAGATOR = TraceContextTextMapPropagator()


class Tracer:
    """Starts the call and attempt spans of one client."""

    __slots__ = ("_host", "_port", "_tracer")

    def __init__(self, provider: Any, host: str, port: int, version: str) -> None:
        self._tracer = trace.get_tracer("dwcp", version, tracer_provider=provider)
        self._host = host
        self._port = port

    def start_call(self, operation: str) -> Span:
        """The call's span (INTERNAL, named by the operation id), a child of the caller's current span if any."""
        return self._tracer.start_span(
            operation, kind=SpanKind.INTERNAL, attributes={"dwcp.operation": operation}
        )

    def start_attempt(
        self, call_span: Span, method: str, template: str, attempt: int, headers: MutableMapping[str, str]
    ) -> Span:
        """An attempt's span (CLIENT, `GET /vms/{vm_id}`), whose traceparent goes into `headers`."""
        attributes: dict[str, Any] = {
            "http.request.method": method,
            "server.address": self._host,
            "server.port": self._port,
            "url.template": template,
        }
        if attempt > 1:
            attributes["http.request.resend_count"] = attempt - 1
        context = trace.set_span_in_context(call_span)
        span = self._tracer.start_span(
            f"{method} {template}", context=context, kind=SpanKind.CLIENT, attributes=attributes
        )
        _PROPAGATOR.inject(headers, context=trace.set_span_in_context(span))
        return span


def end_attempt(span: Span, status: int, request_id: Optional[str], error: Optional[BaseException]) -> None:
    """Ends an attempt span with its status code, request id and, on failure (or a cancel), error.type."""
    if status:
        span.set_attribute("http.response.status_code", status)
    if request_id:
        span.set_attribute("dwcp.request_id", request_id)
    if error is not None:
        code = error.code if isinstance(error, DWCPError) else ""
        span.set_attribute("error.type", code or type(error).__name__)
        span.set_status(Status(StatusCode.ERROR))
    span.end()


def end_call(span: Span, request_id: str, attempts: int, error: Optional[BaseException]) -> None:
    """Ends the call span with the request id, attempts and, on failure, error.type and status ERROR."""
    span.set_attribute("dwcp.request_id", request_id)
    span.set_attribute("dwcp.attempts", attempts)
    if error is not None:
        code = error.code if isinstance(error, DWCPError) else ""
        span.set_attribute("error.type", code or type(error).__name__)
        span.set_status(Status(StatusCode.ERROR))
    span.end()
