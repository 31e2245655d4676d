# Code generated from spec/dwcp.yaml by generator/; DO NOT EDIT.
"""HTTP layer of the DWCP 3.0.0 conformance server: routes, parsing, validation, errors."""

from dwcp_server_http.app import build_app
from dwcp_server_http.errors import ApiError, error_body
from dwcp_server_http.operations import OPERATIONS, Operation

API_VERSION = "3.0.0"
BASE_PATH = "/v3"

__all__ = ["API_VERSION", "BASE_PATH", "OPERATIONS", "ApiError", "Operation", "build_app", "error_body"]
