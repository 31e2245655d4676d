//! Reference guide, Rust SDK: Async Streams (watching a VM until it runs).

mod common;

use dwcp::VMState;
use futures::StreamExt;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = common::connect().await?;
    let vm_client = client.vm();
    let config = dwcp::VMConfig::builder().name("watched").memory(1 << 30).cpus(1).disk(10 << 30).image("img").build()?;
    let vm_id = vm_client.create(config).await?.id;
    vm_client.start(&vm_id).await?;

    // Watch VM events using streams
    let mut events = vm_client.watch(&vm_id).await?;

    while let Some(event) = events.next().await {
        println!("[{}] {}: {}",
            event.timestamp,
            event.event_type,
            event.message);

        if event.vm.state == VMState::Running {
            break;
        }
    }

    // The loop also ends when the stream fails for good: the error says why.
    if let Some(error) = events.error() {
        return Err(error.clone().into());
    }
    Ok(())
}
