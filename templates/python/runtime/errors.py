"""The base error and the catalogue that maps wire codes and statuses to error classes."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Optional

# Retry classes of the spec's catalogue.
NEVER = "never"
RETRY = "retry"
AFTER_RETRY_AFTER = "after_retry_after"
WITH_IDEMPOTENCY_KEY = "with_idempotency_key"

# Client-side codes of the catalogue that the runtime raises itself.
CONNECTION_REFUSED = "connection_refused"
CONNECTION_RESET = "connection_reset"
CLIENT_TIMEOUT = "client_timeout"
MALFORMED_RESPONSE = "malformed_response"
NOT_CONNECTED = "not_connected"
VALIDATION_FAILED = "validation_failed"
HOOK_FAILED = "hook_failed"
TLS_FAILED = "tls_failed"
RESPONSE_TOO_LARGE = "response_too_large"
CLIENT_CODES = (
    CONNECTION_REFUSED,
    CONNECTION_RESET,
    CLIENT_TIMEOUT,
    MALFORMED_RESPONSE,
    NOT_CONNECTED,
    VALIDATION_FAILED,
    TLS_FAILED,
    RESPONSE_TOO_LARGE,
)


class DWCPError(Exception):
    """Base of every error the SDK raises; carries the evidence of the failed call."""

    retry_quota_exhausted = False
    """True when the client's retry budget stopped further retries of the call (docs/resilience.md)."""

    def __init__(
        self,
        message: str,
        *,
        code: str = "",
        status: Optional[int] = None,
        request_id: Optional[str] = None,
        attempts: int = 0,
        retry_after: Optional[float] = None,
        retry: str = NEVER,
        details: Optional[Mapping[str, Any]] = None,
        idempotency_key: Optional[str] = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.status = status
        self.request_id = request_id
        self.attempts = attempts
        self.retry_after = retry_after
        self.retry = retry
        self.details: dict[str, Any] = dict(details or {})
        self.idempotency_key = idempotency_key

    @property
    def field(self) -> Optional[str]:
        """The offending field, when the error names one."""
        value = self.details.get("field")
        return value if isinstance(value, str) else None

    def __str__(self) -> str:
        extra = ", ".join(f"{k}={v}" for k, v in (("code", self.code), ("request_id", self.request_id)) if v)
        return f"{self.message} ({extra})" if extra else self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r}, code={self.code!r}, status={self.status!r})"


@dataclass(frozen=True)
class ErrorCode:
    """A wire code: the class it raises, its HTTP status and its retry class."""

    error: type[DWCPError]
    status: Optional[int]
    retry: str


class Catalogue:
    """Builds typed errors from codes, from error responses and from transport failures."""

    def __init__(
        self,
        codes: Mapping[str, ErrorCode],
        types: Mapping[str, type[DWCPError]],
        defaults: Mapping[type[DWCPError], str],
    ) -> None:
        self._codes = dict(codes)
        self._types = dict(types)
        self._defaults = dict(defaults)
        self._statuses = {c.status: name for name, c in self._codes.items() if c.status and self._is_default(name)}

    def _is_default(self, name: str) -> bool:
        return self._defaults.get(self._codes[name].error) == name

    def __contains__(self, code: object) -> bool:
        """True when the catalogue knows the code (a runtime code may be missing from another spec)."""
        return code in self._codes

    def make(self, code: str, message: str, **context: Any) -> DWCPError:
        """The error of a known code (client-side failures, validation)."""
        entry = self._codes[code]
        return entry.error(message, code=code, status=context.pop("status", entry.status), retry=entry.retry, **context)

    def from_response(self, status: int, body: bytes, **context: Any) -> DWCPError:
        """The typed error of an HTTP error response; a body it cannot read falls back to the status."""
        detail = _error_detail(body)
        error_type = self._types.get(str(detail.get("type", "")))
        code = str(detail.get("code", ""))
        if error_type is None:
            return self._from_status(status, code, detail, **context)
        entry = self._codes.get(code)
        retry = entry.retry if entry and entry.error is error_type else self._default_retry(error_type)
        return self._build(error_type, status, code, retry, detail, **context)

    def _from_status(self, status: int, code: str, detail: Mapping[str, Any], **context: Any) -> DWCPError:
        name = self._statuses.get(status)
        if name is None:
            generic = self._codes[self._statuses[503]] if status >= 500 and 503 in self._statuses else None
            if generic is None:
                return self._build(DWCPError, status, code or f"http_{status}", NEVER, detail, **context)
            return self._build(generic.error, status, code or "unavailable", generic.retry, detail, **context)
        entry = self._codes[name]
        return self._build(entry.error, status, code or name, entry.retry, detail, **context)

    def _default_retry(self, error_type: type[DWCPError]) -> str:
        name = self._defaults.get(error_type)
        return self._codes[name].retry if name else NEVER

    @staticmethod
    def _build(
        error_type: type[DWCPError], status: int, code: str, retry: str, detail: Mapping[str, Any], **context: Any
    ) -> DWCPError:
        message = str(detail.get("message") or f"HTTP {status}")
        details = detail.get("details")
        request_id = context.pop("request_id", None)
        return error_type(
            message,
            code=code,
            status=status,
            retry=retry,
            details=details if isinstance(details, dict) else None,
            request_id=str(detail.get("request_id") or request_id or "") or None,
            **context,
        )


def _error_detail(body: bytes) -> Mapping[str, Any]:
    """The "error" object of an error body, or {} when the body is not one."""
    try:
        data = json.loads(body)
    except ValueError:
        return {}
    detail = data.get("error") if isinstance(data, dict) else None
    return detail if isinstance(detail, dict) else {}
