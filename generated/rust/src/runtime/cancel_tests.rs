// Code generated from templates/rust/runtime/cancel_tests.rs by generator/; DO NOT EDIT.
//! Cancellation and the success-body cap (docs/resilience.md, issue 17) against a local server
//! that reports every connection the client closes: a dropped call or stream closes its
//! connection (never back to the pool), sends nothing more and frees its slot.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures::StreamExt;
use reqwest::{Method, Url};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use tokio::sync::mpsc;
use tokio::time::timeout;

use super::backoff::{Jitter, RetryClass, RetryPolicy};
use super::error_info::ErrorInfo;
use super::transport::{Request, Transport, SUCCESS_BODY_LIMIT};

/// Long enough for anything that should happen, so no assertion depends on the machine's speed.
const PATIENCE: Duration = Duration::from_secs(5);

struct Server {
    url: Url,
    /// The request heads, in arrival order.
    heads: Arc<Mutex<Vec<String>>>,
    /// Connections accepted.
    opened: Arc<AtomicUsize>,
    /// The index of each connection the client closed, as it closes.
    closed: mpsc::UnboundedReceiver<usize>,
}

impl Server {
    fn requests(&self) -> usize {
        self.heads.lock().unwrap().len()
    }

    /// The next connection the client closes (panics when none closes within `PATIENCE`).
    async fn next_close(&mut self) -> usize {
        timeout(PATIENCE, self.closed.recv())
            .await
            .expect("the client kept its connection open")
            .unwrap()
    }
}

/// Answers the n-th request with `replies[n]` (the last one repeats; an empty reply answers
/// nothing, a partial one stops there), on as many connections as the client opens. A reply
/// with `connection: close` ends its connection (not reported as the client's close).
async fn server(replies: Vec<Vec<u8>>) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = Url::parse(&format!("http://{}/v3", listener.local_addr().unwrap())).unwrap();
    let heads = Arc::new(Mutex::new(Vec::new()));
    let opened = Arc::new(AtomicUsize::new(0));
    let (tx, closed) = mpsc::unbounded_channel();
    let (seen, count) = (heads.clone(), opened.clone());
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            let id = count.fetch_add(1, Ordering::SeqCst);
            let (seen, replies, tx) = (seen.clone(), replies.clone(), tx.clone());
            tokio::spawn(async move {
                let mut buffer = Vec::new();
                let mut chunk = vec![0u8; 16 * 1024];
                loop {
                    match socket.read(&mut chunk).await {
                        Ok(0) | Err(_) => break,
                        Ok(n) => buffer.extend_from_slice(&chunk[..n]),
                    }
                    while let Some(end) = buffer.windows(4).position(|w| w == b"\r\n\r\n") {
                        let head = String::from_utf8_lossy(&buffer[..end]).to_lowercase();
                        buffer.drain(..end + 4);
                        let n = {
                            let mut seen = seen.lock().unwrap();
                            seen.push(head);
                            seen.len() - 1
                        };
                        let reply = &replies[n.min(replies.len() - 1)];
                        if socket.write_all(reply).await.is_err() {
                            let _ = tx.send(id);
                            return;
                        }
                        if reply.windows(17).any(|w| w == b"connection: close") {
                            return;
                        }
                    }
                }
                let _ = tx.send(id);
            });
        }
    });
    Server {
        url,
        heads,
        opened,
        closed,
    }
}

fn ok_reply() -> Vec<u8> {
    b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 2\r\n\r\n{}".to_vec()
}

fn sse_head(extra: &str) -> Vec<u8> {
    format!("HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\n{extra}\r\nid: 1\nevent: tick\ndata: {{}}\n\n").into_bytes()
}

fn transport(url: Url, retries: u32, backoff: Duration, slots: usize) -> Arc<Transport> {
    let policy = RetryPolicy {
        retries,
        base: backoff,
        max_backoff: backoff,
        max_retry_after: Duration::from_secs(1),
        attempt_timeout: PATIENCE,
        jitter: Jitter::Fixed(1.0),
    };
    let classify = |info: &ErrorInfo| {
        if info.status == Some(503) {
            RetryClass::Retry
        } else {
            RetryClass::Never
        }
    };
    Arc::new(
        Transport::new(
            reqwest::Client::new(),
            url,
            "sk-cancel-test",
            policy,
            classify,
            slots,
        )
        .unwrap(),
    )
}

fn get() -> Request {
    Request::new("vm.get", Method::GET, "/vms/{vm_id}", "/vms/a".into())
}

fn watch() -> Request {
    Request::new(
        "vm.watch",
        Method::GET,
        "/vms/{vm_id}/events",
        "/vms/a/events".into(),
    )
}

#[tokio::test]
async fn a_dropped_call_closes_its_connection_and_frees_its_slot() {
    // The first request is never answered; the second is.
    let mut server = server(vec![Vec::new(), ok_reply()]).await;
    let t = transport(server.url.clone(), 3, Duration::from_millis(1), 1);
    assert!(timeout(Duration::from_millis(100), t.execute(&get(), None))
        .await
        .is_err());
    assert_eq!(server.next_close().await, 0);
    // One slot: a permit kept by the dropped call would hold this one forever.
    let reply = timeout(PATIENCE, t.execute(&get(), None))
        .await
        .expect("the slot was not freed")
        .unwrap();
    assert_eq!(reply.status, 200);
    assert_eq!(server.requests(), 2);
    assert_eq!(server.opened.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn a_call_dropped_mid_body_does_not_return_its_connection_to_the_pool() {
    let partial = b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{\"id\":".to_vec();
    let mut server = server(vec![partial, ok_reply()]).await;
    let t = transport(server.url.clone(), 0, Duration::from_millis(1), 1);
    assert!(timeout(Duration::from_millis(200), t.execute(&get(), None))
        .await
        .is_err());
    assert_eq!(server.next_close().await, 0);
    t.execute(&get(), None).await.unwrap();
    // The half-read connection was not reused: the second call opened another one.
    assert_eq!(server.opened.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn a_call_dropped_in_its_backoff_sends_nothing_more() {
    let unavailable =
        b"HTTP/1.1 503 X\r\ncontent-type: application/json\r\ncontent-length: 2\r\n\r\n{}".to_vec();
    let server = server(vec![unavailable]).await;
    let t = transport(server.url.clone(), 3, Duration::from_millis(400), 1);
    // The first attempt fails at once; the call is dropped while it sleeps before the retry.
    assert!(timeout(Duration::from_millis(150), t.execute(&get(), None))
        .await
        .is_err());
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert_eq!(server.requests(), 1);
}

#[tokio::test]
async fn a_dropped_stream_closes_its_connection_and_frees_its_slot() {
    let mut server = server(vec![sse_head("")]).await;
    let t = transport(server.url.clone(), 3, Duration::from_millis(1), 1);
    let mut stream =
        super::stream::open::<serde_json::Value>(t.clone(), watch(), true, "tick", None)
            .await
            .unwrap();
    assert_eq!(stream.next().await.unwrap().unwrap().id, Some(1));
    drop(stream);
    assert_eq!(server.next_close().await, 0);
    let again = timeout(
        PATIENCE,
        super::stream::open::<serde_json::Value>(t, watch(), true, "tick", None),
    )
    .await;
    assert!(again.expect("the slot was not freed").is_ok());
}

#[tokio::test]
async fn a_stream_dropped_while_reconnecting_stops_reconnecting() {
    // One event, then the server ends the body: with `follow` that is a drop, so the stream
    // sleeps its backoff (400 ms) before reconnecting, and is dropped in that sleep.
    let server = server(vec![sse_head("connection: close\r\n")]).await;
    let t = transport(server.url.clone(), 5, Duration::from_millis(400), 1);
    let mut stream = super::stream::open::<serde_json::Value>(t, watch(), true, "tick", None)
        .await
        .unwrap();
    assert_eq!(stream.next().await.unwrap().unwrap().id, Some(1));
    assert!(timeout(Duration::from_millis(100), stream.next())
        .await
        .is_err());
    drop(stream);
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert_eq!(server.requests(), 1);
}

#[tokio::test]
async fn a_success_body_announced_over_32_mib_is_refused_before_reading_it() {
    // Only the head comes: reading the body would wait for the attempt's timeout instead.
    let head = format!(
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
        SUCCESS_BODY_LIMIT + 1
    );
    let mut server = server(vec![head.into_bytes()]).await;
    let t = transport(server.url.clone(), 3, Duration::from_millis(1), 1);
    let err = t.execute(&get(), None).await.unwrap_err();
    assert_eq!(
        (err.error_type.as_str(), err.code.as_str()),
        ("ConnectionError", "response_too_large")
    );
    assert_eq!(err.attempts, 1);
    assert_eq!(server.next_close().await, 0);
}

#[tokio::test]
async fn a_success_body_over_32_mib_without_a_length_is_counted_and_refused() {
    let mut reply =
        b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nconnection: close\r\n\r\n".to_vec();
    reply.extend(std::iter::repeat_n(b' ', SUCCESS_BODY_LIMIT + 1));
    let server = server(vec![reply]).await;
    let t = transport(server.url.clone(), 3, Duration::from_millis(1), 1);
    let err = t.execute(&get(), None).await.unwrap_err();
    assert_eq!(err.code, "response_too_large");
    assert!(err.message.contains("32 MiB"), "{}", err.message);
    assert_eq!(server.requests(), 1);
}

#[tokio::test]
async fn a_success_body_of_exactly_32_mib_is_read() {
    let mut reply = format!("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {SUCCESS_BODY_LIMIT}\r\n\r\n").into_bytes();
    reply.extend(std::iter::repeat_n(b' ', SUCCESS_BODY_LIMIT));
    let server = server(vec![reply]).await;
    let t = transport(server.url.clone(), 0, Duration::from_millis(1), 1);
    assert_eq!(
        t.execute(&get(), None).await.unwrap().body.len(),
        SUCCESS_BODY_LIMIT
    );
}

#[tokio::test]
async fn reconnects_that_bring_only_a_replayed_event_are_failures() {
    // Each answer ends its body (with `follow`, a drop); every reconnect repeats event 2, the one
    // its Last-Event-ID names, so nothing new ever arrives after the first connection.
    let head = "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\nconnection: close\r\n\r\n";
    let tick = |id: u32| format!("id: {id}\nevent: tick\ndata: {{}}\n\n");
    let first = format!("{head}{}{}", tick(1), tick(2)).into_bytes();
    let replay = format!("{head}{}", tick(2)).into_bytes();
    let server = server(vec![first, replay]).await;
    let t = transport(server.url.clone(), 2, Duration::from_millis(1), 1);
    let mut stream = super::stream::open::<serde_json::Value>(t, watch(), true, "tick", None)
        .await
        .unwrap();
    let mut ids = Vec::new();
    let mut failure = None;
    while let Some(item) = timeout(PATIENCE, stream.next())
        .await
        .expect("the stream still reconnects")
    {
        match item {
            Ok(delivered) => ids.push(delivered.id),
            Err(error) => failure = Some(error),
        }
    }
    assert_eq!(ids, [Some(1), Some(2)], "each event once");
    let failure = failure.expect("the stream ends with an error");
    assert_eq!(failure.error_type, "ConnectionError", "{failure:?}");
    assert_eq!(
        server.requests(),
        3,
        "the open and retry_attempts reconnects"
    );
}
