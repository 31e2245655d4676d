# Code generated from spec/dwcp.yaml by generator/; DO NOT EDIT.
"""Models of the spec (pydantic v2, rendered straight from the IR); constraints are checked on build."""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar, Literal, Optional

from pydantic import Field

from ._enums import MigrationPhase, MigrationState, VMEventType, VMState
from ._errors import CATALOGUE
from ._runtime.errors import Catalogue
from ._runtime.model import Model

__all__ = [
    "NetworkInterface",
    "NetworkConfig",
    "Affinity",
    "VMConfig",
    "VMMetrics",
    "VM",
    "VMList",
    "MigrationOptions",
    "MigrateRequest",
    "MigrationStatus",
    "SnapshotOptions",
    "SnapshotRequest",
    "Snapshot",
    "SnapshotList",
    "StopRequest",
    "VMEvent",
    "HealthStatus",
    "SessionInfo",
    "ErrorDetail",
    "ErrorBody",
]


class _Model(Model):
    catalogue: ClassVar[Catalogue] = CATALOGUE


class NetworkInterface(_Model):
    """One virtual network interface."""

    name: str = Field(pattern=r"^[a-z][a-z0-9]{0,14}$")
    """Interface name in the guest."""
    type: Optional[Literal["virtio", "e1000", "rtl8139"]] = None
    """Device model."""
    mac: Optional[str] = Field(None, pattern=r"^([0-9a-f]{2}:){5}[0-9a-f]{2}$")
    """MAC address."""
    bridge: Optional[str] = None
    """Host bridge."""
    vlan: Optional[int] = Field(None, ge=0, le=4094)
    """VLAN id."""
    ip_address: Optional[str] = None
    """Static IPv4 or IPv6 address."""
    netmask: Optional[str] = None
    """Netmask."""
    bandwidth: Optional[int] = Field(None, ge=0)
    """Bandwidth limit in bits/s."""


class NetworkConfig(_Model):
    """Network settings of a VM."""

    mode: Optional[Literal["bridge", "nat", "host", "none"]] = None
    """Network mode."""
    interfaces: Optional[list[NetworkInterface]] = Field(None, max_length=16)
    """Interfaces."""
    dns: Optional[list[str]] = Field(None, max_length=8)
    """DNS servers."""
    gateway: Optional[str] = None
    """Default gateway."""
    mtu: Optional[int] = Field(None, ge=576, le=9216)
    """MTU in bytes."""


class Affinity(_Model):
    """Placement constraints."""

    node_selector: Optional[dict[str, str]] = None
    """Labels a node must carry."""
    required_nodes: Optional[list[str]] = None
    """The VM must run on one of these nodes."""
    preferred_nodes: Optional[list[str]] = None
    """Nodes tried first."""
    anti_affinity_vms: Optional[list[str]] = None
    """VM ids that must not share a node with this one."""


class VMConfig(_Model):
    """Desired configuration of a VM."""

    name: str = Field(pattern=r"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")
    """DNS-label name, 1-63 characters."""
    memory: int = Field(ge=536870912, le=4398046511104)
    """Memory in bytes (at least 512 MiB)."""
    cpus: int = Field(ge=1, le=128)
    """Virtual CPUs (1-128)."""
    disk: int = Field(21474836480, ge=1073741824, le=70368744177664)
    """Root disk size in bytes (at least 1 GiB; default 20 GiB)."""
    image: str = Field("ubuntu-22.04", min_length=1, max_length=253)
    """Boot image (default ubuntu-22.04)."""
    network: Optional[NetworkConfig] = None
    """Network settings."""
    cloud_init: Optional[str] = Field(None, max_length=65536)
    """Cloud-init user data."""
    labels: Optional[dict[str, str]] = None
    """Labels for selection."""
    annotations: Optional[dict[str, str]] = None
    """Free-form annotations."""
    priority: Optional[int] = Field(None, ge=0, le=10)
    """Scheduling priority (0-10)."""
    affinity: Optional[Affinity] = None
    """Placement constraints."""
    enable_gpu: Optional[bool] = None
    """Attach a GPU."""
    gpu_type: Optional[str] = None
    """GPU model."""
    enable_tpm: Optional[bool] = None
    """Attach a virtual TPM."""
    enable_secure_boot: Optional[bool] = None
    """Use UEFI secure boot."""
    cpu_pinning: Optional[list[int]] = Field(None, max_length=128)
    """Host CPUs to pin vCPUs to."""
    numa_nodes: Optional[list[int]] = Field(None, max_length=64)
    """Host NUMA nodes."""
    huge_pages: Optional[bool] = None
    """Back memory with huge pages."""
    io_threads: Optional[int] = Field(None, ge=0, le=64)
    """Dedicated IO threads."""
    memory_max: Optional[int] = Field(None, ge=0)
    """Memory hot-plug ceiling in bytes."""
    cpu_quota: Optional[int] = Field(None, ge=0, le=100)
    """CPU quota in percent."""
    disk_iops_limit: Optional[int] = Field(None, ge=0)
    """Disk IOPS limit."""
    network_bandwidth: Optional[int] = Field(None, ge=0)
    """Network bandwidth limit in bits/s."""


class VMMetrics(_Model):
    """Resource usage of a VM over a window (or one sample of a stream)."""

    vm_id: str
    """VM id."""
    timestamp: datetime
    """End of the window."""
    cpu_usage: float
    """CPU usage in percent."""
    memory_used: int
    """Memory in use, bytes."""
    memory_available: int
    """Memory free, bytes."""
    disk_read: int
    """Bytes read in the window."""
    disk_write: int
    """Bytes written in the window."""
    network_rx: int
    """Bytes received in the window."""
    network_tx: int
    """Bytes sent in the window."""


class VM(_Model):
    """A virtual machine."""

    id: str
    """Server-assigned id."""
    name: str
    """Name."""
    state: VMState
    """Lifecycle state."""
    config: VMConfig
    """Configuration."""
    node: str
    """Node the VM runs on."""
    created_at: datetime
    """Creation time."""
    updated_at: datetime
    """Last change."""
    started_at: Optional[datetime] = None
    """Last start."""
    stopped_at: Optional[datetime] = None
    """Last stop."""
    metrics: Optional[VMMetrics] = None
    """Latest metrics, when known."""
    labels: Optional[dict[str, str]] = None
    """Labels (same as config.labels)."""


class VMList(_Model):
    """One page of VMs."""

    vms: list[VM]
    """The page."""
    next_page_token: Optional[str] = None
    """Token of the next page; empty on the last."""


class MigrationOptions(_Model):
    """How to migrate a VM. Zero values mean the server's defaults."""

    live: Optional[bool] = None
    """Keep the VM running (pre-copy); false stops it, copies, starts it on the target."""
    max_downtime: Optional[int] = Field(None, ge=0, le=60000)
    """Longest pause allowed, ms (0: 500)."""
    bandwidth: Optional[int] = Field(None, ge=0)
    """Link bandwidth for the copy, bits/s (0: the node's link)."""
    compression: Optional[bool] = None
    """Compress pages in flight."""
    auto_converge: Optional[bool] = None
    """Throttle the guest when rounds do not converge."""
    post_copy: Optional[bool] = None
    """Switch to post-copy after a few rounds."""
    parallel: Optional[int] = Field(None, ge=0, le=16)
    """Parallel copy streams (0: 1)."""
    verify_checksum: Optional[bool] = None
    """Verify memory checksums as a last phase."""
    encrypt_transport: Optional[bool] = None
    """Encrypt the migration stream."""


class MigrateRequest(_Model):
    """Body of a migrate call."""

    target_node: str = Field(min_length=1)
    """Node to move to."""
    options: Optional[MigrationOptions] = None
    """Options."""


class MigrationStatus(_Model):
    """Progress of a migration (a long-running operation)."""

    id: str
    """Migration id."""
    vm_id: str
    """VM id."""
    source_node: str
    """Source node."""
    target_node: str
    """Target node."""
    state: MigrationState
    """State."""
    phase: MigrationPhase
    """Phase."""
    progress: float
    """Percent done (0-100); never decreases."""
    round: int
    """Pre-copy round."""
    bytes_total: int
    """Bytes to move."""
    bytes_sent: int
    """Bytes moved so far."""
    throughput: int
    """Effective throughput in bytes/s."""
    downtime: int
    """VM pause in ms (final once completed)."""
    started_at: datetime
    """Start time."""
    completed_at: Optional[datetime] = None
    """End time."""
    error: Optional[str] = None
    """Why the migration failed."""


class SnapshotOptions(_Model):
    """How to take a snapshot."""

    include_memory: Optional[bool] = None
    """Include the memory image."""
    description: Optional[str] = Field(None, max_length=1024)
    """Description."""
    quiesce: Optional[bool] = None
    """Quiesce the guest file systems first."""


class SnapshotRequest(_Model):
    """Body of a snapshot call."""

    name: str = Field(pattern=r"^[a-zA-Z0-9][a-zA-Z0-9._-]{0,62}$")
    """Snapshot name."""
    options: Optional[SnapshotOptions] = None
    """Options."""


class Snapshot(_Model):
    """A point-in-time copy of a VM."""

    id: str
    """Snapshot id."""
    vm_id: str
    """VM id."""
    name: str
    """Name."""
    description: Optional[str] = None
    """Description."""
    size: int
    """Size in bytes."""
    include_memory: bool
    """Whether memory is included."""
    created_at: datetime
    """Creation time."""
    parent: Optional[str] = None
    """Parent snapshot id."""


class SnapshotList(_Model):
    """One page of snapshots."""

    snapshots: list[Snapshot]
    """The page."""
    next_page_token: Optional[str] = None
    """Token of the next page; empty on the last."""


class StopRequest(_Model):
    """Body of a stop call."""

    force: Optional[bool] = None
    """Power off at once instead of a graceful shutdown."""


class VMEvent(_Model):
    """Something that happened to a VM."""

    id: int
    """Monotonic event id (the SSE id)."""
    type: VMEventType
    """Kind."""
    vm: VM
    """The VM after the event; on a gap, its current state."""
    timestamp: datetime
    """When it happened."""
    message: str
    """Human-readable text."""


class HealthStatus(_Model):
    """Server health."""

    status: str
    """"ok" when serving."""
    version: str
    """Server version."""
    uptime: int
    """Uptime in ms."""


class SessionInfo(_Model):
    """Result of authenticating (what connect receives)."""

    authenticated: bool
    """The key was accepted."""
    session_id: str
    """Id of this session."""
    server_version: str
    """Server version."""


class ErrorDetail(_Model):
    """The typed error inside an error body."""

    type: str
    """Catalogue name, e.g. VMNotFoundError."""
    code: str
    """Wire code."""
    message: str
    """Human-readable text."""
    request_id: Optional[str] = None
    """Request id."""
    retryable: bool
    """Whether retrying may succeed."""
    details: Optional[dict[str, Any]] = None
    """Structured details (field, limit, ...)."""


class ErrorBody(_Model):
    """Body of every error response."""

    error: ErrorDetail
    """The error."""
