//! Reference guide, Rust SDK: Error Handling.

mod common;

use dwcp::{DWCPError, Result};
use dwcp::{VMClient, VMConfig, VM};

async fn create_and_start_vm(vm_client: &VMClient, vm_config: VMConfig) -> Result<VM> {
    let vm = vm_client.create(vm_config).await?;
    vm_client.start(&vm.id).await?;
    Ok(vm)
}

#[tokio::main]
async fn main() -> std::result::Result<(), Box<dyn std::error::Error>> {
    let client = common::connect().await?;
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
