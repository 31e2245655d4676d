//! One logical call over HTTP: headers, per-attempt timeouts, retries and typed failures.

use std::sync::{Arc, RwLock};
use std::time::Duration;

use bytes::Bytes;
use reqwest::header::{HeaderMap, HeaderValue, ACCEPT, AUTHORIZATION, CONTENT_TYPE};
use reqwest::{Method, Url};
use serde::Deserialize;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use super::backoff::{parse_retry_after, RetryClass, RetryPolicy};
use super::error_info::{ErrorDetails, ErrorInfo};
use super::ids::new_id;
use super::metrics::Counters;

/// Header names fixed by the spec's retry policy.
pub mod headers {
    /// One id per logical call, echoed by the server.
    pub const REQUEST_ID: &str = "x-request-id";
    /// 1 on the first attempt, 2 on the first retry, ...
    pub const ATTEMPT: &str = "dwcp-attempt";
    /// One key per non-idempotent logical call, reused on every attempt.
    pub const IDEMPOTENCY_KEY: &str = "idempotency-key";
    /// Milliseconds to wait before retrying.
    pub const RETRY_AFTER_MS: &str = "retry-after-ms";
    /// Seconds (or an HTTP date) to wait before retrying.
    pub const RETRY_AFTER: &str = "retry-after";
    /// The SSE resume point.
    pub const LAST_EVENT_ID: &str = "last-event-id";
}

/// Maps a failure to its retry class (built by the generated code from the error catalogue).
pub type Classifier = fn(&ErrorInfo) -> RetryClass;

/// A request of one operation, before ids and attempts are added.
#[derive(Debug, Clone)]
pub struct Request {
    /// The operation id (`vm.create`), for messages.
    pub op: &'static str,
    /// The HTTP method.
    pub method: Method,
    /// The path under the base URL, already encoded.
    pub path: String,
    /// Query parameters.
    pub query: Vec<(&'static str, String)>,
    /// The JSON body, serialized once so every attempt sends identical bytes.
    pub body: Option<Bytes>,
    /// Whether the call carries an Idempotency-Key.
    pub keyed: bool,
    /// Whether the call sends the API key.
    pub auth: bool,
}

impl Request {
    /// A request without query, body or key.
    pub fn new(op: &'static str, method: Method, path: String) -> Self {
        Request {
            op,
            method,
            path,
            query: Vec::new(),
            body: None,
            keyed: false,
            auth: true,
        }
    }
}

/// A successful response.
#[derive(Debug)]
pub struct Reply {
    /// HTTP status.
    pub status: u16,
    /// The body.
    pub body: Bytes,
    /// The request id of the call.
    pub request_id: String,
}

/// What one attempt needs besides the request.
pub(crate) struct Attempt<'a> {
    pub request_id: &'a str,
    pub key: Option<&'a str>,
    pub number: u32,
    pub last_event_id: Option<&'a str>,
}

/// The HTTP client of one DWCP client: connection pool, credentials, policy and counters.
pub struct Transport {
    /// Swapped for a fresh one by `reset_connections` (dropping the old pool closes its sockets).
    http: RwLock<reqwest::Client>,
    base: Url,
    auth: Option<HeaderValue>,
    /// The retry policy.
    pub policy: RetryPolicy,
    classify: Classifier,
    /// The client's counters.
    pub counters: Arc<Counters>,
    /// One permit per connection in use: caps open connections (and streams) at `max_streams`.
    slots: Arc<Semaphore>,
}

impl std::fmt::Debug for Transport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The credentials stay out of Debug on purpose.
        f.debug_struct("Transport")
            .field("base", &self.base.as_str())
            .field("policy", &self.policy)
            .finish_non_exhaustive()
    }
}

impl Transport {
    /// A transport for `base` (`http://host:port/v3`) sending `api_key` as a bearer token,
    /// with at most `max_connections` requests or streams in flight.
    pub fn new(
        http: reqwest::Client,
        base: Url,
        api_key: &str,
        policy: RetryPolicy,
        classify: Classifier,
        max_connections: usize,
    ) -> Result<Self, ErrorInfo> {
        let auth = if api_key.is_empty() {
            None
        } else {
            let mut value = HeaderValue::from_str(&format!("Bearer {api_key}")).map_err(|_| {
                ErrorInfo::invalid_field("ValidationError", "api_key", "contains invalid characters")
            })?;
            value.set_sensitive(true);
            Some(value)
        };
        Ok(Transport {
            http: RwLock::new(http),
            base,
            auth,
            policy,
            classify,
            counters: Arc::new(Counters::default()),
            slots: Arc::new(Semaphore::new(max_connections.max(1))),
        })
    }

    /// Replaces the connection pool: idle connections of the old one close, in-flight calls finish.
    pub fn reset_connections(&self, http: reqwest::Client) {
        let mut current = self.http.write().unwrap_or_else(|poisoned| poisoned.into_inner());
        *current = http;
    }

    fn http(&self) -> reqwest::Client {
        self.http.read().unwrap_or_else(|poisoned| poisoned.into_inner()).clone()
    }

    /// Waits for a free connection slot (held until the response, or the stream, is done).
    pub(crate) async fn slot(&self) -> Result<OwnedSemaphorePermit, ErrorInfo> {
        self.slots
            .clone()
            .acquire_owned()
            .await
            .map_err(|_| ErrorInfo::client("ConnectionError", "connection_refused", "the client is closed"))
    }

    /// Runs `request` with retries; the error is the last attempt's, with the attempt count.
    pub async fn execute(&self, request: &Request) -> Result<Reply, ErrorInfo> {
        let request_id = new_id();
        let key = request.keyed.then(new_id);
        let mut number = 0;
        loop {
            number += 1;
            let attempt = Attempt {
                request_id: &request_id,
                key: key.as_deref(),
                number,
                last_event_id: None,
            };
            let mut info = match self.attempt(request, &attempt).await {
                Ok(reply) => return Ok(reply),
                Err(info) => info,
            };
            info.attempts = number;
            info.request_id.get_or_insert_with(|| request_id.clone());
            info.idempotency_key.clone_from(&key);
            let class = (self.classify)(&info);
            match self.policy.decide(class, number, key.is_some(), info.retry_after) {
                Some(wait) => tokio::time::sleep(wait).await,
                None => {
                    self.counters.failed();
                    return Err(info);
                }
            }
        }
    }

    /// Classifies a failure with the catalogue's table.
    pub fn classify(&self, info: &ErrorInfo) -> RetryClass {
        (self.classify)(info)
    }

    async fn attempt(&self, request: &Request, attempt: &Attempt<'_>) -> Result<Reply, ErrorInfo> {
        // Queueing for a slot is not part of the attempt, so it is outside the attempt's timeout.
        let _slot = self.slot().await?;
        let timeout = self.policy.attempt_timeout;
        let run = async {
            let response = self.send(request, attempt).await?;
            let status = response.status().as_u16();
            let head = response.headers().clone();
            let body = response.bytes().await.map_err(|e| transport_error(request.op, &e))?;
            self.counters.received(body.len());
            if (200..300).contains(&status) {
                Ok(Reply {
                    status,
                    body,
                    request_id: attempt.request_id.to_owned(),
                })
            } else {
                Err(status_error(status, &head, &body))
            }
        };
        match tokio::time::timeout(timeout, run).await {
            Ok(outcome) => outcome,
            Err(_) => Err(timeout_error(request.op, timeout)),
        }
    }

    /// Sends one attempt and returns the response head (the body is still to be read).
    pub(crate) async fn send(
        &self,
        request: &Request,
        attempt: &Attempt<'_>,
    ) -> Result<reqwest::Response, ErrorInfo> {
        let mut url = self.url(&request.path);
        if !request.query.is_empty() {
            url.query_pairs_mut().extend_pairs(request.query.iter().map(|(k, v)| (*k, v.as_str())));
        }
        let http = self.http();
        let mut builder = http
            .request(request.method.clone(), url)
            .header(headers::REQUEST_ID, attempt.request_id)
            .header(headers::ATTEMPT, attempt.number);
        if let (true, Some(auth)) = (request.auth, &self.auth) {
            builder = builder.header(AUTHORIZATION, auth.clone());
        }
        if let Some(key) = attempt.key {
            builder = builder.header(headers::IDEMPOTENCY_KEY, key);
        }
        if let Some(id) = attempt.last_event_id {
            // An empty id means "from the start": no header at all (WHATWG).
            if !id.is_empty() {
                builder = builder.header(headers::LAST_EVENT_ID, id);
            }
            builder = builder.header(ACCEPT, "text/event-stream");
        } else {
            builder = builder.header(ACCEPT, "application/json");
        }
        if let Some(body) = &request.body {
            // Bytes clones share the buffer: every attempt sends the very same bytes.
            builder = builder.header(CONTENT_TYPE, "application/json").body(body.clone());
        }
        let built = builder.build().map_err(|e| transport_error(request.op, &e))?;
        self.counters.sent(request.body.as_ref().map_or(0, Bytes::len) + head_size(&built));
        http.execute(built).await.map_err(|e| transport_error(request.op, &e))
    }

    fn url(&self, path: &str) -> Url {
        let mut url = self.base.clone();
        let joined = format!("{}{}", url.path().trim_end_matches('/'), path);
        url.set_path(&joined);
        url
    }
}

/// The size of a request's line and headers as sent (HTTP/1.1 framing, approximately).
fn head_size(request: &reqwest::Request) -> usize {
    let line = request.method().as_str().len() + request.url().as_str().len() + 12;
    let fields: usize = request.headers().iter().map(|(k, v)| k.as_str().len() + v.len() + 4).sum();
    line + fields + 2
}

/// The `{"error": {...}}` body of every error response.
#[derive(Deserialize)]
struct WireErrorBody {
    error: WireError,
}

#[derive(Deserialize)]
struct WireError {
    #[serde(rename = "type", default)]
    error_type: String,
    #[serde(default)]
    code: String,
    #[serde(default)]
    message: String,
    #[serde(default)]
    request_id: Option<String>,
    #[serde(default)]
    details: Option<serde_json::Value>,
}

/// The typed failure of a non-2xx response; a body that is not a DWCP error keeps the status
/// (the catalogue maps bare statuses) and a short excerpt as the message.
pub fn status_error(status: u16, head: &HeaderMap, body: &[u8]) -> ErrorInfo {
    let header = |name: &str| head.get(name).and_then(|v| v.to_str().ok());
    let retry_after = parse_retry_after(header(headers::RETRY_AFTER_MS), header(headers::RETRY_AFTER));
    let header_id = header(headers::REQUEST_ID).map(str::to_owned);
    let mut info: ErrorInfo = match serde_json::from_slice::<WireErrorBody>(body) {
        Ok(WireErrorBody { error }) => ErrorDetails {
            field: error
                .details
                .as_ref()
                .and_then(|d| d.get("field"))
                .and_then(|f| f.as_str())
                .map(str::to_owned),
            error_type: error.error_type,
            code: error.code,
            message: error.message,
            request_id: error.request_id,
            details: error.details,
            ..ErrorDetails::default()
        }
        .into(),
        Err(_) => ErrorInfo::from(format!("HTTP {status}: {}", excerpt(body))),
    };
    info.status = Some(status);
    info.retry_after = retry_after;
    if info.request_id.is_none() {
        info.request_id = header_id;
    }
    info
}

fn excerpt(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(&body[..body.len().min(200)]);
    if text.trim().is_empty() {
        "empty body".to_owned()
    } else {
        text.into_owned()
    }
}

/// A failure below HTTP: refused, reset, timed out.
pub fn transport_error(op: &str, error: &reqwest::Error) -> ErrorInfo {
    if error.is_timeout() {
        return ErrorInfo::client("TimeoutError", "client_timeout", format!("{op}: timed out"));
    }
    let code = if error.is_connect() { "connection_refused" } else { "connection_reset" };
    // Only the kind of failure is shown: the source chain may name the URL, never the key.
    let detail = if error.is_connect() {
        "could not connect"
    } else if error.is_body() || error.is_decode() {
        "the response body was cut off"
    } else {
        "the connection failed"
    };
    ErrorInfo::client("ConnectionError", code, format!("{op}: {detail}"))
}

/// The per-attempt timeout expired.
pub fn timeout_error(op: &str, limit: Duration) -> ErrorInfo {
    ErrorInfo::client(
        "TimeoutError",
        "client_timeout",
        format!("{op}: no response within {} ms", limit.as_millis()),
    )
}

/// A 2xx response whose body is not what the spec promises.
pub fn malformed(op: &str, reply: &Reply, why: &serde_json::Error) -> ErrorInfo {
    let mut info = ErrorInfo::client(
        "ConnectionError",
        "malformed_response",
        format!("{op}: malformed response: {why}"),
    );
    info.status = Some(reply.status);
    info.request_id = Some(reply.request_id.clone());
    info.attempts = 1;
    info
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_error_bodies_are_read() {
        let mut head = HeaderMap::new();
        head.insert("retry-after", HeaderValue::from_static("2"));
        head.insert("x-request-id", HeaderValue::from_static("r-1"));
        let body = br#"{"error":{"type":"ResourceLimitError","code":"rate_limited","message":"slow down","retryable":true,"details":{"field":"x"}}}"#;
        let info = status_error(429, &head, body);
        assert_eq!(info.error_type, "ResourceLimitError");
        assert_eq!(info.code, "rate_limited");
        assert_eq!(info.status, Some(429));
        assert_eq!(info.retry_after, Some(Duration::from_secs(2)));
        assert_eq!(info.request_id.as_deref(), Some("r-1"));
        assert_eq!(info.field.as_deref(), Some("x"));
    }

    #[test]
    fn broken_error_bodies_keep_the_status() {
        let info = status_error(503, &HeaderMap::new(), b"{\"error\": ");
        assert_eq!(info.status, Some(503));
        assert!(info.error_type.is_empty());
        assert!(info.message.starts_with("HTTP 503"));
    }

    #[test]
    fn api_key_stays_out_of_debug() {
        let policy = RetryPolicy {
            retries: 0,
            base: Duration::ZERO,
            max_backoff: Duration::ZERO,
            max_retry_after: Duration::ZERO,
            attempt_timeout: Duration::from_secs(1),
            jitter: Default::default(),
        };
        let base = Url::parse("http://localhost:9000/v3").unwrap();
        let t = Transport::new(reqwest::Client::new(), base, "sekret-key", policy, |_| RetryClass::Never, 1).unwrap();
        assert!(!format!("{t:?}").contains("sekret"));
        assert_eq!(t.url("/vms/a").as_str(), "http://localhost:9000/v3/vms/a");
    }
}
