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

#[cfg(test)]
mod tests {
    use super::*;
    use opentelemetry::trace::SpanId;
    use opentelemetry_sdk::trace::{InMemorySpanExporter, SdkTracerProvider};

    #[test]
    fn one_trace_per_call_with_a_child_per_attempt() {
        use opentelemetry::global::ObjectSafeTracerProvider;
        let exporter = InMemorySpanExporter::default();
        let provider = SdkTracerProvider::builder()
            .with_simple_exporter(exporter.clone())
            .build();
        let scope = opentelemetry::InstrumentationScope::builder("dwcp").build();
        let tracer = Arc::new(BoxedTracer::new(provider.boxed_tracer(scope)));
        let server = Server {
            address: "localhost".into(),
            port: 9000,
        };
        let call = CallSpan::start(&tracer, "vm.get");
        let first = call.attempt("GET", "/vms/{vm_id}", &server, 1, "r-1");
        let second = call.attempt("GET", "/vms/{vm_id}", &server, 2, "r-1");
        let (p1, p2) = (first.traceparent().unwrap(), second.traceparent().unwrap());
        assert_eq!(p1.len(), 55);
        assert_eq!(p1[3..35], p2[3..35], "one trace id across attempts");
        assert_ne!(p1[36..52], p2[36..52], "one span id per attempt");
        let mut failed = ErrorInfo::client("ConnectionError", "unavailable", "m");
        failed.status = Some(503);
        first.end(Some(503), Some(&failed));
        second.end(Some(200), None);
        call.end("r-1", 2, None);
        let spans = exporter.get_finished_spans().unwrap();
        assert_eq!(spans.len(), 3);
        let root = &spans[2];
        assert_eq!(
            (root.name.as_ref(), root.span_kind.clone()),
            ("vm.get", SpanKind::Internal)
        );
        assert_eq!(root.parent_span_id, SpanId::INVALID);
        assert!(spans[..2]
            .iter()
            .all(|s| s.parent_span_id == root.span_context.span_id()));
        let attr = |i: usize, key: &str| {
            spans[i]
                .attributes
                .iter()
                .find(|kv| kv.key.as_str() == key)
                .map(|kv| kv.value.clone())
        };
        assert_eq!(attr(0, "http.request.resend_count"), None);
        assert_eq!(attr(1, "http.request.resend_count"), Some(1i64.into()));
        assert_eq!(attr(0, "error.type"), Some("unavailable".into()));
        assert_eq!(attr(1, "http.response.status_code"), Some(200i64.into()));
        assert_eq!(attr(2, "dwcp.attempts"), Some(2i64.into()));
        assert!(matches!(spans[0].status, Status::Error { .. }));
        // A second call starts a new trace.
        let other =
            CallSpan::start(&tracer, "vm.get").attempt("GET", "/vms/{vm_id}", &server, 1, "r-2");
        assert_ne!(other.traceparent().unwrap()[3..35], p1[3..35]);
    }

    #[test]
    fn a_no_op_tracer_sends_no_traceparent() {
        let tracer = Arc::new(opentelemetry::global::tracer("dwcp"));
        let server = Server {
            address: "h".into(),
            port: 1,
        };
        let attempt = CallSpan::start(&tracer, "vm.get").attempt("GET", "/", &server, 1, "r");
        assert_eq!(attempt.traceparent(), None);
    }
}
