# Code generated from spec/dwcp.yaml by generator/; DO NOT EDIT.
"""The error catalogue of the spec as the server sends it: type, code, status, retryable."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class WireCode:
    """One code the server can send, with its catalogue type and HTTP status."""

    type: str
    code: str
    status: int
    retryable: bool
    doc: str


CODES: dict[str, WireCode] = {
    "unavailable": WireCode("ConnectionError", "unavailable", 503, True, "The server is unavailable."),
    "unauthenticated": WireCode(
        "AuthenticationError", "unauthenticated", 401, False, "Missing or invalid API key."
    ),
    "vm_not_found": WireCode("VMNotFoundError", "vm_not_found", 404, False, "No such VM."),
    "snapshot_not_found": WireCode("VMNotFoundError", "snapshot_not_found", 404, False, "No such snapshot."),
    "migration_not_found": WireCode(
        "VMNotFoundError", "migration_not_found", 404, False, "No such migration."
    ),
    "route_not_found": WireCode("VMNotFoundError", "route_not_found", 404, False, "No such route."),
    "deadline_exceeded": WireCode(
        "TimeoutError", "deadline_exceeded", 504, True, "The server gave up waiting."
    ),
    "invalid_argument": WireCode(
        "InvalidOperationError",
        "invalid_argument",
        400,
        False,
        "A field is missing, unknown or out of range.",
    ),
    "invalid_state": WireCode(
        "InvalidOperationError",
        "invalid_state",
        400,
        False,
        "The VM\u0027s state does not allow the operation.",
    ),
    "method_not_allowed": WireCode(
        "InvalidOperationError", "method_not_allowed", 405, False, "The route does not take this method."
    ),
    "payload_too_large": WireCode(
        "InvalidOperationError", "payload_too_large", 413, False, "The body is over 1 MiB."
    ),
    "migration_in_progress": WireCode(
        "InvalidOperationError", "migration_in_progress", 409, False, "The VM is already migrating."
    ),
    "idempotency_key_reused": WireCode(
        "InvalidOperationError",
        "idempotency_key_reused",
        422,
        False,
        "The idempotency key was used with another request.",
    ),
    "idempotency_key_in_use": WireCode(
        "InvalidOperationError",
        "idempotency_key_in_use",
        409,
        True,
        "A request with this key is still running.",
    ),
    "resource_exhausted": WireCode(
        "ResourceLimitError", "resource_exhausted", 429, True, "No node has room."
    ),
    "too_many_streams": WireCode(
        "ResourceLimitError", "too_many_streams", 429, True, "Too many concurrent streams for this key."
    ),
    "rate_limited": WireCode("ResourceLimitError", "rate_limited", 429, True, "Too many requests."),
    "migration_failed": WireCode("MigrationError", "migration_failed", 500, True, "The migration failed."),
    "not_converging": WireCode(
        "MigrationError", "not_converging", 500, False, "Pre-copy rounds cannot converge within max downtime."
    ),
    "internal": WireCode("InternalError", "internal", 500, True, "An internal error."),
    "not_implemented": WireCode(
        "InternalError", "not_implemented", 501, False, "The server does not implement this operation."
    ),
}

# The first code of each status: what a bare status (e.g. a scripted fault) is answered with.
BY_STATUS: dict[int, str] = {}
for _code in CODES.values():
    BY_STATUS.setdefault(_code.status, _code.code)


class ApiError(Exception):
    """An error answered with its catalogue status and a typed error body."""

    def __init__(
        self,
        code: str,
        message: str,
        details: dict[str, Any] | None = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message)
        self.wire = CODES[code]
        self.message = message
        self.details = details or {}
        self.retry_after = retry_after

    @property
    def status(self) -> int:
        """The HTTP status of this error."""
        return self.wire.status


def error_body(error: ApiError, request_id: str) -> dict[str, Any]:
    """The wire body {"error": {...}} of an ApiError."""
    return {
        "error": {
            "type": error.wire.type,
            "code": error.wire.code,
            "message": error.message,
            "request_id": request_id,
            "retryable": error.wire.retryable,
            "details": error.details,
        }
    }
