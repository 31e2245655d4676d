// Code generated from spec/dwcp.yaml by generator/; DO NOT EDIT.
//! The Rust SDK's conformance driver: one JSON request per stdin line, one reply per stdout line.
//!
//! Every command maps to the SDK's public API (conformance/README.md, protocol 1); values cross
//! in wire form, so SDK types are read and written with their serde implementations.

use std::collections::HashMap;
use std::time::Duration;

// Every SDK type may appear in an argument, so the driver takes them all.
use dwcp::*;
use futures::StreamExt;
use serde_json::{json, Map, Value};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

type Args = Map<String, Value>;

/// A failed command: an SDK error, or a driver-level problem (reported as `Crash`).
enum Failure {
    Sdk(DWCPError),
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

#[derive(Default)]
struct Driver {
    clients: HashMap<String, Client>,
    /// Open streams by name, with the name of their client.
    streams: HashMap<String, (String, OpenStream)>,
}

#[tokio::main]
async fn main() {
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
        let reply = driver.handle(&cmd, &request).await;
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
            "message": e.to_string(),
            "field": e.field(),
        }),
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
                "features": ["async_client", "vm_management", "live_migration", "snapshots", "realtime_metrics", "event_streaming", "stream_resume", "tls", "connection_pooling", "automatic_retry", "idempotency", "client_validation", "health_checking", "hooks", "logging", "tracing", "per_call_options", "raw_responses", "user_agent", "retry_budget", "waiters", "lazy_pagination"],
            })),
            "new_client" => {
                let config = request
                    .get("config")
                    .and_then(Value::as_object)
                    .unwrap_or(&empty);
                let client = Client::from_config(client_config(config)?)?;
                let name = str_field("client");
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
            "client_metrics" => {
                let metrics = self.client(&str_field("client"))?.metrics();
                serde_json::to_value(metrics).map_err(|e| crash(e.to_string()))
            }
            "call" => {
                let client = self.client(&str_field("client"))?;
                let args = request
                    .get("args")
                    .and_then(Value::as_object)
                    .cloned()
                    .unwrap_or_default();
                let deadline = request.get("deadline_ms").and_then(Value::as_u64);
                run_call(client, str_field("op"), args, deadline).await
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
                    run_call(client.clone(), op, args, None)
                });
                let results: Vec<Value> = futures::future::join_all(runs)
                    .await
                    .into_iter()
                    .map(envelope)
                    .collect();
                Ok(json!({"results": results}))
            }
            "stream_open" => {
                let client = self.client(&str_field("client"))?;
                let args = request
                    .get("args")
                    .and_then(Value::as_object)
                    .cloned()
                    .unwrap_or_default();
                let stream = open_stream(&client, &str_field("op"), &args).await?;
                self.streams
                    .insert(str_field("stream"), (str_field("client"), stream));
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
                let (_, stream) = self
                    .streams
                    .get_mut(&name)
                    .ok_or_else(|| crash(format!("no stream {name}")))?;
                Ok(match stream {
                    OpenStream::VMMetrics(s) => read_stream(s, count, timeout).await,
                    OpenStream::VMEvent(s) => read_stream(s, count, timeout).await,
                })
            }
            "stream_close" => {
                // Dropping the stream closes its connection.
                self.streams.remove(&str_field("stream"));
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
    if let Some(jitter) = opt::<f64>(c, "jitter")? {
        config = config.with_jitter(Jitter::Fixed(jitter));
    }
    Ok(config)
}

/// Runs one `call` in its own task (a panic there is reported as `Crash`), within the deadline.
async fn run_call(client: Client, op: String, args: Args, deadline_ms: Option<u64>) -> Reply {
    let task = tokio::spawn(async move {
        let call = dispatch(&client, &op, &args);
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
    });
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
            let result = client.vm().list_with(&pairs(&labels), options).await?;

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
        "vm.wait_for_migration" => {
            let migration_id = req::<String>(args, "migration_id")?;
            let deadline = req_ms(args, "deadline_ms")?;
            to_json(
                client
                    .vm()
                    .wait_for_migration(&migration_id, deadline)
                    .await?,
            )
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
            let result = client.vm().list_snapshots_with(&vm_id, options).await?;

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

/// Reads up to `count` events, stopping early at the stream's end or after `timeout`.
async fn read_stream<T: serde::Serialize>(
    stream: &mut EventStream<T>,
    count: usize,
    timeout: Duration,
) -> Value {
    let deadline = tokio::time::Instant::now() + timeout;
    let mut events = Vec::new();
    while events.len() < count {
        match tokio::time::timeout_at(deadline, stream.next()).await {
            Ok(Some(event)) => {
                let mut value = serde_json::to_value(event).unwrap_or(Value::Null);
                // The runner checks order by SSE id; a payload without an id field carries it only on the wire.
                if let (Value::Object(fields), Some(id)) = (&mut value, stream.last_event_id()) {
                    fields.entry("id").or_insert(json!(id));
                }
                events.push(value);
            }
            Ok(None) | Err(_) => break,
        }
    }
    let error = stream.error().map(|e| error_json(Failure::Sdk(e.clone())));
    json!({"events": events, "done": stream.is_done(), "error": error})
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
