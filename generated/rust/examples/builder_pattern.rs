// Code generated from templates/rust/examples/builder_pattern.rs by generator/; DO NOT EDIT.
//! Reference guide, Rust SDK: Builder Pattern (and creating the VM it describes).

use dwcp::VMConfig;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    // Use builder pattern for configuration
    let vm_config = VMConfig::builder()
        .name("web-server")
        .memory(4 * 1024_u64.pow(3))
        .cpus(4)
        .disk(40 * 1024_u64.pow(3))
        .image("ubuntu-22.04")
        .enable_gpu(false)
        .enable_tpm(true)
        .labels(vec![("env", "production"), ("tier", "web")])
        .build()?;

    let client = connect().await?;
    let vm = client.vm().create(vm_config).await?;
    let found = client.vm().list(&[("env", "production")]).await?;
    assert!(found.iter().any(|v| v.id == vm.id));
    println!("Created {} with labels {:?}", vm.id, vm.config.labels);
    Ok(())
}

/// DWCP_ADDRESS, DWCP_PORT and DWCP_API_KEY, with the guide's values as defaults.
fn server() -> (String, u32, String) {
    let env =
        |name: &str, default: &str| std::env::var(name).unwrap_or_else(|_| default.to_owned());
    let port = env("DWCP_PORT", "9000").parse().unwrap_or(9000);
    (
        env("DWCP_ADDRESS", "localhost"),
        port,
        env("DWCP_API_KEY", "your-api-key"),
    )
}

async fn connect() -> dwcp::Result<dwcp::Client> {
    let (address, port, api_key) = server();
    let config = dwcp::ClientConfig::new(address)
        .with_port(port)
        .with_api_key(api_key)
        .with_tls_enabled(false);
    dwcp::Client::new(config).await
}
