// Code generated from templates/rust/runtime/waiter.rs by generator/; DO NOT EDIT.
//! Polls a long-running operation until it is done or the caller's deadline passes.

use std::future::Future;
use std::time::Duration;

use tokio::time::Instant;

/// When to poll: `initial`, then ×`factor` each time, capped at `max` (AIP-151 style).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PollSchedule {
    /// Wait before the second poll.
    pub initial: Duration,
    /// Growth factor of the wait.
    pub factor: f64,
    /// Longest wait between polls.
    pub max: Duration,
}

impl Default for PollSchedule {
    fn default() -> Self {
        PollSchedule {
            initial: Duration::from_secs(1),
            factor: 1.5,
            max: Duration::from_secs(20),
        }
    }
}

/// Calls `poll` until `done` accepts its value; past `deadline` returns `timed_out()`.
///
/// The operation itself is left alone on timeout (waiting is not cancelling); a poll error
/// ends the wait (the poll call already retried what it could).
pub async fn wait<T, E, P, F>(
    deadline: Duration,
    schedule: PollSchedule,
    mut poll: P,
    done: impl Fn(&T) -> bool,
    timed_out: impl FnOnce() -> E,
) -> Result<T, E>
where
    P: FnMut() -> F,
    F: Future<Output = Result<T, E>>,
{
    let end = Instant::now() + deadline;
    let mut delay = schedule.initial;
    loop {
        let Ok(polled) = tokio::time::timeout_at(end, poll()).await else {
            return Err(timed_out());
        };
        let value = polled?;
        if done(&value) {
            return Ok(value);
        }
        let now = Instant::now();
        if now >= end {
            return Err(timed_out());
        }
        // Sleep at most up to the deadline, then poll a last time.
        tokio::time::sleep(delay.min(end - now)).await;
        delay = delay.mul_f64(schedule.factor).min(schedule.max);
    }
}

/// When a spec-declared waiter polls (docs/resilience.md): the first poll at once, then before
/// poll n+1 a pause of `min_delay + jitter × (cap − min_delay)`, `cap = min(max_delay, min_delay × 2^(n−1))`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WaitSchedule {
    /// The shortest pause between polls.
    pub min_delay: Duration,
    /// The longest pause between polls.
    pub max_delay: Duration,
    /// The longest the whole wait may take.
    pub max_wait: Duration,
    /// The jitter of the pauses (the client's jitter hook).
    pub jitter: super::backoff::Jitter,
}

impl WaitSchedule {
    /// The pause after poll `n` (1-based).
    pub fn delay(&self, n: u32) -> Duration {
        let cap = self
            .min_delay
            .saturating_mul(1u32 << n.saturating_sub(1).min(30))
            .min(self.max_delay);
        let spread = cap.saturating_sub(self.min_delay);
        self.min_delay + spread.mul_f64(self.jitter.factor())
    }
}

/// What an acceptor made of a poll's outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// A success acceptor matched.
    Success,
    /// A failure acceptor matched; the value of the field it read.
    Failure(String),
    /// No acceptor matched a result: poll again.
    Again,
    /// No acceptor matched an error: the wait ends with it.
    Error,
}

/// How a wait ended, with the outcome of its last poll.
#[derive(Debug)]
pub enum Done<T, E> {
    /// A success acceptor matched this outcome.
    Success(Result<T, E>),
    /// A failure acceptor matched this outcome; the state it read.
    Failure(String, Result<T, E>),
}

/// Polls until `judge` gives a success or a failure; an error it does not accept, or the maximum
/// wait (`timed_out()`; a poll in flight is abandoned), ends the wait.
pub async fn wait_until<T, E, P, F>(
    schedule: WaitSchedule,
    mut poll: P,
    judge: impl Fn(&Result<T, E>) -> Verdict,
    timed_out: impl FnOnce() -> E,
) -> Result<Done<T, E>, E>
where
    P: FnMut() -> F,
    F: Future<Output = Result<T, E>>,
{
    let end = Instant::now() + schedule.max_wait;
    let mut n = 0;
    loop {
        n += 1;
        let Ok(outcome) = tokio::time::timeout_at(end, poll()).await else {
            return Err(timed_out());
        };
        match judge(&outcome) {
            Verdict::Success => return Ok(Done::Success(outcome)),
            Verdict::Failure(state) => return Ok(Done::Failure(state, outcome)),
            Verdict::Error => {
                outcome?;
            }
            Verdict::Again => {}
        }
        let now = Instant::now();
        if now >= end {
            return Err(timed_out());
        }
        tokio::time::sleep(schedule.delay(n).min(end - now)).await;
    }
}

/// Whether `value`'s wire form is one of `accepted` (a JSON array, from the spec's acceptor).
pub fn field_in<T: serde::Serialize>(value: &T, accepted: &str) -> bool {
    let Ok(value) = serde_json::to_value(value) else {
        return false;
    };
    serde_json::from_str::<Vec<serde_json::Value>>(accepted)
        .is_ok_and(|values| values.contains(&value))
}

/// The wire form of a field's value as text (`error` for a state).
pub fn field_text<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(text)) => text,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU32, Ordering};

    fn fast() -> PollSchedule {
        PollSchedule {
            initial: Duration::from_millis(1),
            factor: 2.0,
            max: Duration::from_millis(4),
        }
    }

    #[tokio::test]
    async fn polls_until_done() {
        let calls = AtomicU32::new(0);
        let got: Result<u32, &str> = wait(
            Duration::from_secs(5),
            fast(),
            || async { Ok(calls.fetch_add(1, Ordering::SeqCst) + 1) },
            |n| *n == 3,
            || "timeout",
        )
        .await;
        assert_eq!(got, Ok(3));
    }

    #[tokio::test]
    async fn deadline_wins() {
        let got: Result<u32, &str> = wait(
            Duration::from_millis(20),
            fast(),
            || async { Ok(0) },
            |_| false,
            || "timeout",
        )
        .await;
        assert_eq!(got, Err("timeout"));
    }

    #[test]
    fn spec_waiter_pauses_grow_to_the_cap() {
        let schedule = WaitSchedule {
            min_delay: Duration::from_millis(200),
            max_delay: Duration::from_millis(500),
            max_wait: Duration::from_secs(1),
            jitter: super::super::backoff::Jitter::Fixed(1.0),
        };
        let ms: Vec<u128> = (1..=4).map(|n| schedule.delay(n).as_millis()).collect();
        assert_eq!(ms, [200, 400, 500, 500]);
        let none = WaitSchedule {
            jitter: super::super::backoff::Jitter::Fixed(0.0),
            ..schedule
        };
        assert_eq!(none.delay(3), Duration::from_millis(200));
        assert!(field_in(&"running", r#"["running","stopped"]"#));
        assert!(!field_in(&"error", r#"["running"]"#));
        assert_eq!(field_text(&"error"), "error");
    }

    #[tokio::test]
    async fn spec_waiters_stop_at_an_acceptor() {
        let schedule = WaitSchedule {
            min_delay: Duration::from_millis(1),
            max_delay: Duration::from_millis(2),
            max_wait: Duration::from_secs(5),
            jitter: super::super::backoff::Jitter::Fixed(1.0),
        };
        let calls = AtomicU32::new(0);
        let judge = |o: &Result<u32, &str>| match o {
            Ok(3) => Verdict::Success,
            Ok(9) => Verdict::Failure("nine".into()),
            Ok(_) => Verdict::Again,
            Err(e) if *e == "gone" => Verdict::Success,
            Err(_) => Verdict::Error,
        };
        let got = wait_until(
            schedule,
            || async { Ok(calls.fetch_add(1, Ordering::SeqCst) + 1) },
            judge,
            || "timeout",
        )
        .await;
        assert!(matches!(got, Ok(Done::Success(Ok(3)))));
        let got = wait_until(schedule, || async { Ok(9) }, judge, || "timeout").await;
        assert!(matches!(got, Ok(Done::Failure(ref s, Ok(9))) if s == "nine"));
        let got = wait_until(schedule, || async { Err("gone") }, judge, || "timeout").await;
        assert!(matches!(got, Ok(Done::Success(Err("gone")))));
        let got = wait_until(
            schedule,
            || async { Err::<u32, _>("boom") },
            judge,
            || "timeout",
        )
        .await;
        assert!(matches!(got, Err("boom")));
        let short = WaitSchedule {
            max_wait: Duration::from_millis(20),
            ..schedule
        };
        let got = wait_until(short, || async { Ok(0) }, judge, || "timeout").await;
        assert!(matches!(got, Err("timeout")));
    }

    #[tokio::test]
    async fn poll_errors_end_the_wait() {
        let got: Result<u32, &str> = wait(
            Duration::from_secs(1),
            fast(),
            || async { Err("boom") },
            |_| true,
            || "timeout",
        )
        .await;
        assert_eq!(got, Err("boom"));
    }
}
