//! Reference guide, Rust SDK: Zero-Cost Abstractions.

mod common;

// Zero overhead with compile-time guarantees
use dwcp::{VM, VMState};

fn process_vm(vm: &VM) {
    match vm.state {
        VMState::Running => {
            println!("VM is running");
        }
        VMState::Stopped => {
            println!("VM is stopped");
        }
        _ => {}
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = common::connect().await?;
    let config = dwcp::VMConfig::builder().name("zero-cost").memory(1 << 30).cpus(1).disk(10 << 30).image("img").build()?;
    let vm = client.vm().create(config).await?;
    process_vm(&vm);
    process_vm(&client.vm().start(&vm.id).await?);
    Ok(())
}
