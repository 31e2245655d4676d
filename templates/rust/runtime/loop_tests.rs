//! The attempt loop against a scripted local HTTP server: hooks, per-call options, log events,
//! the User-Agent, and the API key kept out of every event.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use reqwest::{Method, Url};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

use super::backoff::{Jitter, RetryClass, RetryPolicy};
use super::error_info::ErrorInfo;
use super::hooks::*;
use super::log::LogLevel;
use super::options::CallOptions;
use super::transport::{user_agent, Observe, Request, Transport};

const KEY: &str = "sk-loop-test-9981";

/// Answers each request with the next status of `statuses` (the last one repeats) and keeps
/// every request's head.
async fn server(statuses: Vec<u16>) -> (Url, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = Url::parse(&format!("http://{}/v3", listener.local_addr().unwrap())).unwrap();
    let heads = Arc::new(Mutex::new(Vec::new()));
    let seen = heads.clone();
    let next = Arc::new(AtomicUsize::new(0));
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            let seen = seen.clone();
            let statuses = statuses.clone();
            let next = next.clone();
            tokio::spawn(async move {
                let mut buffer = Vec::new();
                let mut chunk = [0u8; 4096];
                loop {
                    let Ok(n) = socket.read(&mut chunk).await else { return };
                    if n == 0 {
                        return;
                    }
                    buffer.extend_from_slice(&chunk[..n]);
                    while let Some(end) = buffer.windows(4).position(|w| w == b"\r\n\r\n") {
                        let head = String::from_utf8_lossy(&buffer[..end]).to_lowercase();
                        buffer.drain(..end + 4);
                        seen.lock().unwrap().push(head);
                        let i = next.fetch_add(1, Ordering::SeqCst);
                        let status = statuses[i.min(statuses.len() - 1)];
                        let body = if status == 200 { "{}" } else { r#"{"error":{"type":"","code":"unavailable","message":"m"}}"# };
                        let reply = format!(
                            "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\nx-request-id: srv\r\ncontent-length: {}\r\n\r\n{body}",
                            body.len()
                        );
                        if socket.write_all(reply.as_bytes()).await.is_err() {
                            return;
                        }
                    }
                }
            });
        }
    });
    (url, heads)
}

fn policy(retries: u32) -> RetryPolicy {
    RetryPolicy {
        retries,
        base: Duration::from_millis(1),
        max_backoff: Duration::from_millis(5),
        max_retry_after: Duration::from_secs(1),
        attempt_timeout: Duration::from_secs(5),
        jitter: Jitter::Fixed(1.0),
    }
}

fn classify(info: &ErrorInfo) -> RetryClass {
    if info.status == Some(503) {
        RetryClass::Retry
    } else {
        RetryClass::Never
    }
}

fn transport(url: Url, retries: u32, hooks: Vec<Arc<dyn Interceptor>>, log: LogLevel) -> Transport {
    let mut interceptors = Interceptors::default();
    hooks.into_iter().for_each(|h| interceptors.push(h));
    Transport::new(reqwest::Client::new(), url, KEY, policy(retries), classify, 4)
        .unwrap()
        .with_observe(Observe {
            interceptors,
            log,
            secrets: &["password"],
            ..Observe::default()
        })
}

fn request() -> Request {
    let mut r = Request::new("vm.create", Method::POST, "/vms", "/vms".into());
    r.body = Some(bytes::Bytes::from_static(br#"{"name":"a","password":"hunter2"}"#));
    r.keyed = true;
    r
}

#[derive(Default)]
struct Recorder {
    name: &'static str,
    fail_at: Option<&'static str>,
    seen: Arc<Mutex<Vec<String>>>,
}

impl Recorder {
    fn note(&self, point: &str, call: &CallInfo<'_>, extra: String) -> HookResult {
        self.seen.lock().unwrap().push(format!("{} {point} {}{extra}", self.name, call.attempt));
        if self.fail_at == Some(point) {
            return Err(format!("{} refuses", self.name).into());
        }
        Ok(())
    }
}

impl Interceptor for Recorder {
    fn before_attempt(&self, ctx: &mut BeforeAttempt<'_>) -> HookResult {
        ctx.headers.insert("x-hook", self.name.parse()?);
        let call = ctx.call;
        self.note("before_attempt", &call, String::new())
    }
    fn after_response(&self, ctx: &AfterResponse<'_>) -> HookResult {
        self.note("after_response", &ctx.call, format!(" {} {}", ctx.status, ctx.request_id))
    }
    fn before_retry(&self, ctx: &BeforeRetry<'_>) -> HookResult {
        self.note("before_retry", &ctx.call, format!(" {:?} {}", ctx.delay, ctx.cause.code))
    }
    fn on_error(&self, ctx: &OnError<'_>) -> HookResult {
        self.note("on_error", &ctx.call, format!(" {}", ctx.error.attempts))
    }
}

#[tokio::test]
async fn hooks_see_every_attempt_in_order() {
    let (url, heads) = server(vec![503, 200]).await;
    let seen = Arc::new(Mutex::new(Vec::new()));
    let a = Arc::new(Recorder { name: "a", seen: seen.clone(), ..Recorder::default() });
    let b = Arc::new(Recorder { name: "b", seen: seen.clone(), ..Recorder::default() });
    let t = transport(url, 2, vec![a, b], LogLevel::Off);
    let reply = t.execute(&request(), None).await.unwrap();
    assert_eq!(reply.status, 200);
    assert_eq!(
        *seen.lock().unwrap(),
        [
            "a before_attempt 1",
            "b before_attempt 1",
            "a after_response 1 503 srv",
            "b after_response 1 503 srv",
            "a before_retry 1 1ms unavailable",
            "b before_retry 1 1ms unavailable",
            "a before_attempt 2",
            "b before_attempt 2",
            "a after_response 2 200 srv",
            "b after_response 2 200 srv",
        ]
    );
    let heads = heads.lock().unwrap();
    assert_eq!(heads.len(), 2);
    // The last hook's change is what went on the wire; the attempt header counts; one key.
    assert!(heads[0].contains("x-hook: b") && heads[0].contains("dwcp-attempt: 1"));
    assert!(heads[1].contains("dwcp-attempt: 2"));
    let key = |h: &str| h.lines().find(|l| l.starts_with("idempotency-key")).map(str::to_owned);
    assert!(key(&heads[0]).is_some() && key(&heads[0]) == key(&heads[1]));
    assert!(heads[0].contains(&format!("user-agent: {}", user_agent().to_lowercase())));
}

#[tokio::test]
async fn a_refusing_hook_sends_nothing_and_is_never_retried() {
    let (url, heads) = server(vec![200]).await;
    let seen = Arc::new(Mutex::new(Vec::new()));
    let a = Arc::new(Recorder { name: "a", fail_at: Some("before_attempt"), seen: seen.clone() });
    let t = transport(url, 3, vec![a], LogLevel::Off);
    let err = t.execute(&request(), None).await.unwrap_err();
    assert_eq!((err.error_type.as_str(), err.code.as_str(), err.attempts), ("HookError", "hook_failed", 0));
    assert_eq!(err.source.as_ref().unwrap().to_string(), "a refuses");
    assert!(!err.message.contains(KEY));
    assert!(heads.lock().unwrap().is_empty());
    assert_eq!(*seen.lock().unwrap(), ["a before_attempt 1", "a on_error 1 0"]);
    assert_eq!(t.counters.snapshot().errors_total, 1);
}

#[tokio::test]
async fn an_after_response_failure_stops_a_retryable_call() {
    let (url, heads) = server(vec![503]).await;
    let seen = Arc::new(Mutex::new(Vec::new()));
    let a = Arc::new(Recorder { name: "a", fail_at: Some("after_response"), seen: seen.clone() });
    let t = transport(url, 3, vec![a], LogLevel::Off);
    let err = t.execute(&request(), None).await.unwrap_err();
    assert_eq!((err.code.as_str(), err.attempts, err.status), ("hook_failed", 1, None));
    assert_eq!(heads.lock().unwrap().len(), 1);
}

#[tokio::test]
async fn call_options_override_the_client_for_that_call() {
    let (url, heads) = server(vec![503]).await;
    let t = transport(url, 3, vec![], LogLevel::Off);
    let options = CallOptions::new()
        .retry_attempts(0)
        .header("x-team", "infra")
        .header("authorization", "Bearer stolen")
        .idempotency_key("key-1");
    let err = t.execute(&request(), Some(&options)).await.unwrap_err();
    assert_eq!(err.attempts, 1);
    assert_eq!(err.idempotency_key.as_deref(), Some("key-1"));
    let heads = heads.lock().unwrap().clone();
    assert_eq!(heads.len(), 1);
    assert!(heads[0].contains("x-team: infra") && heads[0].contains("idempotency-key: key-1"));
    assert!(!heads[0].contains("stolen"));
    // The client's own policy is untouched.
    assert_eq!(t.policy.retries, 3);
    let bad = CallOptions::new().header("bad name", "x");
    assert_eq!(t.execute(&request(), Some(&bad)).await.unwrap_err().field.as_deref(), Some("headers"));
}

/// A minimal subscriber that keeps every event of the target `dwcp` as text.
struct Lines(Arc<Mutex<Vec<String>>>);

struct Text(String);

impl tracing::field::Visit for Text {
    fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
        self.0.push_str(&format!(" {}={value:?}", field.name()));
    }
}

impl tracing::Subscriber for Lines {
    fn enabled(&self, _: &tracing::Metadata<'_>) -> bool {
        true
    }
    fn new_span(&self, _: &tracing::span::Attributes<'_>) -> tracing::span::Id {
        tracing::span::Id::from_u64(1)
    }
    fn record(&self, _: &tracing::span::Id, _: &tracing::span::Record<'_>) {}
    fn record_follows_from(&self, _: &tracing::span::Id, _: &tracing::span::Id) {}
    fn event(&self, event: &tracing::Event<'_>) {
        if event.metadata().target() == "dwcp" {
            let mut text = Text(event.metadata().level().to_string());
            event.record(&mut text);
            self.0.lock().unwrap().push(text.0);
        }
    }
    fn enter(&self, _: &tracing::span::Id) {}
    fn exit(&self, _: &tracing::span::Id) {}
}

#[test]
fn log_events_follow_the_level_and_never_show_secrets() {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let lines = Arc::new(Mutex::new(Vec::new()));
    let logged = |level: LogLevel| {
        lines.lock().unwrap().clear();
        tracing::subscriber::with_default(Lines(lines.clone()), || {
            runtime.block_on(async {
                let (url, _) = server(vec![503, 503]).await;
                let t = transport(url, 1, vec![], level);
                let _ = t.execute(&request(), None).await;
            })
        });
        lines.lock().unwrap().clone()
    };
    assert!(logged(LogLevel::Off).is_empty());
    let warning = logged(LogLevel::Warning);
    assert_eq!(warning.len(), 2, "{warning:?}");
    assert!(warning[0].starts_with("WARN message=retry") && warning[1].starts_with("WARN message=failed"));
    let info = logged(LogLevel::Info);
    assert_eq!(info.iter().filter(|l| l.contains("message=attempt")).count(), 2, "{info:?}");
    assert!(info[0].contains("status=503") && info[0].contains("path=\"/vms\""));
    let debug = logged(LogLevel::Debug);
    assert_eq!(debug.iter().filter(|l| l.contains("message=request")).count(), 2);
    assert_eq!(debug.iter().filter(|l| l.contains("message=response")).count(), 2);
    let all = debug.join("\n");
    assert!(!all.contains(KEY) && !all.contains("hunter2"), "{all}");
    assert!(all.contains("[REDACTED]"));
}

/// Answers the n-th connection's first request with `replies[n]` (the last one repeats), then
/// closes the connection, and keeps every request's head.
async fn raw_server(replies: Vec<Vec<u8>>) -> (Url, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = Url::parse(&format!("http://{}/v3", listener.local_addr().unwrap())).unwrap();
    let heads = Arc::new(Mutex::new(Vec::new()));
    let seen = heads.clone();
    tokio::spawn(async move {
        let mut n = 0;
        while let Ok((mut socket, _)) = listener.accept().await {
            let reply = replies[n.min(replies.len() - 1)].clone();
            n += 1;
            let seen = seen.clone();
            tokio::spawn(async move {
                let mut buffer = Vec::new();
                let mut chunk = [0u8; 4096];
                while !buffer.windows(4).any(|w| w == b"\r\n\r\n") {
                    match socket.read(&mut chunk).await {
                        Ok(0) | Err(_) => return,
                        Ok(k) => buffer.extend_from_slice(&chunk[..k]),
                    }
                }
                seen.lock().unwrap().push(String::from_utf8_lossy(&buffer).to_lowercase());
                let _ = socket.write_all(&reply).await;
            });
        }
    });
    (url, heads)
}

fn sse_reply(body: &[u8]) -> Vec<u8> {
    let mut reply = b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\nconnection: close\r\n\r\n".to_vec();
    reply.extend_from_slice(body);
    reply
}

async fn watch(url: Url, buffer_size: usize) -> Vec<Result<Option<u64>, ErrorInfo>> {
    use futures::StreamExt;
    let t = Arc::new(transport(url, 2, Vec::new(), LogLevel::Off).with_buffer_size(buffer_size));
    let request = Request::new("vm.watch", Method::GET, "/vms/{vm_id}/events", "/vms/a/events".into());
    let stream = super::stream::open::<serde_json::Value>(t, request, false, "tick", None).await.unwrap();
    stream.map(|item| item.map(|d| d.id)).collect().await
}

#[tokio::test]
async fn an_error_body_is_read_up_to_64_kib() {
    let size = 4 << 20;
    let mut reply = format!("HTTP/1.1 500 X\r\ncontent-type: application/json\r\ncontent-length: {size}\r\n\r\n").into_bytes();
    reply.extend(std::iter::repeat_n(b'a', size));
    let (url, _) = raw_server(vec![reply]).await;
    let t = transport(url, 0, Vec::new(), LogLevel::Off);
    let err = t.execute(&request(), None).await.unwrap_err();
    assert_eq!(err.status, Some(500));
    assert!(err.message.len() <= 64 * 1024, "{}", err.message.len());
}

#[tokio::test]
async fn a_body_cut_inside_an_event_resumes_with_last_event_id() {
    let first = sse_reply(b"id: 1\nevent: tick\ndata: {}\n\nid: 2\nevent: tick\nda");
    let second = sse_reply(b"id: 2\nevent: tick\ndata: {}\n\n");
    let (url, heads) = raw_server(vec![first, second]).await;
    let got = watch(url, 65536).await;
    let ids: Vec<_> = got.into_iter().map(Result::unwrap).collect();
    assert_eq!(ids, [Some(1), Some(2)]);
    let heads = heads.lock().unwrap();
    assert_eq!(heads.len(), 2);
    assert!(heads[1].contains("last-event-id: 1"), "{}", heads[1]);
}

#[tokio::test]
async fn an_sse_line_over_buffer_size_is_malformed_after_the_events_before_it() {
    let mut body = b"id: 1\nevent: tick\ndata: {}\n\ndata: ".to_vec();
    body.extend(std::iter::repeat_n(b'x', 64 * 1024));
    let (url, heads) = raw_server(vec![sse_reply(&body)]).await;
    let got = watch(url, 4096).await;
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].as_ref().unwrap(), &Some(1));
    assert_eq!(got[1].as_ref().unwrap_err().code, "malformed_response");
    assert_eq!(heads.lock().unwrap().len(), 1);
}

#[tokio::test]
async fn an_undeclared_event_name_is_ignored() {
    let body = b"event: x_future_event\ndata: not json\n\nid: 1\nevent: tick\ndata: {}\n\n";
    let (url, _) = raw_server(vec![sse_reply(body)]).await;
    let ids: Vec<_> = watch(url, 65536).await.into_iter().map(Result::unwrap).collect();
    assert_eq!(ids, [Some(1)]);
}
