// Code generated from spec/dwcp.yaml by generator/; DO NOT EDIT.
//! The Rust SDK's conformance driver: one JSON request per stdin line, one reply per stdout line.
//!
//! Every command maps to the SDK's public API (conformance/README.md, protocol 1); values cross
//! in wire form, so SDK types are read and written with their serde implementations.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

// Every SDK type may appear in an argument, so the driver takes them all.
use dwcp::*;
use futures::{StreamExt, TryStreamExt};
use opentelemetry_sdk::trace::{InMemorySpanExporter, SdkTracerProvider};
use serde_json::{json, Map, Value};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tracing::Instrument;
use tracing_subscriber::layer::SubscriberExt;

type Args = Map<String, Value>;

/// A failed command: an SDK error, a call the driver cancelled (`cancel_after_ms`: its future was
/// dropped), or a driver-level problem (reported as `Crash`).
enum Failure {
    Sdk(DWCPError),
    Cancelled(String),
    Crash(String),
}

impl From<DWCPError> for Failure {
    fn from(e: DWCPError) -> Self {
        Failure::Sdk(e)
    }
}

type Reply = Result<Value, Failure>;

/// An open stream, one variant per payload type of the spec's streams.
#[allow(clippy::enum_variant_names)]
enum OpenStream {
    VMMetrics(EventStream<VMMetrics>),
    VMEvent(EventStream<VMEvent>),
}

/// What a client's hooks, log events and spans were, until the runner asks for them.
#[derive(Default)]
struct Recorded {
    hooks: Arc<Mutex<Vec<Value>>>,
    tracing: Option<(SdkTracerProvider, InMemorySpanExporter)>,
}

#[derive(Default)]
struct Driver {
    clients: HashMap<String, Client>,
    recorded: HashMap<String, Recorded>,
    /// Open streams by name, with the name of their client.
    streams: HashMap<String, (String, Pump)>,
}

/// What a pump has read of its stream and not yet handed to `stream_read`.
#[derive(Default)]
struct Pumped {
    events: std::collections::VecDeque<Value>,
    /// The stream ended (`None` from the SDK), with its error when one ended it.
    done: bool,
    error: Option<Value>,
}

impl Pumped {
    /// Every event was handed out and the stream ended.
    fn finished(&self) -> bool {
        self.done && self.events.is_empty()
    }

    /// The `stream_read` reply with `events`: the end, and its error, once nothing is left to read.
    fn reply(&self, events: Vec<Value>) -> Value {
        let finished = self.finished();
        let error = if finished { self.error.clone() } else { None };
        json!({"events": events, "done": finished, "error": error})
    }
}

/// Reads an SDK stream in a task of its own, as an application's reader would, so that the
/// stream runs (and reconnects) between `stream_read`s; dropping the pump aborts the task,
/// which drops the stream.
struct Pump {
    state: Arc<Mutex<Pumped>>,
    arrived: Arc<tokio::sync::Notify>,
    task: tokio::task::JoinHandle<()>,
}

impl Pump {
    fn start(stream: OpenStream, span: tracing::Span) -> Pump {
        let state = Arc::new(Mutex::new(Pumped::default()));
        let arrived = Arc::new(tokio::sync::Notify::new());
        let (shared, notify) = (state.clone(), arrived.clone());
        let task = tokio::spawn(
            async move {
                match stream {
                    OpenStream::VMMetrics(s) => pump(s, &shared, &notify).await,
                    OpenStream::VMEvent(s) => pump(s, &shared, &notify).await,
                }
            }
            .instrument(span),
        );
        Pump {
            state,
            arrived,
            task,
        }
    }

    /// Up to `count` events, stopping early at the stream's end or after `timeout`.
    async fn read(&self, count: usize, timeout: Duration) -> Value {
        let deadline = tokio::time::Instant::now() + timeout;
        let mut events = Vec::new();
        loop {
            {
                let mut state = self.state.lock().unwrap_or_else(|p| p.into_inner());
                while events.len() < count {
                    match state.events.pop_front() {
                        Some(event) => events.push(event),
                        None => break,
                    }
                }
                if events.len() >= count || state.finished() {
                    return state.reply(events);
                }
            }
            if tokio::time::timeout_at(deadline, self.arrived.notified())
                .await
                .is_err()
            {
                return self
                    .state
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .reply(events);
            }
        }
    }

    /// Closes the stream the idiomatic way (drop) and waits until it is dropped.
    async fn close(mut self) {
        self.task.abort();
        let _ = (&mut self.task).await;
    }
}

impl Drop for Pump {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// Moves every event of `stream` (in wire form, with its SSE id) into `state`, then its end.
async fn pump<T: serde::Serialize>(
    mut stream: EventStream<T>,
    state: &Mutex<Pumped>,
    arrived: &tokio::sync::Notify,
) {
    while let Some(event) = stream.next().await {
        let mut value = serde_json::to_value(event).unwrap_or(Value::Null);
        // The runner checks order by SSE id; a payload without an id field carries it only on the wire.
        if let (Value::Object(fields), Some(id)) = (&mut value, stream.last_event_id()) {
            fields.entry("id").or_insert(json!(id));
        }
        state
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .events
            .push_back(value);
        arrived.notify_one();
    }
    let error = stream.error().map(|e| error_json(Failure::Sdk(e.clone())));
    {
        let mut state = state.lock().unwrap_or_else(|p| p.into_inner());
        state.done = true;
        state.error = error;
    }
    arrived.notify_one();
}

#[tokio::main]
async fn main() {
    // The SDK's `tracing` events, by client (each command runs inside a span naming its client).
    let subscriber = tracing_subscriber::registry().with(capture::Capture);
    tracing::subscriber::set_global_default(subscriber)
        .expect("the driver's subscriber is the only one");
    let mut driver = Driver::default();
    let mut lines = BufReader::new(tokio::io::stdin()).lines();
    let mut stdout = tokio::io::stdout();
    while let Ok(Some(line)) = lines.next_line().await {
        if line.trim().is_empty() {
            continue;
        }
        let request: Value = match serde_json::from_str(&line) {
            Ok(v) => v,
            Err(e) => {
                eprintln!("driver: bad request line: {e}");
                continue;
            }
        };
        let id = request.get("id").cloned().unwrap_or(Value::Null);
        let cmd = request
            .get("cmd")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        let client = request
            .get("client")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        let reply = driver
            .handle(&cmd, &request)
            .instrument(tracing::info_span!("driver", client = %client))
            .await;
        let mut out = envelope(reply);
        out["id"] = id;
        let text = format!("{out}\n");
        if stdout.write_all(text.as_bytes()).await.is_err() || stdout.flush().await.is_err() {
            break;
        }
        if cmd == "shutdown" {
            break;
        }
    }
}

fn envelope(reply: Reply) -> Value {
    match reply {
        Ok(result) => json!({"ok": true, "result": result}),
        Err(failure) => json!({"ok": false, "error": error_json(failure)}),
    }
}

fn error_json(failure: Failure) -> Value {
    match failure {
        Failure::Sdk(e) => json!({
            "category": e.category(),
            "status": e.status(),
            "code": e.code(),
            "request_id": e.request_id(),
            "attempts": e.attempts(),
            "retry_after_ms": e.retry_after().map(|d| d.as_millis() as u64),
            "retry_quota_exhausted": e.retry_quota_exhausted(),
            "state": e.info().details.as_ref().and_then(|d| d.get("state")).filter(|_| e.code() == "waiter_failed"),
            "message": e.to_string(),
            "field": e.field(),
        }),
        Failure::Cancelled(message) => {
            json!({"category": "Cancelled", "status": null, "message": message})
        }
        Failure::Crash(message) => json!({"category": "Crash", "status": null, "message": message}),
    }
}

fn crash(message: impl Into<String>) -> Failure {
    Failure::Crash(message.into())
}

impl Driver {
    async fn handle(&mut self, cmd: &str, request: &Value) -> Reply {
        let empty = Map::new();
        let str_field = |name: &str| {
            request
                .get(name)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned()
        };
        match cmd {
            "hello" => Ok(json!({
                "language": "rust",
                "sdk_version": dwcp::API_VERSION,
                "protocol": 1,
                "features": ["async_client", "vm_management", "live_migration", "snapshots", "realtime_metrics", "event_streaming", "stream_resume", "tls", "connection_pooling", "automatic_retry", "idempotency", "client_validation", "health_checking", "hooks", "logging", "tracing", "per_call_options", "raw_responses", "user_agent", "retry_budget", "waiters", "lazy_pagination", "cancellation"],
            })),
            "new_client" => {
                let config = request
                    .get("config")
                    .and_then(Value::as_object)
                    .unwrap_or(&empty);
                let name = str_field("client");
                let mut recorded = Recorded::default();
                let mut sdk_config = client_config(config)?;
                for (index, hook) in config
                    .get("hooks")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                    .enumerate()
                {
                    let hook = RecordingHook::from_json(hook, index, recorded.hooks.clone());
                    sdk_config = sdk_config.with_interceptor(hook);
                }
                if config.get("tracing").and_then(Value::as_bool) == Some(true) {
                    let exporter = InMemorySpanExporter::default();
                    let provider = SdkTracerProvider::builder()
                        .with_simple_exporter(exporter.clone())
                        .build();
                    sdk_config = sdk_config.with_tracer_provider(&provider);
                    recorded.tracing = Some((provider, exporter));
                }
                // The SDK reads DWCP_LOG when the client is built; commands run one at a time.
                match config.get("log_level").and_then(Value::as_str) {
                    // SAFETY (edition 2021: safe): no other thread reads the environment now.
                    Some(level) => std::env::set_var("DWCP_LOG", level),
                    None => std::env::remove_var("DWCP_LOG"),
                }
                capture::forget(&name);
                let client = Client::from_config(sdk_config)?;
                self.recorded.insert(name.clone(), recorded);
                // A client replaced by a new case takes its streams with it (dropping closes them).
                self.streams.retain(|_, (owner, _)| *owner != name);
                self.clients.insert(name, client);
                Ok(json!({}))
            }
            "connect" => {
                let client = self.client(&str_field("client"))?;
                client.connect().await?;
                Ok(status(&client))
            }
            "disconnect" => {
                self.client(&str_field("client"))?.disconnect();
                Ok(json!({}))
            }
            "status" => Ok(status(&self.client(&str_field("client"))?)),
            "describe" => Ok(describe(&self.client(&str_field("client"))?)),
            "client_metrics" => {
                let metrics = self.client(&str_field("client"))?.metrics();
                serde_json::to_value(metrics).map_err(|e| crash(e.to_string()))
            }
            "call" => {
                let client = with_options(self.client(&str_field("client"))?, request)?;
                let args = request
                    .get("args")
                    .and_then(Value::as_object)
                    .cloned()
                    .unwrap_or_default();
                let deadline = request.get("deadline_ms").and_then(Value::as_u64);
                let raw = request.get("raw").and_then(Value::as_bool).unwrap_or(false);
                let cancel = request.get("cancel_after_ms").and_then(Value::as_u64);
                run_call(client, str_field("op"), args, deadline, raw, cancel).await
            }
            "hook_events" => {
                let recorded = self.recorded(&str_field("client"))?;
                let events =
                    std::mem::take(&mut *recorded.hooks.lock().unwrap_or_else(|p| p.into_inner()));
                Ok(json!({"events": events}))
            }
            "log_records" => Ok(json!({"records": capture::take(&str_field("client"))})),
            "spans" => {
                let recorded = self.recorded(&str_field("client"))?;
                let spans = match &recorded.tracing {
                    Some((_, exporter)) => {
                        let spans = exporter
                            .get_finished_spans()
                            .map_err(|e| crash(e.to_string()))?;
                        exporter.reset();
                        spans.iter().map(span_json).collect()
                    }
                    None => Vec::new(),
                };
                Ok(json!({"spans": spans}))
            }
            "call_many" => {
                let client = self.client(&str_field("client"))?;
                let calls = request
                    .get("calls")
                    .and_then(Value::as_array)
                    .cloned()
                    .unwrap_or_default();
                let runs = calls.into_iter().map(|call| {
                    let op = call
                        .get("op")
                        .and_then(Value::as_str)
                        .unwrap_or_default()
                        .to_owned();
                    let args = call
                        .get("args")
                        .and_then(Value::as_object)
                        .cloned()
                        .unwrap_or_default();
                    run_call(client.clone(), op, args, None, false, None)
                });
                let results: Vec<Value> = futures::future::join_all(runs)
                    .await
                    .into_iter()
                    .map(envelope)
                    .collect();
                Ok(json!({"results": results}))
            }
            "stream_open" => {
                let client = with_options(self.client(&str_field("client"))?, request)?;
                let args = request
                    .get("args")
                    .and_then(Value::as_object)
                    .cloned()
                    .unwrap_or_default();
                let stream = open_stream(&client, &str_field("op"), &args).await?;
                // Reconnects log as the stream's client.
                let pump = Pump::start(
                    stream,
                    tracing::info_span!("driver", client = %str_field("client")),
                );
                self.streams
                    .insert(str_field("stream"), (str_field("client"), pump));
                Ok(json!({}))
            }
            "stream_read" => {
                let name = str_field("stream");
                let count = request.get("count").and_then(Value::as_u64).unwrap_or(1) as usize;
                let timeout = Duration::from_millis(
                    request
                        .get("timeout_ms")
                        .and_then(Value::as_u64)
                        .unwrap_or(5000),
                );
                let (_, pump) = self
                    .streams
                    .get(&name)
                    .ok_or_else(|| crash(format!("no stream {name}")))?;
                Ok(pump.read(count, timeout).await)
            }
            "stream_close" => {
                // Dropping the stream closes its connection (and stops a reconnect in progress).
                if let Some((_, pump)) = self.streams.remove(&str_field("stream")) {
                    pump.close().await;
                }
                Ok(json!({}))
            }
            "shutdown" => Ok(json!({})),
            other => Err(crash(format!("unknown command {other:?}"))),
        }
    }

    fn client(&self, name: &str) -> Result<Client, Failure> {
        self.clients
            .get(name)
            .cloned()
            .ok_or_else(|| crash(format!("no client {name:?}")))
    }

    fn recorded(&self, name: &str) -> Result<&Recorded, Failure> {
        self.recorded
            .get(name)
            .ok_or_else(|| crash(format!("no client {name:?}")))
    }
}

/// The client, or a handle with the command's per-call `options`.
fn with_options(client: Client, request: &Value) -> Result<Client, Failure> {
    let Some(o) = request.get("options").and_then(Value::as_object) else {
        return Ok(client);
    };
    let mut options = CallOptions::new();
    if let Some(ms) = opt::<u64>(o, "timeout_ms")? {
        options = options.timeout(Duration::from_millis(ms));
    }
    if let Some(n) = opt::<u32>(o, "retry_attempts")? {
        options = options.retry_attempts(n);
    }
    if let Some(key) = opt::<String>(o, "idempotency_key")? {
        options = options.idempotency_key(key);
    }
    let headers: Option<Map<String, Value>> = opt(o, "headers")?;
    for (name, value) in headers.unwrap_or_default() {
        options = options.header(
            name,
            value
                .as_str()
                .map_or_else(|| value.to_string(), str::to_owned),
        );
    }
    Ok(client.with_options(options))
}

/// The error as hook events show it.
fn error_fields(info: &ErrorInfo) -> (String, String) {
    let error = DWCPError::from_info(info.clone());
    (error.category().to_owned(), error.code().to_owned())
}

/// Every text form Rust gives a client and its config: `Debug`, plain and pretty (the runner
/// searches them for the API key).
fn describe(client: &Client) -> Value {
    let config = client.config();
    let forms = [
        ("{:?} config", format!("{config:?}")),
        ("{:#?} config", format!("{config:#?}")),
        ("{:?} client", format!("{client:?}")),
        ("{:#?} client", format!("{client:#?}")),
    ];
    let renderings: Vec<Value> = forms
        .into_iter()
        .map(|(how, text)| json!({"how": how, "text": text}))
        .collect();
    json!({ "renderings": renderings })
}

/// One recording hook of `new_client`'s `hooks`.
struct RecordingHook {
    name: String,
    set_headers: Vec<(String, String)>,
    fail_at: Option<String>,
    events: Arc<Mutex<Vec<Value>>>,
}

impl RecordingHook {
    fn from_json(spec: &Value, index: usize, events: Arc<Mutex<Vec<Value>>>) -> Self {
        let set_headers = spec
            .get("set_headers")
            .and_then(Value::as_object)
            .map(|m| {
                m.iter()
                    .map(|(k, v)| {
                        (
                            k.clone(),
                            v.as_str().map_or_else(|| v.to_string(), str::to_owned),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        RecordingHook {
            name: spec
                .get("name")
                .and_then(Value::as_str)
                .map_or_else(|| format!("hook{index}"), str::to_owned),
            set_headers,
            fail_at: spec
                .get("fail_at")
                .and_then(Value::as_str)
                .map(str::to_owned),
            events: events.clone(),
        }
    }

    fn record(&self, point: &str, call: &CallInfo<'_>, extra: Value) -> HookResult {
        let mut event = json!({
            "hook": self.name,
            "point": point,
            "op": call.operation,
            "attempt": call.attempt,
            "request_id": call.request_id,
        });
        if let (Value::Object(event), Value::Object(extra)) = (&mut event, extra) {
            event.extend(extra);
        }
        self.events
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push(event);
        if self.fail_at.as_deref() == Some(point) {
            return Err(format!("hook {} failed at {point}", self.name).into());
        }
        Ok(())
    }
}

impl Interceptor for RecordingHook {
    fn before_attempt(&self, ctx: &mut BeforeAttempt<'_>) -> HookResult {
        for (name, value) in &self.set_headers {
            let name: header::HeaderName = name.parse()?;
            ctx.headers.insert(name, value.parse()?);
        }
        self.record("before_attempt", &ctx.call, json!({}))
    }

    fn after_response(&self, ctx: &AfterResponse<'_>) -> HookResult {
        let extra = json!({
            "status": ctx.status,
            "duration_ms": ctx.duration.as_millis() as u64,
            "request_id": ctx.request_id,
        });
        self.record("after_response", &ctx.call, extra)
    }

    fn before_retry(&self, ctx: &BeforeRetry<'_>) -> HookResult {
        let (category, code) = error_fields(ctx.cause);
        let extra = json!({"delay_ms": ctx.delay.as_millis() as u64, "cause": {"category": category, "code": code}});
        self.record("before_retry", &ctx.call, extra)
    }

    fn on_error(&self, ctx: &OnError<'_>) -> HookResult {
        let (category, code) = error_fields(ctx.error);
        let extra =
            json!({"error": {"category": category, "code": code, "attempts": ctx.error.attempts}});
        self.record("on_error", &ctx.call, extra)
    }
}

/// An ended span as the runner reads it.
fn span_json(span: &opentelemetry_sdk::trace::SpanData) -> Value {
    use opentelemetry::trace::{SpanId, SpanKind, Status};
    let kind = match span.span_kind {
        SpanKind::Internal => "internal",
        SpanKind::Client => "client",
        SpanKind::Server => "server",
        SpanKind::Producer => "producer",
        SpanKind::Consumer => "consumer",
    };
    let status = match span.status {
        Status::Unset => "unset",
        Status::Ok => "ok",
        Status::Error { .. } => "error",
    };
    let attributes: Map<String, Value> = span
        .attributes
        .iter()
        .map(|kv| {
            let value = match &kv.value {
                opentelemetry::Value::Bool(b) => json!(b),
                opentelemetry::Value::I64(i) => json!(i),
                opentelemetry::Value::F64(f) => json!(f),
                other => json!(other.as_str()),
            };
            (kv.key.as_str().to_owned(), value)
        })
        .collect();
    let parent =
        (span.parent_span_id != SpanId::INVALID).then(|| format!("{:016x}", span.parent_span_id));
    json!({
        "name": span.name,
        "kind": kind,
        "trace_id": format!("{:032x}", span.span_context.trace_id()),
        "span_id": format!("{:016x}", span.span_context.span_id()),
        "parent_span_id": parent,
        "status": status,
        "attributes": attributes,
    })
}

/// The driver's `tracing` layer: keeps the SDK's events (target `dwcp`) by the client whose
/// command emitted them.
mod capture {
    use std::collections::HashMap;
    use std::fmt::Write as _;
    use std::sync::{Mutex, OnceLock};

    use serde_json::{json, Map, Value};
    use tracing::field::{Field, Visit};
    use tracing::span::{Attributes, Id};
    use tracing::{Event, Level, Subscriber};
    use tracing_subscriber::layer::Context;
    use tracing_subscriber::registry::LookupSpan;
    use tracing_subscriber::Layer;

    fn store() -> &'static Mutex<HashMap<String, Vec<Value>>> {
        static STORE: OnceLock<Mutex<HashMap<String, Vec<Value>>>> = OnceLock::new();
        STORE.get_or_init(Default::default)
    }

    /// The records of `client`, oldest first; forgets them.
    pub fn take(client: &str) -> Vec<Value> {
        store()
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(client)
            .unwrap_or_default()
    }

    /// Drops what an earlier client of that name logged.
    pub fn forget(client: &str) {
        take(client);
    }

    /// The client a driver span names.
    struct ClientName(String);

    #[derive(Default)]
    struct Fields {
        message: String,
        fields: Map<String, Value>,
        client: Option<String>,
    }

    impl Visit for Fields {
        fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
            self.insert(field, json!(format!("{value:?}")));
        }
        fn record_str(&mut self, field: &Field, value: &str) {
            self.insert(field, json!(value));
        }
        fn record_u64(&mut self, field: &Field, value: u64) {
            self.insert(field, json!(value));
        }
        fn record_i64(&mut self, field: &Field, value: i64) {
            self.insert(field, json!(value));
        }
        fn record_bool(&mut self, field: &Field, value: bool) {
            self.insert(field, json!(value));
        }
    }

    impl Fields {
        fn insert(&mut self, field: &Field, value: Value) {
            match field.name() {
                "message" => {
                    self.message = value
                        .as_str()
                        .map_or_else(|| value.to_string(), str::to_owned)
                }
                "client" => self.client = value.as_str().map(str::to_owned),
                name => {
                    self.fields.insert(name.to_owned(), value);
                }
            }
        }
    }

    pub struct Capture;

    impl<S: Subscriber + for<'a> LookupSpan<'a>> Layer<S> for Capture {
        fn on_new_span(&self, attrs: &Attributes<'_>, id: &Id, ctx: Context<'_, S>) {
            let mut fields = Fields::default();
            attrs.record(&mut fields);
            if let (Some(client), Some(span)) =
                (fields.client.filter(|c| !c.is_empty()), ctx.span(id))
            {
                span.extensions_mut().insert(ClientName(client));
            }
        }

        fn on_event(&self, event: &Event<'_>, ctx: Context<'_, S>) {
            if event.metadata().target() != "dwcp" {
                return;
            }
            let client = ctx
                .event_scope(event)
                .and_then(|mut scope| {
                    scope.find_map(|s| s.extensions().get::<ClientName>().map(|c| c.0.clone()))
                })
                .unwrap_or_default();
            let mut fields = Fields::default();
            event.record(&mut fields);
            let level = match *event.metadata().level() {
                Level::ERROR => "error",
                Level::WARN => "warning",
                Level::INFO => "info",
                _ => "debug",
            };
            // The line as tracing_subscriber's fmt layer prints it: message, then key=value.
            let mut text = format!(
                "{} {}: {}",
                event.metadata().level(),
                event.metadata().target(),
                fields.message
            );
            for (key, value) in &fields.fields {
                let shown = value
                    .as_str()
                    .map_or_else(|| value.to_string(), str::to_owned);
                let _ = write!(text, " {key}={shown}");
            }
            let record = json!({"level": level, "event": fields.message, "text": text, "fields": fields.fields});
            store()
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .entry(client)
                .or_default()
                .push(record);
        }
    }
}

fn status(client: &Client) -> Value {
    json!({"is_connected": client.is_connected(), "is_authenticated": client.is_authenticated()})
}

/// The ClientConfig of a `new_client` command (durations in ms).
fn client_config(c: &Args) -> Result<ClientConfig, Failure> {
    let address: String = req(c, "address")?;
    let mut config = ClientConfig::new(address);
    if let Some(v) = opt::<u16>(c, "port")? {
        config = config.with_port(v);
    }
    if let Some(v) = opt::<String>(c, "api_key")? {
        config = config.with_api_key(v);
    }
    if let Some(v) = opt::<bool>(c, "tls_enabled")? {
        config = config.with_tls_enabled(v);
    }
    if let Some(v) = opt_ms(c, "connect_timeout")? {
        config = config.with_connect_timeout(v);
    }
    if let Some(v) = opt_ms(c, "request_timeout")? {
        config = config.with_request_timeout(v);
    }
    if let Some(v) = opt::<u16>(c, "retry_attempts")? {
        config = config.with_retry_attempts(v);
    }
    if let Some(v) = opt_ms(c, "retry_backoff")? {
        config = config.with_retry_backoff(v);
    }
    if let Some(v) = opt::<bool>(c, "keep_alive")? {
        config = config.with_keep_alive(v);
    }
    if let Some(v) = opt_ms(c, "keep_alive_period")? {
        config = config.with_keep_alive_period(v);
    }
    if let Some(v) = opt::<u16>(c, "max_streams")? {
        config = config.with_max_streams(v);
    }
    if let Some(v) = opt::<u32>(c, "buffer_size")? {
        config = config.with_buffer_size(v);
    }
    if let Some(path) = opt::<String>(c, "ca_file")? {
        config = config.with_ca_file(path);
    }
    if let Some(b) = opt::<Map<String, Value>>(c, "retry_budget")? {
        let mut budget = RetryBudget::default();
        if let Some(v) = opt::<u32>(&b, "capacity")? {
            budget = budget.with_capacity(v);
        }
        if let Some(v) = opt::<u32>(&b, "retry_cost")? {
            budget = budget.with_retry_cost(v);
        }
        if let Some(v) = opt::<u32>(&b, "timeout_retry_cost")? {
            budget = budget.with_timeout_retry_cost(v);
        }
        if let Some(v) = opt::<u32>(&b, "success_refund")? {
            budget = budget.with_success_refund(v);
        }
        config = config.with_retry_budget(budget);
    }
    if let Some(jitter) = opt::<f64>(c, "jitter")? {
        config = config.with_jitter(Jitter::Fixed(jitter));
    }
    Ok(config)
}

/// Runs one `call` in its own task (a panic there is reported as `Crash`), within the deadline;
/// with `cancel_after_ms` the call's future is dropped that many ms after it began (Rust's
/// cancellation), unless it ended first.
async fn run_call(
    client: Client,
    op: String,
    args: Args,
    deadline_ms: Option<u64>,
    raw: bool,
    cancel_after_ms: Option<u64>,
) -> Reply {
    let span = tracing::Span::current();
    let task = tokio::spawn(async move {
        let call = async {
            if !raw {
                return dispatch(&client, &op, &args).await;
            }
            // dwcp::raw keeps the head of the SDK call's final response.
            let response = dwcp::raw(async { Ok::<Reply, DWCPError>(dispatch(&client, &op, &args).await) }).await?;
            let (status, request_id) = (response.status(), response.request_id().to_owned());
            let headers: Map<String, Value> = response
                .headers()
                .iter()
                .map(|(k, v)| (k.as_str().to_owned(), json!(String::from_utf8_lossy(v.as_bytes()))))
                .collect();
            let result = response.into_inner()?;
            Ok(json!({"status": status, "headers": headers, "request_id": request_id, "result": result}))
        };
        let call = async {
            let Some(ms) = cancel_after_ms else { return call.await };
            tokio::select! {
                biased;
                reply = call => reply,
                () = tokio::time::sleep(Duration::from_millis(ms)) => {
                    Err(Failure::Cancelled(format!("{op}: dropped after {ms} ms")))
                }
            }
        };
        match deadline_ms {
            None => call.await,
            Some(ms) => match tokio::time::timeout(Duration::from_millis(ms), call).await {
                Ok(reply) => reply,
                Err(_) => Err(Failure::Sdk(DWCPError::Timeout(ErrorInfo::client(
                    "TimeoutError",
                    "client_timeout",
                    format!("{op}: the caller's deadline of {ms} ms passed"),
                )))),
            },
        }
    }
    .instrument(span));
    match task.await {
        Ok(reply) => reply,
        Err(e) => Err(crash(format!("the call panicked: {e}"))),
    }
}

fn to_json<T: serde::Serialize>(value: T) -> Reply {
    serde_json::to_value(value).map_err(|e| crash(format!("cannot encode the result: {e}")))
}

/// Calls the SDK method named by `op` with arguments read from `args`.
#[allow(clippy::let_unit_value)]
async fn dispatch(client: &Client, op: &str, args: &Args) -> Reply {
    match op {
        "system.health" => {
            let result = client.health().await?;

            to_json(result)
        }
        "vm.create" => {
            let config = req::<VMConfig>(args, "config")?;
            let result = client.vm().create(config).await?;

            to_json(result)
        }
        "vm.get" => {
            let vm_id = req::<String>(args, "vm_id")?;
            let result = client.vm().get(&vm_id).await?;

            to_json(result)
        }
        "vm.list" => {
            let labels = labels(args, "labels")?;
            #[allow(unused_mut)]
            let mut options = VMListOptions::new();
            if let Some(v) = opt::<u16>(args, "page_size")? {
                options.page_size = Some(v);
            }
            // `take`: the lazy form, left after n items (dropping the stream fetches no more pages).
            let result = match opt::<usize>(args, "take")? {
                Some(take) => {
                    client
                        .vm()
                        .list_stream_with(&pairs(&labels), options)
                        .take(take)
                        .try_collect::<Vec<_>>()
                        .await?
                }
                None => client.vm().list_with(&pairs(&labels), options).await?,
            };

            to_json(result)
        }
        "vm.start" => {
            let vm_id = req::<String>(args, "vm_id")?;
            let result = client.vm().start(&vm_id).await?;

            to_json(result)
        }
        "vm.stop" => {
            let vm_id = req::<String>(args, "vm_id")?;
            let force = opt::<bool>(args, "force")?;
            let result = client.vm().stop(&vm_id, force).await?;

            to_json(result)
        }
        "vm.destroy" => {
            let vm_id = req::<String>(args, "vm_id")?;
            let result = client.vm().destroy(&vm_id).await?;

            to_json(result)
        }
        "vm.migrate" => {
            let vm_id = req::<String>(args, "vm_id")?;
            let target_node = req::<String>(args, "target_node")?;
            let options = opt::<MigrationOptions>(args, "options")?;
            let result = client.vm().migrate(&vm_id, &target_node, options).await?;

            to_json(result)
        }
        "vm.get_migration_status" => {
            let migration_id = req::<String>(args, "migration_id")?;
            let result = client.vm().get_migration_status(&migration_id).await?;

            to_json(result)
        }
        "vm.cancel_migration" => {
            let migration_id = req::<String>(args, "migration_id")?;
            let result = client.vm().cancel_migration(&migration_id).await?;

            to_json(result)
        }
        "vm.snapshot" => {
            let vm_id = req::<String>(args, "vm_id")?;
            let name = req::<String>(args, "name")?;
            let options = opt::<SnapshotOptions>(args, "options")?;
            let result = client.vm().snapshot(&vm_id, &name, options).await?;

            to_json(result)
        }
        "vm.list_snapshots" => {
            let vm_id = req::<String>(args, "vm_id")?;
            #[allow(unused_mut)]
            let mut options = VMListSnapshotsOptions::new();
            if let Some(v) = opt::<u16>(args, "page_size")? {
                options.page_size = Some(v);
            }
            // `take`: the lazy form, left after n items (dropping the stream fetches no more pages).
            let result = match opt::<usize>(args, "take")? {
                Some(take) => {
                    client
                        .vm()
                        .list_snapshots_stream_with(&vm_id, options)
                        .take(take)
                        .try_collect::<Vec<_>>()
                        .await?
                }
                None => client.vm().list_snapshots_with(&vm_id, options).await?,
            };

            to_json(result)
        }
        "vm.restore_snapshot" => {
            let vm_id = req::<String>(args, "vm_id")?;
            let snapshot_id = req::<String>(args, "snapshot_id")?;
            let result = client.vm().restore_snapshot(&vm_id, &snapshot_id).await?;

            to_json(result)
        }
        "vm.delete_snapshot" => {
            let snapshot_id = req::<String>(args, "snapshot_id")?;
            let result = client.vm().delete_snapshot(&snapshot_id).await?;

            to_json(result)
        }
        "vm.get_metrics" => {
            let vm_id = req::<String>(args, "vm_id")?;
            let window = opt_ms(args, "window")?;
            let result = client.vm().get_metrics(&vm_id, window).await?;

            to_json(result)
        }
        "vm.wait_until_running" => {
            let vm_id = req::<String>(args, "vm_id")?;
            // `deadline_ms` is the older spelling of `max_wait_ms`.
            let max_wait = match opt_ms(args, "max_wait_ms")? {
                Some(ms) => Some(ms),
                None => opt_ms(args, "deadline_ms")?,
            };
            to_json(client.vm().wait_until_running(&vm_id, max_wait).await?)
        }
        "vm.wait_until_stopped" => {
            let vm_id = req::<String>(args, "vm_id")?;
            // `deadline_ms` is the older spelling of `max_wait_ms`.
            let max_wait = match opt_ms(args, "max_wait_ms")? {
                Some(ms) => Some(ms),
                None => opt_ms(args, "deadline_ms")?,
            };
            to_json(client.vm().wait_until_stopped(&vm_id, max_wait).await?)
        }
        "vm.wait_until_destroyed" => {
            let vm_id = req::<String>(args, "vm_id")?;
            // `deadline_ms` is the older spelling of `max_wait_ms`.
            let max_wait = match opt_ms(args, "max_wait_ms")? {
                Some(ms) => Some(ms),
                None => opt_ms(args, "deadline_ms")?,
            };
            to_json(client.vm().wait_until_destroyed(&vm_id, max_wait).await?)
        }
        "vm.wait_for_migration" => {
            let migration_id = req::<String>(args, "migration_id")?;
            // `deadline_ms` is the older spelling of `max_wait_ms`.
            let max_wait = match opt_ms(args, "max_wait_ms")? {
                Some(ms) => Some(ms),
                None => opt_ms(args, "deadline_ms")?,
            };
            to_json(
                client
                    .vm()
                    .wait_for_migration(&migration_id, max_wait)
                    .await?,
            )
        }
        other => Err(crash(format!("unknown op {other:?}"))),
    }
}

#[allow(clippy::match_single_binding)]
async fn open_stream(client: &Client, op: &str, args: &Args) -> Result<OpenStream, Failure> {
    match op {
        "vm.stream_metrics" => {
            let vm_id = req::<String>(args, "vm_id")?;
            let interval = opt_ms(args, "interval")?;
            let result = client.vm().stream_metrics(&vm_id, interval).await?;

            Ok(OpenStream::VMMetrics(result))
        }
        "vm.watch" => {
            let vm_id = req::<String>(args, "vm_id")?;
            #[allow(unused_mut)]
            let mut options = VMWatchOptions::new();
            if let Some(v) = opt::<u64>(args, "since")? {
                options.since = Some(v);
            }
            if let Some(v) = opt::<bool>(args, "follow")? {
                options.follow = Some(v);
            }
            let result = client.vm().watch_with(&vm_id, options).await?;

            Ok(OpenStream::VMEvent(result))
        }
        other => Err(crash(format!("unknown stream op {other:?}"))),
    }
}

// Argument readers: a value of the wrong type is the SDK's validation error, named by field.

fn bad_arg(field: &str, problem: impl std::fmt::Display) -> Failure {
    Failure::Sdk(DWCPError::Config(ErrorInfo::invalid_field(
        "ValidationError",
        field,
        problem,
    )))
}

fn req<T: serde::de::DeserializeOwned>(args: &Args, field: &str) -> Result<T, Failure> {
    let value = args.get(field).cloned().unwrap_or(Value::Null);
    serde_json::from_value(value).map_err(|e| bad_arg(field, e))
}

#[allow(dead_code)]
fn opt<T: serde::de::DeserializeOwned>(args: &Args, field: &str) -> Result<Option<T>, Failure> {
    match args.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(value) => serde_json::from_value(value.clone())
            .map(Some)
            .map_err(|e| bad_arg(field, e)),
    }
}

#[allow(dead_code)]
fn opt_ms(args: &Args, field: &str) -> Result<Option<Duration>, Failure> {
    Ok(opt::<u64>(args, field)?.map(Duration::from_millis))
}

#[allow(dead_code)]
fn req_ms(args: &Args, field: &str) -> Result<Duration, Failure> {
    Ok(Duration::from_millis(req::<u64>(args, field)?))
}

#[allow(dead_code)]
fn labels(args: &Args, field: &str) -> Result<Vec<(String, String)>, Failure> {
    let map: Option<HashMap<String, String>> = opt(args, field)?;
    Ok(map.unwrap_or_default().into_iter().collect())
}

#[allow(dead_code)]
fn pairs(labels: &[(String, String)]) -> Vec<(&str, &str)> {
    labels
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect()
}
