# Code generated from spec/dwcp.yaml by generator/; DO NOT EDIT.
"""ClientConfig: where the server is and how calls behave; durations are seconds."""

from __future__ import annotations

import ssl
from typing import Any, ClassVar, Optional

from pydantic import ConfigDict, Field, field_serializer

from ._errors import CATALOGUE
from ._runtime.errors import Catalogue
from ._runtime.model import Model

__all__ = ["ClientConfig", "RequestOptions", "RetryBudget"]
REDACTED = "[REDACTED]"


class RetryBudget(Model):
    """The client's retry quota (a token bucket shared by every call); capacity 0 turns it off."""

    model_config = ConfigDict(validate_assignment=True, extra="forbid")
    catalogue: ClassVar[Catalogue] = CATALOGUE

    capacity: int = Field(500, ge=0.0, le=1000000)
    """Tokens when the client is built, and the ceiling of refunds; 0 turns the budget off."""
    retry_cost: int = Field(5, ge=0.0, le=1000000)
    """Tokens a retry takes."""
    timeout_retry_cost: int = Field(10, ge=0.0, le=1000000)
    """Tokens a retry takes when the failed attempt timed out."""
    success_refund: int = Field(1, ge=0.0, le=1000000)
    """Tokens a call that succeeded on its first attempt gives back."""


class ClientConfig(Model):
    """Settings of a client; every field but address has a default."""

    model_config = ConfigDict(arbitrary_types_allowed=True, validate_assignment=True, extra="forbid")
    catalogue: ClassVar[Catalogue] = CATALOGUE

    address: str
    """Server host name or IP; a scheme (http, https, ws, wss) in it wins over tls_enabled."""
    port: int = Field(9000, ge=1, le=65535)
    """Server port."""
    api_key: str = Field("", repr=False)
    """API key sent as a bearer token; never logged."""
    tls_enabled: bool = Field(False)
    """Use HTTPS."""
    connect_timeout: float = Field(30, ge=0.001)
    """Time allowed to open a connection."""
    request_timeout: float = Field(60, ge=0.001)
    """Time allowed for one attempt of a request."""
    retry_attempts: int = Field(3, ge=0.0, le=10)
    """Retries after the first attempt (3 means at most 4 requests)."""
    retry_backoff: float = Field(1, ge=0.0)
    """Base of the full-jitter exponential backoff."""
    keep_alive: bool = Field(True)
    """Keep idle connections open for reuse."""
    keep_alive_period: float = Field(30, ge=0.001)
    """How long an idle connection is kept."""
    max_streams: int = Field(100, ge=1, le=10000)
    """Most connections (and open streams) at once."""
    buffer_size: int = Field(65536, ge=1024, le=16777216)
    """Read buffer size in bytes."""
    retry_budget: RetryBudget = Field(default_factory=RetryBudget)
    """The client's retry quota (a token bucket shared by every call); capacity 0 turns it off."""
    ssl_context: Optional[ssl.SSLContext] = None
    """TLS settings (trusted CAs, client certificate); the system's defaults when None."""

    @field_serializer("api_key")
    def _redact(self, value: str) -> str:
        """Secrets never leave in a dump (model_dump, model_dump_json): they read [REDACTED]."""
        return REDACTED if value else value

    def __getstate__(self) -> dict[Any, Any]:
        """Pickling drops the secrets (they come back empty): a pickle must not carry the API key."""
        state = super().__getstate__()
        values = dict(state["__dict__"])
        values["api_key"] = ""
        state["__dict__"] = values
        return state


class RequestOptions(Model):
    """Per-call options (the `options=` keyword of every operation): each set one overrides the client's
    configuration for that call only."""

    model_config = ConfigDict(validate_assignment=True, extra="forbid", frozen=True)
    catalogue: ClassVar[Catalogue] = CATALOGUE

    timeout: Optional[float] = Field(None, gt=0)
    """Seconds allowed for one attempt (request_timeout for this call)."""
    retry_attempts: Optional[int] = Field(None, ge=0, le=100)
    """Retries after the first attempt (retry_attempts for this call)."""
    headers: Optional[dict[str, str]] = None
    """Extra headers on every attempt of the call; Authorization, DWCP-Attempt, X-Request-ID and
    Idempotency-Key cannot be replaced (those names are ignored)."""
    idempotency_key: Optional[str] = None
    """The Idempotency-Key, for an operation that sends one (ignored by the others)."""
