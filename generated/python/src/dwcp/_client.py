# Code generated from spec/dwcp.yaml by generator/; DO NOT EDIT.
"""Client: the asynchronous entry point (an async context manager) and its resource clients."""

from __future__ import annotations

import platform
import sys
from collections.abc import Sequence
from functools import cached_property
from types import TracebackType
from typing import Any, Callable, Optional

from ._config import ClientConfig
from ._errors import CATALOGUE
from ._resources import ClientOperations, VMClient
from ._runtime.hooks import Hook
from ._runtime.metrics import ClientMetrics
from ._runtime.retry import RetryPolicy
from ._runtime.transport import Transport
from ._version import __version__

__all__ = ["Client"]

BASE_PATH = "/v3"
# Body fields the spec marks secret: a debug log line shows them as [REDACTED].
SECRET_FIELDS = frozenset(
    {
        "api_key",
    }
)
USER_AGENT = (
    f"dwcp-python/{__version__} ({platform.python_implementation()} {platform.python_version()}; "
    f"{sys.platform}; {platform.machine() or 'unknown'})"
)


class Client(ClientOperations):
    """A DWCP v3 client; `async with Client(config) as client:` connects and authenticates."""

    def __init__(
        self,
        config: ClientConfig,
        *,
        hooks: Sequence[Hook] = (),
        tracer_provider: Optional[Any] = None,
        jitter: Optional[Callable[[], float]] = None,
    ) -> None:
        """`hooks`: an ordered chain of Hook objects that sees every attempt (docs: Hooks).
        `tracer_provider`: an OpenTelemetry TracerProvider (needs the extra dwcp[otel]): a span per call and
        per attempt, and the W3C traceparent on every attempt. DWCP_LOG (debug, info, warning) is read now.
        `jitter` pins the backoff's random factor in [0, 1] (a test hook); random by default."""
        policy = RetryPolicy(config.retry_attempts, config.retry_backoff)
        if jitter is not None:
            policy = RetryPolicy(config.retry_attempts, config.retry_backoff, jitter)
        transport = Transport(
            config,
            BASE_PATH,
            CATALOGUE,
            policy,
            hooks=hooks,
            user_agent=USER_AGENT,
            tracer_provider=tracer_provider,
            secret_fields=SECRET_FIELDS,
            version=__version__,
        )
        super().__init__(transport)
        self.config = config
        self._authenticated = False

    async def __aenter__(self) -> Client:
        await self.connect()
        return self

    async def __aexit__(
        self, kind: Optional[type[BaseException]], value: Optional[BaseException], tb: Optional[TracebackType]
    ) -> None:
        await self.disconnect()

    async def connect(self) -> None:
        """Opens the connection pool and authenticates the API key (_create_session)."""
        await self._transport.open()
        try:
            await self._create_session()
        except BaseException:
            await self._transport.close()
            raise
        self._authenticated = True

    async def disconnect(self) -> None:
        """Closes every connection; later calls raise NotConnectedError."""
        self._authenticated = False
        await self._transport.close()

    @property
    def is_connected(self) -> bool:
        """True between connect() and disconnect()."""
        return self._transport.is_open

    @property
    def is_authenticated(self) -> bool:
        """True once the server accepted the API key."""
        return self._authenticated and self.is_connected

    def get_metrics(self) -> ClientMetrics:
        """Messages and bytes sent and received, and failed attempts, so far."""
        return self._transport.metrics.snapshot()

    def VM(self) -> VMClient:
        """The vm client (as in the reference guide); same as `client.vm`."""
        return self.vm

    @cached_property
    def vm(self) -> VMClient:
        """Virtual machines, their migrations, snapshots, metrics and events."""
        return VMClient(self._transport)

    def __repr__(self) -> str:
        return (
            f"Client(address={self.config.address!r}, port={self.config.port}, connected={self.is_connected})"
        )
