//! One logical call over HTTP: headers, per-attempt timeouts, retries and typed failures.

use std::sync::{Arc, RwLock};
use std::time::Duration;

use bytes::Bytes;
use reqwest::header::{HeaderMap, HeaderName, HeaderValue, ACCEPT, AUTHORIZATION, CONTENT_TYPE, USER_AGENT};
use reqwest::{Method, Url};
use serde::Deserialize;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio::time::Instant;

use super::backoff::{parse_retry_after, RetryClass, RetryPolicy};
use super::budget::Bucket;
use super::error_info::{ErrorDetails, ErrorInfo};
use super::hooks::{hook_error, AfterResponse, BeforeAttempt, BeforeRetry, CallInfo, Interceptors, OnError};
use super::ids::new_id;
use super::log::{self, LogLevel};
use super::metrics::Counters;
use super::options::CallOptions;
#[cfg(feature = "otel")]
use super::otel;

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
    /// The path template of the spec (`/vms/{vm_id}`), for hooks, logs and spans.
    pub template: &'static str,
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
    pub fn new(op: &'static str, method: Method, template: &'static str, path: String) -> Self {
        Request {
            op,
            method,
            path,
            template,
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
    /// The response headers.
    pub headers: HeaderMap,
}

/// What the attempt loop reports and whom it tells: hooks, log events, spans, the User-Agent.
#[derive(Clone)]
pub struct Observe {
    /// The client's hooks, in order.
    pub interceptors: Interceptors,
    /// What the SDK logs (`DWCP_LOG` when the client was built).
    pub log: LogLevel,
    /// The spec's `secret` field names, redacted in logged bodies.
    pub secrets: &'static [&'static str],
    /// The User-Agent of every attempt.
    pub user_agent: HeaderValue,
    /// The tracer of the `otel` feature (`None`: no spans).
    #[cfg(feature = "otel")]
    pub tracer: Option<Arc<opentelemetry::global::BoxedTracer>>,
}

impl Default for Observe {
    fn default() -> Self {
        Observe {
            interceptors: Interceptors::default(),
            log: LogLevel::Off,
            secrets: &[],
            user_agent: HeaderValue::from_static(user_agent()),
            #[cfg(feature = "otel")]
            tracer: None,
        }
    }
}

impl std::fmt::Debug for Observe {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Observe")
            .field("interceptors", &self.interceptors)
            .field("log", &self.log)
            .finish_non_exhaustive()
    }
}

/// `dwcp-rust/<version> (rustc <version>; <os>; <arch>)`.
pub fn user_agent() -> &'static str {
    static AGENT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    AGENT.get_or_init(|| {
        format!(
            "{}-rust/{} (rustc {}; {}; {})",
            env!("CARGO_PKG_NAME"),
            env!("CARGO_PKG_VERSION"),
            env!("DWCP_RUSTC_VERSION"),
            std::env::consts::OS,
            std::env::consts::ARCH
        )
    })
}

/// Headers a call's extra headers never replace.
const RESERVED: [&str; 4] = ["authorization", headers::ATTEMPT, headers::REQUEST_ID, headers::IDEMPOTENCY_KEY];

/// One logical call in the attempt loop: its ids, its attempt count and its effective policy.
pub(crate) struct Call {
    pub request_id: String,
    pub key: Option<String>,
    /// Attempts started (the `DWCP-Attempt` of the latest).
    pub attempt: u32,
    /// The client's policy with the call's overrides.
    pub policy: RetryPolicy,
    extra: Vec<(HeaderName, HeaderValue)>,
    /// What the call's last retry took from the budget (`None`: no retry yet).
    retry_cost: Option<u32>,
    /// The latest attempt: whether it was sent, its response status, when it started.
    sent: bool,
    status: Option<u16>,
    started: Instant,
    #[cfg(feature = "otel")]
    span: Option<otel::CallSpan>,
    #[cfg(feature = "otel")]
    attempt_span: Option<otel::AttemptSpan>,
}

impl Call {
    fn info<'a>(&'a self, request: &'a Request) -> CallInfo<'a> {
        CallInfo {
            operation: request.op,
            method: request.method.as_str(),
            path_template: request.template,
            attempt: self.attempt,
            request_id: &self.request_id,
            idempotency_key: self.key.as_deref(),
        }
    }
}

/// Whether `info` is the error of a hook (never retried).
fn is_hook_error(info: &ErrorInfo) -> bool {
    info.status.is_none() && info.code == "hook_failed"
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
    observe: Observe,
    /// The client's retry budget.
    pub budget: Bucket,
    /// The longest SSE line a stream accepts (`buffer_size`).
    pub buffer_size: usize,
    #[cfg(feature = "otel")]
    server: otel::Server,
}

impl std::fmt::Debug for Transport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The credentials stay out of Debug on purpose.
        f.debug_struct("Transport")
            .field("base", &self.base.as_str())
            .field("policy", &self.policy)
            .field("observe", &self.observe)
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
        #[cfg(feature = "otel")]
        let server = otel::Server {
            address: base.host_str().unwrap_or_default().to_owned(),
            port: base.port_or_known_default().unwrap_or_default(),
        };
        Ok(Transport {
            http: RwLock::new(http),
            base,
            auth,
            policy,
            classify,
            counters: Arc::new(Counters::default()),
            buffer_size: 65536,
            slots: Arc::new(Semaphore::new(max_connections.max(1))),
            observe: Observe::default(),
            budget: Bucket::default(),
            #[cfg(feature = "otel")]
            server,
        })
    }

    /// Sets the hooks, log level and tracer every call reports to.
    pub fn with_observe(mut self, observe: Observe) -> Self {
        self.observe = observe;
        self
    }

    /// Sets the retry budget.
    pub fn with_budget(mut self, budget: Bucket) -> Self {
        self.budget = budget;
        self
    }

    /// Sets the longest SSE line a stream accepts.
    #[must_use]
    pub fn with_buffer_size(mut self, buffer_size: usize) -> Self {
        self.buffer_size = buffer_size;
        self
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

    /// Classifies a failure with the catalogue's table.
    pub fn classify(&self, info: &ErrorInfo) -> RetryClass {
        (self.classify)(info)
    }

    /// Runs `request` with retries; the error is the last attempt's, with the attempt count.
    pub async fn execute(&self, request: &Request, options: Option<&CallOptions>) -> Result<Reply, ErrorInfo> {
        self.execute_then(request, options, |_| Ok(())).await.map(|(reply, ())| reply)
    }

    /// Runs `request` with retries, then `decode`s the 2xx reply; a body that does not decode
    /// ends the call with that error (not retried: the server did answer).
    pub async fn execute_then<T>(
        &self,
        request: &Request,
        options: Option<&CallOptions>,
        decode: impl FnOnce(&Reply) -> Result<T, ErrorInfo>,
    ) -> Result<(Reply, T), ErrorInfo> {
        let mut call = self.begin(request, options)?;
        loop {
            let mut info = match self.unary_attempt(&mut call, request).await {
                Ok(reply) => match decode(&reply) {
                    Ok(value) => {
                        self.succeed(&mut call);
                        return Ok((reply, value));
                    }
                    Err(mut info) => {
                        info.attempts = call.attempt;
                        return Err(self.fail(&mut call, request, info));
                    }
                },
                Err(info) => info,
            };
            let wait = if is_hook_error(&info) {
                None
            } else {
                info.attempts = call.attempt;
                let class = (self.classify)(&info);
                call.policy.decide(class, call.attempt, call.key.is_some(), info.retry_after)
            };
            self.next_attempt(&mut call, request, info, wait).await?;
        }
    }

    /// Starts a call: its ids, its policy with `options` applied, its span.
    pub(crate) fn begin(&self, request: &Request, options: Option<&CallOptions>) -> Result<Call, ErrorInfo> {
        let mut policy = self.policy;
        let mut extra = Vec::new();
        let mut key = None;
        if let Some(options) = options {
            if let Some(timeout) = options.timeout {
                policy.attempt_timeout = timeout;
            }
            if let Some(retries) = options.retry_attempts {
                policy.retries = retries;
            }
            for (name, value) in &options.headers {
                let bad = |what: &str| ErrorInfo::invalid_field("ValidationError", "headers", format!("{name:?}: not a valid header {what}"));
                let name = HeaderName::from_bytes(name.as_bytes()).map_err(|_| bad("name"))?;
                let value = HeaderValue::from_str(value).map_err(|_| bad("value"))?;
                if !RESERVED.contains(&name.as_str()) {
                    extra.push((name, value));
                }
            }
            if request.keyed {
                key.clone_from(&options.idempotency_key);
            }
        }
        if request.keyed && key.is_none() {
            key = Some(new_id());
        }
        Ok(Call {
            request_id: new_id(),
            key,
            attempt: 0,
            policy,
            extra,
            retry_cost: None,
            sent: false,
            status: None,
            started: Instant::now(),
            #[cfg(feature = "otel")]
            span: self.observe.tracer.as_ref().map(|t| otel::CallSpan::start(t, request.op)),
            #[cfg(feature = "otel")]
            attempt_span: None,
        })
    }

    /// One attempt of a unary call: send, read the whole body, type a failure.
    async fn unary_attempt(&self, call: &mut Call, request: &Request) -> Result<Reply, ErrorInfo> {
        // Queueing for a slot is not part of the attempt, so it is outside the attempt's timeout.
        let _slot = self.slot().await?;
        let timeout = call.policy.attempt_timeout;
        let run = async {
            let mut response = self.send(call, request, None).await?;
            let status = response.status().as_u16();
            let head = std::mem::take(response.headers_mut());
            let body = if (200..300).contains(&status) {
                read_success_body(request.op, response, SUCCESS_BODY_LIMIT).await?
            } else {
                read_error_body(response).await.map_err(|e| transport_error(request.op, &e))?
            };
            self.counters.received(body.len());
            if self.observe.log >= LogLevel::Debug {
                log::exchange("response", request.op, call.attempt, &head, &body, self.observe.secrets);
            }
            if (200..300).contains(&status) {
                Ok(Reply {
                    status,
                    body,
                    request_id: call.request_id.clone(),
                    headers: head,
                })
            } else {
                Err(status_error(status, &head, &body))
            }
        };
        let outcome = match tokio::time::timeout(timeout, run).await {
            Ok(outcome) => outcome,
            Err(_) => Err(timeout_error(request.op, timeout)),
        };
        self.end_attempt(call, request, outcome.as_ref().err());
        // hyper hands a finished connection back to its pool from a task of its own; letting that
        // task run before the slot is freed keeps the next call from opening a connection beside it.
        tokio::task::yield_now().await;
        outcome
    }

    /// Sends one attempt (the loop's only writer of `DWCP-Attempt`) and returns the response
    /// head; the body is still to be read. Hooks see the attempt before it is written and the
    /// head when it arrives.
    pub(crate) async fn send(
        &self,
        call: &mut Call,
        request: &Request,
        last_event_id: Option<&str>,
    ) -> Result<reqwest::Response, ErrorInfo> {
        call.attempt += 1;
        call.sent = false;
        call.status = None;
        let mut url = self.url(&request.path);
        if !request.query.is_empty() {
            url.query_pairs_mut().extend_pairs(request.query.iter().map(|(k, v)| (*k, v.as_str())));
        }
        let http = self.http();
        let mut builder = http
            .request(request.method.clone(), url)
            .header(headers::REQUEST_ID, call.request_id.as_str())
            .header(headers::ATTEMPT, call.attempt)
            .header(USER_AGENT, self.observe.user_agent.clone());
        if let (true, Some(auth)) = (request.auth, &self.auth) {
            builder = builder.header(AUTHORIZATION, auth.clone());
        }
        if let Some(key) = &call.key {
            builder = builder.header(headers::IDEMPOTENCY_KEY, key.as_str());
        }
        if let Some(id) = last_event_id {
            // An empty id means "from the start": no header at all (WHATWG).
            if !id.is_empty() {
                builder = builder.header(headers::LAST_EVENT_ID, id);
            }
            builder = builder.header(ACCEPT, "text/event-stream");
        } else {
            builder = builder.header(ACCEPT, "application/json");
        }
        for (name, value) in &call.extra {
            builder = builder.header(name.clone(), value.clone());
        }
        if let Some(body) = &request.body {
            // Bytes clones share the buffer: every attempt sends the very same bytes.
            builder = builder.header(CONTENT_TYPE, "application/json").body(body.clone());
        }
        let mut built = builder.build().map_err(|e| transport_error(request.op, &e))?;
        if !self.observe.interceptors.is_empty() {
            let mut ctx = BeforeAttempt {
                call: call.info(request),
                headers: built.headers_mut(),
            };
            if let Err(e) = self.observe.interceptors.before_attempt(&mut ctx) {
                // Nothing of this attempt was written.
                return Err(hook_error("before_attempt", request.op, e, call.attempt - 1));
            }
        }
        #[cfg(feature = "otel")]
        if let Some(span) = &call.span {
            let attempt = span.attempt(request.method.as_str(), request.template, &self.server, call.attempt, &call.request_id);
            if let Some(parent) = attempt.traceparent().and_then(|t| HeaderValue::from_str(&t).ok()) {
                built.headers_mut().insert("traceparent", parent);
            }
            call.attempt_span = Some(attempt);
        }
        if self.observe.log >= LogLevel::Debug {
            let body = request.body.as_deref().unwrap_or_default();
            log::exchange("request", request.op, call.attempt, built.headers(), body, self.observe.secrets);
        }
        self.counters.sent(request.body.as_ref().map_or(0, Bytes::len) + head_size(&built));
        call.started = Instant::now();
        call.sent = true;
        let response = http.execute(built).await.map_err(|e| transport_error(request.op, &e))?;
        call.status = Some(response.status().as_u16());
        if !self.observe.interceptors.is_empty() {
            let answered = response
                .headers()
                .get(headers::REQUEST_ID)
                .and_then(|v| v.to_str().ok())
                .unwrap_or(&call.request_id);
            let ctx = AfterResponse {
                call: call.info(request),
                status: response.status().as_u16(),
                headers: response.headers(),
                request_id: answered,
                duration: call.started.elapsed(),
            };
            if let Err(e) = self.observe.interceptors.after_response(&ctx) {
                return Err(hook_error("after_response", request.op, e, call.attempt));
            }
        }
        Ok(response)
    }

    /// Closes the latest attempt: its `attempt` event and its span (an attempt a hook stopped
    /// before it was written has neither).
    pub(crate) fn end_attempt(&self, call: &mut Call, request: &Request, error: Option<&ErrorInfo>) {
        if !call.sent {
            return;
        }
        call.sent = false;
        if self.observe.log >= LogLevel::Info {
            log::attempt(&log::AttemptLine {
                operation: request.op,
                method: request.method.as_str(),
                path: request.template,
                status: call.status.unwrap_or(0),
                attempt: call.attempt,
                duration: call.started.elapsed(),
                request_id: &call.request_id,
            });
        }
        #[cfg(feature = "otel")]
        if let Some(span) = call.attempt_span.take() {
            span.end(call.status, error);
        }
        #[cfg(not(feature = "otel"))]
        let _ = error;
    }

    /// After a failed attempt: waits `wait` and returns to try again (hooks and the log hear of
    /// the retry first), or, without a wait, ends the call with its final error.
    pub(crate) async fn next_attempt(
        &self,
        call: &mut Call,
        request: &Request,
        mut info: ErrorInfo,
        wait: Option<Duration>,
    ) -> Result<(), ErrorInfo> {
        info.request_id.get_or_insert_with(|| call.request_id.clone());
        info.idempotency_key.clone_from(&call.key);
        let Some(wait) = wait else {
            return Err(self.fail(call, request, info));
        };
        // The budget is asked only once the policy said "retry".
        let timed_out = info.error_type == "TimeoutError" || info.code == "client_timeout" || info.status == Some(504);
        match self.budget.acquire(timed_out) {
            Some(cost) => call.retry_cost = Some(cost),
            None => {
                info.retry_quota_exhausted = true;
                return Err(self.fail(call, request, info));
            }
        }
        if !self.observe.interceptors.is_empty() {
            let ctx = BeforeRetry {
                call: call.info(request),
                delay: wait,
                cause: &info,
            };
            if let Err(e) = self.observe.interceptors.before_retry(&ctx) {
                let hook = hook_error("before_retry", request.op, e, call.attempt);
                return Err(self.fail(call, request, hook));
            }
        }
        if self.observe.log >= LogLevel::Warning {
            log::retry(request.op, call.attempt, wait, &info.code);
        }
        tokio::time::sleep(wait).await;
        Ok(())
    }

    /// Ends the call with `info`: the on_error hooks (a failing one turns the error into the
    /// hook error), the `failed` event, the error counter and the call's span.
    pub(crate) fn fail(&self, call: &mut Call, request: &Request, mut info: ErrorInfo) -> ErrorInfo {
        info.request_id.get_or_insert_with(|| call.request_id.clone());
        if !self.observe.interceptors.is_empty() {
            let ctx = OnError {
                call: call.info(request),
                error: &info,
            };
            if let Err(e) = self.observe.interceptors.on_error(&ctx) {
                let mut hook = hook_error("on_error", request.op, e, info.attempts);
                hook.request_id.clone_from(&info.request_id);
                info = hook;
            }
        }
        if self.observe.log >= LogLevel::Warning {
            log::failed(request.op, &info.error_type, &info.code, info.attempts);
        }
        self.counters.failed();
        #[cfg(feature = "otel")]
        if let Some(span) = call.span.take() {
            span.end(&call.request_id, call.attempt, Some(&info));
        }
        info
    }

    /// Ends the call successfully.
    pub(crate) fn succeed(&self, call: &mut Call) {
        self.budget.succeeded(call.retry_cost);
        #[cfg(feature = "otel")]
        if let Some(span) = call.span.take() {
            span.end(&call.request_id, call.attempt, None);
        }
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

/// The most read of an error body: the rest is left unread and the connection dropped.
pub const ERROR_BODY_LIMIT: usize = 64 * 1024;

/// Reads at most [`ERROR_BODY_LIMIT`] bytes of an error body; dropping the response afterwards
/// closes the connection instead of draining the rest.
pub async fn read_error_body(response: reqwest::Response) -> Result<Bytes, reqwest::Error> {
    read_prefix(response, ERROR_BODY_LIMIT).await
}

/// Reads at most `limit` bytes of a body; the rest is left unread.
async fn read_prefix(mut response: reqwest::Response, limit: usize) -> Result<Bytes, reqwest::Error> {
    let announced = response.content_length().map_or(0, |n| usize::try_from(n).unwrap_or(limit).min(limit));
    let mut body = Vec::with_capacity(announced);
    while let Some(chunk) = response.chunk().await? {
        let room = limit - body.len();
        body.extend_from_slice(&chunk[..chunk.len().min(room)]);
        if body.len() >= limit {
            break;
        }
    }
    Ok(Bytes::from(body))
}

/// The most read of a success body (the largest page the spec allows is a few MiB).
pub const SUCCESS_BODY_LIMIT: usize = 32 * 1024 * 1024;

/// Reads a 2xx body of at most `limit` bytes. A longer one (by its Content-Length, or by the
/// bytes counted as they arrive, since a length can lie) is ConnectionError
/// `response_too_large`: no more is read, and the response is dropped, so its connection
/// closes instead of going back to the pool.
pub async fn read_success_body(op: &str, response: reqwest::Response, limit: usize) -> Result<Bytes, ErrorInfo> {
    if response.content_length().is_some_and(|n| n > limit as u64) {
        return Err(too_large(op, limit));
    }
    // One byte past the limit tells a body that is too long; the rest is never read.
    let body = read_prefix(response, limit + 1).await.map_err(|e| transport_error(op, &e))?;
    if body.len() > limit {
        return Err(too_large(op, limit));
    }
    Ok(body)
}

fn too_large(op: &str, limit: usize) -> ErrorInfo {
    ErrorInfo::client(
        "ConnectionError",
        "response_too_large",
        format!("{op}: the response body is longer than {} MiB", limit >> 20),
    )
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
    if error.is_connect() {
        if let Some(reason) = tls_reason(error) {
            // The TLS library's words (the certificate's fault), never the request: no key here.
            return ErrorInfo::client("ConnectionError", "tls_failed", format!("{op}: TLS failed: {reason}"));
        }
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

/// The reason rustls gave when `error` (or an error down its source chain) is a failed TLS
/// handshake: an untrusted, expired or wrongly named certificate, or any other TLS failure.
pub fn tls_reason(error: &(dyn std::error::Error + 'static)) -> Option<String> {
    let mut next = Some(error);
    while let Some(mut e) = next {
        // tokio-rustls wraps the TLS error in an io::Error (and the connector that one in
        // another), whose `source()` skips what it wraps: unwrap them by hand.
        while let Some(inner) = e.downcast_ref::<std::io::Error>().and_then(std::io::Error::get_ref) {
            e = inner;
        }
        if let Some(tls) = e.downcast_ref::<rustls::Error>() {
            return Some(tls.to_string());
        }
        next = e.source();
    }
    None
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
        let policy = super::super::backoff::never_retry(Duration::from_secs(1));
        let base = Url::parse("http://localhost:9000/v3").unwrap();
        let t = Transport::new(reqwest::Client::new(), base, "sekret-key", policy, |_| RetryClass::Never, 1).unwrap();
        assert!(!format!("{t:?}").contains("sekret"));
        assert_eq!(t.url("/vms/a").as_str(), "http://localhost:9000/v3/vms/a");
    }
}
