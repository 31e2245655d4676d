// Code generated from templates/rust/runtime/budget.rs by generator/; DO NOT EDIT.
//! The client's retry quota: a token bucket shared by every call and stream (AWS "standard" mode).
//!
//! A retry takes `retry_cost` tokens (`timeout_retry_cost` after a timed-out attempt); when fewer
//! are left the call ends instead of retrying. A success gives back its last retry's cost, or
//! `success_refund` when it needed no retry, never above `capacity`. Capacity 0 turns it off.

use std::sync::Mutex;

/// The settings of a retry budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BudgetSettings {
    /// Tokens at the start, and the ceiling of refunds; 0 turns the budget off.
    pub capacity: u32,
    /// Tokens a retry takes.
    pub retry_cost: u32,
    /// Tokens a retry takes after a timed-out attempt.
    pub timeout_retry_cost: u32,
    /// Tokens a first-time success gives back.
    pub success_refund: u32,
}

/// The bucket of one client.
#[derive(Debug)]
pub struct Bucket {
    settings: BudgetSettings,
    tokens: Mutex<u32>,
}

impl Bucket {
    /// A full bucket.
    pub fn new(settings: BudgetSettings) -> Self {
        Bucket {
            settings,
            tokens: Mutex::new(settings.capacity),
        }
    }

    /// Takes a retry's cost: `Some(cost)` when granted (0 when the budget is off), `None` when
    /// too few tokens are left.
    pub fn acquire(&self, timed_out: bool) -> Option<u32> {
        if self.settings.capacity == 0 {
            return Some(0);
        }
        let cost = if timed_out {
            self.settings.timeout_retry_cost
        } else {
            self.settings.retry_cost
        };
        let mut tokens = self.tokens.lock().unwrap_or_else(|p| p.into_inner());
        if *tokens < cost {
            return None;
        }
        *tokens -= cost;
        Some(cost)
    }

    /// A call succeeded; `last_retry_cost` is what its last retry took (`None`: no retry).
    pub fn succeeded(&self, last_retry_cost: Option<u32>) {
        if self.settings.capacity == 0 {
            return;
        }
        let refund = last_retry_cost.unwrap_or(self.settings.success_refund);
        let mut tokens = self.tokens.lock().unwrap_or_else(|p| p.into_inner());
        *tokens = tokens.saturating_add(refund).min(self.settings.capacity);
    }

    /// Tokens left (the capacity when the budget is off).
    pub fn tokens(&self) -> u32 {
        *self.tokens.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl Default for Bucket {
    fn default() -> Self {
        Bucket::new(BudgetSettings {
            capacity: 0,
            retry_cost: 0,
            timeout_retry_cost: 0,
            success_refund: 0,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_published_vector() {
        let b = Bucket::new(BudgetSettings {
            capacity: 20,
            retry_cost: 5,
            timeout_retry_cost: 10,
            success_refund: 1,
        });
        b.succeeded(None);
        assert_eq!(b.tokens(), 20, "refunds stop at the capacity");
        let cost = b.acquire(false);
        assert_eq!((cost, b.tokens()), (Some(5), 15));
        b.succeeded(cost);
        assert_eq!(b.tokens(), 20);
        assert_eq!(b.acquire(true), Some(10));
        assert_eq!(b.acquire(false), Some(5));
        assert_eq!(b.acquire(true), None, "5 left, a timeout retry costs 10");
        assert_eq!(b.acquire(false), Some(5));
        assert_eq!(b.acquire(false), None);
        b.succeeded(None);
        assert_eq!(b.tokens(), 1);
    }

    #[test]
    fn capacity_zero_is_off() {
        let b = Bucket::default();
        assert_eq!(b.acquire(true), Some(0));
        b.succeeded(None);
        assert_eq!(b.tokens(), 0);
    }
}
