//! Reference guide, Rust SDK: Error Handling.

use dwcp::{DWCPError, Result};
use dwcp::{VMClient, VMConfig, VM};

async fn create_and_start_vm(vm_client: &VMClient, vm_config: VMConfig) -> Result<VM> {
    let vm = vm_client.create(vm_config).await?;
    vm_client.start(&vm.id).await?;
    Ok(vm)
}

#[tokio::main]
async fn main() -> std::result::Result<(), Box<dyn std::error::Error>> {
    let client = connect().await?;
    let vm_client = client.vm();
    let vm_config = VMConfig::builder().name("handled").memory(1 << 30).cpus(1).disk(10 << 30).image("img").build()?;

    // Handle errors
    match create_and_start_vm(&vm_client, vm_config).await {
        Ok(vm) => println!("Success: {}", vm.id),
        Err(DWCPError::VMNotFound(id)) => {
            println!("VM not found: {}", id);
        }
        Err(DWCPError::Connection(msg)) => {
            println!("Connection error: {}", msg);
        }
        Err(e) => {
            println!("Error: {}", e);
        }
    }

    // The same match on a VM that does not exist, with the error's evidence.
    match vm_client.get("vm-does-not-exist").await {
        Err(DWCPError::VMNotFound(id)) => {
            println!("VM not found: {}", id);
            println!("  status {:?}, code {}, request {:?}", id.status, id.code, id.request_id);
        }
        other => return Err(format!("expected VMNotFound, got {other:?}").into()),
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
