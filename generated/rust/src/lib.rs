// Code generated from spec/dwcp.yaml by generator/; DO NOT EDIT.
//! Async Rust client for the DWCP v3 API (Distributed workload control plane API, version 3.).
//!
//! ```no_run
//! use dwcp::{Client, ClientConfig, VMConfig};
//!
//! # async fn run() -> dwcp::Result<()> {
//! let client = Client::new(ClientConfig::new("localhost").with_port(9000).with_api_key("key")).await?;
//! let vm = client
//!     .vm()
//!     .create(VMConfig::builder().name("web").memory(2 << 30).cpus(2).disk(20 << 30).image("ubuntu-22.04").build()?)
//!     .await?;
//! client.vm().start(&vm.id).await?;
//! # Ok(())
//! # }
//! ```
//!
//! Retries (full-jitter backoff, Retry-After), idempotency keys, per-attempt timeouts and
//! resumable event streams are built in; see the README for the wire rules. Every request goes
//! through one attempt loop that [`Interceptor`]s hook into, that logs through `tracing`
//! (target `dwcp`, `DWCP_LOG=debug|info|warning`) and, with the `otel` feature, records
//! OpenTelemetry spans. [`Client::with_options`] overrides settings per call; [`raw`] gives the
//! response's status, headers and request id with a call's result.
// The spec's initialisms are spelled in capitals (VMConfig), as is the crate's error (DWCPError).
#![allow(clippy::upper_case_acronyms)]

mod builders;
mod client;
mod config;
mod error;
mod pager;
mod pool;
mod resources;
pub mod runtime;
mod stream;
mod types;
mod validation;

pub use builders::*;
pub use client::{raw, Client};
pub use config::*;
pub use error::{DWCPError, Result};
pub use pager::ItemStream;
pub use pool::ClientPool;
/// HTTP header types, as hooks see them ([`BeforeAttempt::headers`]).
pub use reqwest::header;
pub use resources::*;
pub use runtime::backoff::Jitter;
pub use runtime::error_info::{ErrorDetails, ErrorInfo, ErrorSource};
pub use runtime::hooks::{
    AfterResponse, BeforeAttempt, BeforeRetry, BoxError, CallInfo, HookResult, Interceptor, OnError,
};
pub use runtime::log::LogLevel;
pub use runtime::metrics::ClientMetrics;
pub use runtime::options::{CallOptions, Response};
pub use runtime::timestamp::Timestamp;
pub use stream::EventStream;
pub use types::*;

/// The API version this crate was generated for.
pub const API_VERSION: &str = "3.0.0";
/// The SHA-256 of the spec (spec/dwcp.yaml) this crate was generated from.
pub const SPEC_HASH: &str = "aa96c22ea3954d46b655349271ebb891906bc4f450b212e94d4c6155bc72b0d4";
