// Code generated from templates/rust/runtime/hooks.rs by generator/; DO NOT EDIT.
//! Interceptors: an ordered chain of hooks that sees every attempt of every call.
//!
//! Modelled on smithy-rs interceptors: a trait whose methods all default to doing nothing, so a
//! hook implements only the points it cares about. Hooks are synchronous (they must not block);
//! they run in the order they were added, at every point. A hook that returns an error ends the
//! call with the catalogue's hook error (code `hook_failed`, the hook's error as its source); an
//! error in [`Interceptor::before_attempt`] means that attempt is never sent.

use std::error::Error as StdError;
use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use reqwest::header::HeaderMap;

use super::error_info::ErrorInfo;

/// The error a hook returns: any error type, boxed.
pub type BoxError = Box<dyn StdError + Send + Sync + 'static>;

/// The result of a hook.
pub type HookResult = Result<(), BoxError>;

/// What every hook point sees about the call and its attempt.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct CallInfo<'a> {
    /// The operation id (`vm.get`).
    pub operation: &'static str,
    /// The HTTP method (`GET`).
    pub method: &'a str,
    /// The path template (`/vms/{vm_id}`).
    pub path_template: &'static str,
    /// The attempt, as sent in `DWCP-Attempt` (1 on the first).
    pub attempt: u32,
    /// The call's `X-Request-ID`.
    pub request_id: &'a str,
    /// The call's Idempotency-Key, when it sends one.
    pub idempotency_key: Option<&'a str>,
}

/// [`Interceptor::before_attempt`]: the attempt's headers may be added to or changed (for this
/// attempt only).
#[non_exhaustive]
pub struct BeforeAttempt<'a> {
    /// The call and attempt.
    pub call: CallInfo<'a>,
    /// The headers this attempt will send.
    pub headers: &'a mut HeaderMap,
}

/// [`Interceptor::after_response`]: a response's head arrived (any status).
#[derive(Debug)]
#[non_exhaustive]
pub struct AfterResponse<'a> {
    /// The call and attempt.
    pub call: CallInfo<'a>,
    /// The HTTP status.
    pub status: u16,
    /// The response headers.
    pub headers: &'a HeaderMap,
    /// The response's request id (its `X-Request-ID`, else the call's).
    pub request_id: &'a str,
    /// From sending the attempt to the response's head.
    pub duration: Duration,
}

/// [`Interceptor::before_retry`]: the loop will retry after `delay`.
#[derive(Debug)]
#[non_exhaustive]
pub struct BeforeRetry<'a> {
    /// The call and the attempt that failed.
    pub call: CallInfo<'a>,
    /// The wait before the next attempt.
    pub delay: Duration,
    /// The typed error of the failed attempt.
    pub cause: &'a ErrorInfo,
}

/// [`Interceptor::on_error`]: the call ends with `error` (once per call).
#[derive(Debug)]
#[non_exhaustive]
pub struct OnError<'a> {
    /// The call and its last attempt.
    pub call: CallInfo<'a>,
    /// The final typed error.
    pub error: &'a ErrorInfo,
}

/// A hook on the attempt loop; every method defaults to doing nothing.
///
/// ```ignore
/// struct Tag;
/// impl dwcp::Interceptor for Tag {
///     fn before_attempt(&self, ctx: &mut dwcp::BeforeAttempt<'_>) -> dwcp::HookResult {
///         ctx.headers.insert("x-team", "infra".parse()?);
///         Ok(())
///     }
/// }
/// let config = ClientConfig::new("localhost").with_interceptor(Tag);
/// ```
pub trait Interceptor: Send + Sync + 'static {
    /// Before an attempt is written; may change its headers.
    fn before_attempt(&self, ctx: &mut BeforeAttempt<'_>) -> HookResult {
        let _ = ctx;
        Ok(())
    }

    /// A response's head arrived.
    fn after_response(&self, ctx: &AfterResponse<'_>) -> HookResult {
        let _ = ctx;
        Ok(())
    }

    /// The loop decided to retry, before it sleeps.
    fn before_retry(&self, ctx: &BeforeRetry<'_>) -> HookResult {
        let _ = ctx;
        Ok(())
    }

    /// The call ends with an error.
    fn on_error(&self, ctx: &OnError<'_>) -> HookResult {
        let _ = ctx;
        Ok(())
    }
}

/// The ordered chain of a client's interceptors.
#[derive(Clone, Default)]
pub struct Interceptors(Vec<Arc<dyn Interceptor>>);

impl Interceptors {
    /// Appends `hook` (it runs after those added before it).
    pub fn push(&mut self, hook: Arc<dyn Interceptor>) {
        self.0.push(hook);
    }

    /// Whether no hook is installed.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many hooks are installed.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub(crate) fn before_attempt(&self, ctx: &mut BeforeAttempt<'_>) -> HookResult {
        self.0.iter().try_for_each(|h| h.before_attempt(ctx))
    }

    pub(crate) fn after_response(&self, ctx: &AfterResponse<'_>) -> HookResult {
        self.0.iter().try_for_each(|h| h.after_response(ctx))
    }

    pub(crate) fn before_retry(&self, ctx: &BeforeRetry<'_>) -> HookResult {
        self.0.iter().try_for_each(|h| h.before_retry(ctx))
    }

    pub(crate) fn on_error(&self, ctx: &OnError<'_>) -> HookResult {
        self.0.iter().try_for_each(|h| h.on_error(ctx))
    }
}

impl fmt::Debug for Interceptors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Interceptors({})", self.0.len())
    }
}

/// The catalogue's hook error for `source`, raised at `point` after `attempts` attempts were sent.
pub(crate) fn hook_error(point: &str, op: &str, source: BoxError, attempts: u32) -> ErrorInfo {
    // The hook's own text is the caller's; it is shown, the request's credentials never are.
    let mut info = ErrorInfo::client(
        "HookError",
        "hook_failed",
        format!("{op}: a hook failed in {point}: {source}"),
    );
    info.attempts = attempts;
    let source: Arc<dyn StdError + Send + Sync + 'static> = Arc::from(source);
    info.source = Some(source.into());
    info
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    struct Record(&'static str, Arc<Mutex<Vec<String>>>, bool);

    impl Interceptor for Record {
        fn before_attempt(&self, ctx: &mut BeforeAttempt<'_>) -> HookResult {
            self.1
                .lock()
                .unwrap()
                .push(format!("{}:{}", self.0, ctx.call.attempt));
            ctx.headers.insert("x-seen", self.0.parse()?);
            if self.2 {
                return Err("refused".into());
            }
            Ok(())
        }
    }

    fn info(attempt: u32) -> CallInfo<'static> {
        CallInfo {
            operation: "vm.get",
            method: "GET",
            path_template: "/vms/{vm_id}",
            attempt,
            request_id: "r",
            idempotency_key: None,
        }
    }

    #[test]
    fn hooks_run_in_order_and_stop_at_an_error() {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let mut chain = Interceptors::default();
        chain.push(Arc::new(Record("a", seen.clone(), false)));
        chain.push(Arc::new(Record("b", seen.clone(), true)));
        chain.push(Arc::new(Record("c", seen.clone(), false)));
        let mut headers = HeaderMap::new();
        let mut ctx = BeforeAttempt {
            call: info(2),
            headers: &mut headers,
        };
        let err = chain.before_attempt(&mut ctx).unwrap_err();
        assert_eq!(err.to_string(), "refused");
        assert_eq!(*seen.lock().unwrap(), ["a:2", "b:2"]);
        assert_eq!(headers["x-seen"], "b");
        assert_eq!(format!("{chain:?}"), "Interceptors(3)");
    }

    #[test]
    fn the_hook_error_keeps_its_source() {
        let e = hook_error("before_attempt", "vm.get", "boom".into(), 0);
        assert_eq!(e.code, "hook_failed");
        assert_eq!(e.error_type, "HookError");
        assert_eq!(e.attempts, 0);
        assert_eq!(e.source.as_ref().unwrap().to_string(), "boom");
    }

    #[test]
    fn default_methods_do_nothing() {
        struct Nothing;
        impl Interceptor for Nothing {}
        let mut headers = HeaderMap::new();
        let n = Nothing;
        assert!(n
            .before_attempt(&mut BeforeAttempt {
                call: info(1),
                headers: &mut headers
            })
            .is_ok());
        assert!(headers.is_empty());
    }
}
