//! Per-call options and raw responses.
//!
//! [`CallOptions`] override the client's settings for the calls made through the handle
//! `client.with_options(...)` returns. [`capture`] runs a call and keeps the head of its final
//! response (status, headers, request id) beside the decoded value.

use std::cell::RefCell;
use std::future::Future;
use std::time::Duration;

use reqwest::header::HeaderMap;

/// Settings that override the client's for one call (or every call of a handle).
///
/// ```ignore
/// let fast = client.with_options(CallOptions::new().timeout(Duration::from_millis(500)).retry_attempts(0));
/// let vm = fast.vm().get(&id).await?;
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct CallOptions {
    /// The per-attempt request timeout.
    pub timeout: Option<Duration>,
    /// Retries after the first attempt.
    pub retry_attempts: Option<u32>,
    /// Extra headers sent on every attempt (they never replace `Authorization`, `DWCP-Attempt`,
    /// `X-Request-ID` or `Idempotency-Key`).
    pub headers: Vec<(String, String)>,
    /// The Idempotency-Key of an operation that sends one (instead of a fresh one).
    pub idempotency_key: Option<String>,
}

impl CallOptions {
    /// No overrides.
    pub fn new() -> Self {
        Self::default()
    }

    /// The per-attempt request timeout.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// Retries after the first attempt (0: no retry).
    pub fn retry_attempts(mut self, retries: u32) -> Self {
        self.retry_attempts = Some(retries);
        self
    }

    /// Adds a header to every attempt.
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// The Idempotency-Key to send (operations without one ignore it).
    pub fn idempotency_key(mut self, key: impl Into<String>) -> Self {
        self.idempotency_key = Some(key.into());
        self
    }
}

/// A decoded result with the head of the response it came from.
#[derive(Debug, Clone)]
pub struct Response<T> {
    status: u16,
    headers: HeaderMap,
    request_id: String,
    value: T,
}

impl<T> Response<T> {
    /// The HTTP status of the final response.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// Its headers (names are lower-case).
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// Its request id (the server's `X-Request-ID`, else the call's).
    pub fn request_id(&self) -> &str {
        &self.request_id
    }

    /// The decoded result.
    pub fn get_ref(&self) -> &T {
        &self.value
    }

    /// The decoded result, taking it out.
    pub fn into_inner(self) -> T {
        self.value
    }
}

/// The head of a response, as captured.
#[derive(Debug, Clone, Default)]
pub(crate) struct Head {
    pub status: u16,
    pub headers: HeaderMap,
    pub request_id: String,
}

tokio::task_local! {
    static CAPTURE: RefCell<Option<Head>>;
}

/// Whether a [`capture`] is waiting for a response head in this task.
pub(crate) fn capturing() -> bool {
    CAPTURE.try_with(|_| ()).is_ok()
}

/// Keeps `head` for the [`capture`] running this call, if any.
pub(crate) fn record(head: impl FnOnce() -> Head) {
    let _ = CAPTURE.try_with(|slot| *slot.borrow_mut() = Some(head()));
}

/// Runs `call` and returns its value with the head of the last response it received (the last
/// page of a list); `None` as the head when it received none.
pub async fn capture<T, E, F>(call: F) -> Result<(T, Option<(u16, HeaderMap, String)>), E>
where
    F: Future<Output = Result<T, E>>,
{
    let (value, head) = CAPTURE
        .scope(RefCell::new(None), async move {
            let value = call.await;
            (value, CAPTURE.with(|slot| slot.borrow_mut().take()))
        })
        .await;
    Ok((value?, head.map(|h| (h.status, h.headers, h.request_id))))
}

impl<T> Response<T> {
    /// A response from its parts.
    pub fn new(status: u16, headers: HeaderMap, request_id: String, value: T) -> Self {
        Response {
            status,
            headers,
            request_id,
            value,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn capture_keeps_the_last_head() {
        assert!(!capturing());
        let got: Result<_, ()> = capture(async {
            assert!(capturing());
            record(|| Head {
                status: 201,
                headers: HeaderMap::new(),
                request_id: "r-1".into(),
            });
            record(|| Head {
                status: 200,
                headers: HeaderMap::new(),
                request_id: "r-2".into(),
            });
            Ok(7)
        })
        .await;
        let (value, head) = got.unwrap();
        assert_eq!(value, 7);
        let (status, _, id) = head.unwrap();
        assert_eq!((status, id.as_str()), (200, "r-2"));
        // Outside a capture, recording is a no-op.
        record(|| unreachable!());
    }

    #[test]
    fn options_build() {
        let o = CallOptions::new()
            .timeout(Duration::from_millis(5))
            .retry_attempts(0)
            .header("x-a", "1")
            .idempotency_key("k");
        assert_eq!(o.timeout, Some(Duration::from_millis(5)));
        assert_eq!(o.retry_attempts, Some(0));
        assert_eq!(o.headers, vec![("x-a".to_owned(), "1".to_owned())]);
        assert_eq!(o.idempotency_key.as_deref(), Some("k"));
    }
}
