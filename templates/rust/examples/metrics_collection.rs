//! Reference guide, Rust SDK: Metrics Collection (the stream ends when the VM is destroyed).

use std::time::Duration;

use futures::StreamExt;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = connect().await?;
    let vm_client = client.vm();
    let config = dwcp::VMConfig::builder().name("measured").memory(1 << 30).cpus(1).disk(10 << 30).image("img").build()?;
    let vm_id = vm_client.create(config).await?.id;
    vm_client.start(&vm_id).await?;

    // Destroy the VM after a moment, which ends its metrics stream.
    let destroyer = client.vm();
    let doomed = vm_id.clone();
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(300)).await;
        destroyer.destroy(&doomed).await
    });

    // Stream real-time metrics
    let mut metrics_stream = vm_client
        .stream_metrics(&vm_id, Duration::from_secs(1))
        .await?;

    while let Some(metrics) = metrics_stream.next().await {
        println!("CPU: {:.2}%", metrics.cpu_usage);
        println!("Memory: {:.1} GB",
            metrics.memory_used as f64 / 1024_f64.powi(3));
    }
    println!("stream ended: {:?}", metrics_stream.error().map(|e| e.category()));
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
