// Code generated from spec/dwcp.yaml by generator/; DO NOT EDIT.
//! Client settings: `ClientConfig::new("localhost").with_port(9000).with_api_key(...)`.

use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

use crate::error::{DWCPError, Result};
use crate::runtime::backoff::Jitter;
use crate::runtime::hooks::{Interceptor, Interceptors};
use crate::runtime::log::LogLevel;
use crate::runtime::validate;

/// The client's retry quota (a token bucket shared by every call); capacity 0 turns it off.
///
/// `RetryBudget::default()` has the spec's defaults; set fields with the `with_*` methods.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct RetryBudget {
    /// Tokens when the client is built, and the ceiling of refunds; 0 turns the budget off.
    pub capacity: u32,
    /// Tokens a retry takes.
    pub retry_cost: u32,
    /// Tokens a retry takes when the failed attempt timed out.
    pub timeout_retry_cost: u32,
    /// Tokens a call that succeeded on its first attempt gives back.
    pub success_refund: u32,
}

impl Default for RetryBudget {
    fn default() -> Self {
        RetryBudget {
            capacity: 500,
            retry_cost: 5,
            timeout_retry_cost: 10,
            success_refund: 1,
        }
    }
}

impl RetryBudget {
    /// Tokens when the client is built, and the ceiling of refunds; 0 turns the budget off. Default: 500.
    pub fn with_capacity(mut self, capacity: u32) -> Self {
        self.capacity = capacity;
        self
    }
    /// Tokens a retry takes. Default: 5.
    pub fn with_retry_cost(mut self, retry_cost: u32) -> Self {
        self.retry_cost = retry_cost;
        self
    }
    /// Tokens a retry takes when the failed attempt timed out. Default: 10.
    pub fn with_timeout_retry_cost(mut self, timeout_retry_cost: u32) -> Self {
        self.timeout_retry_cost = timeout_retry_cost;
        self
    }
    /// Tokens a call that succeeded on its first attempt gives back. Default: 1.
    pub fn with_success_refund(mut self, success_refund: u32) -> Self {
        self.success_refund = success_refund;
        self
    }
}

/// Settings of a client; every field but address has a default.
///
/// `Debug` never shows the API key.
#[derive(Clone)]
pub struct ClientConfig {
    address: String,
    port: u16,
    api_key: String,
    tls_enabled: bool,
    connect_timeout: Duration,
    request_timeout: Duration,
    retry_attempts: u16,
    retry_backoff: Duration,
    keep_alive: bool,
    keep_alive_period: Duration,
    max_streams: u16,
    buffer_size: u32,
    jitter: Jitter,
    root_certificates: Vec<Vec<u8>>,
    ca_files: Vec<PathBuf>,
    interceptors: Interceptors,
    log_level: Option<LogLevel>,
    retry_budget: RetryBudget,
    #[cfg(feature = "otel")]
    tracer: Option<std::sync::Arc<opentelemetry::global::BoxedTracer>>,
}

impl ClientConfig {
    /// Settings for the server at `address` (a host name or IP, optionally with a scheme),
    /// with every other setting at its default.
    pub fn new(address: impl Into<String>) -> Self {
        ClientConfig {
            address: address.into(),
            port: 9000,
            api_key: String::from(""),
            tls_enabled: false,
            connect_timeout: Duration::from_millis(30000),
            request_timeout: Duration::from_millis(60000),
            retry_attempts: 3,
            retry_backoff: Duration::from_millis(1000),
            keep_alive: true,
            keep_alive_period: Duration::from_millis(30000),
            max_streams: 100,
            buffer_size: 65536,
            jitter: Jitter::Full,
            root_certificates: Vec::new(),
            ca_files: Vec::new(),
            interceptors: Interceptors::default(),
            log_level: None,
            retry_budget: RetryBudget::default(),
            #[cfg(feature = "otel")]
            tracer: None,
        }
    }

    /// Server port. Default: 9000.
    pub fn with_port(mut self, port: u16) -> Self {
        self.port = port;
        self
    }

    /// API key sent as a bearer token; never logged.
    pub fn with_api_key(mut self, api_key: impl Into<String>) -> Self {
        self.api_key = api_key.into();
        self
    }

    /// Use HTTPS. Default: False.
    pub fn with_tls_enabled(mut self, tls_enabled: bool) -> Self {
        self.tls_enabled = tls_enabled;
        self
    }

    /// Time allowed to open a connection. Default: 30000 ms.
    pub fn with_connect_timeout(mut self, connect_timeout: Duration) -> Self {
        self.connect_timeout = connect_timeout;
        self
    }

    /// Time allowed for one attempt of a request. Default: 60000 ms.
    pub fn with_request_timeout(mut self, request_timeout: Duration) -> Self {
        self.request_timeout = request_timeout;
        self
    }

    /// Retries after the first attempt (3 means at most 4 requests). Default: 3.
    pub fn with_retry_attempts(mut self, retry_attempts: u16) -> Self {
        self.retry_attempts = retry_attempts;
        self
    }

    /// Base of the full-jitter exponential backoff. Default: 1000 ms.
    pub fn with_retry_backoff(mut self, retry_backoff: Duration) -> Self {
        self.retry_backoff = retry_backoff;
        self
    }

    /// Keep idle connections open for reuse. Default: True.
    pub fn with_keep_alive(mut self, keep_alive: bool) -> Self {
        self.keep_alive = keep_alive;
        self
    }

    /// How long an idle connection is kept. Default: 30000 ms.
    pub fn with_keep_alive_period(mut self, keep_alive_period: Duration) -> Self {
        self.keep_alive_period = keep_alive_period;
        self
    }

    /// Most connections (and open streams) at once. Default: 100.
    pub fn with_max_streams(mut self, max_streams: u16) -> Self {
        self.max_streams = max_streams;
        self
    }

    /// Read buffer size in bytes. Default: 65536.
    pub fn with_buffer_size(mut self, buffer_size: u32) -> Self {
        self.buffer_size = buffer_size;
        self
    }

    /// Pins the backoff jitter (a test hook): `Jitter::Fixed(1.0)` waits exactly
    /// `min(20 s, retry_backoff × 2^(n-1))` before retry n. Default: `Jitter::Full`.
    pub fn with_jitter(mut self, jitter: Jitter) -> Self {
        self.jitter = jitter;
        self
    }

    /// The client's retry quota (a token bucket shared by every call); capacity 0 turns it off.
    pub fn with_retry_budget(mut self, budget: RetryBudget) -> Self {
        self.retry_budget = budget;
        self
    }

    /// The retry budget's settings.
    pub fn retry_budget(&self) -> RetryBudget {
        self.retry_budget
    }

    /// Adds a hook to the client's chain; hooks run in the order they were added, on every
    /// attempt of every call (see [`Interceptor`]).
    pub fn with_interceptor(mut self, hook: impl Interceptor) -> Self {
        self.interceptors.push(std::sync::Arc::new(hook));
        self
    }

    /// Adds a shared hook to the client's chain.
    pub fn with_shared_interceptor(mut self, hook: std::sync::Arc<dyn Interceptor>) -> Self {
        self.interceptors.push(hook);
        self
    }

    /// What the SDK logs, instead of the `DWCP_LOG` environment variable read when the client is
    /// built (`debug`, `info`, `warning`; unset or `off`: nothing).
    pub fn with_log_level(mut self, level: LogLevel) -> Self {
        self.log_level = Some(level);
        self
    }

    /// Records spans with a tracer of `provider` (the `otel` feature) instead of the global
    /// provider's.
    #[cfg(feature = "otel")]
    pub fn with_tracer_provider<P>(mut self, provider: &P) -> Self
    where
        P: opentelemetry::global::ObjectSafeTracerProvider + ?Sized,
    {
        let scope = opentelemetry::InstrumentationScope::builder(env!("CARGO_PKG_NAME"))
            .with_version(env!("CARGO_PKG_VERSION"))
            .build();
        let tracer = opentelemetry::global::BoxedTracer::new(provider.boxed_tracer(scope));
        self.tracer = Some(std::sync::Arc::new(tracer));
        self
    }

    /// The tracer of the client's spans: the one given, else the global provider's.
    #[cfg(feature = "otel")]
    pub(crate) fn tracer(&self) -> std::sync::Arc<opentelemetry::global::BoxedTracer> {
        self.tracer.clone().unwrap_or_else(|| {
            std::sync::Arc::new(opentelemetry::global::tracer(env!("CARGO_PKG_NAME")))
        })
    }

    /// The hooks, in order.
    pub(crate) fn interceptors(&self) -> &Interceptors {
        &self.interceptors
    }

    /// The log level: the one set, else `DWCP_LOG` now.
    pub fn log_level(&self) -> LogLevel {
        self.log_level.unwrap_or_else(LogLevel::from_env)
    }

    /// Trusts this PEM certificate (e.g. a private CA) in addition to the web PKI roots.
    pub fn with_root_certificate_pem(mut self, pem: impl Into<Vec<u8>>) -> Self {
        self.root_certificates.push(pem.into());
        self
    }

    /// Trusts the PEM certificate in this file (read when the client is built).
    pub fn with_ca_file(mut self, path: impl Into<PathBuf>) -> Self {
        self.ca_files.push(path.into());
        self
    }

    /// Server host name or IP; a scheme (http, https, ws, wss) in it wins over tls_enabled.
    pub fn address(&self) -> &str {
        &self.address
    }

    /// Server port.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// API key sent as a bearer token; never logged.
    pub fn api_key(&self) -> &str {
        &self.api_key
    }

    /// Use HTTPS.
    pub fn tls_enabled(&self) -> bool {
        self.tls_enabled
    }

    /// Time allowed to open a connection.
    pub fn connect_timeout(&self) -> Duration {
        self.connect_timeout
    }

    /// Time allowed for one attempt of a request.
    pub fn request_timeout(&self) -> Duration {
        self.request_timeout
    }

    /// Retries after the first attempt (3 means at most 4 requests).
    pub fn retry_attempts(&self) -> u16 {
        self.retry_attempts
    }

    /// Base of the full-jitter exponential backoff.
    pub fn retry_backoff(&self) -> Duration {
        self.retry_backoff
    }

    /// Keep idle connections open for reuse.
    pub fn keep_alive(&self) -> bool {
        self.keep_alive
    }

    /// How long an idle connection is kept.
    pub fn keep_alive_period(&self) -> Duration {
        self.keep_alive_period
    }

    /// Most connections (and open streams) at once.
    pub fn max_streams(&self) -> u16 {
        self.max_streams
    }

    /// Read buffer size in bytes.
    pub fn buffer_size(&self) -> u32 {
        self.buffer_size
    }

    /// The jitter hook's setting.
    pub fn jitter(&self) -> Jitter {
        self.jitter
    }

    /// Extra trusted certificates: the PEM blobs, then the files' contents.
    pub(crate) fn root_certificates(&self) -> Result<Vec<Vec<u8>>> {
        let mut pems = self.root_certificates.clone();
        for path in &self.ca_files {
            let pem = std::fs::read(path).map_err(|e| {
                DWCPError::config("ca_file", format!("cannot read {}: {e}", path.display()))
            })?;
            pems.push(pem);
        }
        Ok(pems)
    }

    /// Checks every setting against the spec's limits.
    pub fn validate(&self) -> Result<()> {
        let check = |field: &str, outcome: std::result::Result<(), String>| {
            outcome.map_err(|problem| DWCPError::config(field, problem))
        };
        check("port", validate::range(self.port, Some(1), Some(65535)))?;
        check(
            "connect_timeout",
            validate::range(self.connect_timeout.as_millis(), Some(1), None),
        )?;
        check(
            "request_timeout",
            validate::range(self.request_timeout.as_millis(), Some(1), None),
        )?;
        check(
            "retry_attempts",
            validate::range(self.retry_attempts, Some(0), Some(10)),
        )?;
        check(
            "retry_backoff",
            validate::range(self.retry_backoff.as_millis(), Some(0), None),
        )?;
        check(
            "keep_alive_period",
            validate::range(self.keep_alive_period.as_millis(), Some(1), None),
        )?;
        check(
            "max_streams",
            validate::range(self.max_streams, Some(1), Some(10000)),
        )?;
        check(
            "buffer_size",
            validate::range(self.buffer_size, Some(1024), Some(16777216)),
        )?;
        check(
            "retry_budget.capacity",
            validate::range(self.retry_budget.capacity, Some(0), Some(1000000)),
        )?;
        check(
            "retry_budget.retry_cost",
            validate::range(self.retry_budget.retry_cost, Some(0), Some(1000000)),
        )?;
        check(
            "retry_budget.timeout_retry_cost",
            validate::range(self.retry_budget.timeout_retry_cost, Some(0), Some(1000000)),
        )?;
        check(
            "retry_budget.success_refund",
            validate::range(self.retry_budget.success_refund, Some(0), Some(1000000)),
        )?;
        if self.address.trim().is_empty() {
            return Err(DWCPError::config("address", "must not be empty"));
        }
        Ok(())
    }

    /// `{http|https}://{address}:{port}/v3`; a scheme in the address wins over
    /// `tls_enabled` (ws and wss map to http and https), and so does a port in it.
    pub(crate) fn base_url(&self) -> Result<reqwest::Url> {
        let address = self.address.trim().trim_end_matches('/');
        let (scheme, rest) = match address.split_once("://") {
            Some((scheme, rest)) => {
                let scheme = match scheme.to_ascii_lowercase().as_str() {
                    "http" | "ws" => "http",
                    "https" | "wss" => "https",
                    other => {
                        return Err(DWCPError::config(
                            "address",
                            format!("unsupported scheme {other:?}"),
                        ))
                    }
                };
                (scheme, rest)
            }
            None if self.tls_enabled => ("https", address),
            None => ("http", address),
        };
        let mut url = reqwest::Url::parse(&format!("{scheme}://{rest}"))
            .map_err(|e| DWCPError::config("address", format!("not a host name or IP: {e}")))?;
        if url.port().is_none() {
            url.set_port(Some(self.port))
                .map_err(|()| DWCPError::config("address", "cannot carry a port"))?;
        }
        url.set_path("/v3");
        Ok(url)
    }
}

impl fmt::Debug for ClientConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientConfig")
            .field("address", &self.address)
            .field("port", &self.port)
            .field(
                "api_key",
                &if self.api_key.is_empty() {
                    ""
                } else {
                    "<redacted>"
                },
            )
            .field("tls_enabled", &self.tls_enabled)
            .field("connect_timeout", &self.connect_timeout)
            .field("request_timeout", &self.request_timeout)
            .field("retry_attempts", &self.retry_attempts)
            .field("retry_backoff", &self.retry_backoff)
            .field("keep_alive", &self.keep_alive)
            .field("keep_alive_period", &self.keep_alive_period)
            .field("max_streams", &self.max_streams)
            .field("buffer_size", &self.buffer_size)
            .field("jitter", &self.jitter)
            .field("interceptors", &self.interceptors)
            .field("log_level", &self.log_level)
            .field("retry_budget", &self.retry_budget)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_follow_the_spec() {
        let c = ClientConfig::new("localhost");
        assert_eq!(c.port(), 9000);
        assert_eq!(c.base_url().unwrap().as_str(), "http://localhost:9000/v3");
        assert!(c.validate().is_ok());
    }

    #[test]
    fn scheme_and_tls() {
        let tls = ClientConfig::new("example.com")
            .with_tls_enabled(true)
            .with_port(8443);
        assert_eq!(
            tls.base_url().unwrap().as_str(),
            "https://example.com:8443/v3"
        );
        let ws = ClientConfig::new("wss://example.com").with_port(1);
        assert_eq!(ws.base_url().unwrap().scheme(), "https");
        let explicit = ClientConfig::new("http://h:7000").with_tls_enabled(true);
        assert_eq!(explicit.base_url().unwrap().as_str(), "http://h:7000/v3");
    }

    #[test]
    fn the_key_never_shows() {
        let c = ClientConfig::new("h").with_api_key("sekret-123");
        assert!(!format!("{c:?}").contains("sekret"));
        assert!(!format!("{c:#?}").contains("sekret"));
    }

    #[test]
    fn bad_settings_name_the_field() {
        let err = ClientConfig::new("h").with_port(0).validate().unwrap_err();
        assert_eq!(err.field(), Some("port"));
        let err = ClientConfig::new("h")
            .with_retry_attempts(11)
            .validate()
            .unwrap_err();
        assert_eq!(err.field(), Some("retry_attempts"));
    }
}
