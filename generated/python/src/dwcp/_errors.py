# Code generated from spec/dwcp.yaml by generator/; DO NOT EDIT.
"""The error catalogue of the spec: one class per entry, each catchable as DWCPError."""

from __future__ import annotations

import builtins

from ._runtime.errors import Catalogue, DWCPError, ErrorCode

__all__ = [
    "DWCPError",
    "ConnectionError",
    "NotConnectedError",
    "AuthenticationError",
    "VMNotFoundError",
    "TimeoutError",
    "InvalidOperationError",
    "ValidationError",
    "ResourceLimitError",
    "MigrationError",
    "InternalError",
    "HookError",
    "WaiterError",
    "CATALOGUE",
]


class ConnectionError(DWCPError, builtins.ConnectionError):
    """The server could not be reached or is unavailable."""


class NotConnectedError(ConnectionError):
    """An operation was called before connect or after disconnect."""


class AuthenticationError(DWCPError):
    """The API key is missing or wrong."""


class VMNotFoundError(DWCPError, LookupError):
    """The VM (or its snapshot or migration) does not exist."""


class TimeoutError(DWCPError, builtins.TimeoutError):
    """The operation did not finish in time."""


class InvalidOperationError(DWCPError):
    """The request is not valid in the VM's current state, or malformed."""


class ValidationError(InvalidOperationError, ValueError):
    """A value breaks the spec's constraints; found before any request was sent."""


class ResourceLimitError(DWCPError):
    """No capacity, or too many requests or streams."""


class MigrationError(DWCPError):
    """The migration failed."""


class InternalError(DWCPError):
    """The server failed in a way no other entry describes."""


class HookError(DWCPError):
    """A hook the caller installed raised; an attempt it ran before was not sent, and the call stops."""


class WaiterError(DWCPError):
    """A waiter reached a state it cannot leave successfully (a failure acceptor matched); the error names the state."""


CATALOGUE = Catalogue(
    codes={
        "unavailable": ErrorCode(ConnectionError, 503, "retry"),
        "too_many_connections": ErrorCode(ConnectionError, 503, "retry"),
        "connection_refused": ErrorCode(ConnectionError, None, "retry"),
        "connection_reset": ErrorCode(ConnectionError, None, "retry"),
        "malformed_response": ErrorCode(ConnectionError, None, "never"),
        "response_too_large": ErrorCode(ConnectionError, None, "never"),
        "tls_failed": ErrorCode(ConnectionError, None, "never"),
        "not_connected": ErrorCode(NotConnectedError, None, "never"),
        "unauthenticated": ErrorCode(AuthenticationError, 401, "never"),
        "forbidden_origin": ErrorCode(AuthenticationError, 403, "never"),
        "vm_not_found": ErrorCode(VMNotFoundError, 404, "never"),
        "snapshot_not_found": ErrorCode(VMNotFoundError, 404, "never"),
        "migration_not_found": ErrorCode(VMNotFoundError, 404, "never"),
        "route_not_found": ErrorCode(VMNotFoundError, 404, "never"),
        "deadline_exceeded": ErrorCode(TimeoutError, 504, "retry"),
        "request_timeout": ErrorCode(TimeoutError, 408, "retry"),
        "client_timeout": ErrorCode(TimeoutError, None, "retry"),
        "wait_timeout": ErrorCode(TimeoutError, None, "never"),
        "invalid_argument": ErrorCode(InvalidOperationError, 400, "never"),
        "invalid_state": ErrorCode(InvalidOperationError, 400, "never"),
        "method_not_allowed": ErrorCode(InvalidOperationError, 405, "never"),
        "payload_too_large": ErrorCode(InvalidOperationError, 413, "never"),
        "uri_too_long": ErrorCode(InvalidOperationError, 414, "never"),
        "unsupported_media_type": ErrorCode(InvalidOperationError, 415, "never"),
        "headers_too_large": ErrorCode(InvalidOperationError, 431, "never"),
        "migration_in_progress": ErrorCode(InvalidOperationError, 409, "never"),
        "idempotency_key_reused": ErrorCode(InvalidOperationError, 422, "never"),
        "idempotency_key_in_use": ErrorCode(InvalidOperationError, 409, "retry"),
        "validation_failed": ErrorCode(ValidationError, None, "never"),
        "resource_exhausted": ErrorCode(ResourceLimitError, 429, "after_retry_after"),
        "too_many_streams": ErrorCode(ResourceLimitError, 429, "after_retry_after"),
        "rate_limited": ErrorCode(ResourceLimitError, 429, "after_retry_after"),
        "migration_failed": ErrorCode(MigrationError, 500, "with_idempotency_key"),
        "not_converging": ErrorCode(MigrationError, 500, "never"),
        "internal": ErrorCode(InternalError, 500, "with_idempotency_key"),
        "not_implemented": ErrorCode(InternalError, 501, "never"),
        "hook_failed": ErrorCode(HookError, None, "never"),
        "waiter_failed": ErrorCode(WaiterError, None, "never"),
    },
    types={
        "ConnectionError": ConnectionError,
        "NotConnectedError": NotConnectedError,
        "AuthenticationError": AuthenticationError,
        "VMNotFoundError": VMNotFoundError,
        "TimeoutError": TimeoutError,
        "InvalidOperationError": InvalidOperationError,
        "ValidationError": ValidationError,
        "ResourceLimitError": ResourceLimitError,
        "MigrationError": MigrationError,
        "InternalError": InternalError,
        "HookError": HookError,
        "WaiterError": WaiterError,
    },
    defaults={
        ConnectionError: "unavailable",
        NotConnectedError: "not_connected",
        AuthenticationError: "unauthenticated",
        VMNotFoundError: "vm_not_found",
        TimeoutError: "deadline_exceeded",
        InvalidOperationError: "invalid_argument",
        ValidationError: "validation_failed",
        ResourceLimitError: "resource_exhausted",
        MigrationError: "migration_failed",
        InternalError: "internal",
        HookError: "hook_failed",
        WaiterError: "waiter_failed",
    },
)
