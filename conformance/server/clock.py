"""The server's clock: model time runs `speed` times faster than real time."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime, timedelta


class Clock:
    """Model milliseconds since start, and wall timestamps that advance at the model's pace."""

    def __init__(self, speed: float = 1.0) -> None:
        self._origin_wall = datetime.now(UTC)
        self._base_real = time.monotonic()
        self._base_model = 0.0
        self.speed = speed

    def now(self) -> float:
        """Model time in ms since the clock started."""
        return self._base_model + (time.monotonic() - self._base_real) * 1000.0 * self.speed

    def set_speed(self, speed: float) -> None:
        """Changes the speed without making model time jump."""
        self._base_model = self.now()
        self._base_real = time.monotonic()
        self.speed = speed

    def real_delay(self, model_ms: float) -> float:
        """Real seconds until `model_ms` of model time have passed."""
        return max(0.0, model_ms) / 1000.0 / self.speed

    async def sleep(self, model_ms: float) -> None:
        """Sleeps for `model_ms` of model time."""
        await asyncio.sleep(self.real_delay(model_ms))

    def stamp(self, model_ms: float | None = None) -> str:
        """RFC 3339 UTC timestamp of a model time (now by default)."""
        at = self.now() if model_ms is None else model_ms
        moment = self._origin_wall + timedelta(milliseconds=at)
        return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"
