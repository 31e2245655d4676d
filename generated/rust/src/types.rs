// Code generated from spec/dwcp.yaml by generator/; DO NOT EDIT.
//! The API's types, in their wire form (snake_case JSON; unknown fields are ignored).

use std::collections::HashMap;
use std::fmt;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::runtime::timestamp::Timestamp;

/// Lifecycle state of a VM.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VMState {
    /// Being placed and provisioned.
    Creating,
    /// Provisioned and powered off.
    Stopped,
    /// Booting.
    Starting,
    /// Running.
    Running,
    /// Shutting down.
    Stopping,
    /// Moving to another node.
    Migrating,
    /// Being restored from a snapshot.
    Restoring,
    /// Failed; only destroy is allowed.
    Error,
    /// A state this SDK does not know (sent by a newer server).
    #[default]
    #[serde(other)]
    Unknown,
}

impl VMState {
    /// The wire string.
    pub fn as_str(&self) -> &'static str {
        match self {
            VMState::Creating => "creating",
            VMState::Stopped => "stopped",
            VMState::Starting => "starting",
            VMState::Running => "running",
            VMState::Stopping => "stopping",
            VMState::Migrating => "migrating",
            VMState::Restoring => "restoring",
            VMState::Error => "error",
            VMState::Unknown => "unknown",
        }
    }
}

impl fmt::Display for VMState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// State of a live migration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MigrationState {
    /// Accepted, not started.
    Pending,
    /// Copying memory.
    Running,
    /// The VM runs on the target node.
    Completed,
    /// Stopped with an error; the VM stays on its source node.
    Failed,
    /// Cancelled; the VM stays on its source node.
    Cancelled,
    /// A state this SDK does not know.
    #[default]
    #[serde(other)]
    Unknown,
}

impl MigrationState {
    /// The wire string.
    pub fn as_str(&self) -> &'static str {
        match self {
            MigrationState::Pending => "pending",
            MigrationState::Running => "running",
            MigrationState::Completed => "completed",
            MigrationState::Failed => "failed",
            MigrationState::Cancelled => "cancelled",
            MigrationState::Unknown => "unknown",
        }
    }
}

impl fmt::Display for MigrationState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Phase of a running migration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MigrationPhase {
    /// Reserving the target.
    Setup,
    /// Iterative pre-copy rounds.
    Precopy,
    /// The VM runs on the target and pulls the remaining pages.
    Postcopy,
    /// The VM is paused while the last pages move.
    StopAndCopy,
    /// Checksums are compared.
    Verify,
    /// Finished.
    Done,
    /// A phase this SDK does not know.
    #[default]
    #[serde(other)]
    Unknown,
}

impl MigrationPhase {
    /// The wire string.
    pub fn as_str(&self) -> &'static str {
        match self {
            MigrationPhase::Setup => "setup",
            MigrationPhase::Precopy => "precopy",
            MigrationPhase::Postcopy => "postcopy",
            MigrationPhase::StopAndCopy => "stop_and_copy",
            MigrationPhase::Verify => "verify",
            MigrationPhase::Done => "done",
            MigrationPhase::Unknown => "unknown",
        }
    }
}

impl fmt::Display for MigrationPhase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Kind of a VM event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VMEventType {
    /// The VM was created.
    Created,
    /// The VM changed state.
    StateChanged,
    /// A migration began.
    MigrationStarted,
    /// A migration completed.
    MigrationCompleted,
    /// A migration failed or was cancelled.
    MigrationFailed,
    /// A snapshot was taken.
    SnapshotCreated,
    /// A snapshot was restored.
    SnapshotRestored,
    /// The VM was destroyed.
    Destroyed,
    /// Events were lost: the resume point is past the server's retention.
    Gap,
    /// An event type this SDK does not know.
    #[default]
    #[serde(other)]
    Unknown,
}

impl VMEventType {
    /// The wire string.
    pub fn as_str(&self) -> &'static str {
        match self {
            VMEventType::Created => "created",
            VMEventType::StateChanged => "state_changed",
            VMEventType::MigrationStarted => "migration_started",
            VMEventType::MigrationCompleted => "migration_completed",
            VMEventType::MigrationFailed => "migration_failed",
            VMEventType::SnapshotCreated => "snapshot_created",
            VMEventType::SnapshotRestored => "snapshot_restored",
            VMEventType::Destroyed => "destroyed",
            VMEventType::Gap => "gap",
            VMEventType::Unknown => "unknown",
        }
    }
}

impl fmt::Display for VMEventType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One virtual network interface.
///
/// Build one with [`NetworkInterface::builder`], which checks the spec's constraints.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
// Inputs read missing fields as defaults, so validation (not serde) names what is wrong.
#[serde(default)]
pub struct NetworkInterface {
    /// Interface name in the guest.
    pub name: String,
    /// Device model.

    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    /// MAC address.

    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mac: Option<String>,
    /// Host bridge.

    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bridge: Option<String>,
    /// VLAN id.

    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vlan: Option<u16>,
    /// Static IPv4 or IPv6 address.

    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip_address: Option<String>,
    /// Netmask.

    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub netmask: Option<String>,
    /// Bandwidth limit in bits/s.

    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bandwidth: Option<u64>,
}

/// Network settings of a VM.
///
/// Build one with [`NetworkConfig::builder`], which checks the spec's constraints.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
// Inputs read missing fields as defaults, so validation (not serde) names what is wrong.
#[serde(default)]
pub struct NetworkConfig {
    /// Network mode.

    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
    /// Interfaces.

    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interfaces: Option<Vec<NetworkInterface>>,
    /// DNS servers.

    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dns: Option<Vec<String>>,
    /// Default gateway.

    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gateway: Option<String>,
    /// MTU in bytes.

    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mtu: Option<u16>,
}

/// Placement constraints.
///
/// Build one with [`Affinity::builder`], which checks the spec's constraints.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
// Inputs read missing fields as defaults, so validation (not serde) names what is wrong.
#[serde(default)]
pub struct Affinity {
    /// Labels a node must carry.

    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub node_selector: Option<HashMap<String, String>>,
    /// The VM must run on one of these nodes.

    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required_nodes: Option<Vec<String>>,
    /// Nodes tried first.

    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preferred_nodes: Option<Vec<String>>,
    /// VM ids that must not share a node with this one.

    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anti_affinity_vms: Option<Vec<String>>,
}

/// Desired configuration of a VM.
///
/// Build one with [`VMConfig::builder`], which checks the spec's constraints.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
// Inputs read missing fields as defaults, so validation (not serde) names what is wrong.
#[serde(default)]
pub struct VMConfig {
    /// DNS-label name, 1-63 characters.
    pub name: String,
    /// Memory in bytes (at least 512 MiB).
    pub memory: u64,
    /// Virtual CPUs (1-128).
    pub cpus: u16,
    /// Root disk size in bytes (at least 1 GiB; default 20 GiB).

    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disk: Option<u64>,
    /// Boot image (default ubuntu-22.04).

    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// Network settings.

    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network: Option<NetworkConfig>,
    /// Cloud-init user data.

    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cloud_init: Option<String>,
    /// Labels for selection.

    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub labels: Option<HashMap<String, String>>,
    /// Free-form annotations.

    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annotations: Option<HashMap<String, String>>,
    /// Scheduling priority (0-10).

    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<u16>,
    /// Placement constraints.

    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affinity: Option<Affinity>,
    /// Attach a GPU.

    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enable_gpu: Option<bool>,
    /// GPU model.

    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gpu_type: Option<String>,
    /// Attach a virtual TPM.

    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enable_tpm: Option<bool>,
    /// Use UEFI secure boot.

    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enable_secure_boot: Option<bool>,
    /// Host CPUs to pin vCPUs to.

    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cpu_pinning: Option<Vec<u32>>,
    /// Host NUMA nodes.

    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numa_nodes: Option<Vec<u32>>,
    /// Back memory with huge pages.

    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub huge_pages: Option<bool>,
    /// Dedicated IO threads.

    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub io_threads: Option<u16>,
    /// Memory hot-plug ceiling in bytes.

    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memory_max: Option<u64>,
    /// CPU quota in percent.

    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cpu_quota: Option<u16>,
    /// Disk IOPS limit.

    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disk_iops_limit: Option<u64>,
    /// Network bandwidth limit in bits/s.

    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network_bandwidth: Option<u64>,
}

/// Resource usage of a VM over a window (or one sample of a stream).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct VMMetrics {
    /// VM id.
    pub vm_id: String,
    /// End of the window.
    pub timestamp: Timestamp,
    /// CPU usage in percent.
    pub cpu_usage: f64,
    /// Memory in use, bytes.
    pub memory_used: u64,
    /// Memory free, bytes.
    pub memory_available: u64,
    /// Bytes read in the window.
    pub disk_read: u64,
    /// Bytes written in the window.
    pub disk_write: u64,
    /// Bytes received in the window.
    pub network_rx: u64,
    /// Bytes sent in the window.
    pub network_tx: u64,
}

/// A virtual machine.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct VM {
    /// Server-assigned id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Lifecycle state.
    pub state: VMState,
    /// Configuration.

    #[serde(default)]
    pub config: VMConfig,
    /// Node the VM runs on.
    pub node: String,
    /// Creation time.
    pub created_at: Timestamp,
    /// Last change.
    pub updated_at: Timestamp,
    /// Last start.

    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started_at: Option<Timestamp>,
    /// Last stop.

    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stopped_at: Option<Timestamp>,
    /// Latest metrics, when known.

    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metrics: Option<VMMetrics>,
    /// Labels (same as config.labels).

    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub labels: Option<HashMap<String, String>>,
}

/// One page of VMs.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct VMList {
    /// The page.
    pub vms: Vec<VM>,
    /// Token of the next page; empty on the last.

    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_page_token: Option<String>,
}

/// How to migrate a VM. Zero values mean the server's defaults.
///
/// Build one with [`MigrationOptions::builder`], which checks the spec's constraints.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
// Inputs read missing fields as defaults, so validation (not serde) names what is wrong.
#[serde(default)]
pub struct MigrationOptions {
    /// Keep the VM running (pre-copy); false stops it, copies, starts it on the target.

    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub live: Option<bool>,
    /// Longest pause allowed, ms (0: 500).

    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_downtime: Option<u16>,
    /// Link bandwidth for the copy, bits/s (0: the node's link).

    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bandwidth: Option<u64>,
    /// Compress pages in flight.

    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compression: Option<bool>,
    /// Throttle the guest when rounds do not converge.

    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auto_converge: Option<bool>,
    /// Switch to post-copy after a few rounds.

    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub post_copy: Option<bool>,
    /// Parallel copy streams (0: 1).

    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parallel: Option<u16>,
    /// Verify memory checksums as a last phase.

    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verify_checksum: Option<bool>,
    /// Encrypt the migration stream.

    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encrypt_transport: Option<bool>,
}

/// Body of a migrate call.
///
/// Build one with [`MigrateRequest::builder`], which checks the spec's constraints.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
// Inputs read missing fields as defaults, so validation (not serde) names what is wrong.
#[serde(default)]
pub struct MigrateRequest {
    /// Node to move to.
    pub target_node: String,
    /// Options.

    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<MigrationOptions>,
}

/// Progress of a migration (a long-running operation).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct MigrationStatus {
    /// Migration id.
    pub id: String,
    /// VM id.
    pub vm_id: String,
    /// Source node.
    pub source_node: String,
    /// Target node.
    pub target_node: String,
    /// State.
    pub state: MigrationState,
    /// Phase.
    pub phase: MigrationPhase,
    /// Percent done (0-100); never decreases.
    pub progress: f64,
    /// Pre-copy round.
    pub round: u32,
    /// Bytes to move.
    pub bytes_total: u64,
    /// Bytes moved so far.
    pub bytes_sent: u64,
    /// Effective throughput in bytes/s.
    pub throughput: u64,
    /// VM pause in ms (final once completed).
    pub downtime: u32,
    /// Start time.
    pub started_at: Timestamp,
    /// End time.

    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed_at: Option<Timestamp>,
    /// Why the migration failed.

    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// How to take a snapshot.
///
/// Build one with [`SnapshotOptions::builder`], which checks the spec's constraints.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
// Inputs read missing fields as defaults, so validation (not serde) names what is wrong.
#[serde(default)]
pub struct SnapshotOptions {
    /// Include the memory image.

    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub include_memory: Option<bool>,
    /// Description.

    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Quiesce the guest file systems first.

    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quiesce: Option<bool>,
}

/// Body of a snapshot call.
///
/// Build one with [`SnapshotRequest::builder`], which checks the spec's constraints.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
// Inputs read missing fields as defaults, so validation (not serde) names what is wrong.
#[serde(default)]
pub struct SnapshotRequest {
    /// Snapshot name.
    pub name: String,
    /// Options.

    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<SnapshotOptions>,
}

/// A point-in-time copy of a VM.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Snapshot {
    /// Snapshot id.
    pub id: String,
    /// VM id.
    pub vm_id: String,
    /// Name.
    pub name: String,
    /// Description.

    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Size in bytes.
    pub size: u64,
    /// Whether memory is included.
    pub include_memory: bool,
    /// Creation time.
    pub created_at: Timestamp,
    /// Parent snapshot id.

    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
}

/// One page of snapshots.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SnapshotList {
    /// The page.
    pub snapshots: Vec<Snapshot>,
    /// Token of the next page; empty on the last.

    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_page_token: Option<String>,
}

/// Body of a stop call.
///
/// Build one with [`StopRequest::builder`], which checks the spec's constraints.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
// Inputs read missing fields as defaults, so validation (not serde) names what is wrong.
#[serde(default)]
pub struct StopRequest {
    /// Power off at once instead of a graceful shutdown.

    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub force: Option<bool>,
}

/// Something that happened to a VM.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct VMEvent {
    /// Monotonic event id (the SSE id).
    pub id: u64,
    /// Kind.

    #[serde(rename = "type")]
    pub event_type: VMEventType,
    /// The VM after the event; on a gap, its current state.

    #[serde(default)]
    pub vm: VM,
    /// When it happened.
    pub timestamp: Timestamp,
    /// Human-readable text.
    pub message: String,
}

/// Server health.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct HealthStatus {
    /// "ok" when serving.
    pub status: String,
    /// Server version.
    pub version: String,
    /// Uptime in ms.

    #[serde(with = "crate::runtime::timestamp::duration_ms")]
    pub uptime: Duration,
}

/// Result of authenticating (what connect receives).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SessionInfo {
    /// The key was accepted.
    pub authenticated: bool,
    /// Id of this session.
    pub session_id: String,
    /// Server version.
    pub server_version: String,
}

/// The typed error inside an error body.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ErrorDetail {
    /// Catalogue name, e.g. VMNotFoundError.

    #[serde(rename = "type")]
    pub error_type: String,
    /// Wire code.
    pub code: String,
    /// Human-readable text.
    pub message: String,
    /// Request id.

    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    /// Whether retrying may succeed.
    pub retryable: bool,
    /// Structured details (field, limit, ...).

    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<HashMap<String, serde_json::Value>>,
}

/// Body of every error response.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ErrorBody {
    /// The error.

    #[serde(default)]
    pub error: ErrorDetail,
}
