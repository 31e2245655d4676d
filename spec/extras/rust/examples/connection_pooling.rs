//! Reference guide, Performance Optimization: Connection Pooling (Rust).

mod common;

use dwcp::ClientPool;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let (address, port, api_key) = common::server();
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
