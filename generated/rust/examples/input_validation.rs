// Code generated from extras/rust/examples/input_validation.rs by generator/; DO NOT EDIT.
//! Reference guide, Security Best Practices: Input Validation (Rust).

use dwcp::{DWCPError, Result, VMConfig};

fn validate_vm_config(config: &VMConfig) -> Result<()> {
    if config.memory < 512 * 1024 * 1024 {
        return Err(DWCPError::Config("Memory must be at least 512MB".into()));
    }

    if config.cpus == 0 || config.cpus > 128 {
        return Err(DWCPError::Config("CPUs must be between 1 and 128".into()));
    }

    Ok(())
}

fn main() -> std::result::Result<(), Box<dyn std::error::Error>> {
    let good = VMConfig::builder()
        .name("ok")
        .memory(1 << 30)
        .cpus(2)
        .disk(10 << 30)
        .image("img")
        .build()?;
    validate_vm_config(&good)?;
    let mut small = good.clone();
    small.memory = 1024;
    println!("{}", validate_vm_config(&small).unwrap_err());
    // build() applies the spec's own limits and names the field.
    let err = VMConfig::builder()
        .name("x")
        .memory(1 << 30)
        .cpus(0)
        .disk(10 << 30)
        .image("img")
        .build()
        .unwrap_err();
    println!("{} (field {:?})", err, err.field());
    assert_eq!(err.field(), Some("cpus"));
    Ok(())
}
