//! Reference guide, Performance Optimization: Connection Pooling (Rust).

use dwcp::ClientPool;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let (address, port, api_key) = server();
    let config = dwcp::ClientConfig::new(address).with_port(port).with_api_key(api_key).with_tls_enabled(false);

    let pool = ClientPool::new(10, config).await?;

    let handles: Vec<_> = (0..100)
        .map(|_| {
            let pool = pool.clone();
            tokio::spawn(async move {
                let client = pool.acquire().await;
                // ... operations
                let _ = client.health().await;
                pool.release(client);
            })
        })
        .collect();

    futures::future::join_all(handles).await;
    println!("100 tasks shared {} clients", pool.size());
    Ok(())
}

/// DWCP_ADDRESS, DWCP_PORT and DWCP_API_KEY, with the guide's values as defaults.
fn server() -> (String, u32, String) {
    let env = |name: &str, default: &str| std::env::var(name).unwrap_or_else(|_| default.to_owned());
    let port = env("DWCP_PORT", "9000").parse().unwrap_or(9000);
    (env("DWCP_ADDRESS", "localhost"), port, env("DWCP_API_KEY", "your-api-key"))
}
