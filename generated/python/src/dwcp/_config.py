# Code generated from spec/dwcp.yaml by generator/; DO NOT EDIT.
"""ClientConfig: where the server is and how calls behave; durations are seconds."""

from __future__ import annotations

import ssl
from typing import ClassVar, Optional

from pydantic import ConfigDict, Field

from ._errors import CATALOGUE
from ._runtime.errors import Catalogue
from ._runtime.model import Model

__all__ = ["ClientConfig"]


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
    ssl_context: Optional[ssl.SSLContext] = None
    """TLS settings (trusted CAs, client certificate); the system's defaults when None."""
