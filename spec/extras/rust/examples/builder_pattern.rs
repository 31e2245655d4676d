//! Reference guide, Rust SDK: Builder Pattern (and creating the VM it describes).

mod common;

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
        .labels(vec![
            ("env", "production"),
            ("tier", "web")
        ])
        .build()?;

    let client = common::connect().await?;
    let vm = client.vm().create(vm_config).await?;
    let found = client.vm().list(&[("env", "production")]).await?;
    assert!(found.iter().any(|v| v.id == vm.id));
    println!("Created {} with labels {:?}", vm.id, vm.config.labels);
    Ok(())
}
