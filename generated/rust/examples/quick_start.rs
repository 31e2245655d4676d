// Code generated from extras/rust/examples/quick_start.rs by generator/; DO NOT EDIT.
//! Reference guide, Rust SDK: Quick Start (address, port, key and TLS from the environment).

mod common;

use dwcp::{Client, ClientConfig, VMConfig};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let (address, port, api_key) = common::server();
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
