// Code generated from spec/dwcp.yaml by generator/; DO NOT EDIT.

package dwcp

import (
	"encoding/json"
	"time"
)

// VMState is the lifecycle state of a VM.
type VMState string

// Values of VMState.
const (
	// Being placed and provisioned.
	VMStateCreating VMState = "creating"
	// Provisioned and powered off.
	VMStateStopped VMState = "stopped"
	// Booting.
	VMStateStarting VMState = "starting"
	// Running.
	VMStateRunning VMState = "running"
	// Shutting down.
	VMStateStopping VMState = "stopping"
	// Moving to another node.
	VMStateMigrating VMState = "migrating"
	// Being restored from a snapshot.
	VMStateRestoring VMState = "restoring"
	// Failed; only destroy is allowed.
	VMStateError VMState = "error"
	// A state this SDK does not know (sent by a newer server).
	VMStateUnknown VMState = "unknown"
)

// UnmarshalJSON decodes a VMState; a value this SDK does not know becomes VMStateUnknown.
func (v *VMState) UnmarshalJSON(b []byte) error {
	var s string
	if len(b) >= 2 && b[0] == '"' && b[len(b)-1] == '"' && !hasEscape(b) {
		s = string(b[1 : len(b)-1])
	} else if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	switch VMState(s) {
	case VMStateCreating, VMStateStopped, VMStateStarting, VMStateRunning, VMStateStopping, VMStateMigrating, VMStateRestoring, VMStateError:
		*v = VMState(s)
	default:
		*v = VMStateUnknown
	}
	return nil
}

// MigrationState is the state of a live migration.
type MigrationState string

// Values of MigrationState.
const (
	// Accepted, not started.
	MigrationStatePending MigrationState = "pending"
	// Copying memory.
	MigrationStateRunning MigrationState = "running"
	// The VM runs on the target node.
	MigrationStateCompleted MigrationState = "completed"
	// Stopped with an error; the VM stays on its source node.
	MigrationStateFailed MigrationState = "failed"
	// Cancelled; the VM stays on its source node.
	MigrationStateCancelled MigrationState = "cancelled"
	// A state this SDK does not know.
	MigrationStateUnknown MigrationState = "unknown"
)

// UnmarshalJSON decodes a MigrationState; a value this SDK does not know becomes MigrationStateUnknown.
func (v *MigrationState) UnmarshalJSON(b []byte) error {
	var s string
	if len(b) >= 2 && b[0] == '"' && b[len(b)-1] == '"' && !hasEscape(b) {
		s = string(b[1 : len(b)-1])
	} else if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	switch MigrationState(s) {
	case MigrationStatePending, MigrationStateRunning, MigrationStateCompleted, MigrationStateFailed, MigrationStateCancelled:
		*v = MigrationState(s)
	default:
		*v = MigrationStateUnknown
	}
	return nil
}

// MigrationPhase is the phase of a running migration.
type MigrationPhase string

// Values of MigrationPhase.
const (
	// Reserving the target.
	MigrationPhaseSetup MigrationPhase = "setup"
	// Iterative pre-copy rounds.
	MigrationPhasePrecopy MigrationPhase = "precopy"
	// The VM runs on the target and pulls the remaining pages.
	MigrationPhasePostcopy MigrationPhase = "postcopy"
	// The VM is paused while the last pages move.
	MigrationPhaseStopAndCopy MigrationPhase = "stop_and_copy"
	// Checksums are compared.
	MigrationPhaseVerify MigrationPhase = "verify"
	// Finished.
	MigrationPhaseDone MigrationPhase = "done"
	// A phase this SDK does not know.
	MigrationPhaseUnknown MigrationPhase = "unknown"
)

// UnmarshalJSON decodes a MigrationPhase; a value this SDK does not know becomes MigrationPhaseUnknown.
func (v *MigrationPhase) UnmarshalJSON(b []byte) error {
	var s string
	if len(b) >= 2 && b[0] == '"' && b[len(b)-1] == '"' && !hasEscape(b) {
		s = string(b[1 : len(b)-1])
	} else if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	switch MigrationPhase(s) {
	case MigrationPhaseSetup, MigrationPhasePrecopy, MigrationPhasePostcopy, MigrationPhaseStopAndCopy, MigrationPhaseVerify, MigrationPhaseDone:
		*v = MigrationPhase(s)
	default:
		*v = MigrationPhaseUnknown
	}
	return nil
}

// VMEventType is the kind of a VM event.
type VMEventType string

// Values of VMEventType.
const (
	// The VM was created.
	VMEventTypeCreated VMEventType = "created"
	// The VM changed state.
	VMEventTypeStateChanged VMEventType = "state_changed"
	// A migration began.
	VMEventTypeMigrationStarted VMEventType = "migration_started"
	// A migration completed.
	VMEventTypeMigrationCompleted VMEventType = "migration_completed"
	// A migration failed or was cancelled.
	VMEventTypeMigrationFailed VMEventType = "migration_failed"
	// A snapshot was taken.
	VMEventTypeSnapshotCreated VMEventType = "snapshot_created"
	// A snapshot was restored.
	VMEventTypeSnapshotRestored VMEventType = "snapshot_restored"
	// The VM was destroyed.
	VMEventTypeDestroyed VMEventType = "destroyed"
	// Events were lost: the resume point is past the server's retention.
	VMEventTypeGap VMEventType = "gap"
	// An event type this SDK does not know.
	VMEventTypeUnknown VMEventType = "unknown"
)

// UnmarshalJSON decodes a VMEventType; a value this SDK does not know becomes VMEventTypeUnknown.
func (v *VMEventType) UnmarshalJSON(b []byte) error {
	var s string
	if len(b) >= 2 && b[0] == '"' && b[len(b)-1] == '"' && !hasEscape(b) {
		s = string(b[1 : len(b)-1])
	} else if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	switch VMEventType(s) {
	case VMEventTypeCreated, VMEventTypeStateChanged, VMEventTypeMigrationStarted, VMEventTypeMigrationCompleted, VMEventTypeMigrationFailed, VMEventTypeSnapshotCreated, VMEventTypeSnapshotRestored, VMEventTypeDestroyed, VMEventTypeGap:
		*v = VMEventType(s)
	default:
		*v = VMEventTypeUnknown
	}
	return nil
}

// NetIf is one virtual network interface.
type NetIf struct {
	// Interface name in the guest.
	Name string `json:"name"`
	// Device model.
	Type string `json:"type,omitempty"`
	// MAC address.
	MAC string `json:"mac,omitempty"`
	// Host bridge.
	Bridge string `json:"bridge,omitempty"`
	// VLAN id.
	Vlan int `json:"vlan,omitempty"`
	// Static IPv4 or IPv6 address.
	IPAddress string `json:"ip_address,omitempty"`
	// Netmask.
	Netmask string `json:"netmask,omitempty"`
	// Bandwidth limit in bits/s.
	Bandwidth int64 `json:"bandwidth,omitempty"`
}

// isZero reports whether every field of the NetIf is unset.
func (x NetIf) isZero() bool {
	return x.Name == "" &&
		x.Type == "" &&
		x.MAC == "" &&
		x.Bridge == "" &&
		x.Vlan == 0 &&
		x.IPAddress == "" &&
		x.Netmask == "" &&
		x.Bandwidth == 0
}

// NetworkConfig is the network settings of a VM.
type NetworkConfig struct {
	// Network mode.
	Mode string `json:"mode,omitempty"`
	// Interfaces.
	Interfaces []NetIf `json:"interfaces,omitempty"`
	// DNS servers.
	DNS []string `json:"dns,omitempty"`
	// Default gateway.
	Gateway string `json:"gateway,omitempty"`
	// MTU in bytes.
	MTU int `json:"mtu,omitempty"`
}

// isZero reports whether every field of the NetworkConfig is unset.
func (x NetworkConfig) isZero() bool {
	return x.Mode == "" &&
		len(x.Interfaces) == 0 &&
		len(x.DNS) == 0 &&
		x.Gateway == "" &&
		x.MTU == 0
}

// Affinity is the placement constraints.
type Affinity struct {
	// Labels a node must carry.
	NodeSelector map[string]string `json:"node_selector,omitempty"`
	// The VM must run on one of these nodes.
	RequiredNodes []string `json:"required_nodes,omitempty"`
	// Nodes tried first.
	PreferredNodes []string `json:"preferred_nodes,omitempty"`
	// VM ids that must not share a node with this one.
	AntiAffinityVMs []string `json:"anti_affinity_vms,omitempty"`
}

// isZero reports whether every field of the Affinity is unset.
func (x Affinity) isZero() bool {
	return len(x.NodeSelector) == 0 &&
		len(x.RequiredNodes) == 0 &&
		len(x.PreferredNodes) == 0 &&
		len(x.AntiAffinityVMs) == 0
}

// VMConfig is the desired configuration of a VM.
type VMConfig struct {
	// DNS-label name, 1-63 characters.
	Name string `json:"name"`
	// Memory in bytes (at least 512 MiB).
	Memory int64 `json:"memory"`
	// Virtual CPUs (1-128).
	CPUs int `json:"cpus"`
	// Root disk size in bytes (at least 1 GiB; default 20 GiB).
	Disk int64 `json:"disk,omitempty"`
	// Boot image (default ubuntu-22.04).
	Image string `json:"image,omitempty"`
	// Network settings.
	Network NetworkConfig `json:"network,omitempty"`
	// Cloud-init user data.
	CloudInit string `json:"cloud_init,omitempty"`
	// Labels for selection.
	Labels map[string]string `json:"labels,omitempty"`
	// Free-form annotations.
	Annotations map[string]string `json:"annotations,omitempty"`
	// Scheduling priority (0-10).
	Priority int `json:"priority,omitempty"`
	// Placement constraints.
	Affinity *Affinity `json:"affinity,omitempty"`
	// Attach a GPU.
	EnableGPU bool `json:"enable_gpu,omitempty"`
	// GPU model.
	GPUType string `json:"gpu_type,omitempty"`
	// Attach a virtual TPM.
	EnableTPM bool `json:"enable_tpm,omitempty"`
	// Use UEFI secure boot.
	EnableSecureBoot bool `json:"enable_secure_boot,omitempty"`
	// Host CPUs to pin vCPUs to.
	CPUPinning []int `json:"cpu_pinning,omitempty"`
	// Host NUMA nodes.
	NUMANodes []int `json:"numa_nodes,omitempty"`
	// Back memory with huge pages.
	HugePages bool `json:"huge_pages,omitempty"`
	// Dedicated IO threads.
	IOThreads int `json:"io_threads,omitempty"`
	// Memory hot-plug ceiling in bytes.
	MemoryMax int64 `json:"memory_max,omitempty"`
	// CPU quota in percent.
	CPUQuota int `json:"cpu_quota,omitempty"`
	// Disk IOPS limit.
	DiskIOPSLimit int64 `json:"disk_iops_limit,omitempty"`
	// Network bandwidth limit in bits/s.
	NetworkBandwidth int64 `json:"network_bandwidth,omitempty"`
}

// isZero reports whether every field of the VMConfig is unset.
func (x VMConfig) isZero() bool {
	return x.Name == "" &&
		x.Memory == 0 &&
		x.CPUs == 0 &&
		x.Disk == 0 &&
		x.Image == "" &&
		x.Network.isZero() &&
		x.CloudInit == "" &&
		len(x.Labels) == 0 &&
		len(x.Annotations) == 0 &&
		x.Priority == 0 &&
		x.Affinity == nil &&
		!x.EnableGPU &&
		x.GPUType == "" &&
		!x.EnableTPM &&
		!x.EnableSecureBoot &&
		len(x.CPUPinning) == 0 &&
		len(x.NUMANodes) == 0 &&
		!x.HugePages &&
		x.IOThreads == 0 &&
		x.MemoryMax == 0 &&
		x.CPUQuota == 0 &&
		x.DiskIOPSLimit == 0 &&
		x.NetworkBandwidth == 0
}

// MarshalJSON leaves unset optional structs off the wire and sends durations as milliseconds.
func (x VMConfig) MarshalJSON() ([]byte, error) {
	type plain VMConfig
	wire := struct {
		plain
		Network *NetworkConfig `json:"network,omitempty"`
	}{plain: plain(x)}
	if !x.Network.isZero() {
		wire.Network = &x.Network
	}
	return json.Marshal(wire)
}

// VMMetrics is the resource usage of a VM over a window (or one sample of a stream).
type VMMetrics struct {
	// VM id.
	VMID string `json:"vm_id"`
	// End of the window.
	Timestamp time.Time `json:"timestamp"`
	// CPU usage in percent.
	CPUUsage float64 `json:"cpu_usage"`
	// Memory in use, bytes.
	MemoryUsed int64 `json:"memory_used"`
	// Memory free, bytes.
	MemoryAvailable int64 `json:"memory_available"`
	// Bytes read in the window.
	DiskRead int64 `json:"disk_read"`
	// Bytes written in the window.
	DiskWrite int64 `json:"disk_write"`
	// Bytes received in the window.
	NetworkRx int64 `json:"network_rx"`
	// Bytes sent in the window.
	NetworkTx int64 `json:"network_tx"`
}

// isZero reports whether every field of the VMMetrics is unset.
func (x VMMetrics) isZero() bool {
	return x.VMID == "" &&
		x.Timestamp.IsZero() &&
		x.CPUUsage == 0 &&
		x.MemoryUsed == 0 &&
		x.MemoryAvailable == 0 &&
		x.DiskRead == 0 &&
		x.DiskWrite == 0 &&
		x.NetworkRx == 0 &&
		x.NetworkTx == 0
}

// VM is a virtual machine.
type VM struct {
	// Server-assigned id.
	ID string `json:"id"`
	// Name.
	Name string `json:"name"`
	// Lifecycle state.
	State VMState `json:"state"`
	// Configuration.
	Config VMConfig `json:"config"`
	// Node the VM runs on.
	Node string `json:"node"`
	// Creation time.
	CreatedAt time.Time `json:"created_at"`
	// Last change.
	UpdatedAt time.Time `json:"updated_at"`
	// Last start.
	StartedAt *time.Time `json:"started_at,omitempty"`
	// Last stop.
	StoppedAt *time.Time `json:"stopped_at,omitempty"`
	// Latest metrics, when known.
	Metrics *VMMetrics `json:"metrics,omitempty"`
	// Labels (same as config.labels).
	Labels map[string]string `json:"labels,omitempty"`
}

// isZero reports whether every field of the VM is unset.
func (x VM) isZero() bool {
	return x.ID == "" &&
		x.Name == "" &&
		x.State == "" &&
		x.Config.isZero() &&
		x.Node == "" &&
		x.CreatedAt.IsZero() &&
		x.UpdatedAt.IsZero() &&
		x.StartedAt == nil &&
		x.StoppedAt == nil &&
		x.Metrics == nil &&
		len(x.Labels) == 0
}

// VMList is one page of VMs.
type VMList struct {
	// The page.
	VMs []VM `json:"vms"`
	// Token of the next page; empty on the last.
	NextPageToken string `json:"next_page_token,omitempty"`
}

// isZero reports whether every field of the VMList is unset.
func (x VMList) isZero() bool {
	return len(x.VMs) == 0 &&
		x.NextPageToken == ""
}

// MigrationOptions says how to migrate a VM. Zero values mean the server's defaults.
type MigrationOptions struct {
	// Keep the VM running (pre-copy); false stops it, copies, starts it on the target.
	Live bool `json:"live,omitempty"`
	// Longest pause allowed, ms (0: 500).
	MaxDowntime int `json:"max_downtime,omitempty"`
	// Link bandwidth for the copy, bits/s (0: the node's link).
	Bandwidth int64 `json:"bandwidth,omitempty"`
	// Compress pages in flight.
	Compression bool `json:"compression,omitempty"`
	// Throttle the guest when rounds do not converge.
	AutoConverge bool `json:"auto_converge,omitempty"`
	// Switch to post-copy after a few rounds.
	PostCopy bool `json:"post_copy,omitempty"`
	// Parallel copy streams (0: 1).
	Parallel int `json:"parallel,omitempty"`
	// Verify memory checksums as a last phase.
	VerifyChecksum bool `json:"verify_checksum,omitempty"`
	// Encrypt the migration stream.
	EncryptTransport bool `json:"encrypt_transport,omitempty"`
}

// isZero reports whether every field of the MigrationOptions is unset.
func (x MigrationOptions) isZero() bool {
	return !x.Live &&
		x.MaxDowntime == 0 &&
		x.Bandwidth == 0 &&
		!x.Compression &&
		!x.AutoConverge &&
		!x.PostCopy &&
		x.Parallel == 0 &&
		!x.VerifyChecksum &&
		!x.EncryptTransport
}

// MigrateRequest is the body of a migrate call.
type MigrateRequest struct {
	// Node to move to.
	TargetNode string `json:"target_node"`
	// Options.
	Options MigrationOptions `json:"options,omitempty"`
}

// isZero reports whether every field of the MigrateRequest is unset.
func (x MigrateRequest) isZero() bool {
	return x.TargetNode == "" &&
		x.Options.isZero()
}

// MarshalJSON leaves unset optional structs off the wire and sends durations as milliseconds.
func (x MigrateRequest) MarshalJSON() ([]byte, error) {
	type plain MigrateRequest
	wire := struct {
		plain
		Options *MigrationOptions `json:"options,omitempty"`
	}{plain: plain(x)}
	if !x.Options.isZero() {
		wire.Options = &x.Options
	}
	return json.Marshal(wire)
}

// MigrationStatus is the progress of a migration (a long-running operation).
type MigrationStatus struct {
	// Migration id.
	ID string `json:"id"`
	// VM id.
	VMID string `json:"vm_id"`
	// Source node.
	SourceNode string `json:"source_node"`
	// Target node.
	TargetNode string `json:"target_node"`
	// State.
	State MigrationState `json:"state"`
	// Phase.
	Phase MigrationPhase `json:"phase"`
	// Percent done (0-100); never decreases.
	Progress float64 `json:"progress"`
	// Pre-copy round.
	Round int `json:"round"`
	// Bytes to move.
	BytesTotal int64 `json:"bytes_total"`
	// Bytes moved so far.
	BytesSent int64 `json:"bytes_sent"`
	// Effective throughput in bytes/s.
	Throughput int64 `json:"throughput"`
	// VM pause in ms (final once completed).
	Downtime int `json:"downtime"`
	// Start time.
	StartedAt time.Time `json:"started_at"`
	// End time.
	CompletedAt *time.Time `json:"completed_at,omitempty"`
	// Why the migration failed.
	Error string `json:"error,omitempty"`
}

// isZero reports whether every field of the MigrationStatus is unset.
func (x MigrationStatus) isZero() bool {
	return x.ID == "" &&
		x.VMID == "" &&
		x.SourceNode == "" &&
		x.TargetNode == "" &&
		x.State == "" &&
		x.Phase == "" &&
		x.Progress == 0 &&
		x.Round == 0 &&
		x.BytesTotal == 0 &&
		x.BytesSent == 0 &&
		x.Throughput == 0 &&
		x.Downtime == 0 &&
		x.StartedAt.IsZero() &&
		x.CompletedAt == nil &&
		x.Error == ""
}

// SnapshotOptions says how to take a snapshot.
type SnapshotOptions struct {
	// Include the memory image.
	IncludeMemory bool `json:"include_memory,omitempty"`
	// Description.
	Description string `json:"description,omitempty"`
	// Quiesce the guest file systems first.
	Quiesce bool `json:"quiesce,omitempty"`
}

// isZero reports whether every field of the SnapshotOptions is unset.
func (x SnapshotOptions) isZero() bool {
	return !x.IncludeMemory &&
		x.Description == "" &&
		!x.Quiesce
}

// SnapshotRequest is the body of a snapshot call.
type SnapshotRequest struct {
	// Snapshot name.
	Name string `json:"name"`
	// Options.
	Options SnapshotOptions `json:"options,omitempty"`
}

// isZero reports whether every field of the SnapshotRequest is unset.
func (x SnapshotRequest) isZero() bool {
	return x.Name == "" &&
		x.Options.isZero()
}

// MarshalJSON leaves unset optional structs off the wire and sends durations as milliseconds.
func (x SnapshotRequest) MarshalJSON() ([]byte, error) {
	type plain SnapshotRequest
	wire := struct {
		plain
		Options *SnapshotOptions `json:"options,omitempty"`
	}{plain: plain(x)}
	if !x.Options.isZero() {
		wire.Options = &x.Options
	}
	return json.Marshal(wire)
}

// Snapshot is a point-in-time copy of a VM.
type Snapshot struct {
	// Snapshot id.
	ID string `json:"id"`
	// VM id.
	VMID string `json:"vm_id"`
	// Name.
	Name string `json:"name"`
	// Description.
	Description string `json:"description,omitempty"`
	// Size in bytes.
	Size int64 `json:"size"`
	// Whether memory is included.
	IncludeMemory bool `json:"include_memory"`
	// Creation time.
	CreatedAt time.Time `json:"created_at"`
	// Parent snapshot id.
	Parent string `json:"parent,omitempty"`
}

// isZero reports whether every field of the Snapshot is unset.
func (x Snapshot) isZero() bool {
	return x.ID == "" &&
		x.VMID == "" &&
		x.Name == "" &&
		x.Description == "" &&
		x.Size == 0 &&
		!x.IncludeMemory &&
		x.CreatedAt.IsZero() &&
		x.Parent == ""
}

// SnapshotList is one page of snapshots.
type SnapshotList struct {
	// The page.
	Snapshots []Snapshot `json:"snapshots"`
	// Token of the next page; empty on the last.
	NextPageToken string `json:"next_page_token,omitempty"`
}

// isZero reports whether every field of the SnapshotList is unset.
func (x SnapshotList) isZero() bool {
	return len(x.Snapshots) == 0 &&
		x.NextPageToken == ""
}

// StopRequest is the body of a stop call.
type StopRequest struct {
	// Power off at once instead of a graceful shutdown.
	Force bool `json:"force,omitempty"`
}

// isZero reports whether every field of the StopRequest is unset.
func (x StopRequest) isZero() bool {
	return !x.Force
}

// VMEvent is something that happened to a VM.
type VMEvent struct {
	// Monotonic event id (the SSE id).
	ID int64 `json:"id"`
	// Kind.
	Type VMEventType `json:"type"`
	// The VM after the event; on a gap, its current state.
	VM VM `json:"vm"`
	// When it happened.
	Timestamp time.Time `json:"timestamp"`
	// Human-readable text.
	Message string `json:"message"`
}

// isZero reports whether every field of the VMEvent is unset.
func (x VMEvent) isZero() bool {
	return x.ID == 0 &&
		x.Type == "" &&
		x.VM.isZero() &&
		x.Timestamp.IsZero() &&
		x.Message == ""
}

// HealthStatus is the server health.
type HealthStatus struct {
	// "ok" when serving.
	Status string `json:"status"`
	// Server version.
	Version string `json:"version"`
	// Uptime in ms.
	Uptime time.Duration `json:"uptime"`
}

// isZero reports whether every field of the HealthStatus is unset.
func (x HealthStatus) isZero() bool {
	return x.Status == "" &&
		x.Version == "" &&
		x.Uptime == 0
}

// MarshalJSON leaves unset optional structs off the wire and sends durations as milliseconds.
func (x HealthStatus) MarshalJSON() ([]byte, error) {
	type plain HealthStatus
	wire := struct {
		plain
		Uptime int64 `json:"uptime"`
	}{plain: plain(x)}
	wire.Uptime = x.Uptime.Milliseconds()
	return json.Marshal(wire)
}

// UnmarshalJSON reads durations sent as milliseconds.
func (x *HealthStatus) UnmarshalJSON(b []byte) error {
	type plain HealthStatus
	wire := struct {
		*plain
		Uptime float64 `json:"uptime"`
	}{plain: (*plain)(x)}
	if err := json.Unmarshal(b, &wire); err != nil {
		return err
	}
	x.Uptime = time.Duration(wire.Uptime * float64(time.Millisecond))
	return nil
}

// SessionInfo is the result of authenticating (what connect receives).
type SessionInfo struct {
	// The key was accepted.
	Authenticated bool `json:"authenticated"`
	// Id of this session.
	SessionID string `json:"session_id"`
	// Server version.
	ServerVersion string `json:"server_version"`
}

// isZero reports whether every field of the SessionInfo is unset.
func (x SessionInfo) isZero() bool {
	return !x.Authenticated &&
		x.SessionID == "" &&
		x.ServerVersion == ""
}

// ErrorDetail is the the typed error inside an error body.
type ErrorDetail struct {
	// Catalogue name, e.g. VMNotFoundError.
	Type string `json:"type"`
	// Wire code.
	Code string `json:"code"`
	// Human-readable text.
	Message string `json:"message"`
	// Request id.
	RequestID string `json:"request_id,omitempty"`
	// Whether retrying may succeed.
	Retryable bool `json:"retryable"`
	// Structured details (field, limit, ...).
	Details map[string]json.RawMessage `json:"details,omitempty"`
}

// isZero reports whether every field of the ErrorDetail is unset.
func (x ErrorDetail) isZero() bool {
	return x.Type == "" &&
		x.Code == "" &&
		x.Message == "" &&
		x.RequestID == "" &&
		!x.Retryable &&
		len(x.Details) == 0
}

// ErrorBody is the body of every error response.
type ErrorBody struct {
	// The error.
	Error ErrorDetail `json:"error"`
}

// isZero reports whether every field of the ErrorBody is unset.
func (x ErrorBody) isZero() bool {
	return x.Error.isZero()
}

// hasEscape reports whether a JSON string literal contains a backslash escape.
func hasEscape(b []byte) bool {
	for _, c := range b {
		if c == '\\' {
			return true
		}
	}
	return false
}
