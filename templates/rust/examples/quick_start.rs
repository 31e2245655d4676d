//! Reference guide, Rust SDK: Quick Start (address, port, key and TLS from the environment).

use dwcp::{Client, ClientConfig, VMConfig};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let (address, port, api_key) = server();
    // Create configuration
    let config = ClientConfig::new(address)
        .with_port(port)
        .with_api_key(api_key)
        .with_tls_enabled(false);

    // Create and connect client
    let client = Client::new(config).await?;
    println!("Connected to DWCP server");

    // Create VM
    let vm_config = VMConfig::builder()
        .name("my-vm")
        .memory(2 * 1024 * 1024 * 1024) // 2GB
        .cpus(2)
        .disk(20 * 1024 * 1024 * 1024) // 20GB
        .image("ubuntu-22.04")
        .build()?;

    let vm_client = client.vm();
    let vm = vm_client.create(vm_config).await?;
    println!("Created VM: {} (ID: {})", vm.name, vm.id);

    // Start VM
    vm_client.start(&vm.id).await?;
    println!("VM started");

    Ok(())
}

/// DWCP_ADDRESS, DWCP_PORT and DWCP_API_KEY, with the guide's values as defaults.
fn server() -> (String, u32, String) {
    let env = |name: &str, default: &str| std::env::var(name).unwrap_or_else(|_| default.to_owned());
    let port = env("DWCP_PORT", "9000").parse().unwrap_or(9000);
    (env("DWCP_ADDRESS", "localhost"), port, env("DWCP_API_KEY", "your-api-key"))
}
