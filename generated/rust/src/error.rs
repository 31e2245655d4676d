// Code generated from spec/dwcp.yaml by generator/; DO NOT EDIT.
//! The error catalogue as one enum; every variant carries the call's evidence ([`ErrorInfo`]).

use std::time::Duration;

use crate::runtime::backoff::RetryClass;
use crate::runtime::error_info::ErrorInfo;

/// Every error of the SDK.
///
/// Each variant holds an [`ErrorInfo`] whose `Display` is the message, so the reference's
/// `Err(DWCPError::VMNotFound(id)) => println!("VM not found: {}", id)` reads naturally, and
/// `DWCPError::Other("...".into())` builds one from text. The accessors (`status`, `code`,
/// `request_id`, `attempts`, `retry_after`, ...) work on every variant.
///
/// `std::error::Error::source` gives the underlying error when there is one (what a hook returned).
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum DWCPError {
    /// The server could not be reached or is unavailable. (`ConnectionError`, HTTP 503)
    Connection(ErrorInfo),
    /// An operation was called before connect or after disconnect. (`NotConnectedError`)
    NotConnected(ErrorInfo),
    /// The API key is missing or wrong. (`AuthenticationError`, HTTP 401)
    Authentication(ErrorInfo),
    /// The VM (or its snapshot or migration) does not exist. (`VMNotFoundError`, HTTP 404)
    VMNotFound(ErrorInfo),
    /// The operation did not finish in time. (`TimeoutError`, HTTP 504)
    Timeout(ErrorInfo),
    /// The request is not valid in the VM's current state, or malformed. (`InvalidOperationError`, HTTP 400)
    InvalidOperation(ErrorInfo),
    /// A value breaks the spec's constraints; found before any request was sent. (`ValidationError`)
    Config(ErrorInfo),
    /// No capacity, or too many requests or streams. (`ResourceLimitError`, HTTP 429)
    ResourceLimit(ErrorInfo),
    /// The migration failed. (`MigrationError`, HTTP 500)
    Migration(ErrorInfo),
    /// The server failed in a way no other entry describes. (`InternalError`, HTTP 500)
    Internal(ErrorInfo),
    /// A hook the caller installed raised; an attempt it ran before was not sent, and the call stops. (`HookError`)
    Hook(ErrorInfo),
    /// A waiter reached a state it cannot leave successfully (a failure acceptor matched); the error names the state. (`WaiterError`)
    Waiter(ErrorInfo),
    /// Anything else: an unknown server error, or one raised by the caller's own code.
    Other(ErrorInfo),
}

impl std::fmt::Display for DWCPError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DWCPError::Connection(info) => write!(f, "ConnectionError: {info}"),
            DWCPError::NotConnected(info) => write!(f, "NotConnectedError: {info}"),
            DWCPError::Authentication(info) => write!(f, "AuthenticationError: {info}"),
            DWCPError::VMNotFound(info) => write!(f, "VMNotFoundError: {info}"),
            DWCPError::Timeout(info) => write!(f, "TimeoutError: {info}"),
            DWCPError::InvalidOperation(info) => write!(f, "InvalidOperationError: {info}"),
            DWCPError::Config(info) => write!(f, "ValidationError: {info}"),
            DWCPError::ResourceLimit(info) => write!(f, "ResourceLimitError: {info}"),
            DWCPError::Migration(info) => write!(f, "MigrationError: {info}"),
            DWCPError::Internal(info) => write!(f, "InternalError: {info}"),
            DWCPError::Hook(info) => write!(f, "HookError: {info}"),
            DWCPError::Waiter(info) => write!(f, "WaiterError: {info}"),
            DWCPError::Other(info) => write!(f, "{info}"),
        }
    }
}

impl std::error::Error for DWCPError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.info()
            .source
            .as_ref()
            .map(|s| s.get() as &(dyn std::error::Error + 'static))
    }
}

/// `Result` with [`DWCPError`] as the default error.
pub type Result<T, E = DWCPError> = std::result::Result<T, E>;

impl DWCPError {
    /// The variant for a failure the runtime reported: a client-side failure by its code (the
    /// catalogue entry that owns it), else by catalogue type, else by HTTP status.
    pub fn from_info(mut info: ErrorInfo) -> Self {
        if info.status.is_none() {
            if let Some(owner) = code_owner(&info.code) {
                owner.clone_into(&mut info.error_type);
            }
        }
        match info.error_type.as_str() {
            "ConnectionError" => DWCPError::Connection(info),
            "NotConnectedError" => DWCPError::NotConnected(info),
            "AuthenticationError" => DWCPError::Authentication(info),
            "VMNotFoundError" => DWCPError::VMNotFound(info),
            "TimeoutError" => DWCPError::Timeout(info),
            "InvalidOperationError" => DWCPError::InvalidOperation(info),
            "ValidationError" => DWCPError::Config(info),
            "ResourceLimitError" => DWCPError::ResourceLimit(info),
            "MigrationError" => DWCPError::Migration(info),
            "InternalError" => DWCPError::Internal(info),
            "HookError" => DWCPError::Hook(info),
            "WaiterError" => DWCPError::Waiter(info),
            _ => match info.status {
                Some(400) => DWCPError::InvalidOperation(info),
                Some(401) => DWCPError::Authentication(info),
                Some(403) => DWCPError::Authentication(info),
                Some(404) => DWCPError::VMNotFound(info),
                Some(405) => DWCPError::InvalidOperation(info),
                Some(408) => DWCPError::Timeout(info),
                Some(409) => DWCPError::InvalidOperation(info),
                Some(413) => DWCPError::InvalidOperation(info),
                Some(414) => DWCPError::InvalidOperation(info),
                Some(415) => DWCPError::InvalidOperation(info),
                Some(422) => DWCPError::InvalidOperation(info),
                Some(429) => DWCPError::ResourceLimit(info),
                Some(431) => DWCPError::InvalidOperation(info),
                Some(500) => DWCPError::Internal(info),
                Some(501) => DWCPError::Internal(info),
                Some(503) => DWCPError::Connection(info),
                Some(504) => DWCPError::Timeout(info),
                _ => DWCPError::Other(info),
            },
        }
    }

    /// The evidence of the failed call.
    pub fn info(&self) -> &ErrorInfo {
        match self {
            DWCPError::Connection(info) => info,
            DWCPError::NotConnected(info) => info,
            DWCPError::Authentication(info) => info,
            DWCPError::VMNotFound(info) => info,
            DWCPError::Timeout(info) => info,
            DWCPError::InvalidOperation(info) => info,
            DWCPError::Config(info) => info,
            DWCPError::ResourceLimit(info) => info,
            DWCPError::Migration(info) => info,
            DWCPError::Internal(info) => info,
            DWCPError::Hook(info) => info,
            DWCPError::Waiter(info) => info,
            DWCPError::Other(info) => info,
        }
    }

    /// The catalogue name (`VMNotFoundError`, ...); `DWCPError` for [`DWCPError::Other`].
    pub fn category(&self) -> &'static str {
        match self {
            DWCPError::Connection(_) => "ConnectionError",
            DWCPError::NotConnected(_) => "NotConnectedError",
            DWCPError::Authentication(_) => "AuthenticationError",
            DWCPError::VMNotFound(_) => "VMNotFoundError",
            DWCPError::Timeout(_) => "TimeoutError",
            DWCPError::InvalidOperation(_) => "InvalidOperationError",
            DWCPError::Config(_) => "ValidationError",
            DWCPError::ResourceLimit(_) => "ResourceLimitError",
            DWCPError::Migration(_) => "MigrationError",
            DWCPError::Internal(_) => "InternalError",
            DWCPError::Hook(_) => "HookError",
            DWCPError::Waiter(_) => "WaiterError",
            DWCPError::Other(_) => "DWCPError",
        }
    }

    /// The HTTP status of the last attempt (`None` for client-side errors).
    pub fn status(&self) -> Option<u16> {
        self.info().status
    }

    /// The wire code (`vm_not_found`, `client_timeout`, ...).
    pub fn code(&self) -> &str {
        &self.info().code
    }

    /// The error's message.
    pub fn message(&self) -> &str {
        &self.info().message
    }

    /// The `X-Request-ID` of the call.
    pub fn request_id(&self) -> Option<&str> {
        self.info().request_id.as_deref()
    }

    /// Requests made for the call (1 when not retried).
    pub fn attempts(&self) -> u32 {
        self.info().attempts
    }

    /// Whether the client's retry budget refused a retry the retry policy wanted.
    pub fn retry_quota_exhausted(&self) -> bool {
        self.info().retry_quota_exhausted
    }

    /// The server's Retry-After, when it sent one.
    pub fn retry_after(&self) -> Option<Duration> {
        self.info().retry_after
    }

    /// The Idempotency-Key the call carried.
    pub fn idempotency_key(&self) -> Option<&str> {
        self.info().idempotency_key.as_deref()
    }

    /// The offending field of a validation error.
    pub fn field(&self) -> Option<&str> {
        self.info().field.as_deref()
    }

    /// Whether the catalogue says a retry may succeed.
    pub fn is_retryable(&self) -> bool {
        retry_class(self.info()) != RetryClass::Never
    }

    /// A client-side validation failure naming the offending field (code `validation_failed`).
    pub(crate) fn config(field: &str, problem: impl std::fmt::Display) -> Self {
        DWCPError::from_info(ErrorInfo::invalid_field("", field, problem))
    }

    /// A call made before `connect` (code `not_connected`).
    pub(crate) fn not_connected() -> Self {
        DWCPError::client(
            "not_connected",
            "the client is not connected; call connect() first",
        )
    }

    /// An error the client raises itself, of the catalogue entry that owns `code`.
    pub(crate) fn client(code: &str, message: impl Into<String>) -> Self {
        DWCPError::from_info(ErrorInfo::client("", code, message))
    }
}

impl From<ErrorInfo> for DWCPError {
    fn from(info: ErrorInfo) -> Self {
        DWCPError::from_info(info)
    }
}

/// The catalogue name of the entry that owns a wire code.
fn code_owner(code: &str) -> Option<&'static str> {
    match code {
        "unavailable" => Some("ConnectionError"),
        "too_many_connections" => Some("ConnectionError"),
        "connection_refused" => Some("ConnectionError"),
        "connection_reset" => Some("ConnectionError"),
        "malformed_response" => Some("ConnectionError"),
        "response_too_large" => Some("ConnectionError"),
        "tls_failed" => Some("ConnectionError"),
        "not_connected" => Some("NotConnectedError"),
        "unauthenticated" => Some("AuthenticationError"),
        "forbidden_origin" => Some("AuthenticationError"),
        "vm_not_found" => Some("VMNotFoundError"),
        "snapshot_not_found" => Some("VMNotFoundError"),
        "migration_not_found" => Some("VMNotFoundError"),
        "route_not_found" => Some("VMNotFoundError"),
        "deadline_exceeded" => Some("TimeoutError"),
        "request_timeout" => Some("TimeoutError"),
        "client_timeout" => Some("TimeoutError"),
        "wait_timeout" => Some("TimeoutError"),
        "invalid_argument" => Some("InvalidOperationError"),
        "invalid_state" => Some("InvalidOperationError"),
        "method_not_allowed" => Some("InvalidOperationError"),
        "payload_too_large" => Some("InvalidOperationError"),
        "uri_too_long" => Some("InvalidOperationError"),
        "unsupported_media_type" => Some("InvalidOperationError"),
        "headers_too_large" => Some("InvalidOperationError"),
        "migration_in_progress" => Some("InvalidOperationError"),
        "idempotency_key_reused" => Some("InvalidOperationError"),
        "idempotency_key_in_use" => Some("InvalidOperationError"),
        "validation_failed" => Some("ValidationError"),
        "resource_exhausted" => Some("ResourceLimitError"),
        "too_many_streams" => Some("ResourceLimitError"),
        "rate_limited" => Some("ResourceLimitError"),
        "migration_failed" => Some("MigrationError"),
        "not_converging" => Some("MigrationError"),
        "internal" => Some("InternalError"),
        "not_implemented" => Some("InternalError"),
        "hook_failed" => Some("HookError"),
        "waiter_failed" => Some("WaiterError"),
        _ => None,
    }
}

/// The catalogue's retry class of a failure: by type and code, then type, then HTTP status.
pub(crate) fn retry_class(info: &ErrorInfo) -> RetryClass {
    match (info.error_type.as_str(), info.code.as_str()) {
        ("ConnectionError", "unavailable") => RetryClass::Retry,
        ("ConnectionError", "too_many_connections") => RetryClass::Retry,
        ("ConnectionError", "connection_refused") => RetryClass::Retry,
        ("ConnectionError", "connection_reset") => RetryClass::Retry,
        ("ConnectionError", "malformed_response") => RetryClass::Never,
        ("ConnectionError", "response_too_large") => RetryClass::Never,
        ("ConnectionError", "tls_failed") => RetryClass::Never,
        ("NotConnectedError", "not_connected") => RetryClass::Never,
        ("AuthenticationError", "unauthenticated") => RetryClass::Never,
        ("AuthenticationError", "forbidden_origin") => RetryClass::Never,
        ("VMNotFoundError", "vm_not_found") => RetryClass::Never,
        ("VMNotFoundError", "snapshot_not_found") => RetryClass::Never,
        ("VMNotFoundError", "migration_not_found") => RetryClass::Never,
        ("VMNotFoundError", "route_not_found") => RetryClass::Never,
        ("TimeoutError", "deadline_exceeded") => RetryClass::Retry,
        ("TimeoutError", "request_timeout") => RetryClass::Retry,
        ("TimeoutError", "client_timeout") => RetryClass::Retry,
        ("TimeoutError", "wait_timeout") => RetryClass::Never,
        ("InvalidOperationError", "invalid_argument") => RetryClass::Never,
        ("InvalidOperationError", "invalid_state") => RetryClass::Never,
        ("InvalidOperationError", "method_not_allowed") => RetryClass::Never,
        ("InvalidOperationError", "payload_too_large") => RetryClass::Never,
        ("InvalidOperationError", "uri_too_long") => RetryClass::Never,
        ("InvalidOperationError", "unsupported_media_type") => RetryClass::Never,
        ("InvalidOperationError", "headers_too_large") => RetryClass::Never,
        ("InvalidOperationError", "migration_in_progress") => RetryClass::Never,
        ("InvalidOperationError", "idempotency_key_reused") => RetryClass::Never,
        ("InvalidOperationError", "idempotency_key_in_use") => RetryClass::Retry,
        ("ValidationError", "validation_failed") => RetryClass::Never,
        ("ResourceLimitError", "resource_exhausted") => RetryClass::AfterRetryAfter,
        ("ResourceLimitError", "too_many_streams") => RetryClass::AfterRetryAfter,
        ("ResourceLimitError", "rate_limited") => RetryClass::AfterRetryAfter,
        ("MigrationError", "migration_failed") => RetryClass::WithIdempotencyKey,
        ("MigrationError", "not_converging") => RetryClass::Never,
        ("InternalError", "internal") => RetryClass::WithIdempotencyKey,
        ("InternalError", "not_implemented") => RetryClass::Never,
        ("HookError", "hook_failed") => RetryClass::Never,
        ("WaiterError", "waiter_failed") => RetryClass::Never,
        ("ConnectionError", _) => RetryClass::Retry,
        ("NotConnectedError", _) => RetryClass::Never,
        ("AuthenticationError", _) => RetryClass::Never,
        ("VMNotFoundError", _) => RetryClass::Never,
        ("TimeoutError", _) => RetryClass::Retry,
        ("InvalidOperationError", _) => RetryClass::Never,
        ("ValidationError", _) => RetryClass::Never,
        ("ResourceLimitError", _) => RetryClass::AfterRetryAfter,
        ("MigrationError", _) => RetryClass::WithIdempotencyKey,
        ("InternalError", _) => RetryClass::WithIdempotencyKey,
        ("HookError", _) => RetryClass::Never,
        ("WaiterError", _) => RetryClass::Never,
        _ => match info.status {
            Some(400) => RetryClass::Never,
            Some(401) => RetryClass::Never,
            Some(403) => RetryClass::Never,
            Some(404) => RetryClass::Never,
            Some(405) => RetryClass::Never,
            Some(408) => RetryClass::Retry,
            Some(409) => RetryClass::Never,
            Some(413) => RetryClass::Never,
            Some(414) => RetryClass::Never,
            Some(415) => RetryClass::Never,
            Some(422) => RetryClass::Never,
            Some(429) => RetryClass::AfterRetryAfter,
            Some(431) => RetryClass::Never,
            Some(500) => RetryClass::WithIdempotencyKey,
            Some(501) => RetryClass::WithIdempotencyKey,
            Some(503) => RetryClass::Retry,
            Some(504) => RetryClass::Retry,
            _ => RetryClass::Never,
        },
    }
}
