// Code generated from spec/dwcp.yaml by generator/; DO NOT EDIT.
//! One example per public operation of the spec, checked with cargo check (nox -s snippets).
//! The site shows the lines between the `--8<--` markers of each function.
#![allow(clippy::needless_return, unused_imports)]

use futures::StreamExt;
use std::time::Duration;

/// Connects a client (the first lines of every example).
pub async fn setup() -> dwcp::Result<()> {
    // --8<-- [start:setup]
    let config = dwcp::ClientConfig::new("localhost")
        .with_port(9000)
        .with_api_key("your-api-key");
    let client = dwcp::Client::new(config).await?;
    // --8<-- [end:setup]
    drop(client);
    Ok(())
}

/// Reports whether the server is serving.
pub async fn system_health(client: &dwcp::Client) -> dwcp::Result<()> {
    // --8<-- [start:system_health]
    let result = client.health().await?;
    println!("{result:?}");
    // --8<-- [end:system_health]
    Ok(())
}

/// Creates a VM (placed on a node that fits) and returns it in state creating.
pub async fn vm_create(client: &dwcp::Client) -> dwcp::Result<()> {
    // --8<-- [start:vm_create]
    let vm_client = client.vm();
    let config = dwcp::VMConfig::builder()
        .name("example-name")
        .memory(536870912)
        .cpus(1)
        .build()?;
    let result = vm_client.create(config).await?;
    println!("{result:?}");
    // --8<-- [end:vm_create]
    Ok(())
}

/// Returns a VM.
pub async fn vm_get(client: &dwcp::Client) -> dwcp::Result<()> {
    // --8<-- [start:vm_get]
    let vm_client = client.vm();
    let result = vm_client.get("vm-1234").await?;
    println!("{result:?}");
    // --8<-- [end:vm_get]
    Ok(())
}

/// Lists VMs whose labels match all the given labels, page by page.
pub async fn vm_list(client: &dwcp::Client) -> dwcp::Result<()> {
    // --8<-- [start:vm_list]
    let vm_client = client.vm();
    let result = vm_client.list(&[("env", "example-production")]).await?;
    println!("{result:?}");
    // --8<-- [end:vm_list]
    Ok(())
}

/// Starts a stopped VM; starting a running VM is a no-op.
pub async fn vm_start(client: &dwcp::Client) -> dwcp::Result<()> {
    // --8<-- [start:vm_start]
    let vm_client = client.vm();
    let result = vm_client.start("vm-1234").await?;
    println!("{result:?}");
    // --8<-- [end:vm_start]
    Ok(())
}

/// Stops a running VM, gracefully or by force; stopping a stopped VM is a no-op.
pub async fn vm_stop(client: &dwcp::Client) -> dwcp::Result<()> {
    // --8<-- [start:vm_stop]
    let vm_client = client.vm();
    let result = vm_client.stop("vm-1234", false).await?;
    println!("{result:?}");
    // --8<-- [end:vm_stop]
    Ok(())
}

/// Destroys a VM and its snapshots.
pub async fn vm_destroy(client: &dwcp::Client) -> dwcp::Result<()> {
    // --8<-- [start:vm_destroy]
    let vm_client = client.vm();
    vm_client.destroy("vm-1234").await?;
    // --8<-- [end:vm_destroy]
    Ok(())
}

/// Starts moving a VM to another node; poll get_migration_status or wait for it.
pub async fn vm_migrate(client: &dwcp::Client) -> dwcp::Result<()> {
    // --8<-- [start:vm_migrate]
    let vm_client = client.vm();
    let options = dwcp::MigrationOptions::default();
    let result = vm_client
        .migrate("vm-1234", "example-target-node", options)
        .await?;
    println!("{result:?}");
    // --8<-- [end:vm_migrate]
    Ok(())
}

/// Returns the progress of a migration.
pub async fn vm_get_migration_status(client: &dwcp::Client) -> dwcp::Result<()> {
    // --8<-- [start:vm_get_migration_status]
    let vm_client = client.vm();
    let result = vm_client.get_migration_status("migration-1234").await?;
    println!("{result:?}");
    // --8<-- [end:vm_get_migration_status]
    Ok(())
}

/// Cancels a migration; the VM stays on its source node.
pub async fn vm_cancel_migration(client: &dwcp::Client) -> dwcp::Result<()> {
    // --8<-- [start:vm_cancel_migration]
    let vm_client = client.vm();
    let result = vm_client.cancel_migration("migration-1234").await?;
    println!("{result:?}");
    // --8<-- [end:vm_cancel_migration]
    Ok(())
}

/// Takes a snapshot of a VM.
pub async fn vm_snapshot(client: &dwcp::Client) -> dwcp::Result<()> {
    // --8<-- [start:vm_snapshot]
    let vm_client = client.vm();
    let options = dwcp::SnapshotOptions::default();
    let result = vm_client
        .snapshot("vm-1234", "example-name", options)
        .await?;
    println!("{result:?}");
    // --8<-- [end:vm_snapshot]
    Ok(())
}

/// Lists a VM's snapshots, page by page.
pub async fn vm_list_snapshots(client: &dwcp::Client) -> dwcp::Result<()> {
    // --8<-- [start:vm_list_snapshots]
    let vm_client = client.vm();
    let result = vm_client.list_snapshots("vm-1234").await?;
    println!("{result:?}");
    // --8<-- [end:vm_list_snapshots]
    Ok(())
}

/// Restores a VM from one of its snapshots.
pub async fn vm_restore_snapshot(client: &dwcp::Client) -> dwcp::Result<()> {
    // --8<-- [start:vm_restore_snapshot]
    let vm_client = client.vm();
    let result = vm_client
        .restore_snapshot("vm-1234", "snapshot-1234")
        .await?;
    println!("{result:?}");
    // --8<-- [end:vm_restore_snapshot]
    Ok(())
}

/// Deletes a snapshot.
pub async fn vm_delete_snapshot(client: &dwcp::Client) -> dwcp::Result<()> {
    // --8<-- [start:vm_delete_snapshot]
    let vm_client = client.vm();
    vm_client.delete_snapshot("snapshot-1234").await?;
    // --8<-- [end:vm_delete_snapshot]
    Ok(())
}

/// Returns a VM's resource usage over a window (default 5 minutes).
pub async fn vm_get_metrics(client: &dwcp::Client) -> dwcp::Result<()> {
    // --8<-- [start:vm_get_metrics]
    let vm_client = client.vm();
    let result = vm_client
        .get_metrics("vm-1234", Duration::from_secs(60))
        .await?;
    println!("{result:?}");
    // --8<-- [end:vm_get_metrics]
    Ok(())
}

/// Streams a VM's metrics, one sample per interval (default 1 s).
pub async fn vm_stream_metrics(client: &dwcp::Client) -> dwcp::Result<()> {
    // --8<-- [start:vm_stream_metrics]
    let vm_client = client.vm();
    let mut items = vm_client
        .stream_metrics("vm-1234", Duration::from_secs(60))
        .await?;
    if let Some(item) = items.next().await {
        println!("{item:?}");
    }
    // --8<-- [end:vm_stream_metrics]
    Ok(())
}

/// Streams a VM's retained events, then new ones as they happen (follow: false ends after the backlog).
pub async fn vm_watch(client: &dwcp::Client) -> dwcp::Result<()> {
    // --8<-- [start:vm_watch]
    let vm_client = client.vm();
    let mut items = vm_client.watch("vm-1234").await?;
    if let Some(item) = items.next().await {
        println!("{item:?}");
    }
    // --8<-- [end:vm_watch]
    Ok(())
}
