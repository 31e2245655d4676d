// Code generated from spec/dwcp.yaml by generator/; DO NOT EDIT.
//
// Wire (snake_case JSON) <-> SDK types. Decoders check the shape of every response, so a malformed
// body becomes a typed error instead of a TypeError deep in user code; unknown fields are ignored.
import {
  bool,
  boolItem,
  compact,
  each,
  list,
  mapOf,
  member,
  memberItem,
  num,
  numberItem,
  obj,
  object,
  str,
  stringItem,
  strings,
  time,
  timeItem,
  type WireObject,
} from './runtime/wire.js';
import {
  VMState,
  MigrationState,
  MigrationPhase,
  VMEventType,
  type NetworkInterface,
  type NetworkConfig,
  type Affinity,
  type VMConfig,
  type VMMetrics,
  type VM,
  type VMList,
  type MigrationOptions,
  type MigrateRequest,
  type MigrationStatus,
  type SnapshotOptions,
  type SnapshotRequest,
  type Snapshot,
  type SnapshotList,
  type StopRequest,
  type VMEvent,
  type HealthStatus,
  type SessionInfo,
  type ErrorDetail,
  type ErrorBody,
} from './types.js';

const VM_STATE_VALUES: ReadonlySet<string> = new Set([
  'creating',
  'stopped',
  'starting',
  'running',
  'stopping',
  'migrating',
  'restoring',
  'error',
]);

const MIGRATION_STATE_VALUES: ReadonlySet<string> = new Set([
  'pending',
  'running',
  'completed',
  'failed',
  'cancelled',
]);

const MIGRATION_PHASE_VALUES: ReadonlySet<string> = new Set([
  'setup',
  'precopy',
  'postcopy',
  'stop_and_copy',
  'verify',
  'done',
]);

const VM_EVENT_TYPE_VALUES: ReadonlySet<string> = new Set([
  'created',
  'state_changed',
  'migration_started',
  'migration_completed',
  'migration_failed',
  'snapshot_created',
  'snapshot_restored',
  'destroyed',
  'gap',
]);

/** NetworkInterface from its wire form. */
export function decodeNetworkInterface(
  o: WireObject,
  where = 'NetworkInterface',
): NetworkInterface {
  const out: NetworkInterface = {
    name: str(o, 'name', where),
  };
  if (o['type'] != null) out.type = str(o, 'type', where);
  if (o['mac'] != null) out.mac = str(o, 'mac', where);
  if (o['bridge'] != null) out.bridge = str(o, 'bridge', where);
  if (o['vlan'] != null) out.vlan = num(o, 'vlan', where);
  if (o['ip_address'] != null) out.ipAddress = str(o, 'ip_address', where);
  if (o['netmask'] != null) out.netmask = str(o, 'netmask', where);
  if (o['bandwidth'] != null) out.bandwidth = num(o, 'bandwidth', where);
  return out;
}

/** The wire form of a NetworkInterface. */
export function encodeNetworkInterface(v: NetworkInterface): WireObject {
  return compact({
    name: v.name,
    type: v.type,
    mac: v.mac,
    bridge: v.bridge,
    vlan: v.vlan,
    ip_address: v.ipAddress,
    netmask: v.netmask,
    bandwidth: v.bandwidth,
  });
}

/** NetworkConfig from its wire form. */
export function decodeNetworkConfig(o: WireObject, where = 'NetworkConfig'): NetworkConfig {
  const out: NetworkConfig = {};
  if (o['mode'] != null) out.mode = str(o, 'mode', where);
  if (o['interfaces'] != null)
    out.interfaces = each(
      list(o, 'interfaces', where),
      (v, w) => decodeNetworkInterface(object(v, w), w),
      where,
    );
  if (o['dns'] != null) out.dns = each(list(o, 'dns', where), stringItem, where);
  if (o['gateway'] != null) out.gateway = str(o, 'gateway', where);
  if (o['mtu'] != null) out.mtu = num(o, 'mtu', where);
  return out;
}

/** The wire form of a NetworkConfig. */
export function encodeNetworkConfig(v: NetworkConfig): WireObject {
  return compact({
    mode: v.mode,
    interfaces: v.interfaces?.map(encodeNetworkInterface),
    dns: v.dns,
    gateway: v.gateway,
    mtu: v.mtu,
  });
}

/** Affinity from its wire form. */
export function decodeAffinity(o: WireObject, where = 'Affinity'): Affinity {
  const out: Affinity = {};
  if (o['node_selector'] != null) out.nodeSelector = strings(o, 'node_selector', where);
  if (o['required_nodes'] != null)
    out.requiredNodes = each(list(o, 'required_nodes', where), stringItem, where);
  if (o['preferred_nodes'] != null)
    out.preferredNodes = each(list(o, 'preferred_nodes', where), stringItem, where);
  if (o['anti_affinity_vms'] != null)
    out.antiAffinityVms = each(list(o, 'anti_affinity_vms', where), stringItem, where);
  return out;
}

/** The wire form of a Affinity. */
export function encodeAffinity(v: Affinity): WireObject {
  return compact({
    node_selector: v.nodeSelector,
    required_nodes: v.requiredNodes,
    preferred_nodes: v.preferredNodes,
    anti_affinity_vms: v.antiAffinityVms,
  });
}

/** VMConfig from its wire form. */
export function decodeVMConfig(o: WireObject, where = 'VMConfig'): VMConfig {
  const out: VMConfig = {
    name: str(o, 'name', where),
    memory: num(o, 'memory', where),
    cpus: num(o, 'cpus', where),
  };
  if (o['disk'] != null) out.disk = num(o, 'disk', where);
  if (o['image'] != null) out.image = str(o, 'image', where);
  if (o['network'] != null) out.network = decodeNetworkConfig(obj(o, 'network', where), where);
  if (o['cloud_init'] != null) out.cloudInit = str(o, 'cloud_init', where);
  if (o['labels'] != null) out.labels = strings(o, 'labels', where);
  if (o['annotations'] != null) out.annotations = strings(o, 'annotations', where);
  if (o['priority'] != null) out.priority = num(o, 'priority', where);
  if (o['affinity'] != null) out.affinity = decodeAffinity(obj(o, 'affinity', where), where);
  if (o['enable_gpu'] != null) out.enableGpu = bool(o, 'enable_gpu', where);
  if (o['gpu_type'] != null) out.gpuType = str(o, 'gpu_type', where);
  if (o['enable_tpm'] != null) out.enableTpm = bool(o, 'enable_tpm', where);
  if (o['enable_secure_boot'] != null) out.enableSecureBoot = bool(o, 'enable_secure_boot', where);
  if (o['cpu_pinning'] != null)
    out.cpuPinning = each(list(o, 'cpu_pinning', where), numberItem, where);
  if (o['numa_nodes'] != null)
    out.numaNodes = each(list(o, 'numa_nodes', where), numberItem, where);
  if (o['huge_pages'] != null) out.hugePages = bool(o, 'huge_pages', where);
  if (o['io_threads'] != null) out.ioThreads = num(o, 'io_threads', where);
  if (o['memory_max'] != null) out.memoryMax = num(o, 'memory_max', where);
  if (o['cpu_quota'] != null) out.cpuQuota = num(o, 'cpu_quota', where);
  if (o['disk_iops_limit'] != null) out.diskIopsLimit = num(o, 'disk_iops_limit', where);
  if (o['network_bandwidth'] != null) out.networkBandwidth = num(o, 'network_bandwidth', where);
  return out;
}

/** The wire form of a VMConfig. */
export function encodeVMConfig(v: VMConfig): WireObject {
  return compact({
    name: v.name,
    memory: v.memory,
    cpus: v.cpus,
    disk: v.disk,
    image: v.image,
    network: v.network == null ? undefined : encodeNetworkConfig(v.network),
    cloud_init: v.cloudInit,
    labels: v.labels,
    annotations: v.annotations,
    priority: v.priority,
    affinity: v.affinity == null ? undefined : encodeAffinity(v.affinity),
    enable_gpu: v.enableGpu,
    gpu_type: v.gpuType,
    enable_tpm: v.enableTpm,
    enable_secure_boot: v.enableSecureBoot,
    cpu_pinning: v.cpuPinning,
    numa_nodes: v.numaNodes,
    huge_pages: v.hugePages,
    io_threads: v.ioThreads,
    memory_max: v.memoryMax,
    cpu_quota: v.cpuQuota,
    disk_iops_limit: v.diskIopsLimit,
    network_bandwidth: v.networkBandwidth,
  });
}

/** VMMetrics from its wire form. */
export function decodeVMMetrics(o: WireObject, where = 'VMMetrics'): VMMetrics {
  const out: VMMetrics = {
    vmId: str(o, 'vm_id', where),
    timestamp: time(o, 'timestamp', where),
    cpuUsage: num(o, 'cpu_usage', where),
    memoryUsed: num(o, 'memory_used', where),
    memoryAvailable: num(o, 'memory_available', where),
    diskRead: num(o, 'disk_read', where),
    diskWrite: num(o, 'disk_write', where),
    networkRx: num(o, 'network_rx', where),
    networkTx: num(o, 'network_tx', where),
  };
  return out;
}

/** The wire form of a VMMetrics. */
export function encodeVMMetrics(v: VMMetrics): WireObject {
  return compact({
    vm_id: v.vmId,
    timestamp: v.timestamp?.toISOString(),
    cpu_usage: v.cpuUsage,
    memory_used: v.memoryUsed,
    memory_available: v.memoryAvailable,
    disk_read: v.diskRead,
    disk_write: v.diskWrite,
    network_rx: v.networkRx,
    network_tx: v.networkTx,
  });
}

/** VM from its wire form. */
export function decodeVM(o: WireObject, where = 'VM'): VM {
  const out: VM = {
    id: str(o, 'id', where),
    name: str(o, 'name', where),
    state: member(o, 'state', where, VM_STATE_VALUES, VMState.UNKNOWN),
    config: decodeVMConfig(obj(o, 'config', where), where),
    node: str(o, 'node', where),
    createdAt: time(o, 'created_at', where),
    updatedAt: time(o, 'updated_at', where),
  };
  if (o['started_at'] != null) out.startedAt = time(o, 'started_at', where);
  if (o['stopped_at'] != null) out.stoppedAt = time(o, 'stopped_at', where);
  if (o['metrics'] != null) out.metrics = decodeVMMetrics(obj(o, 'metrics', where), where);
  if (o['labels'] != null) out.labels = strings(o, 'labels', where);
  return out;
}

/** The wire form of a VM. */
export function encodeVM(v: VM): WireObject {
  return compact({
    id: v.id,
    name: v.name,
    state: v.state,
    config: v.config == null ? undefined : encodeVMConfig(v.config),
    node: v.node,
    created_at: v.createdAt?.toISOString(),
    updated_at: v.updatedAt?.toISOString(),
    started_at: v.startedAt?.toISOString(),
    stopped_at: v.stoppedAt?.toISOString(),
    metrics: v.metrics == null ? undefined : encodeVMMetrics(v.metrics),
    labels: v.labels,
  });
}

/** VMList from its wire form. */
export function decodeVMList(o: WireObject, where = 'VMList'): VMList {
  const out: VMList = {
    vms: each(list(o, 'vms', where), (v, w) => decodeVM(object(v, w), w), where),
  };
  if (o['next_page_token'] != null) out.nextPageToken = str(o, 'next_page_token', where);
  return out;
}

/** The wire form of a VMList. */
export function encodeVMList(v: VMList): WireObject {
  return compact({
    vms: v.vms?.map(encodeVM),
    next_page_token: v.nextPageToken,
  });
}

/** MigrationOptions from its wire form. */
export function decodeMigrationOptions(
  o: WireObject,
  where = 'MigrationOptions',
): MigrationOptions {
  const out: MigrationOptions = {};
  if (o['live'] != null) out.live = bool(o, 'live', where);
  if (o['max_downtime'] != null) out.maxDowntime = num(o, 'max_downtime', where);
  if (o['bandwidth'] != null) out.bandwidth = num(o, 'bandwidth', where);
  if (o['compression'] != null) out.compression = bool(o, 'compression', where);
  if (o['auto_converge'] != null) out.autoConverge = bool(o, 'auto_converge', where);
  if (o['post_copy'] != null) out.postCopy = bool(o, 'post_copy', where);
  if (o['parallel'] != null) out.parallel = num(o, 'parallel', where);
  if (o['verify_checksum'] != null) out.verifyChecksum = bool(o, 'verify_checksum', where);
  if (o['encrypt_transport'] != null) out.encryptTransport = bool(o, 'encrypt_transport', where);
  return out;
}

/** The wire form of a MigrationOptions. */
export function encodeMigrationOptions(v: MigrationOptions): WireObject {
  return compact({
    live: v.live,
    max_downtime: v.maxDowntime,
    bandwidth: v.bandwidth,
    compression: v.compression,
    auto_converge: v.autoConverge,
    post_copy: v.postCopy,
    parallel: v.parallel,
    verify_checksum: v.verifyChecksum,
    encrypt_transport: v.encryptTransport,
  });
}

/** MigrateRequest from its wire form. */
export function decodeMigrateRequest(o: WireObject, where = 'MigrateRequest'): MigrateRequest {
  const out: MigrateRequest = {
    targetNode: str(o, 'target_node', where),
  };
  if (o['options'] != null) out.options = decodeMigrationOptions(obj(o, 'options', where), where);
  return out;
}

/** The wire form of a MigrateRequest. */
export function encodeMigrateRequest(v: MigrateRequest): WireObject {
  return compact({
    target_node: v.targetNode,
    options: v.options == null ? undefined : encodeMigrationOptions(v.options),
  });
}

/** MigrationStatus from its wire form. */
export function decodeMigrationStatus(o: WireObject, where = 'MigrationStatus'): MigrationStatus {
  const out: MigrationStatus = {
    id: str(o, 'id', where),
    vmId: str(o, 'vm_id', where),
    sourceNode: str(o, 'source_node', where),
    targetNode: str(o, 'target_node', where),
    state: member(o, 'state', where, MIGRATION_STATE_VALUES, MigrationState.UNKNOWN),
    phase: member(o, 'phase', where, MIGRATION_PHASE_VALUES, MigrationPhase.UNKNOWN),
    progress: num(o, 'progress', where),
    round: num(o, 'round', where),
    bytesTotal: num(o, 'bytes_total', where),
    bytesSent: num(o, 'bytes_sent', where),
    throughput: num(o, 'throughput', where),
    downtime: num(o, 'downtime', where),
    startedAt: time(o, 'started_at', where),
  };
  if (o['completed_at'] != null) out.completedAt = time(o, 'completed_at', where);
  if (o['error'] != null) out.error = str(o, 'error', where);
  return out;
}

/** The wire form of a MigrationStatus. */
export function encodeMigrationStatus(v: MigrationStatus): WireObject {
  return compact({
    id: v.id,
    vm_id: v.vmId,
    source_node: v.sourceNode,
    target_node: v.targetNode,
    state: v.state,
    phase: v.phase,
    progress: v.progress,
    round: v.round,
    bytes_total: v.bytesTotal,
    bytes_sent: v.bytesSent,
    throughput: v.throughput,
    downtime: v.downtime,
    started_at: v.startedAt?.toISOString(),
    completed_at: v.completedAt?.toISOString(),
    error: v.error,
  });
}

/** SnapshotOptions from its wire form. */
export function decodeSnapshotOptions(o: WireObject, where = 'SnapshotOptions'): SnapshotOptions {
  const out: SnapshotOptions = {};
  if (o['include_memory'] != null) out.includeMemory = bool(o, 'include_memory', where);
  if (o['description'] != null) out.description = str(o, 'description', where);
  if (o['quiesce'] != null) out.quiesce = bool(o, 'quiesce', where);
  return out;
}

/** The wire form of a SnapshotOptions. */
export function encodeSnapshotOptions(v: SnapshotOptions): WireObject {
  return compact({
    include_memory: v.includeMemory,
    description: v.description,
    quiesce: v.quiesce,
  });
}

/** SnapshotRequest from its wire form. */
export function decodeSnapshotRequest(o: WireObject, where = 'SnapshotRequest'): SnapshotRequest {
  const out: SnapshotRequest = {
    name: str(o, 'name', where),
  };
  if (o['options'] != null) out.options = decodeSnapshotOptions(obj(o, 'options', where), where);
  return out;
}

/** The wire form of a SnapshotRequest. */
export function encodeSnapshotRequest(v: SnapshotRequest): WireObject {
  return compact({
    name: v.name,
    options: v.options == null ? undefined : encodeSnapshotOptions(v.options),
  });
}

/** Snapshot from its wire form. */
export function decodeSnapshot(o: WireObject, where = 'Snapshot'): Snapshot {
  const out: Snapshot = {
    id: str(o, 'id', where),
    vmId: str(o, 'vm_id', where),
    name: str(o, 'name', where),
    size: num(o, 'size', where),
    includeMemory: bool(o, 'include_memory', where),
    createdAt: time(o, 'created_at', where),
  };
  if (o['description'] != null) out.description = str(o, 'description', where);
  if (o['parent'] != null) out.parent = str(o, 'parent', where);
  return out;
}

/** The wire form of a Snapshot. */
export function encodeSnapshot(v: Snapshot): WireObject {
  return compact({
    id: v.id,
    vm_id: v.vmId,
    name: v.name,
    description: v.description,
    size: v.size,
    include_memory: v.includeMemory,
    created_at: v.createdAt?.toISOString(),
    parent: v.parent,
  });
}

/** SnapshotList from its wire form. */
export function decodeSnapshotList(o: WireObject, where = 'SnapshotList'): SnapshotList {
  const out: SnapshotList = {
    snapshots: each(list(o, 'snapshots', where), (v, w) => decodeSnapshot(object(v, w), w), where),
  };
  if (o['next_page_token'] != null) out.nextPageToken = str(o, 'next_page_token', where);
  return out;
}

/** The wire form of a SnapshotList. */
export function encodeSnapshotList(v: SnapshotList): WireObject {
  return compact({
    snapshots: v.snapshots?.map(encodeSnapshot),
    next_page_token: v.nextPageToken,
  });
}

/** StopRequest from its wire form. */
export function decodeStopRequest(o: WireObject, where = 'StopRequest'): StopRequest {
  const out: StopRequest = {};
  if (o['force'] != null) out.force = bool(o, 'force', where);
  return out;
}

/** The wire form of a StopRequest. */
export function encodeStopRequest(v: StopRequest): WireObject {
  return compact({
    force: v.force,
  });
}

/** VMEvent from its wire form. */
export function decodeVMEvent(o: WireObject, where = 'VMEvent'): VMEvent {
  const out: VMEvent = {
    id: num(o, 'id', where),
    type: member(o, 'type', where, VM_EVENT_TYPE_VALUES, VMEventType.UNKNOWN),
    vm: decodeVM(obj(o, 'vm', where), where),
    timestamp: time(o, 'timestamp', where),
    message: str(o, 'message', where),
  };
  return out;
}

/** The wire form of a VMEvent. */
export function encodeVMEvent(v: VMEvent): WireObject {
  return compact({
    id: v.id,
    type: v.type,
    vm: v.vm == null ? undefined : encodeVM(v.vm),
    timestamp: v.timestamp?.toISOString(),
    message: v.message,
  });
}

/** HealthStatus from its wire form. */
export function decodeHealthStatus(o: WireObject, where = 'HealthStatus'): HealthStatus {
  const out: HealthStatus = {
    status: str(o, 'status', where),
    version: str(o, 'version', where),
    uptime: num(o, 'uptime', where),
  };
  return out;
}

/** The wire form of a HealthStatus. */
export function encodeHealthStatus(v: HealthStatus): WireObject {
  return compact({
    status: v.status,
    version: v.version,
    uptime: v.uptime,
  });
}

/** SessionInfo from its wire form. */
export function decodeSessionInfo(o: WireObject, where = 'SessionInfo'): SessionInfo {
  const out: SessionInfo = {
    authenticated: bool(o, 'authenticated', where),
    sessionId: str(o, 'session_id', where),
    serverVersion: str(o, 'server_version', where),
  };
  return out;
}

/** The wire form of a SessionInfo. */
export function encodeSessionInfo(v: SessionInfo): WireObject {
  return compact({
    authenticated: v.authenticated,
    session_id: v.sessionId,
    server_version: v.serverVersion,
  });
}

/** ErrorDetail from its wire form. */
export function decodeErrorDetail(o: WireObject, where = 'ErrorDetail'): ErrorDetail {
  const out: ErrorDetail = {
    type: str(o, 'type', where),
    code: str(o, 'code', where),
    message: str(o, 'message', where),
    retryable: bool(o, 'retryable', where),
  };
  if (o['request_id'] != null) out.requestId = str(o, 'request_id', where);
  if (o['details'] != null) out.details = obj(o, 'details', where);
  return out;
}

/** The wire form of a ErrorDetail. */
export function encodeErrorDetail(v: ErrorDetail): WireObject {
  return compact({
    type: v.type,
    code: v.code,
    message: v.message,
    request_id: v.requestId,
    retryable: v.retryable,
    details: v.details,
  });
}

/** ErrorBody from its wire form. */
export function decodeErrorBody(o: WireObject, where = 'ErrorBody'): ErrorBody {
  const out: ErrorBody = {
    error: decodeErrorDetail(obj(o, 'error', where), where),
  };
  return out;
}

/** The wire form of a ErrorBody. */
export function encodeErrorBody(v: ErrorBody): WireObject {
  return compact({
    error: v.error == null ? undefined : encodeErrorDetail(v.error),
  });
}
