//! Reference guide, Common Patterns: Circuit Breaker (Rust).

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
    let client = connect().await?;
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

/// DWCP_ADDRESS, DWCP_PORT and DWCP_API_KEY, with the guide's values as defaults.
fn server() -> (String, u32, String) {
    let env = |name: &str, default: &str| std::env::var(name).unwrap_or_else(|_| default.to_owned());
    let port = env("DWCP_PORT", "9000").parse().unwrap_or(9000);
    (env("DWCP_ADDRESS", "localhost"), port, env("DWCP_API_KEY", "your-api-key"))
}

async fn connect() -> dwcp::Result<dwcp::Client> {
    let (address, port, api_key) = server();
    let config = dwcp::ClientConfig::new(address).with_port(port).with_api_key(api_key).with_tls_enabled(false);
    dwcp::Client::new(config).await
}
