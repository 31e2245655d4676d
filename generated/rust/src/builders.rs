// Code generated from spec/dwcp.yaml by generator/; DO NOT EDIT.
//! Builders of the input types; `build()` checks the spec's constraints.

#[allow(unused_imports)]
use std::time::Duration;

use crate::error::{DWCPError, Result};
#[allow(unused_imports)]
use crate::runtime::timestamp::Timestamp;
use crate::types::*;

/// Builds a [`NetworkInterface`]; [`build`](NetworkInterfaceBuilder::build) checks the spec's constraints.
#[derive(Debug, Clone, Default)]
pub struct NetworkInterfaceBuilder {
    inner: NetworkInterface,
    has_name: bool,
}

impl NetworkInterface {
    /// A builder with every field unset.
    pub fn builder() -> NetworkInterfaceBuilder {
        NetworkInterfaceBuilder::default()
    }
}

impl NetworkInterfaceBuilder {
    /// Interface name in the guest.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.inner.name = name.into();
        self.has_name = true;
        self
    }

    /// Device model.
    pub fn model(mut self, model: impl Into<String>) -> Self {
        self.inner.model = Some(model.into());
        self
    }

    /// MAC address.
    pub fn mac(mut self, mac: impl Into<String>) -> Self {
        self.inner.mac = Some(mac.into());
        self
    }

    /// Host bridge.
    pub fn bridge(mut self, bridge: impl Into<String>) -> Self {
        self.inner.bridge = Some(bridge.into());
        self
    }

    /// VLAN id.
    pub fn vlan(mut self, vlan: u16) -> Self {
        self.inner.vlan = Some(vlan);
        self
    }

    /// Static IPv4 or IPv6 address.
    pub fn ip_address(mut self, ip_address: impl Into<String>) -> Self {
        self.inner.ip_address = Some(ip_address.into());
        self
    }

    /// Netmask.
    pub fn netmask(mut self, netmask: impl Into<String>) -> Self {
        self.inner.netmask = Some(netmask.into());
        self
    }

    /// Bandwidth limit in bits/s.
    pub fn bandwidth(mut self, bandwidth: u64) -> Self {
        self.inner.bandwidth = Some(bandwidth);
        self
    }

    /// The finished value, or `DWCPError::Config` naming the first missing or invalid field.
    pub fn build(self) -> Result<NetworkInterface> {
        if !self.has_name {
            return Err(DWCPError::config("name", "is required"));
        }
        self.inner.validate()?;
        Ok(self.inner)
    }
}

/// Builds a [`NetworkConfig`]; [`build`](NetworkConfigBuilder::build) checks the spec's constraints.
#[derive(Debug, Clone, Default)]
pub struct NetworkConfigBuilder {
    inner: NetworkConfig,
}

impl NetworkConfig {
    /// A builder with every field unset.
    pub fn builder() -> NetworkConfigBuilder {
        NetworkConfigBuilder::default()
    }
}

impl NetworkConfigBuilder {
    /// Network mode.
    pub fn mode(mut self, mode: impl Into<String>) -> Self {
        self.inner.mode = Some(mode.into());
        self
    }

    /// Interfaces.
    pub fn interfaces(mut self, interfaces: impl IntoIterator<Item = NetworkInterface>) -> Self {
        self.inner.interfaces = Some(interfaces.into_iter().collect());
        self
    }

    /// DNS servers.
    pub fn dns(mut self, dns: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.inner.dns = Some(dns.into_iter().map(Into::into).collect());
        self
    }

    /// Default gateway.
    pub fn gateway(mut self, gateway: impl Into<String>) -> Self {
        self.inner.gateway = Some(gateway.into());
        self
    }

    /// MTU in bytes.
    pub fn mtu(mut self, mtu: u16) -> Self {
        self.inner.mtu = Some(mtu);
        self
    }

    /// The finished value, or `DWCPError::Config` naming the first missing or invalid field.
    pub fn build(self) -> Result<NetworkConfig> {
        self.inner.validate()?;
        Ok(self.inner)
    }
}

/// Builds a [`Affinity`]; [`build`](AffinityBuilder::build) checks the spec's constraints.
#[derive(Debug, Clone, Default)]
pub struct AffinityBuilder {
    inner: Affinity,
}

impl Affinity {
    /// A builder with every field unset.
    pub fn builder() -> AffinityBuilder {
        AffinityBuilder::default()
    }
}

impl AffinityBuilder {
    /// Labels a node must carry.
    pub fn node_selector<K: Into<String>, V: Into<String>>(
        mut self,
        node_selector: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        self.inner.node_selector = Some(
            node_selector
                .into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
        );
        self
    }

    /// The VM must run on one of these nodes.
    pub fn required_nodes(
        mut self,
        required_nodes: impl IntoIterator<Item = impl Into<String>>,
    ) -> Self {
        self.inner.required_nodes = Some(required_nodes.into_iter().map(Into::into).collect());
        self
    }

    /// Nodes tried first.
    pub fn preferred_nodes(
        mut self,
        preferred_nodes: impl IntoIterator<Item = impl Into<String>>,
    ) -> Self {
        self.inner.preferred_nodes = Some(preferred_nodes.into_iter().map(Into::into).collect());
        self
    }

    /// VM ids that must not share a node with this one.
    pub fn anti_affinity_vms(
        mut self,
        anti_affinity_vms: impl IntoIterator<Item = impl Into<String>>,
    ) -> Self {
        self.inner.anti_affinity_vms =
            Some(anti_affinity_vms.into_iter().map(Into::into).collect());
        self
    }

    /// The finished value, or `DWCPError::Config` naming the first missing or invalid field.
    pub fn build(self) -> Result<Affinity> {
        self.inner.validate()?;
        Ok(self.inner)
    }
}

/// Builds a [`VMConfig`]; [`build`](VMConfigBuilder::build) checks the spec's constraints.
#[derive(Debug, Clone, Default)]
pub struct VMConfigBuilder {
    inner: VMConfig,
    has_name: bool,
    has_memory: bool,
    has_cpus: bool,
}

impl VMConfig {
    /// A builder with every field unset.
    pub fn builder() -> VMConfigBuilder {
        VMConfigBuilder::default()
    }
}

impl VMConfigBuilder {
    /// DNS-label name, 1-63 characters.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.inner.name = name.into();
        self.has_name = true;
        self
    }

    /// Memory in bytes (at least 512 MiB).
    pub fn memory(mut self, memory: u64) -> Self {
        self.inner.memory = memory;
        self.has_memory = true;
        self
    }

    /// Virtual CPUs (1-128).
    pub fn cpus(mut self, cpus: u16) -> Self {
        self.inner.cpus = cpus;
        self.has_cpus = true;
        self
    }

    /// Root disk size in bytes (at least 1 GiB; default 20 GiB).
    pub fn disk(mut self, disk: u64) -> Self {
        self.inner.disk = Some(disk);
        self
    }

    /// Boot image (default ubuntu-22.04).
    pub fn image(mut self, image: impl Into<String>) -> Self {
        self.inner.image = Some(image.into());
        self
    }

    /// Network settings.
    pub fn network(mut self, network: NetworkConfig) -> Self {
        self.inner.network = Some(network);
        self
    }

    /// Cloud-init user data.
    pub fn cloud_init(mut self, cloud_init: impl Into<String>) -> Self {
        self.inner.cloud_init = Some(cloud_init.into());
        self
    }

    /// Labels for selection.
    pub fn labels<K: Into<String>, V: Into<String>>(
        mut self,
        labels: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        self.inner.labels = Some(
            labels
                .into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
        );
        self
    }

    /// Free-form annotations.
    pub fn annotations<K: Into<String>, V: Into<String>>(
        mut self,
        annotations: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        self.inner.annotations = Some(
            annotations
                .into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
        );
        self
    }

    /// Scheduling priority (0-10).
    pub fn priority(mut self, priority: u16) -> Self {
        self.inner.priority = Some(priority);
        self
    }

    /// Placement constraints.
    pub fn affinity(mut self, affinity: Affinity) -> Self {
        self.inner.affinity = Some(affinity);
        self
    }

    /// Attach a GPU.
    pub fn enable_gpu(mut self, enable_gpu: bool) -> Self {
        self.inner.enable_gpu = Some(enable_gpu);
        self
    }

    /// GPU model.
    pub fn gpu_type(mut self, gpu_type: impl Into<String>) -> Self {
        self.inner.gpu_type = Some(gpu_type.into());
        self
    }

    /// Attach a virtual TPM.
    pub fn enable_tpm(mut self, enable_tpm: bool) -> Self {
        self.inner.enable_tpm = Some(enable_tpm);
        self
    }

    /// Use UEFI secure boot.
    pub fn enable_secure_boot(mut self, enable_secure_boot: bool) -> Self {
        self.inner.enable_secure_boot = Some(enable_secure_boot);
        self
    }

    /// Host CPUs to pin vCPUs to.
    pub fn cpu_pinning(mut self, cpu_pinning: impl IntoIterator<Item = u32>) -> Self {
        self.inner.cpu_pinning = Some(cpu_pinning.into_iter().collect());
        self
    }

    /// Host NUMA nodes.
    pub fn numa_nodes(mut self, numa_nodes: impl IntoIterator<Item = u32>) -> Self {
        self.inner.numa_nodes = Some(numa_nodes.into_iter().collect());
        self
    }

    /// Back memory with huge pages.
    pub fn huge_pages(mut self, huge_pages: bool) -> Self {
        self.inner.huge_pages = Some(huge_pages);
        self
    }

    /// Dedicated IO threads.
    pub fn io_threads(mut self, io_threads: u16) -> Self {
        self.inner.io_threads = Some(io_threads);
        self
    }

    /// Memory hot-plug ceiling in bytes.
    pub fn memory_max(mut self, memory_max: u64) -> Self {
        self.inner.memory_max = Some(memory_max);
        self
    }

    /// CPU quota in percent.
    pub fn cpu_quota(mut self, cpu_quota: u16) -> Self {
        self.inner.cpu_quota = Some(cpu_quota);
        self
    }

    /// Disk IOPS limit.
    pub fn disk_iops_limit(mut self, disk_iops_limit: u64) -> Self {
        self.inner.disk_iops_limit = Some(disk_iops_limit);
        self
    }

    /// Network bandwidth limit in bits/s.
    pub fn network_bandwidth(mut self, network_bandwidth: u64) -> Self {
        self.inner.network_bandwidth = Some(network_bandwidth);
        self
    }

    /// The finished value, or `DWCPError::Config` naming the first missing or invalid field.
    pub fn build(self) -> Result<VMConfig> {
        if !self.has_name {
            return Err(DWCPError::config("name", "is required"));
        }
        if !self.has_memory {
            return Err(DWCPError::config("memory", "is required"));
        }
        if !self.has_cpus {
            return Err(DWCPError::config("cpus", "is required"));
        }
        self.inner.validate()?;
        Ok(self.inner)
    }
}

/// Builds a [`MigrationOptions`]; [`build`](MigrationOptionsBuilder::build) checks the spec's constraints.
#[derive(Debug, Clone, Default)]
pub struct MigrationOptionsBuilder {
    inner: MigrationOptions,
}

impl MigrationOptions {
    /// A builder with every field unset.
    pub fn builder() -> MigrationOptionsBuilder {
        MigrationOptionsBuilder::default()
    }
}

impl MigrationOptionsBuilder {
    /// Keep the VM running (pre-copy); false stops it, copies, starts it on the target.
    pub fn live(mut self, live: bool) -> Self {
        self.inner.live = Some(live);
        self
    }

    /// Longest pause allowed, ms (0: 500).
    pub fn max_downtime(mut self, max_downtime: u16) -> Self {
        self.inner.max_downtime = Some(max_downtime);
        self
    }

    /// Link bandwidth for the copy, bits/s (0: the node's link).
    pub fn bandwidth(mut self, bandwidth: u64) -> Self {
        self.inner.bandwidth = Some(bandwidth);
        self
    }

    /// Compress pages in flight.
    pub fn compression(mut self, compression: bool) -> Self {
        self.inner.compression = Some(compression);
        self
    }

    /// Throttle the guest when rounds do not converge.
    pub fn auto_converge(mut self, auto_converge: bool) -> Self {
        self.inner.auto_converge = Some(auto_converge);
        self
    }

    /// Switch to post-copy after a few rounds.
    pub fn post_copy(mut self, post_copy: bool) -> Self {
        self.inner.post_copy = Some(post_copy);
        self
    }

    /// Parallel copy streams (0: 1).
    pub fn parallel(mut self, parallel: u16) -> Self {
        self.inner.parallel = Some(parallel);
        self
    }

    /// Verify memory checksums as a last phase.
    pub fn verify_checksum(mut self, verify_checksum: bool) -> Self {
        self.inner.verify_checksum = Some(verify_checksum);
        self
    }

    /// Encrypt the migration stream.
    pub fn encrypt_transport(mut self, encrypt_transport: bool) -> Self {
        self.inner.encrypt_transport = Some(encrypt_transport);
        self
    }

    /// The finished value, or `DWCPError::Config` naming the first missing or invalid field.
    pub fn build(self) -> Result<MigrationOptions> {
        self.inner.validate()?;
        Ok(self.inner)
    }
}

/// Builds a [`MigrateRequest`]; [`build`](MigrateRequestBuilder::build) checks the spec's constraints.
#[derive(Debug, Clone, Default)]
pub struct MigrateRequestBuilder {
    inner: MigrateRequest,
    has_target_node: bool,
}

impl MigrateRequest {
    /// A builder with every field unset.
    pub fn builder() -> MigrateRequestBuilder {
        MigrateRequestBuilder::default()
    }
}

impl MigrateRequestBuilder {
    /// Node to move to.
    pub fn target_node(mut self, target_node: impl Into<String>) -> Self {
        self.inner.target_node = target_node.into();
        self.has_target_node = true;
        self
    }

    /// Options.
    pub fn options(mut self, options: MigrationOptions) -> Self {
        self.inner.options = Some(options);
        self
    }

    /// The finished value, or `DWCPError::Config` naming the first missing or invalid field.
    pub fn build(self) -> Result<MigrateRequest> {
        if !self.has_target_node {
            return Err(DWCPError::config("target_node", "is required"));
        }
        self.inner.validate()?;
        Ok(self.inner)
    }
}

/// Builds a [`SnapshotOptions`]; [`build`](SnapshotOptionsBuilder::build) checks the spec's constraints.
#[derive(Debug, Clone, Default)]
pub struct SnapshotOptionsBuilder {
    inner: SnapshotOptions,
}

impl SnapshotOptions {
    /// A builder with every field unset.
    pub fn builder() -> SnapshotOptionsBuilder {
        SnapshotOptionsBuilder::default()
    }
}

impl SnapshotOptionsBuilder {
    /// Include the memory image.
    pub fn include_memory(mut self, include_memory: bool) -> Self {
        self.inner.include_memory = Some(include_memory);
        self
    }

    /// Description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.inner.description = Some(description.into());
        self
    }

    /// Quiesce the guest file systems first.
    pub fn quiesce(mut self, quiesce: bool) -> Self {
        self.inner.quiesce = Some(quiesce);
        self
    }

    /// The finished value, or `DWCPError::Config` naming the first missing or invalid field.
    pub fn build(self) -> Result<SnapshotOptions> {
        self.inner.validate()?;
        Ok(self.inner)
    }
}

/// Builds a [`SnapshotRequest`]; [`build`](SnapshotRequestBuilder::build) checks the spec's constraints.
#[derive(Debug, Clone, Default)]
pub struct SnapshotRequestBuilder {
    inner: SnapshotRequest,
    has_name: bool,
}

impl SnapshotRequest {
    /// A builder with every field unset.
    pub fn builder() -> SnapshotRequestBuilder {
        SnapshotRequestBuilder::default()
    }
}

impl SnapshotRequestBuilder {
    /// Snapshot name.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.inner.name = name.into();
        self.has_name = true;
        self
    }

    /// Options.
    pub fn options(mut self, options: SnapshotOptions) -> Self {
        self.inner.options = Some(options);
        self
    }

    /// The finished value, or `DWCPError::Config` naming the first missing or invalid field.
    pub fn build(self) -> Result<SnapshotRequest> {
        if !self.has_name {
            return Err(DWCPError::config("name", "is required"));
        }
        self.inner.validate()?;
        Ok(self.inner)
    }
}

/// Builds a [`StopRequest`]; [`build`](StopRequestBuilder::build) checks the spec's constraints.
#[derive(Debug, Clone, Default)]
pub struct StopRequestBuilder {
    inner: StopRequest,
}

impl StopRequest {
    /// A builder with every field unset.
    pub fn builder() -> StopRequestBuilder {
        StopRequestBuilder::default()
    }
}

impl StopRequestBuilder {
    /// Power off at once instead of a graceful shutdown.
    pub fn force(mut self, force: bool) -> Self {
        self.inner.force = Some(force);
        self
    }

    /// The finished value, or `DWCPError::Config` naming the first missing or invalid field.
    pub fn build(self) -> Result<StopRequest> {
        self.inner.validate()?;
        Ok(self.inner)
    }
}
