// Code generated from templates/rust/runtime/metrics.rs by generator/; DO NOT EDIT.
//! Client-wide counters (`Client::metrics`).

use std::sync::atomic::{AtomicU64, Ordering};

/// Live counters shared by every call of one client.
#[derive(Debug, Default)]
pub struct Counters {
    messages_sent: AtomicU64,
    messages_received: AtomicU64,
    bytes_sent: AtomicU64,
    bytes_received: AtomicU64,
    errors_total: AtomicU64,
}

/// A snapshot of a client's counters.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct ClientMetrics {
    /// Requests sent (every attempt counts).
    pub messages_sent: u64,
    /// Responses and stream events received.
    pub messages_received: u64,
    /// Request body bytes sent.
    pub bytes_sent: u64,
    /// Response body bytes received.
    pub bytes_received: u64,
    /// Calls that ended in an error.
    pub errors_total: u64,
    /// Tokens left in the client's retry budget (its capacity when the budget is off).
    pub retry_tokens: u64,
}

impl Counters {
    pub(crate) fn sent(&self, bytes: usize) {
        self.messages_sent.fetch_add(1, Ordering::Relaxed);
        self.bytes_sent.fetch_add(bytes as u64, Ordering::Relaxed);
    }

    pub(crate) fn received(&self, bytes: usize) {
        self.messages_received.fetch_add(1, Ordering::Relaxed);
        self.bytes_received
            .fetch_add(bytes as u64, Ordering::Relaxed);
    }

    pub(crate) fn received_bytes(&self, bytes: usize) {
        self.bytes_received
            .fetch_add(bytes as u64, Ordering::Relaxed);
    }

    pub(crate) fn received_message(&self) {
        self.messages_received.fetch_add(1, Ordering::Relaxed);
    }

    pub(crate) fn failed(&self) {
        self.errors_total.fetch_add(1, Ordering::Relaxed);
    }

    /// The current values.
    pub fn snapshot(&self) -> ClientMetrics {
        ClientMetrics {
            messages_sent: self.messages_sent.load(Ordering::Relaxed),
            messages_received: self.messages_received.load(Ordering::Relaxed),
            bytes_sent: self.bytes_sent.load(Ordering::Relaxed),
            bytes_received: self.bytes_received.load(Ordering::Relaxed),
            errors_total: self.errors_total.load(Ordering::Relaxed),
            retry_tokens: 0,
        }
    }
}
