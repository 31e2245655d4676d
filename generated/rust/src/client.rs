// Code generated from spec/dwcp.yaml by generator/; DO NOT EDIT.
//! The client: connection, authentication, counters, and the resource clients.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use serde::de::DeserializeOwned;

use crate::config::ClientConfig;
use crate::error::{retry_class, DWCPError, Result};
use crate::resources::*;
use crate::runtime::backoff::RetryPolicy;
use crate::runtime::budget::{Bucket, BudgetSettings};
use crate::runtime::metrics::ClientMetrics;
use crate::runtime::options::{self, CallOptions, Head, Response};
use crate::runtime::transport::{malformed, Observe, Reply, Request, Transport};
use crate::types::*;

/// The field names the spec marks `secret`: redacted wherever a body is logged.
const SECRET_FIELDS: &[&str] = &["api_key"];

/// A DWCP client; cheap to clone (clones share connections, session and counters).
#[derive(Clone, Debug)]
pub struct Client {
    inner: Arc<Inner>,
    /// The per-call overrides of this handle (see [`Client::with_options`]).
    options: Option<Arc<CallOptions>>,
}

#[derive(Debug)]
struct Inner {
    config: ClientConfig,
    transport: Arc<Transport>,
    connected: AtomicBool,
    authenticated: AtomicBool,
}

impl Client {
    /// Builds a client and connects it (authenticating the API key).
    pub async fn new(config: ClientConfig) -> Result<Client> {
        let client = Client::from_config(config)?;
        client.connect().await?;
        Ok(client)
    }

    /// Builds a client without any network traffic; call [`connect`](Client::connect) next.
    pub fn from_config(config: ClientConfig) -> Result<Client> {
        config.validate()?;
        let base = config.base_url()?;
        let http = http_client(&config)?;
        let policy = RetryPolicy {
            retries: config.retry_attempts().into(),
            base: config.retry_backoff(),
            max_backoff: Duration::from_millis(20000),
            max_retry_after: Duration::from_millis(120000),
            attempt_timeout: config.request_timeout(),
            jitter: config.jitter(),
        };
        let slots = config.max_streams() as usize;
        let observe = Observe {
            interceptors: config.interceptors().clone(),
            log: config.log_level(),
            secrets: SECRET_FIELDS,
            #[cfg(feature = "otel")]
            tracer: Some(config.tracer()),
            ..Observe::default()
        };
        let budget = config.retry_budget();
        let budget = Bucket::new(BudgetSettings {
            capacity: budget.capacity,
            retry_cost: budget.retry_cost,
            timeout_retry_cost: budget.timeout_retry_cost,
            success_refund: budget.success_refund,
        });
        let transport = Transport::new(http, base, config.api_key(), policy, retry_class, slots)?
            .with_observe(observe)
            .with_budget(budget)
            .with_buffer_size(config.buffer_size() as usize);
        Ok(Client {
            inner: Arc::new(Inner {
                config,
                transport: Arc::new(transport),
                connected: AtomicBool::new(false),
                authenticated: AtomicBool::new(false),
            }),
            options: None,
        })
    }

    /// Opens a session: the server checks the API key (`NotConnectedError` before it,
    /// the server's authentication error when the key is wrong).
    pub async fn connect(&self) -> Result<SessionInfo> {
        let session = self.create_session().await?;
        self.inner.connected.store(true, Ordering::Release);
        self.inner.authenticated.store(true, Ordering::Release);
        Ok(session)
    }

    /// Closes idle connections and marks the client disconnected; later calls fail with
    /// `NotConnected` until `connect`. Open streams are not affected (drop them to close them).
    pub fn disconnect(&self) {
        self.inner.connected.store(false, Ordering::Release);
        self.inner.authenticated.store(false, Ordering::Release);
        // The settings were good when the client was built; should rebuilding fail now (a CA
        // file gone), keeping the old pool is the lesser evil.
        if let Ok(http) = http_client(&self.inner.config) {
            self.inner.transport.reset_connections(http);
        }
    }

    /// Whether `connect` succeeded (and `disconnect` was not called since).
    pub fn is_connected(&self) -> bool {
        self.inner.connected.load(Ordering::Acquire)
    }

    /// Whether the server accepted the API key.
    pub fn is_authenticated(&self) -> bool {
        self.inner.authenticated.load(Ordering::Acquire)
    }

    /// Counters of this client (and its clones) since it was built.
    pub fn metrics(&self) -> ClientMetrics {
        let mut metrics = self.inner.transport.counters.snapshot();
        metrics.retry_tokens = u64::from(self.inner.transport.budget.tokens());
        metrics
    }

    /// A handle to the same client (connections, session, counters) whose calls use `options`
    /// instead of the client's settings: timeout, retries, extra headers, idempotency key.
    /// Cheap: one allocation, no connection.
    ///
    /// ```no_run
    /// # async fn run(client: dwcp::Client) -> dwcp::Result<()> {
    /// use std::time::Duration;
    /// let quick = client.with_options(dwcp::CallOptions::new().timeout(Duration::from_secs(1)).retry_attempts(0));
    /// quick.metrics(); // ... then any operation through `quick`
    /// # Ok(())
    /// # }
    /// ```
    pub fn with_options(&self, options: CallOptions) -> Client {
        Client {
            inner: self.inner.clone(),
            options: Some(Arc::new(options)),
        }
    }

    /// The per-call options of this handle, if any.
    pub fn options(&self) -> Option<&CallOptions> {
        self.options.as_deref()
    }

    /// The settings the client was built with.
    pub fn config(&self) -> &ClientConfig {
        &self.inner.config
    }

    /// Virtual machines, their migrations, snapshots, metrics and events.
    pub fn vm(&self) -> VMClient {
        VMClient::new(self.clone())
    }

    pub(crate) fn ensure_connected(&self) -> Result<()> {
        if self.is_connected() {
            Ok(())
        } else {
            Err(DWCPError::not_connected())
        }
    }

    pub(crate) fn transport(&self) -> Arc<Transport> {
        self.inner.transport.clone()
    }

    /// Runs a request through the attempt loop with this handle's options.
    pub(crate) async fn execute(&self, request: &Request) -> Result<Reply> {
        self.execute_then(request, |_| Ok(()))
            .await
            .map(|(reply, ())| reply)
    }

    /// Runs a request and decodes its JSON body (a body that does not match the spec ends the
    /// call with a typed `ConnectionError`, `malformed_response`).
    pub(crate) async fn call<T: DeserializeOwned>(&self, request: &Request) -> Result<T> {
        let op = request.op;
        let decode = |reply: &Reply| {
            serde_json::from_slice(&reply.body).map_err(|why| malformed(op, reply, &why))
        };
        self.execute_then(request, decode)
            .await
            .map(|(_, value)| value)
    }

    async fn execute_then<T>(
        &self,
        request: &Request,
        decode: impl FnOnce(&Reply) -> std::result::Result<T, crate::ErrorInfo>,
    ) -> Result<(Reply, T)> {
        let (reply, value) = self
            .inner
            .transport
            .execute_then(request, self.options.as_deref(), decode)
            .await
            .map_err(DWCPError::from_info)?;
        if options::capturing() {
            options::record(|| Head {
                status: reply.status,
                headers: reply.headers.clone(),
                request_id: reply
                    .headers
                    .get(crate::runtime::transport::headers::REQUEST_ID)
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or(&reply.request_id)
                    .to_owned(),
            });
        }
        Ok((reply, value))
    }
}

/// Runs one call and returns its result with the status, headers and request id of the final
/// response it received (a list's last page).
///
/// ```no_run
/// # async fn run(client: dwcp::Client) -> dwcp::Result<()> {
/// let response = dwcp::raw(client.connect()).await?;
/// println!("{} {}", response.status(), response.request_id());
/// let session = response.into_inner();
/// # let _ = session;
/// # Ok(())
/// # }
/// ```
pub async fn raw<T, F>(call: F) -> Result<Response<T>>
where
    F: std::future::Future<Output = Result<T>>,
{
    let (value, head) = options::capture(call).await?;
    let (status, headers, request_id) = head
        .ok_or_else(|| DWCPError::Other(crate::ErrorInfo::from("the call received no response")))?;
    Ok(Response::new(status, headers, request_id, value))
}

fn http_client(config: &ClientConfig) -> Result<reqwest::Client> {
    let idle = if config.keep_alive() {
        Some(config.keep_alive_period())
    } else {
        Some(Duration::ZERO)
    };
    let mut builder = reqwest::Client::builder()
        .use_rustls_tls()
        .connect_timeout(config.connect_timeout())
        .pool_idle_timeout(idle)
        .pool_max_idle_per_host(config.max_streams() as usize)
        .tcp_nodelay(true);
    if config.keep_alive() {
        builder = builder.tcp_keepalive(config.keep_alive_period());
    }
    for pem in config.root_certificates()? {
        let cert = reqwest::Certificate::from_pem(&pem)
            .map_err(|e| DWCPError::config("ca_file", format!("not a PEM certificate: {e}")))?;
        builder = builder.add_root_certificate(cert);
    }
    builder
        .build()
        .map_err(|e| DWCPError::config("tls_enabled", format!("cannot build the HTTP client: {e}")))
}
