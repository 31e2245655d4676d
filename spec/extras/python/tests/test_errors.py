"""The catalogue: typed errors from bodies and statuses, builtin bases, no secrets in messages."""

from __future__ import annotations

import builtins
import json

import pytest

import dwcp
from dwcp._errors import CATALOGUE


def body(kind: str, code: str, **extra: object) -> bytes:
    return json.dumps({"error": {"type": kind, "code": code, "message": "m", "retryable": False, **extra}}).encode()


def test_body_type_and_code_pick_the_class_and_retry_class() -> None:
    error = CATALOGUE.from_response(404, body("VMNotFoundError", "snapshot_not_found", request_id="r1"))
    assert isinstance(error, dwcp.VMNotFoundError)
    assert (error.status, error.code, error.request_id, error.retry) == (404, "snapshot_not_found", "r1", "never")


def test_code_level_retry_override() -> None:
    busy = CATALOGUE.from_response(409, body("InvalidOperationError", "idempotency_key_in_use"))
    assert busy.retry == "retry"
    assert CATALOGUE.from_response(500, body("MigrationError", "not_converging")).retry == "never"


@pytest.mark.parametrize(
    ("status", "kind"),
    [
        (401, dwcp.AuthenticationError),
        (404, dwcp.VMNotFoundError),
        (429, dwcp.ResourceLimitError),
        (502, dwcp.ConnectionError),
        (503, dwcp.ConnectionError),
        (504, dwcp.TimeoutError),
        (418, dwcp.DWCPError),
    ],
)
def test_unreadable_bodies_fall_back_to_the_status(status: int, kind: type[dwcp.DWCPError]) -> None:
    for raw in (b"", b"not json", b"[1]", b'{"error": 3}'):
        error = CATALOGUE.from_response(status, raw)
        assert type(error) is kind
        assert error.status == status


def test_errors_also_catch_as_builtins() -> None:
    assert issubclass(dwcp.ConnectionError, builtins.ConnectionError)
    assert issubclass(dwcp.NotConnectedError, builtins.ConnectionError)
    assert issubclass(dwcp.TimeoutError, builtins.TimeoutError)
    assert issubclass(dwcp.ValidationError, ValueError)
    assert issubclass(dwcp.ValidationError, dwcp.InvalidOperationError)
    assert issubclass(dwcp.VMNotFoundError, LookupError)


def test_str_names_code_and_request_id() -> None:
    error = CATALOGUE.make("client_timeout", "vm.get timed out", request_id="abc", attempts=4)
    assert isinstance(error, dwcp.TimeoutError)
    assert str(error) == "vm.get timed out (code=client_timeout, request_id=abc)"
    assert error.attempts == 4
