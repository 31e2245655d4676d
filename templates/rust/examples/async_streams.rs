//! Reference guide, Rust SDK: Async Streams (watching a VM until it runs).

use dwcp::VMState;
use futures::StreamExt;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = connect().await?;
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
