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
    "too_many_connections": WireCode(
        "ConnectionError",
        "too_many_connections",
        503,
        True,
        "The server holds as many connections as it allows; retry after Retry-After.",
    ),
    "unauthenticated": WireCode(
        "AuthenticationError", "unauthenticated", 401, False, "Missing or invalid API key."
    ),
    "forbidden_origin": WireCode(
        "AuthenticationError",
        "forbidden_origin",
        403,
        False,
        "The request\u0027s Origin or Host is not allowed (control API).",
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
    "request_timeout": WireCode(
        "TimeoutError",
        "request_timeout",
        408,
        True,
        "The request\u0027s headers or body did not arrive in time.",
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
    "uri_too_long": WireCode(
        "InvalidOperationError", "uri_too_long", 414, False, "The request line is too long."
    ),
    "unsupported_media_type": WireCode(
        "InvalidOperationError", "unsupported_media_type", 415, False, "The body is not application/json."
    ),
    "headers_too_large": WireCode(
        "InvalidOperationError",
        "headers_too_large",
        431,
        False,
        "The request has too many or too long header fields.",
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

# What a bare status (e.g. a scripted fault) is answered with: the IR's status table, which every SDK reads too.
BY_STATUS: dict[int, str] = {
    400: "invalid_argument",
    401: "unauthenticated",
    403: "forbidden_origin",
    404: "vm_not_found",
    405: "method_not_allowed",
    408: "request_timeout",
    409: "migration_in_progress",
    413: "payload_too_large",
    414: "uri_too_long",
    415: "unsupported_media_type",
    422: "idempotency_key_reused",
    429: "resource_exhausted",
    431: "headers_too_large",
    500: "internal",
    501: "not_implemented",
    503: "unavailable",
    504: "deadline_exceeded",
}

BASE_TYPE = "DWCPError"

# The status of each code the HTTP layer itself can send, for a spec whose catalogue lacks one:
# the server still answers (typed with the catalogue entry of that status, or the base type).
LAYER_STATUS: dict[str, int] = {
    "invalid_argument": 400,
    "unauthenticated": 401,
    "forbidden_origin": 403,
    "route_not_found": 404,
    "method_not_allowed": 405,
    "request_timeout": 408,
    "payload_too_large": 413,
    "uri_too_long": 414,
    "unsupported_media_type": 415,
    "rate_limited": 429,
    "headers_too_large": 431,
    "internal": 500,
    "deadline_exceeded": 504,
    "not_implemented": 501,
    "too_many_connections": 503,
    "unavailable": 503,
}


def wire_code(code: str) -> WireCode:
    """The catalogue entry of `code`; a layer code the spec lacks is typed by its status."""
    known = CODES.get(code)
    if known is not None:
        return known
    status = LAYER_STATUS.get(code, 500)
    same = CODES.get(BY_STATUS.get(status, ""))
    retryable = status in (408, 429, 503) or status == 500
    return WireCode(same.type if same else BASE_TYPE, code, status, retryable, "")


class ApiError(Exception):
    """An error answered with its catalogue status and a typed error body."""

    def __init__(
        self,
        code: str,
        message: str,
        details: dict[str, Any] | None = None,
        retry_after: float | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.wire = wire_code(code)
        self.message = message
        self.details = details or {}
        self.retry_after = retry_after
        self.headers = headers or {}

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
