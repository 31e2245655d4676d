//! Reference guide, Common Patterns: Circuit Breaker (Rust).

mod common;

use std::future::Future;

use dwcp::{DWCPError, Result};

use std::sync::atomic::{AtomicU32, Ordering};

struct CircuitBreaker {
    failures: AtomicU32,
    threshold: u32,
}

impl CircuitBreaker {
    async fn call<T, F>(&self, f: F) -> Result<T>
    where
        F: Future<Output = Result<T>>,
    {
        if self.failures.load(Ordering::Relaxed) >= self.threshold {
            return Err(DWCPError::Other("Circuit breaker open".into()));
        }

        match f.await {
            Ok(result) => {
                self.failures.store(0, Ordering::Relaxed);
                Ok(result)
            }
            Err(e) => {
                self.failures.fetch_add(1, Ordering::Relaxed);
                Err(e)
            }
        }
    }
}

#[tokio::main]
async fn main() -> std::result::Result<(), Box<dyn std::error::Error>> {
    let client = common::connect().await?;
    let breaker = CircuitBreaker { failures: AtomicU32::new(0), threshold: 2 };
    for _ in 0..2 {
        let missing = breaker.call(client.vm().get("vm-missing")).await;
        println!("call: {}", missing.unwrap_err());
    }
    match breaker.call(client.vm().get("vm-missing")).await {
        Err(DWCPError::Other(msg)) => println!("rejected locally: {msg}"),
        other => return Err(format!("expected an open breaker, got {other:?}").into()),
    }
    Ok(())
}
