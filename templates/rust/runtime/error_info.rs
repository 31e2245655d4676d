//! The evidence every error carries: status, code, request id, attempts, retry-after.

use std::fmt;
use std::ops::{Deref, DerefMut};
use std::sync::Arc;
use std::time::Duration;

/// Details of a failed call, shared by every `DWCPError` variant.
///
/// `Display` prints the message only, so `println!("{}", info)` reads like a plain message; the
/// fields of [`ErrorDetails`] are readable through it (`info.status`) and through the
/// accessors of `DWCPError`. The details are boxed so that `Result<T, DWCPError>` stays small.
#[derive(Clone, Default, PartialEq)]
pub struct ErrorInfo(Box<ErrorDetails>);

/// The fields of an [`ErrorInfo`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ErrorDetails {
    /// Catalogue name as on the wire (`VMNotFoundError`), or empty when unknown.
    pub error_type: String,
    /// Wire code (`vm_not_found`, `client_timeout`, ...), or empty when unknown.
    pub code: String,
    /// Human-readable text.
    pub message: String,
    /// HTTP status of the last attempt; `None` for client-side errors.
    pub status: Option<u16>,
    /// The `X-Request-ID` of the logical call.
    pub request_id: Option<String>,
    /// Requests made for the call (1 when it was not retried, 0 when none was sent).
    pub attempts: u32,
    /// The server's Retry-After / Retry-After-Ms, when it sent one.
    pub retry_after: Option<Duration>,
    /// The Idempotency-Key the call carried, if any.
    pub idempotency_key: Option<String>,
    /// The offending field of a validation error.
    pub field: Option<String>,
    /// Structured details from the error body.
    pub details: Option<serde_json::Value>,
    /// The underlying error: what a hook returned (for the hook error).
    pub source: Option<ErrorSource>,
    /// The retry budget refused a retry the retry policy wanted (this is the last attempt's error).
    pub retry_quota_exhausted: bool,
}

/// The underlying error of an [`ErrorInfo`], shared by its clones.
#[derive(Clone)]
pub struct ErrorSource(Arc<dyn std::error::Error + Send + Sync + 'static>);

impl ErrorSource {
    /// The error itself.
    pub fn get(&self) -> &(dyn std::error::Error + Send + Sync + 'static) {
        &*self.0
    }
}

impl From<Arc<dyn std::error::Error + Send + Sync + 'static>> for ErrorSource {
    fn from(error: Arc<dyn std::error::Error + Send + Sync + 'static>) -> Self {
        ErrorSource(error)
    }
}

impl PartialEq for ErrorSource {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl fmt::Debug for ErrorSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for ErrorSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&*self.0, f)
    }
}

impl ErrorInfo {
    /// A client-side error of the given catalogue type and code.
    pub fn client(error_type: &str, code: &str, message: impl Into<String>) -> Self {
        ErrorInfo::from(ErrorDetails {
            error_type: error_type.to_owned(),
            code: code.to_owned(),
            message: message.into(),
            ..ErrorDetails::default()
        })
    }

    /// A validation error naming `field`.
    pub fn invalid_field(error_type: &str, field: &str, message: impl fmt::Display) -> Self {
        let mut info = ErrorInfo::client(error_type, "validation_failed", format!("{field}: {message}"));
        info.field = Some(field.to_owned());
        info
    }
}

impl From<ErrorDetails> for ErrorInfo {
    fn from(details: ErrorDetails) -> Self {
        ErrorInfo(Box::new(details))
    }
}

impl Deref for ErrorInfo {
    type Target = ErrorDetails;

    fn deref(&self) -> &ErrorDetails {
        &self.0
    }
}

impl DerefMut for ErrorInfo {
    fn deref_mut(&mut self) -> &mut ErrorDetails {
        &mut self.0
    }
}

impl fmt::Debug for ErrorInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for ErrorInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl From<&str> for ErrorInfo {
    fn from(message: &str) -> Self {
        ErrorInfo::from(message.to_owned())
    }
}

impl From<String> for ErrorInfo {
    fn from(message: String) -> Self {
        ErrorInfo::from(ErrorDetails {
            message,
            ..ErrorDetails::default()
        })
    }
}
