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

    #[tokio::test]
    async fn poll_errors_end_the_wait() {
        let got: Result<u32, &str> =
            wait(Duration::from_secs(1), fast(), || async { Err("boom") }, |_| true, || "timeout").await;
        assert_eq!(got, Err("boom"));
    }
}
