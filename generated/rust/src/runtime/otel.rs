// Code generated from templates/rust/runtime/otel.rs by generator/; DO NOT EDIT.
//! OpenTelemetry spans (the `otel` feature): one INTERNAL span per call, one CLIENT child span
//! per attempt, and the attempt span's W3C `traceparent` on the wire.
//!
//! The tracer comes from the provider given to `ClientConfig::with_tracer_provider`, else from
//! the global provider (a no-op until the application installs one). A call's span is a child
//! of the caller's current context when that holds a span, else the root of a new trace.

use std::sync::Arc;

use opentelemetry::global::BoxedTracer;
use opentelemetry::trace::{Span, SpanKind, Status, TraceContextExt, Tracer};
use opentelemetry::{Context, KeyValue};

use super::error_info::ErrorInfo;

/// The span of one call; attempt spans are its children.
pub(crate) struct CallSpan {
    tracer: Arc<BoxedTracer>,
    cx: Context,
}

/// The span of one attempt.
pub(crate) struct AttemptSpan(opentelemetry::global::BoxedSpan);

/// Where the attempts go (`server.address`, `server.port`).
#[derive(Debug, Clone)]
pub(crate) struct Server {
    pub address: String,
    pub port: u16,
}

impl CallSpan {
    pub(crate) fn start(tracer: &Arc<BoxedTracer>, operation: &'static str) -> CallSpan {
        let parent = Context::current();
        let builder = tracer
            .span_builder(operation)
            .with_kind(SpanKind::Internal)
            .with_attributes([KeyValue::new("dwcp.operation", operation)]);
        let span = tracer.build_with_context(builder, &parent);
        CallSpan {
            tracer: tracer.clone(),
            cx: parent.with_span(span),
        }
    }

    /// Starts the span of attempt `attempt` (1-based).
    pub(crate) fn attempt(
        &self,
        method: &str,
        template: &'static str,
        server: &Server,
        attempt: u32,
        request_id: &str,
    ) -> AttemptSpan {
        let mut attributes = vec![
            KeyValue::new("http.request.method", method.to_owned()),
            KeyValue::new("server.address", server.address.clone()),
            KeyValue::new("server.port", i64::from(server.port)),
            KeyValue::new("url.template", template),
            KeyValue::new("dwcp.request_id", request_id.to_owned()),
        ];
        if attempt > 1 {
            attributes.push(KeyValue::new(
                "http.request.resend_count",
                i64::from(attempt - 1),
            ));
        }
        let builder = self
            .tracer
            .span_builder(format!("{method} {template}"))
            .with_kind(SpanKind::Client)
            .with_attributes(attributes);
        AttemptSpan(self.tracer.build_with_context(builder, &self.cx))
    }

    /// Ends the call's span: its request id, attempts, and the error when it failed.
    pub(crate) fn end(&self, request_id: &str, attempts: u32, error: Option<&ErrorInfo>) {
        let span = self.cx.span();
        span.set_attribute(KeyValue::new("dwcp.request_id", request_id.to_owned()));
        span.set_attribute(KeyValue::new("dwcp.attempts", i64::from(attempts)));
        if let Some(error) = error {
            span.set_attribute(KeyValue::new("error.type", error_type(error)));
            span.set_status(Status::error(error.code.clone()));
        }
        span.end();
    }
}

impl AttemptSpan {
    /// `00-<trace id>-<span id>-<flags>`, or `None` for a no-op span.
    pub(crate) fn traceparent(&self) -> Option<String> {
        let sc = self.0.span_context();
        sc.is_valid().then(|| {
            format!(
                "00-{:032x}-{:016x}-{:02x}",
                sc.trace_id(),
                sc.span_id(),
                sc.trace_flags().to_u8()
            )
        })
    }

    /// Ends the attempt's span with its status code (when a response came) and error.
    pub(crate) fn end(mut self, status: Option<u16>, error: Option<&ErrorInfo>) {
        if let Some(status) = status {
            self.0.set_attribute(KeyValue::new(
                "http.response.status_code",
                i64::from(status),
            ));
        }
        if let Some(error) = error {
            self.0
                .set_attribute(KeyValue::new("error.type", error_type(error)));
            self.0.set_status(Status::error(error.code.clone()));
        }
        self.0.end();
    }
}

fn error_type(error: &ErrorInfo) -> String {
    if error.code.is_empty() {
        error
            .status
            .map_or_else(|| "_OTHER".to_owned(), |s| s.to_string())
    } else {
        error.code.clone()
    }
}
