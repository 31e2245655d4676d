// Code generated from templates/rust/runtime/stream.rs by generator/; DO NOT EDIT.
//! A Server-Sent Events stream that reconnects with `Last-Event-ID` and delivers each event once.

use std::marker::PhantomData;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use futures::Stream;
use reqwest::header::CONTENT_TYPE;
use serde::de::DeserializeOwned;
use tokio::sync::OwnedSemaphorePermit;

use super::backoff::RetryClass;
use super::error_info::ErrorInfo;
use super::options::CallOptions;
use super::sse::{Event, Parser};
use super::transport::{
    read_error_body, status_error, timeout_error, transport_error, Call, Request, Transport,
};

/// The raw item stream: events with their SSE ids, then at most one terminal error.
pub type RawStream<T> = Pin<Box<dyn Stream<Item = Result<Delivered<T>, ErrorInfo>> + Send>>;

/// One event and its SSE id (when the server gave a numeric one).
#[derive(Debug, Clone, PartialEq)]
pub struct Delivered<T> {
    /// The event's `id:` field.
    pub id: Option<u64>,
    /// The decoded event.
    pub item: T,
}

/// Opens `request` as an SSE stream of `T`.
///
/// The first connection happens here, so a 401 or 404 is this call's error. Later drops
/// reconnect with backoff (or the server's `retry:`), sending the last committed id; ids at or
/// below the last delivered one are dropped, so the caller sees each event exactly once. With
/// `follow == false` a clean end of the body ends the stream; otherwise it is a drop. A body
/// that ends in the middle of an event is always a drop (the partial event is discarded).
/// Events named `event` (or unnamed) are decoded as `T`; other names are ignored (a newer
/// server may send new kinds). A line longer than the transport's `buffer_size` ends the
/// stream with `malformed_response`, after the events before it.
///
/// Every connection is an attempt of the transport's attempt loop: `DWCP-Attempt` keeps
/// counting across reconnects, and hooks, log events and spans see each one.
pub async fn open<T>(
    transport: Arc<Transport>,
    request: Request,
    follow: bool,
    event: &'static str,
    options: Option<&CallOptions>,
) -> Result<RawStream<T>, ErrorInfo>
where
    T: DeserializeOwned + Send + 'static,
{
    let call = transport.begin(&request, options)?;
    let mut resumer = Resumer::<T>::new(transport, request, follow, event, call);
    resumer.first_connect().await?;
    Ok(Box::pin(futures::stream::unfold(
        resumer,
        |mut r| async move { r.next().await.map(|item| (item, r)) },
    )))
}

struct Resumer<T> {
    transport: Arc<Transport>,
    request: Request,
    follow: bool,
    event: &'static str,
    call: Call,
    parser: Parser,
    body: Option<(reqwest::Response, OwnedSemaphorePermit)>,
    delivered: Option<u64>,
    failures: u32,
    last_error: Option<ErrorInfo>,
    done: bool,
    _item: PhantomData<fn() -> T>,
}

/// What one connection attempt gave.
enum Connected {
    Open((reqwest::Response, OwnedSemaphorePermit)),
    /// 204: the server says there is nothing more.
    Finished,
}

impl<T: DeserializeOwned> Resumer<T> {
    fn new(
        transport: Arc<Transport>,
        request: Request,
        follow: bool,
        event: &'static str,
        call: Call,
    ) -> Self {
        let parser = Parser::with_max_line(transport.buffer_size);
        Resumer {
            transport,
            request,
            follow,
            event,
            call,
            parser,
            body: None,
            delivered: None,
            failures: 0,
            last_error: None,
            done: false,
            _item: PhantomData,
        }
    }

    async fn first_connect(&mut self) -> Result<(), ErrorInfo> {
        match self.connect().await {
            Ok(Connected::Open(body)) => self.body = Some(body),
            Ok(Connected::Finished) => self.finish(),
            Err(error) if self.retryable(&error) => {
                self.last_error = Some(error);
                self.reconnect().await?;
            }
            Err(error) => return Err(self.transport.fail(&mut self.call, &self.request, error)),
        }
        Ok(())
    }

    /// The next event, a terminal error, or `None` at the end.
    async fn next(&mut self) -> Option<Result<Delivered<T>, ErrorInfo>> {
        loop {
            if self.done {
                return None;
            }
            while let Some(event) = self.parser.next_event() {
                if let Some(item) = self.accept(event) {
                    return Some(item);
                }
            }
            if self.parser.line_too_long() {
                return Some(Err(self.malformed(format!(
                    "{}: an SSE line is longer than buffer_size ({} bytes)",
                    self.request.op, self.transport.buffer_size
                ))));
            }
            if self.body.is_none() {
                if let Err(error) = self.reconnect().await {
                    self.done = true;
                    return Some(Err(error));
                }
                continue;
            }
            self.read().await;
        }
    }

    /// Reads one chunk into the parser; a drop or an idle timeout closes the connection.
    async fn read(&mut self) {
        let Some((body, _slot)) = self.body.as_mut() else {
            return;
        };
        let idle = self.call.policy.attempt_timeout;
        match tokio::time::timeout(idle, body.chunk()).await {
            Ok(Ok(Some(chunk))) => {
                self.transport.counters.received_bytes(chunk.len());
                self.parser.feed(&chunk);
            }
            Ok(Ok(None)) if !self.follow && !self.parser.mid_event() => {
                self.body = None;
                self.finish();
            }
            Ok(Ok(None)) => self.dropped(ErrorInfo::client(
                "ConnectionError",
                "connection_reset",
                "stream ended",
            )),
            Ok(Err(e)) => self.dropped(transport_error(self.request.op, &e)),
            Err(_) => self.dropped(timeout_error(self.request.op, idle)),
        }
    }

    fn dropped(&mut self, error: ErrorInfo) {
        self.body = None;
        self.parser.reset_connection();
        self.last_error = Some(error);
    }

    /// Turns a parsed event into an item, or `None` when it was already delivered.
    fn accept(&mut self, event: Event) -> Option<Result<Delivered<T>, ErrorInfo>> {
        if event.event != self.event && event.event != "message" {
            return None; // a kind this operation does not declare
        }
        let id = event.id.parse::<u64>().ok();
        if let (Some(id), Some(seen)) = (id, self.delivered) {
            if id <= seen {
                return None;
            }
        }
        match serde_json::from_str::<T>(&event.data) {
            Ok(item) => {
                if id.is_some() {
                    self.delivered = id;
                }
                self.failures = 0;
                self.transport.counters.received_message();
                Some(Ok(Delivered { id, item }))
            }
            Err(why) => Some(Err(
                self.malformed(format!("{}: malformed event: {why}", self.request.op))
            )),
        }
    }

    /// Ends the stream with `malformed_response` (never retried).
    fn malformed(&mut self, message: String) -> ErrorInfo {
        self.done = true;
        self.body = None;
        let mut error = ErrorInfo::client("ConnectionError", "malformed_response", message);
        error.attempts = self.call.attempt;
        self.transport.fail(&mut self.call, &self.request, error)
    }

    /// Waits, then reconnects until a connection opens, the server finishes, or retries run out.
    async fn reconnect(&mut self) -> Result<(), ErrorInfo> {
        loop {
            let (error, wait) = self.next_wait();
            self.transport
                .next_attempt(&mut self.call, &self.request, error, wait)
                .await?;
            match self.connect().await {
                Ok(Connected::Open(body)) => {
                    self.body = Some(body);
                    return Ok(());
                }
                Ok(Connected::Finished) => {
                    self.finish();
                    return Ok(());
                }
                Err(error) if self.retryable(&error) => self.last_error = Some(error),
                Err(error) => {
                    return Err(self.transport.fail(&mut self.call, &self.request, error))
                }
            }
        }
    }

    /// The server ended the stream: the call succeeded.
    fn finish(&mut self) {
        self.done = true;
        self.transport.succeed(&mut self.call);
    }

    /// The failure that closed the connection, and the wait before the next reconnect (`None`
    /// when retries are used up: the failure is then the stream's final error).
    fn next_wait(&mut self) -> (ErrorInfo, Option<Duration>) {
        self.failures += 1;
        let policy = &self.call.policy;
        let mut last = self.last_error.take().unwrap_or_else(|| {
            ErrorInfo::client("ConnectionError", "connection_reset", "stream dropped")
        });
        last.attempts = self.call.attempt;
        if self.failures > policy.retries {
            return (last, None);
        }
        if let Some(wait) = last.retry_after.filter(|w| !w.is_zero()) {
            let wait = (wait <= policy.max_retry_after).then_some(wait);
            return (last, wait);
        }
        let mut schedule = *policy;
        if let Some(ms) = self.parser.retry() {
            schedule.base = Duration::from_millis(ms);
        }
        let wait = schedule.backoff(self.failures);
        (last, Some(wait))
    }

    fn retryable(&self, error: &ErrorInfo) -> bool {
        !matches!(
            self.transport.classify(error),
            RetryClass::Never | RetryClass::WithIdempotencyKey
        )
    }

    /// One connection attempt; the per-attempt timeout bounds the wait for the response head.
    async fn connect(&mut self) -> Result<Connected, ErrorInfo> {
        let outcome = self.open_connection().await;
        self.transport
            .end_attempt(&mut self.call, &self.request, outcome.as_ref().err());
        outcome.map_err(|mut error| {
            if error.code != "hook_failed" {
                error.attempts = self.call.attempt;
            }
            error
        })
    }

    async fn open_connection(&mut self) -> Result<Connected, ErrorInfo> {
        let last_id = self.parser.last_event_id().to_owned();
        // The slot is held for as long as the connection stays open.
        let slot = self.transport.slot().await?;
        let limit = self.call.policy.attempt_timeout;
        let send = self
            .transport
            .send(&mut self.call, &self.request, Some(&last_id));
        let response = match tokio::time::timeout(limit, send).await {
            Ok(response) => response?,
            Err(_) => return Err(timeout_error(self.request.op, limit)),
        };
        let status = response.status().as_u16();
        if status == 204 {
            return Ok(Connected::Finished);
        }
        if status != 200 {
            let head = response.headers().clone();
            let body = tokio::time::timeout(limit, read_error_body(response))
                .await
                .ok()
                .and_then(Result::ok)
                .unwrap_or_default();
            return Err(status_error(status, &head, &body));
        }
        let is_sse = response
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/event-stream"));
        if !is_sse {
            let mut error = ErrorInfo::client(
                "ConnectionError",
                "malformed_response",
                format!("{}: the response is not an event stream", self.request.op),
            );
            error.status = Some(status);
            return Err(error);
        }
        self.parser.reset_connection();
        Ok(Connected::Open((response, slot)))
    }
}

#[cfg(test)]
mod tests {
    use super::super::backoff::{never_retry, RetryClass as Class};
    use super::*;

    fn resumer() -> Resumer<serde_json::Value> {
        let http = reqwest::Client::new();
        let base = reqwest::Url::parse("http://127.0.0.1:9/v3").unwrap();
        let policy = never_retry(Duration::from_secs(1));
        let transport = Transport::new(http, base, "", policy, |_| Class::Never, 1).unwrap();
        let transport = Arc::new(transport);
        let request = Request::new(
            "vm.watch",
            reqwest::Method::GET,
            "/vms/{vm_id}/events",
            "/vms/a/events".into(),
        );
        let call = transport.begin(&request, None).unwrap();
        Resumer::new(transport, request, false, "tick", call)
    }

    fn event(name: &str, data: &str) -> Event {
        Event {
            event: name.into(),
            data: data.into(),
            id: String::new(),
        }
    }

    #[test]
    fn only_declared_or_unnamed_events_are_decoded() {
        let mut r = resumer();
        assert!(r.accept(event("x_future_event", "not json")).is_none());
        assert!(matches!(r.accept(event("tick", "{}")), Some(Ok(_))));
        assert!(matches!(r.accept(event("message", "{}")), Some(Ok(_))));
    }
}
