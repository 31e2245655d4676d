//! Reference guide, Rust SDK: Metrics Collection (the stream ends when the VM is destroyed).

mod common;

use std::time::Duration;

use futures::StreamExt;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = common::connect().await?;
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
