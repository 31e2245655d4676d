//! The hand-written core of the SDK: the attempt loop (retries, hooks, logs,
//! spans), errors' evidence, SSE and waiters.
//!
//! Nothing here knows the spec's operations or types; the generated modules call in with plain
//! requests and a classifier built from the error catalogue.

pub mod backoff;
pub mod budget;
pub mod error_info;
pub mod hooks;
pub mod ids;
pub mod log;
pub mod metrics;
pub mod options;
#[cfg(feature = "otel")]
pub(crate) mod otel;
pub mod sse;
pub mod stream;
pub mod timestamp;
pub mod transport;
pub mod validate;
pub mod waiter;

#[cfg(test)]
mod cancel_tests;
#[cfg(test)]
mod loop_tests;
#[cfg(test)]
mod tls_tests;
