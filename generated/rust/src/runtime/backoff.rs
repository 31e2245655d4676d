// Code generated from templates/rust/runtime/backoff.rs by generator/; DO NOT EDIT.
//! Retry policy: full-jitter exponential backoff, Retry-After parsing and the retry decision.

use std::time::{Duration, SystemTime};

use time::format_description::well_known::Rfc2822;
use time::OffsetDateTime;

/// How a failure may be retried (the catalogue's retry classes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetryClass {
    /// Never retried.
    Never,
    /// Retried with backoff.
    Retry,
    /// Retried after the server's Retry-After (or backoff when it sent none).
    AfterRetryAfter,
    /// Retried only when the request carries an Idempotency-Key.
    WithIdempotencyKey,
}

/// The jitter factor applied to each backoff delay.
///
/// `Full` draws uniformly from [0, 1] (AWS "full jitter"); `Fixed` pins it, which makes retry
/// timing deterministic in tests (`Fixed(1.0)` gives delays of exactly 1, 2, 4, ... × base).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum Jitter {
    /// Uniform in [0, 1].
    #[default]
    Full,
    /// Always this factor (clamped to [0, 1]).
    Fixed(f64),
}

impl Jitter {
    /// The factor this jitter gives now.
    pub fn factor(self) -> f64 {
        match self {
            Jitter::Full => fastrand::f64(),
            Jitter::Fixed(f) if f.is_finite() => f.clamp(0.0, 1.0),
            Jitter::Fixed(_) => 1.0,
        }
    }
}

/// The retry settings of one client.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RetryPolicy {
    /// Retries after the first attempt.
    pub retries: u32,
    /// Base of the exponential backoff.
    pub base: Duration,
    /// Cap of one backoff delay.
    pub max_backoff: Duration,
    /// Longest Retry-After honoured; a longer one means no retry.
    pub max_retry_after: Duration,
    /// Time allowed for one attempt.
    pub attempt_timeout: Duration,
    /// The jitter hook.
    pub jitter: Jitter,
}

impl RetryPolicy {
    /// The delay before retry `n` (1-based): `jitter × min(max_backoff, base × 2^(n-1))`.
    pub fn backoff(&self, n: u32) -> Duration {
        let exp = 2f64.powi(n.saturating_sub(1).min(62) as i32);
        let ceiling = (self.base.as_secs_f64() * exp).min(self.max_backoff.as_secs_f64());
        Duration::from_secs_f64(ceiling * self.jitter.factor())
    }

    /// The wait before retry `n`, or `None` when the failure must not be retried.
    ///
    /// `attempts` is the number of requests already made; `keyed` tells whether the request
    /// carries an Idempotency-Key; `retry_after` is the server's hint, if any.
    pub fn decide(
        &self,
        class: RetryClass,
        attempts: u32,
        keyed: bool,
        retry_after: Option<Duration>,
    ) -> Option<Duration> {
        if attempts > self.retries {
            return None;
        }
        match class {
            RetryClass::Never => return None,
            RetryClass::WithIdempotencyKey if !keyed => return None,
            _ => {}
        }
        match retry_after {
            Some(wait) if wait > self.max_retry_after => None,
            Some(wait) if !wait.is_zero() => Some(wait),
            _ => Some(self.backoff(attempts)),
        }
    }
}

/// Reads `Retry-After-Ms` (milliseconds) or else `Retry-After` (seconds or an HTTP date).
///
/// Negative, non-finite or unparseable values count as absent, so the caller falls back to
/// backoff; a date in the past is zero.
pub fn parse_retry_after(
    retry_after_ms: Option<&str>,
    retry_after: Option<&str>,
) -> Option<Duration> {
    if let Some(ms) = retry_after_ms.and_then(parse_number) {
        return Some(Duration::from_secs_f64(ms / 1000.0));
    }
    let raw = retry_after?.trim();
    if let Some(secs) = parse_number(raw) {
        return Some(Duration::from_secs_f64(secs));
    }
    let date = OffsetDateTime::parse(raw, &Rfc2822).ok()?;
    let now = OffsetDateTime::from(SystemTime::now());
    let ahead = (date - now).as_seconds_f64();
    Some(Duration::from_secs_f64(ahead.clamp(0.0, 1e9)))
}

fn parse_number(raw: &str) -> Option<f64> {
    let value: f64 = raw.trim().parse().ok()?;
    // 1e9 s keeps Duration::from_secs_f64 from panicking on absurd values.
    (value.is_finite() && value >= 0.0).then_some(value.min(1e9))
}

/// A policy that never retries and gives each attempt `attempt_timeout` (unit tests' plain transport).
#[cfg(test)]
pub(crate) fn never_retry(attempt_timeout: Duration) -> RetryPolicy {
    RetryPolicy {
        retries: 0,
        base: Duration::ZERO,
        max_backoff: Duration::ZERO,
        max_retry_after: Duration::ZERO,
        attempt_timeout,
        jitter: Default::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy(jitter: f64) -> RetryPolicy {
        RetryPolicy {
            retries: 3,
            base: Duration::from_secs(1),
            max_backoff: Duration::from_secs(20),
            max_retry_after: Duration::from_secs(120),
            attempt_timeout: Duration::from_secs(60),
            jitter: Jitter::Fixed(jitter),
        }
    }

    #[test]
    fn pinned_jitter_doubles_up_to_the_cap() {
        let p = policy(1.0);
        let secs: Vec<u64> = (1..=7).map(|n| p.backoff(n).as_secs()).collect();
        assert_eq!(secs, [1, 2, 4, 8, 16, 20, 20]);
        assert_eq!(policy(0.5).backoff(2), Duration::from_secs(1));
        assert_eq!(policy(0.0).backoff(3), Duration::ZERO);
    }

    #[test]
    fn full_jitter_stays_in_bounds() {
        let p = RetryPolicy {
            jitter: Jitter::Full,
            ..policy(1.0)
        };
        for n in 1..6 {
            assert!(p.backoff(n) <= Duration::from_secs(1 << (n - 1)));
        }
    }

    #[test]
    fn attempts_are_bounded_by_retries() {
        let p = policy(1.0);
        assert!(p.decide(RetryClass::Retry, 3, false, None).is_some());
        assert!(p.decide(RetryClass::Retry, 4, false, None).is_none());
    }

    #[test]
    fn classes_decide() {
        let p = policy(1.0);
        assert!(p.decide(RetryClass::Never, 1, true, None).is_none());
        assert!(p
            .decide(RetryClass::WithIdempotencyKey, 1, false, None)
            .is_none());
        assert!(p
            .decide(RetryClass::WithIdempotencyKey, 1, true, None)
            .is_some());
        assert_eq!(
            p.decide(RetryClass::AfterRetryAfter, 1, false, None),
            Some(Duration::from_secs(1))
        );
    }

    #[test]
    fn retry_after_wins_up_to_120_seconds() {
        let p = policy(1.0);
        let wait = |s: u64| {
            p.decide(
                RetryClass::AfterRetryAfter,
                1,
                false,
                Some(Duration::from_secs(s)),
            )
        };
        assert_eq!(wait(20), Some(Duration::from_secs(20)));
        assert_eq!(wait(120), Some(Duration::from_secs(120)));
        assert_eq!(wait(121), None);
        assert_eq!(wait(0), Some(Duration::from_secs(1)));
    }

    #[test]
    fn retry_after_vectors() {
        let secs = |v: &str| parse_retry_after(None, Some(v));
        assert_eq!(secs("20"), Some(Duration::from_secs(20)));
        assert_eq!(secs("0"), Some(Duration::ZERO));
        assert_eq!(secs("-10"), None);
        assert_eq!(secs("inf"), None);
        assert_eq!(secs("nan"), None);
        assert_eq!(secs("garbage"), None);
        assert_eq!(secs("Sun, 06 Nov 1994 08:49:37 GMT"), Some(Duration::ZERO));
        let ms = |v: &str| parse_retry_after(Some(v), Some("5"));
        assert_eq!(ms("120000"), Some(Duration::from_secs(120)));
        assert_eq!(ms("150"), Some(Duration::from_millis(150)));
        assert_eq!(ms("x"), Some(Duration::from_secs(5)));
    }

    #[test]
    fn retry_after_date_in_the_future() {
        let at = OffsetDateTime::from(SystemTime::now()) + time::Duration::seconds(30);
        let text = at.format(&Rfc2822).unwrap();
        let wait = parse_retry_after(None, Some(&text)).unwrap();
        assert!(
            wait > Duration::from_secs(27) && wait <= Duration::from_secs(30),
            "{wait:?}"
        );
    }
}
