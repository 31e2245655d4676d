// Code generated from spec/dwcp.yaml by generator/; DO NOT EDIT.

/** Lifecycle state of a VM. */
export enum VMState {
  /** Being placed and provisioned. */
  CREATING = 'creating',
  /** Provisioned and powered off. */
  STOPPED = 'stopped',
  /** Booting. */
  STARTING = 'starting',
  /** Running. */
  RUNNING = 'running',
  /** Shutting down. */
  STOPPING = 'stopping',
  /** Moving to another node. */
  MIGRATING = 'migrating',
  /** Being restored from a snapshot. */
  RESTORING = 'restoring',
  /** Failed; only destroy is allowed. */
  ERROR = 'error',
  /** A state this SDK does not know (sent by a newer server). */
  UNKNOWN = 'unknown',
}

/** State of a live migration. */
export enum MigrationState {
  /** Accepted, not started. */
  PENDING = 'pending',
  /** Copying memory. */
  RUNNING = 'running',
  /** The VM runs on the target node. */
  COMPLETED = 'completed',
  /** Stopped with an error; the VM stays on its source node. */
  FAILED = 'failed',
  /** Cancelled; the VM stays on its source node. */
  CANCELLED = 'cancelled',
  /** A state this SDK does not know. */
  UNKNOWN = 'unknown',
}

/** Phase of a running migration. */
export enum MigrationPhase {
  /** Reserving the target. */
  SETUP = 'setup',
  /** Iterative pre-copy rounds. */
  PRECOPY = 'precopy',
  /** The VM runs on the target and pulls the remaining pages. */
  POSTCOPY = 'postcopy',
  /** The VM is paused while the last pages move. */
  STOP_AND_COPY = 'stop_and_copy',
  /** Checksums are compared. */
  VERIFY = 'verify',
  /** Finished. */
  DONE = 'done',
  /** A phase this SDK does not know. */
  UNKNOWN = 'unknown',
}

/** Kind of a VM event. */
export enum VMEventType {
  /** The VM was created. */
  CREATED = 'created',
  /** The VM changed state. */
  STATE_CHANGED = 'state_changed',
  /** A migration began. */
  MIGRATION_STARTED = 'migration_started',
  /** A migration completed. */
  MIGRATION_COMPLETED = 'migration_completed',
  /** A migration failed or was cancelled. */
  MIGRATION_FAILED = 'migration_failed',
  /** A snapshot was taken. */
  SNAPSHOT_CREATED = 'snapshot_created',
  /** A snapshot was restored. */
  SNAPSHOT_RESTORED = 'snapshot_restored',
  /** The VM was destroyed. */
  DESTROYED = 'destroyed',
  /** Events were lost: the resume point is past the server's retention. */
  GAP = 'gap',
  /** An event type this SDK does not know. */
  UNKNOWN = 'unknown',
}

/** One virtual network interface. */
export interface NetworkInterface {
  /** Interface name in the guest. */
  name: string;
  /** Device model. */
  type?: string;
  /** MAC address. */
  mac?: string;
  /** Host bridge. */
  bridge?: string;
  /** VLAN id. */
  vlan?: number;
  /** Static IPv4 or IPv6 address. */
  ipAddress?: string;
  /** Netmask. */
  netmask?: string;
  /** Bandwidth limit in bits/s. */
  bandwidth?: number;
}

/** Network settings of a VM. */
export interface NetworkConfig {
  /** Network mode. */
  mode?: string;
  /** Interfaces. */
  interfaces?: NetworkInterface[];
  /** DNS servers. */
  dns?: string[];
  /** Default gateway. */
  gateway?: string;
  /** MTU in bytes. */
  mtu?: number;
}

/** Placement constraints. */
export interface Affinity {
  /** Labels a node must carry. */
  nodeSelector?: Record<string, string>;
  /** The VM must run on one of these nodes. */
  requiredNodes?: string[];
  /** Nodes tried first. */
  preferredNodes?: string[];
  /** VM ids that must not share a node with this one. */
  antiAffinityVms?: string[];
}

/** Desired configuration of a VM. */
export interface VMConfig {
  /** DNS-label name, 1-63 characters. */
  name: string;
  /** Memory in bytes (at least 512 MiB). */
  memory: number;
  /** Virtual CPUs (1-128). */
  cpus: number;
  /** Root disk size in bytes (at least 1 GiB; default 20 GiB). */
  disk?: number;
  /** Boot image (default ubuntu-22.04). */
  image?: string;
  /** Network settings. */
  network?: NetworkConfig;
  /** Cloud-init user data. */
  cloudInit?: string;
  /** Labels for selection. */
  labels?: Record<string, string>;
  /** Free-form annotations. */
  annotations?: Record<string, string>;
  /** Scheduling priority (0-10). */
  priority?: number;
  /** Placement constraints. */
  affinity?: Affinity;
  /** Attach a GPU. */
  enableGpu?: boolean;
  /** GPU model. */
  gpuType?: string;
  /** Attach a virtual TPM. */
  enableTpm?: boolean;
  /** Use UEFI secure boot. */
  enableSecureBoot?: boolean;
  /** Host CPUs to pin vCPUs to. */
  cpuPinning?: number[];
  /** Host NUMA nodes. */
  numaNodes?: number[];
  /** Back memory with huge pages. */
  hugePages?: boolean;
  /** Dedicated IO threads. */
  ioThreads?: number;
  /** Memory hot-plug ceiling in bytes. */
  memoryMax?: number;
  /** CPU quota in percent. */
  cpuQuota?: number;
  /** Disk IOPS limit. */
  diskIopsLimit?: number;
  /** Network bandwidth limit in bits/s. */
  networkBandwidth?: number;
}

/** Resource usage of a VM over a window (or one sample of a stream). */
export interface VMMetrics {
  /** VM id. */
  vmId: string;
  /** End of the window. */
  timestamp: Date;
  /** CPU usage in percent. */
  cpuUsage: number;
  /** Memory in use, bytes. */
  memoryUsed: number;
  /** Memory free, bytes. */
  memoryAvailable: number;
  /** Bytes read in the window. (bytes) */
  diskRead: number;
  /** Bytes written in the window. (bytes) */
  diskWrite: number;
  /** Bytes received in the window. (bytes) */
  networkRx: number;
  /** Bytes sent in the window. (bytes) */
  networkTx: number;
}

/** A virtual machine. */
export interface VM {
  /** Server-assigned id. */
  id: string;
  /** Name. */
  name: string;
  /** Lifecycle state. */
  state: VMState;
  /** Configuration. */
  config: VMConfig;
  /** Node the VM runs on. */
  node: string;
  /** Creation time. */
  createdAt: Date;
  /** Last change. */
  updatedAt: Date;
  /** Last start. */
  startedAt?: Date;
  /** Last stop. */
  stoppedAt?: Date;
  /** Latest metrics, when known. */
  metrics?: VMMetrics;
  /** Labels (same as config.labels). */
  labels?: Record<string, string>;
}

/** One page of VMs. */
export interface VMList {
  /** The page. */
  vms: VM[];
  /** Token of the next page; empty on the last. */
  nextPageToken?: string;
}

/** How to migrate a VM. Zero values mean the server's defaults. */
export interface MigrationOptions {
  /** Keep the VM running (pre-copy); false stops it, copies, starts it on the target. */
  live?: boolean;
  /** Longest pause allowed, ms (0: 500). */
  maxDowntime?: number;
  /** Link bandwidth for the copy, bits/s (0: the node's link). */
  bandwidth?: number;
  /** Compress pages in flight. */
  compression?: boolean;
  /** Throttle the guest when rounds do not converge. */
  autoConverge?: boolean;
  /** Switch to post-copy after a few rounds. */
  postCopy?: boolean;
  /** Parallel copy streams (0: 1). */
  parallel?: number;
  /** Verify memory checksums as a last phase. */
  verifyChecksum?: boolean;
  /** Encrypt the migration stream. */
  encryptTransport?: boolean;
}

/** Body of a migrate call. */
export interface MigrateRequest {
  /** Node to move to. */
  targetNode: string;
  /** Options. */
  options?: MigrationOptions;
}

/** Progress of a migration (a long-running operation). */
export interface MigrationStatus {
  /** Migration id. */
  id: string;
  /** VM id. */
  vmId: string;
  /** Source node. */
  sourceNode: string;
  /** Target node. */
  targetNode: string;
  /** State. */
  state: MigrationState;
  /** Phase. */
  phase: MigrationPhase;
  /** Percent done (0-100); never decreases. */
  progress: number;
  /** Pre-copy round. */
  round: number;
  /** Bytes to move. (bytes) */
  bytesTotal: number;
  /** Bytes moved so far. (bytes) */
  bytesSent: number;
  /** Effective throughput in bytes/s. */
  throughput: number;
  /** VM pause in ms (final once completed). */
  downtime: number;
  /** Start time. */
  startedAt: Date;
  /** End time. */
  completedAt?: Date;
  /** Why the migration failed. */
  error?: string;
}

/** How to take a snapshot. */
export interface SnapshotOptions {
  /** Include the memory image. */
  includeMemory?: boolean;
  /** Description. */
  description?: string;
  /** Quiesce the guest file systems first. */
  quiesce?: boolean;
}

/** Body of a snapshot call. */
export interface SnapshotRequest {
  /** Snapshot name. */
  name: string;
  /** Options. */
  options?: SnapshotOptions;
}

/** A point-in-time copy of a VM. */
export interface Snapshot {
  /** Snapshot id. */
  id: string;
  /** VM id. */
  vmId: string;
  /** Name. */
  name: string;
  /** Description. */
  description?: string;
  /** Size in bytes. */
  size: number;
  /** Whether memory is included. */
  includeMemory: boolean;
  /** Creation time. */
  createdAt: Date;
  /** Parent snapshot id. */
  parent?: string;
}

/** One page of snapshots. */
export interface SnapshotList {
  /** The page. */
  snapshots: Snapshot[];
  /** Token of the next page; empty on the last. */
  nextPageToken?: string;
}

/** Body of a stop call. */
export interface StopRequest {
  /** Power off at once instead of a graceful shutdown. */
  force?: boolean;
}

/** Something that happened to a VM. */
export interface VMEvent {
  /** Monotonic event id (the SSE id). */
  id: number;
  /** Kind. */
  type: VMEventType;
  /** The VM after the event; on a gap, its current state. */
  vm: VM;
  /** When it happened. */
  timestamp: Date;
  /** Human-readable text. */
  message: string;
}

/** Server health. */
export interface HealthStatus {
  /** "ok" when serving. */
  status: string;
  /** Server version. */
  version: string;
  /** Uptime in ms. */
  uptime: number;
}

/** Result of authenticating (what connect receives). */
export interface SessionInfo {
  /** The key was accepted. */
  authenticated: boolean;
  /** Id of this session. */
  sessionId: string;
  /** Server version. */
  serverVersion: string;
}

/** The typed error inside an error body. */
export interface ErrorDetail {
  /** Catalogue name, e.g. VMNotFoundError. */
  type: string;
  /** Wire code. */
  code: string;
  /** Human-readable text. */
  message: string;
  /** Request id. */
  requestId?: string;
  /** Whether retrying may succeed. */
  retryable: boolean;
  /** Structured details (field, limit, ...). */
  details?: Record<string, unknown>;
}

/** Body of every error response. */
export interface ErrorBody {
  /** The error. */
  error: ErrorDetail;
}
