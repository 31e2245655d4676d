"""Counters of a client's traffic, read with Client.get_metrics()."""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass
class ClientMetrics:
    """Messages and bytes sent and received, and failed attempts, since the client was built."""

    messages_sent: int = 0
    messages_received: int = 0
    bytes_sent: int = 0
    bytes_received: int = 0
    errors_total: int = 0
    retry_tokens: int = 0
    """Tokens left in the retry budget (its capacity when the budget is off)."""

    def snapshot(self) -> ClientMetrics:
        """A copy that later traffic does not change."""
        return replace(self)
