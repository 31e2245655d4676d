// Code generated from templates/rust/runtime/log.rs by generator/; DO NOT EDIT.
//! The SDK's own log events, through the `tracing` crate under the target `dwcp`.
//!
//! `DWCP_LOG=debug|info|warning` (read when the client is built; unset or `off` = silent) decides
//! which events the SDK emits at all; the application's subscriber then filters and formats them
//! as usual. Every event's message is its kind (`attempt`, `retry`, `failed`, `request`,
//! `response`) and its fields are those of docs/observability.md. The `Authorization` header and
//! every field the spec marks `secret` are written as `[REDACTED]`; the API key never appears.

use std::time::Duration;

use reqwest::header::{HeaderMap, AUTHORIZATION};
use serde_json::Value;

/// The tracing target of every SDK event.
pub const TARGET: &str = "dwcp";

/// What stands in for a secret.
pub const REDACTED: &str = "[REDACTED]";

/// How much the SDK logs (`DWCP_LOG`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub enum LogLevel {
    /// Nothing (the default).
    #[default]
    Off,
    /// Retries and failed calls.
    Warning,
    /// Also one event per attempt.
    Info,
    /// Also each attempt's headers and bodies.
    Debug,
}

impl LogLevel {
    /// Reads a `DWCP_LOG` value; anything unknown is `Off`.
    pub fn parse(value: &str) -> LogLevel {
        match value.trim().to_ascii_lowercase().as_str() {
            "debug" | "trace" => LogLevel::Debug,
            "info" => LogLevel::Info,
            "warning" | "warn" | "error" => LogLevel::Warning,
            _ => LogLevel::Off,
        }
    }

    /// The level set by the `DWCP_LOG` environment variable now.
    pub fn from_env() -> LogLevel {
        std::env::var("DWCP_LOG")
            .map(|v| LogLevel::parse(&v))
            .unwrap_or_default()
    }
}

/// The fields of one attempt's `attempt` event.
pub(crate) struct AttemptLine<'a> {
    pub operation: &'a str,
    pub method: &'a str,
    pub path: &'a str,
    pub status: u16,
    pub attempt: u32,
    pub duration: Duration,
    pub request_id: &'a str,
}

/// One event per attempt (info).
pub(crate) fn attempt(line: &AttemptLine<'_>) {
    tracing::info!(
        target: TARGET,
        operation = line.operation,
        method = line.method,
        path = line.path,
        status = line.status,
        attempt = line.attempt,
        duration_ms = duration_ms(line.duration),
        request_id = line.request_id,
        "attempt"
    );
}

/// One event per retry (warning).
pub(crate) fn retry(operation: &str, attempt: u32, delay: Duration, code: &str) {
    tracing::warn!(
        target: TARGET,
        operation,
        attempt,
        delay_ms = duration_ms(delay),
        code,
        "retry"
    );
}

/// One event per failed call (warning).
pub(crate) fn failed(operation: &str, category: &str, code: &str, attempts: u32) {
    tracing::warn!(target: TARGET, operation, category, code, attempts, "failed");
}

/// The headers and body of a request or a response (debug); `kind` is `request` or `response`.
pub(crate) fn exchange(
    kind: &str,
    operation: &str,
    attempt: u32,
    headers: &HeaderMap,
    body: &[u8],
    secrets: &[&str],
) {
    let headers = redact_headers(headers).to_string();
    let body = redact_body(body, secrets);
    if kind == "request" {
        tracing::debug!(target: TARGET, operation, attempt, headers = %headers, body = %body, "request");
    } else {
        tracing::debug!(target: TARGET, operation, attempt, headers = %headers, body = %body, "response");
    }
}

fn duration_ms(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

/// The headers as a JSON object of lower-cased names; credentials and sensitive values redacted.
pub fn redact_headers(headers: &HeaderMap) -> Value {
    let mut out = serde_json::Map::new();
    for (name, value) in headers {
        let shown = if name == AUTHORIZATION || value.is_sensitive() {
            REDACTED.to_owned()
        } else {
            String::from_utf8_lossy(value.as_bytes()).into_owned()
        };
        out.insert(name.as_str().to_owned(), Value::String(shown));
    }
    Value::Object(out)
}

/// A body as logged: JSON with every `secrets` field (at any depth) redacted, else the text.
pub fn redact_body(body: &[u8], secrets: &[&str]) -> String {
    if body.is_empty() {
        return String::new();
    }
    match serde_json::from_slice::<Value>(body) {
        Ok(mut value) => {
            redact_value(&mut value, secrets);
            value.to_string()
        }
        Err(_) => String::from_utf8_lossy(body).into_owned(),
    }
}

fn redact_value(value: &mut Value, secrets: &[&str]) {
    match value {
        Value::Object(map) => {
            for (key, field) in map.iter_mut() {
                if secrets.contains(&key.as_str()) {
                    *field = Value::String(REDACTED.to_owned());
                } else {
                    redact_value(field, secrets);
                }
            }
        }
        Value::Array(items) => items
            .iter_mut()
            .for_each(|item| redact_value(item, secrets)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    #[test]
    fn levels_parse() {
        assert_eq!(LogLevel::parse("DEBUG"), LogLevel::Debug);
        assert_eq!(LogLevel::parse("info"), LogLevel::Info);
        assert_eq!(LogLevel::parse("warning"), LogLevel::Warning);
        assert_eq!(LogLevel::parse("off"), LogLevel::Off);
        assert_eq!(LogLevel::parse(""), LogLevel::Off);
        assert!(LogLevel::Debug > LogLevel::Info && LogLevel::Info > LogLevel::Warning);
    }

    #[test]
    fn credentials_are_redacted() {
        let mut headers = HeaderMap::new();
        headers.insert(AUTHORIZATION, HeaderValue::from_static("Bearer sekret"));
        let mut hidden = HeaderValue::from_static("also-sekret");
        hidden.set_sensitive(true);
        headers.insert("x-token", hidden);
        headers.insert("x-request-id", HeaderValue::from_static("r-1"));
        let shown = redact_headers(&headers).to_string();
        assert!(!shown.contains("sekret"), "{shown}");
        assert!(shown.contains("r-1") && shown.contains(REDACTED));
    }

    #[test]
    fn secret_fields_are_redacted_at_any_depth() {
        let body = br#"{"name":"a","password":"sekret","nested":[{"password":"sekret2"}]}"#;
        let shown = redact_body(body, &["password"]);
        assert!(!shown.contains("sekret"), "{shown}");
        assert!(shown.contains("\"name\":\"a\""));
        assert_eq!(redact_body(b"not json", &["password"]), "not json");
        assert_eq!(redact_body(b"", &[]), "");
    }
}
