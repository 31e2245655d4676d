//! The hand-written core of the SDK: transport, retries, errors' evidence, SSE and waiters.
//!
//! Nothing here knows the spec's operations or types; the generated modules call in with plain
//! requests and a classifier built from the error catalogue.

pub mod backoff;
pub mod error_info;
pub mod ids;
pub mod metrics;
pub mod sse;
pub mod stream;
pub mod timestamp;
pub mod transport;
pub mod validate;
pub mod waiter;
