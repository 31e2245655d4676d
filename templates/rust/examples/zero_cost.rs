//! Reference guide, Rust SDK: Zero-Cost Abstractions.

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
    let client = connect().await?;
    let config = dwcp::VMConfig::builder().name("zero-cost").memory(1 << 30).cpus(1).disk(10 << 30).image("img").build()?;
    let vm = client.vm().create(config).await?;
    process_vm(&vm);
    process_vm(&client.vm().start(&vm.id).await?);
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
