# Code generated from templates/python/runtime/logs.py by generator/; DO NOT EDIT.
"""Logging under the `dwcp` logger, switched on by DWCP_LOG, with secrets redacted (docs/observability.md)."""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Mapping
from typing import Any, Optional

LOGGER = logging.getLogger("dwcp")
REDACTED = "[REDACTED]"
LEVELS = {"debug": logging.DEBUG, "info": logging.INFO, "warning": logging.WARNING, "warn": logging.WARNING}
_SECRET_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie", "set-cookie"})
_handler: Optional[logging.Handler] = None


def level_from_env(environ: Mapping[str, str] = os.environ) -> Optional[int]:
    """The level DWCP_LOG asks for (debug, info, warning), or None when unset, `off` or unknown."""
    return LEVELS.get(environ.get("DWCP_LOG", "").strip().lower())


def _ensure_handler(level: int) -> None:
    """Lets the `dwcp` logger through at `level`; prints to stderr when nobody configured logging."""
    global _handler
    if LOGGER.getEffectiveLevel() > level or LOGGER.level == logging.NOTSET:
        LOGGER.setLevel(level)
    if _handler is None and not LOGGER.handlers and not logging.getLogger().handlers:
        _handler = logging.StreamHandler()
        _handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        LOGGER.addHandler(_handler)


class Log:
    """The log lines of one client: `level` from DWCP_LOG when the client was built; secrets redacted."""

    __slots__ = ("debug", "info", "level", "secret_fields", "secrets")

    def __init__(self, level: int, secret_fields: frozenset[str], secrets: tuple[str, ...]) -> None:
        self.level = level
        self.info = level <= logging.INFO
        self.debug = level <= logging.DEBUG
        self.secret_fields = secret_fields
        self.secrets = tuple(s for s in secrets if len(s) >= 4)  # values never printed, wherever they appear
        _ensure_handler(level)

    def emit(self, level: int, event: str, fields: dict[str, Any]) -> None:
        """One record: `<event> k=v ...`, with extra={"dwcp_event": event, "dwcp_fields": fields}."""
        if level < self.level or not LOGGER.isEnabledFor(level):
            return
        text = event + " " + " ".join(f"{k}={_text(v)}" for k, v in fields.items())
        for secret in self.secrets:
            if secret in text:
                text = text.replace(secret, REDACTED)
        LOGGER.log(level, "%s", text, extra={"dwcp_event": event, "dwcp_fields": fields})

    def headers(self, headers: Mapping[str, str]) -> dict[str, str]:
        """Headers as logged: credentials replaced by [REDACTED]."""
        return {k: REDACTED if k.lower() in _SECRET_HEADERS else self._clean(v) for k, v in headers.items()}

    def body(self, body: Optional[bytes]) -> Any:
        """A body as logged: JSON with every spec `secret` field replaced by [REDACTED], else text."""
        if not body:
            return None
        try:
            data = json.loads(body)
        except ValueError:
            return self._clean(body.decode("utf-8", "replace"))
        return self._redact(data)

    def _redact(self, value: Any) -> Any:
        if isinstance(value, dict):
            return {k: REDACTED if k in self.secret_fields else self._redact(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self._redact(v) for v in value]
        if isinstance(value, str):
            return self._clean(value)
        return value

    def _clean(self, text: str) -> str:
        for secret in self.secrets:
            if secret in text:
                text = text.replace(secret, REDACTED)
        return text


def _text(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return json.dumps(value, separators=(",", ":"), default=str)
    return str(value)
