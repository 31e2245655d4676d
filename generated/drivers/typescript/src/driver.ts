// Code generated from spec/dwcp.yaml by generator/; DO NOT EDIT.
//
// Conformance driver (protocol 1, conformance/README.md): maps each command to the SDK's public
// API. Arguments arrive in wire form and are converted to SDK types; results go back in wire form.
import { readFileSync } from 'node:fs';
import { format, inspect } from 'node:util';
import { createInterface } from 'node:readline';

import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import {
  APIPromise,
  Client,
  PagePromise,
  DWCPError,
  EventStream,
  VERSION,
  ValidationError,
  type CallOptions,
  type ClientConfig,
  type Hook,
  type HookContext,
  type LogFields,
  type Logger,
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
} from '@novacron/dwcp-sdk';
import { otelTracing } from '@novacron/dwcp-sdk/otel';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
type Args = Record<string, Json>;

function looseNetworkInterface(v: Json): Json {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Args;
  const out: Args = {};
  if ('name' in o) out['name'] = o['name'];
  if ('type' in o) out['type'] = o['type'];
  if ('mac' in o) out['mac'] = o['mac'];
  if ('bridge' in o) out['bridge'] = o['bridge'];
  if ('vlan' in o) out['vlan'] = o['vlan'];
  if ('ip_address' in o) out['ipAddress'] = o['ip_address'];
  if ('netmask' in o) out['netmask'] = o['netmask'];
  if ('bandwidth' in o) out['bandwidth'] = o['bandwidth'];
  return out;
}

function wireNetworkInterface(v: NetworkInterface): Args {
  const out: Args = {
    name: v.name,
    type: v.type,
    mac: v.mac,
    bridge: v.bridge,
    vlan: v.vlan,
    ip_address: v.ipAddress,
    netmask: v.netmask,
    bandwidth: v.bandwidth,
  };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out;
}

function looseNetworkConfig(v: Json): Json {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Args;
  const out: Args = {};
  if ('mode' in o) out['mode'] = o['mode'];
  if ('interfaces' in o)
    out['interfaces'] = Array.isArray(o['interfaces'])
      ? o['interfaces'].map((i: unknown) => looseNetworkInterface(i))
      : o['interfaces'];
  if ('dns' in o) out['dns'] = o['dns'];
  if ('gateway' in o) out['gateway'] = o['gateway'];
  if ('mtu' in o) out['mtu'] = o['mtu'];
  return out;
}

function wireNetworkConfig(v: NetworkConfig): Args {
  const out: Args = {
    mode: v.mode,
    interfaces: v.interfaces?.map(wireNetworkInterface),
    dns: v.dns,
    gateway: v.gateway,
    mtu: v.mtu,
  };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out;
}

function looseAffinity(v: Json): Json {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Args;
  const out: Args = {};
  if ('node_selector' in o) out['nodeSelector'] = o['node_selector'];
  if ('required_nodes' in o) out['requiredNodes'] = o['required_nodes'];
  if ('preferred_nodes' in o) out['preferredNodes'] = o['preferred_nodes'];
  if ('anti_affinity_vms' in o) out['antiAffinityVms'] = o['anti_affinity_vms'];
  return out;
}

function wireAffinity(v: Affinity): Args {
  const out: Args = {
    node_selector: v.nodeSelector,
    required_nodes: v.requiredNodes,
    preferred_nodes: v.preferredNodes,
    anti_affinity_vms: v.antiAffinityVms,
  };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out;
}

function looseVMConfig(v: Json): Json {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Args;
  const out: Args = {};
  if ('name' in o) out['name'] = o['name'];
  if ('memory' in o) out['memory'] = o['memory'];
  if ('cpus' in o) out['cpus'] = o['cpus'];
  if ('disk' in o) out['disk'] = o['disk'];
  if ('image' in o) out['image'] = o['image'];
  if ('network' in o) out['network'] = looseNetworkConfig(o['network']);
  if ('cloud_init' in o) out['cloudInit'] = o['cloud_init'];
  if ('labels' in o) out['labels'] = o['labels'];
  if ('annotations' in o) out['annotations'] = o['annotations'];
  if ('priority' in o) out['priority'] = o['priority'];
  if ('affinity' in o) out['affinity'] = looseAffinity(o['affinity']);
  if ('enable_gpu' in o) out['enableGpu'] = o['enable_gpu'];
  if ('gpu_type' in o) out['gpuType'] = o['gpu_type'];
  if ('enable_tpm' in o) out['enableTpm'] = o['enable_tpm'];
  if ('enable_secure_boot' in o) out['enableSecureBoot'] = o['enable_secure_boot'];
  if ('cpu_pinning' in o) out['cpuPinning'] = o['cpu_pinning'];
  if ('numa_nodes' in o) out['numaNodes'] = o['numa_nodes'];
  if ('huge_pages' in o) out['hugePages'] = o['huge_pages'];
  if ('io_threads' in o) out['ioThreads'] = o['io_threads'];
  if ('memory_max' in o) out['memoryMax'] = o['memory_max'];
  if ('cpu_quota' in o) out['cpuQuota'] = o['cpu_quota'];
  if ('disk_iops_limit' in o) out['diskIopsLimit'] = o['disk_iops_limit'];
  if ('network_bandwidth' in o) out['networkBandwidth'] = o['network_bandwidth'];
  return out;
}

function wireVMConfig(v: VMConfig): Args {
  const out: Args = {
    name: v.name,
    memory: v.memory,
    cpus: v.cpus,
    disk: v.disk,
    image: v.image,
    network: v.network == null ? undefined : wireNetworkConfig(v.network),
    cloud_init: v.cloudInit,
    labels: v.labels,
    annotations: v.annotations,
    priority: v.priority,
    affinity: v.affinity == null ? undefined : wireAffinity(v.affinity),
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
  };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out;
}

function looseVMMetrics(v: Json): Json {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Args;
  const out: Args = {};
  if ('vm_id' in o) out['vmId'] = o['vm_id'];
  if ('timestamp' in o)
    out['timestamp'] =
      typeof o['timestamp'] === 'string' ? new Date(o['timestamp']) : o['timestamp'];
  if ('cpu_usage' in o) out['cpuUsage'] = o['cpu_usage'];
  if ('memory_used' in o) out['memoryUsed'] = o['memory_used'];
  if ('memory_available' in o) out['memoryAvailable'] = o['memory_available'];
  if ('disk_read' in o) out['diskRead'] = o['disk_read'];
  if ('disk_write' in o) out['diskWrite'] = o['disk_write'];
  if ('network_rx' in o) out['networkRx'] = o['network_rx'];
  if ('network_tx' in o) out['networkTx'] = o['network_tx'];
  return out;
}

function wireVMMetrics(v: VMMetrics): Args {
  const out: Args = {
    vm_id: v.vmId,
    timestamp: v.timestamp?.toISOString(),
    cpu_usage: v.cpuUsage,
    memory_used: v.memoryUsed,
    memory_available: v.memoryAvailable,
    disk_read: v.diskRead,
    disk_write: v.diskWrite,
    network_rx: v.networkRx,
    network_tx: v.networkTx,
  };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out;
}

function looseVM(v: Json): Json {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Args;
  const out: Args = {};
  if ('id' in o) out['id'] = o['id'];
  if ('name' in o) out['name'] = o['name'];
  if ('state' in o) out['state'] = o['state'];
  if ('config' in o) out['config'] = looseVMConfig(o['config']);
  if ('node' in o) out['node'] = o['node'];
  if ('created_at' in o)
    out['createdAt'] =
      typeof o['created_at'] === 'string' ? new Date(o['created_at']) : o['created_at'];
  if ('updated_at' in o)
    out['updatedAt'] =
      typeof o['updated_at'] === 'string' ? new Date(o['updated_at']) : o['updated_at'];
  if ('started_at' in o)
    out['startedAt'] =
      typeof o['started_at'] === 'string' ? new Date(o['started_at']) : o['started_at'];
  if ('stopped_at' in o)
    out['stoppedAt'] =
      typeof o['stopped_at'] === 'string' ? new Date(o['stopped_at']) : o['stopped_at'];
  if ('metrics' in o) out['metrics'] = looseVMMetrics(o['metrics']);
  if ('labels' in o) out['labels'] = o['labels'];
  return out;
}

function wireVM(v: VM): Args {
  const out: Args = {
    id: v.id,
    name: v.name,
    state: v.state,
    config: v.config == null ? undefined : wireVMConfig(v.config),
    node: v.node,
    created_at: v.createdAt?.toISOString(),
    updated_at: v.updatedAt?.toISOString(),
    started_at: v.startedAt?.toISOString(),
    stopped_at: v.stoppedAt?.toISOString(),
    metrics: v.metrics == null ? undefined : wireVMMetrics(v.metrics),
    labels: v.labels,
  };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out;
}

function looseVMList(v: Json): Json {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Args;
  const out: Args = {};
  if ('vms' in o)
    out['vms'] = Array.isArray(o['vms']) ? o['vms'].map((i: unknown) => looseVM(i)) : o['vms'];
  if ('next_page_token' in o) out['nextPageToken'] = o['next_page_token'];
  return out;
}

function wireVMList(v: VMList): Args {
  const out: Args = {
    vms: v.vms?.map(wireVM),
    next_page_token: v.nextPageToken,
  };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out;
}

function looseMigrationOptions(v: Json): Json {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Args;
  const out: Args = {};
  if ('live' in o) out['live'] = o['live'];
  if ('max_downtime' in o) out['maxDowntime'] = o['max_downtime'];
  if ('bandwidth' in o) out['bandwidth'] = o['bandwidth'];
  if ('compression' in o) out['compression'] = o['compression'];
  if ('auto_converge' in o) out['autoConverge'] = o['auto_converge'];
  if ('post_copy' in o) out['postCopy'] = o['post_copy'];
  if ('parallel' in o) out['parallel'] = o['parallel'];
  if ('verify_checksum' in o) out['verifyChecksum'] = o['verify_checksum'];
  if ('encrypt_transport' in o) out['encryptTransport'] = o['encrypt_transport'];
  return out;
}

function wireMigrationOptions(v: MigrationOptions): Args {
  const out: Args = {
    live: v.live,
    max_downtime: v.maxDowntime,
    bandwidth: v.bandwidth,
    compression: v.compression,
    auto_converge: v.autoConverge,
    post_copy: v.postCopy,
    parallel: v.parallel,
    verify_checksum: v.verifyChecksum,
    encrypt_transport: v.encryptTransport,
  };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out;
}

function looseMigrateRequest(v: Json): Json {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Args;
  const out: Args = {};
  if ('target_node' in o) out['targetNode'] = o['target_node'];
  if ('options' in o) out['options'] = looseMigrationOptions(o['options']);
  return out;
}

function wireMigrateRequest(v: MigrateRequest): Args {
  const out: Args = {
    target_node: v.targetNode,
    options: v.options == null ? undefined : wireMigrationOptions(v.options),
  };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out;
}

function looseMigrationStatus(v: Json): Json {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Args;
  const out: Args = {};
  if ('id' in o) out['id'] = o['id'];
  if ('vm_id' in o) out['vmId'] = o['vm_id'];
  if ('source_node' in o) out['sourceNode'] = o['source_node'];
  if ('target_node' in o) out['targetNode'] = o['target_node'];
  if ('state' in o) out['state'] = o['state'];
  if ('phase' in o) out['phase'] = o['phase'];
  if ('progress' in o) out['progress'] = o['progress'];
  if ('round' in o) out['round'] = o['round'];
  if ('bytes_total' in o) out['bytesTotal'] = o['bytes_total'];
  if ('bytes_sent' in o) out['bytesSent'] = o['bytes_sent'];
  if ('throughput' in o) out['throughput'] = o['throughput'];
  if ('downtime' in o) out['downtime'] = o['downtime'];
  if ('started_at' in o)
    out['startedAt'] =
      typeof o['started_at'] === 'string' ? new Date(o['started_at']) : o['started_at'];
  if ('completed_at' in o)
    out['completedAt'] =
      typeof o['completed_at'] === 'string' ? new Date(o['completed_at']) : o['completed_at'];
  if ('error' in o) out['error'] = o['error'];
  return out;
}

function wireMigrationStatus(v: MigrationStatus): Args {
  const out: Args = {
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
  };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out;
}

function looseSnapshotOptions(v: Json): Json {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Args;
  const out: Args = {};
  if ('include_memory' in o) out['includeMemory'] = o['include_memory'];
  if ('description' in o) out['description'] = o['description'];
  if ('quiesce' in o) out['quiesce'] = o['quiesce'];
  return out;
}

function wireSnapshotOptions(v: SnapshotOptions): Args {
  const out: Args = {
    include_memory: v.includeMemory,
    description: v.description,
    quiesce: v.quiesce,
  };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out;
}

function looseSnapshotRequest(v: Json): Json {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Args;
  const out: Args = {};
  if ('name' in o) out['name'] = o['name'];
  if ('options' in o) out['options'] = looseSnapshotOptions(o['options']);
  return out;
}

function wireSnapshotRequest(v: SnapshotRequest): Args {
  const out: Args = {
    name: v.name,
    options: v.options == null ? undefined : wireSnapshotOptions(v.options),
  };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out;
}

function looseSnapshot(v: Json): Json {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Args;
  const out: Args = {};
  if ('id' in o) out['id'] = o['id'];
  if ('vm_id' in o) out['vmId'] = o['vm_id'];
  if ('name' in o) out['name'] = o['name'];
  if ('description' in o) out['description'] = o['description'];
  if ('size' in o) out['size'] = o['size'];
  if ('include_memory' in o) out['includeMemory'] = o['include_memory'];
  if ('created_at' in o)
    out['createdAt'] =
      typeof o['created_at'] === 'string' ? new Date(o['created_at']) : o['created_at'];
  if ('parent' in o) out['parent'] = o['parent'];
  return out;
}

function wireSnapshot(v: Snapshot): Args {
  const out: Args = {
    id: v.id,
    vm_id: v.vmId,
    name: v.name,
    description: v.description,
    size: v.size,
    include_memory: v.includeMemory,
    created_at: v.createdAt?.toISOString(),
    parent: v.parent,
  };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out;
}

function looseSnapshotList(v: Json): Json {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Args;
  const out: Args = {};
  if ('snapshots' in o)
    out['snapshots'] = Array.isArray(o['snapshots'])
      ? o['snapshots'].map((i: unknown) => looseSnapshot(i))
      : o['snapshots'];
  if ('next_page_token' in o) out['nextPageToken'] = o['next_page_token'];
  return out;
}

function wireSnapshotList(v: SnapshotList): Args {
  const out: Args = {
    snapshots: v.snapshots?.map(wireSnapshot),
    next_page_token: v.nextPageToken,
  };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out;
}

function looseStopRequest(v: Json): Json {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Args;
  const out: Args = {};
  if ('force' in o) out['force'] = o['force'];
  return out;
}

function wireStopRequest(v: StopRequest): Args {
  const out: Args = {
    force: v.force,
  };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out;
}

function looseVMEvent(v: Json): Json {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Args;
  const out: Args = {};
  if ('id' in o) out['id'] = o['id'];
  if ('type' in o) out['type'] = o['type'];
  if ('vm' in o) out['vm'] = looseVM(o['vm']);
  if ('timestamp' in o)
    out['timestamp'] =
      typeof o['timestamp'] === 'string' ? new Date(o['timestamp']) : o['timestamp'];
  if ('message' in o) out['message'] = o['message'];
  return out;
}

function wireVMEvent(v: VMEvent): Args {
  const out: Args = {
    id: v.id,
    type: v.type,
    vm: v.vm == null ? undefined : wireVM(v.vm),
    timestamp: v.timestamp?.toISOString(),
    message: v.message,
  };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out;
}

function looseHealthStatus(v: Json): Json {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Args;
  const out: Args = {};
  if ('status' in o) out['status'] = o['status'];
  if ('version' in o) out['version'] = o['version'];
  if ('uptime' in o) out['uptime'] = o['uptime'];
  return out;
}

function wireHealthStatus(v: HealthStatus): Args {
  const out: Args = {
    status: v.status,
    version: v.version,
    uptime: v.uptime,
  };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out;
}

function looseSessionInfo(v: Json): Json {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Args;
  const out: Args = {};
  if ('authenticated' in o) out['authenticated'] = o['authenticated'];
  if ('session_id' in o) out['sessionId'] = o['session_id'];
  if ('server_version' in o) out['serverVersion'] = o['server_version'];
  return out;
}

function wireSessionInfo(v: SessionInfo): Args {
  const out: Args = {
    authenticated: v.authenticated,
    session_id: v.sessionId,
    server_version: v.serverVersion,
  };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out;
}

function looseErrorDetail(v: Json): Json {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Args;
  const out: Args = {};
  if ('type' in o) out['type'] = o['type'];
  if ('code' in o) out['code'] = o['code'];
  if ('message' in o) out['message'] = o['message'];
  if ('request_id' in o) out['requestId'] = o['request_id'];
  if ('retryable' in o) out['retryable'] = o['retryable'];
  if ('details' in o) out['details'] = o['details'];
  return out;
}

function wireErrorDetail(v: ErrorDetail): Args {
  const out: Args = {
    type: v.type,
    code: v.code,
    message: v.message,
    request_id: v.requestId,
    retryable: v.retryable,
    details: v.details,
  };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out;
}

function looseErrorBody(v: Json): Json {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Args;
  const out: Args = {};
  if ('error' in o) out['error'] = looseErrorDetail(o['error']);
  return out;
}

function wireErrorBody(v: ErrorBody): Args {
  const out: Args = {
    error: v.error == null ? undefined : wireErrorDetail(v.error),
  };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out;
}

/** An argument in wire form as the SDK takes it (structs renamed, timestamps as Dates). */

/** The SDK call of each `call` op (an APIPromise, or a waiter's promise) and the wire form of its result. */
const OPS: Record<
  string,
  [(c: Client, a: Args, o: CallOptions) => Promise<Json>, (v: Json) => Json]
> = {
  'system.health': [(c, a, o) => c.health({ ...o }), (v) => wireHealthStatus(v)],
  'vm.create': [(c, a, o) => c.vm().create(looseVMConfig(a['config']), { ...o }), (v) => wireVM(v)],
  'vm.get': [(c, a, o) => c.vm().get(a['vm_id'], { ...o }), (v) => wireVM(v)],
  'vm.list': [
    (c, a, o) => take(c.vm().list(a['labels'], { ...o, pageSize: a['page_size'] }), a['take']),
    (v) => v.map(wireVM),
  ],
  'vm.start': [(c, a, o) => c.vm().start(a['vm_id'], { ...o }), (v) => wireVM(v)],
  'vm.stop': [(c, a, o) => c.vm().stop(a['vm_id'], a['force'], { ...o }), (v) => wireVM(v)],
  'vm.destroy': [(c, a, o) => c.vm().destroy(a['vm_id'], { ...o }), () => null],
  'vm.migrate': [
    (c, a, o) =>
      c.vm().migrate(a['vm_id'], a['target_node'], looseMigrationOptions(a['options']), { ...o }),
    (v) => wireMigrationStatus(v),
  ],
  'vm.get_migration_status': [
    (c, a, o) => c.vm().getMigrationStatus(a['migration_id'], { ...o }),
    (v) => wireMigrationStatus(v),
  ],
  'vm.cancel_migration': [
    (c, a, o) => c.vm().cancelMigration(a['migration_id'], { ...o }),
    (v) => wireMigrationStatus(v),
  ],
  'vm.snapshot': [
    (c, a, o) =>
      c.vm().snapshot(a['vm_id'], a['name'], looseSnapshotOptions(a['options']), { ...o }),
    (v) => wireSnapshot(v),
  ],
  'vm.list_snapshots': [
    (c, a, o) =>
      take(c.vm().listSnapshots(a['vm_id'], { ...o, pageSize: a['page_size'] }), a['take']),
    (v) => v.map(wireSnapshot),
  ],
  'vm.restore_snapshot': [
    (c, a, o) => c.vm().restoreSnapshot(a['vm_id'], a['snapshot_id'], { ...o }),
    (v) => wireVM(v),
  ],
  'vm.delete_snapshot': [
    (c, a, o) => c.vm().deleteSnapshot(a['snapshot_id'], { ...o }),
    () => null,
  ],
  'vm.get_metrics': [
    (c, a, o) => c.vm().getMetrics(a['vm_id'], a['window'], { ...o }),
    (v) => wireVMMetrics(v),
  ],
  'vm.wait_until_running': [
    (c, a, o) =>
      c.vm().waitUntilRunning(a['vm_id'], {
        maxWait: a['max_wait_ms'] ?? a['deadline_ms'],
        signal: o.signal,
      }),
    (v) => (v === undefined ? null : wireVM(v)),
  ],
  'vm.wait_until_stopped': [
    (c, a, o) =>
      c.vm().waitUntilStopped(a['vm_id'], {
        maxWait: a['max_wait_ms'] ?? a['deadline_ms'],
        signal: o.signal,
      }),
    (v) => (v === undefined ? null : wireVM(v)),
  ],
  'vm.wait_until_destroyed': [
    (c, a, o) =>
      c.vm().waitUntilDestroyed(a['vm_id'], {
        maxWait: a['max_wait_ms'] ?? a['deadline_ms'],
        signal: o.signal,
      }),
    (v) => (v === undefined ? null : wireVM(v)),
  ],
  'vm.wait_for_migration': [
    (c, a, o) =>
      c.vm().waitForMigration(a['migration_id'], {
        maxWait: a['max_wait_ms'] ?? a['deadline_ms'],
        signal: o.signal,
      }),
    (v) => (v === undefined ? null : wireMigrationStatus(v)),
  ],
};

/** A paginated call: every item (awaited), or with `take` the first n through `for await`, breaking out. */
function take(list: PagePromise<Json>, n: Json): Promise<Json[]> {
  if (n == null) return list;
  return (async () => {
    const out: Json[] = [];
    if (Number(n) <= 0) return out;
    for await (const item of list) {
      out.push(item);
      if (out.length >= Number(n)) break;
    }
    return out;
  })();
}

/** Each `stream_open` op: the SDK's stream and the wire form of its events. */
const STREAMS: Record<
  string,
  (c: Client, a: Args, o: CallOptions) => [EventStream<Json>, (v: Json) => Args]
> = {
  'vm.stream_metrics': (c, a, o) => [
    c.vm().streamMetrics(a['vm_id'], a['interval'], { ...o }),
    wireVMMetrics,
  ],
  'vm.watch': (c, a, o) => [
    c.vm().watch(a['vm_id'], { ...o, since: a['since'], follow: a['follow'] }),
    wireVMEvent,
  ],
};

interface OpenStream {
  stream: EventStream<Json>;
  events: Args[];
  done: boolean;
  error: Args | null;
  wake: (() => void) | undefined;
  pump: Promise<void>;
}

/** A client and what its hooks, logger and tracer recorded since the last look. */
interface Entry {
  client: Client;
  events: Args[];
  records: Args[];
  exporter: InMemorySpanExporter | undefined;
}

const clients = new Map<string, Entry>();
const streams = new Map<string, OpenStream>();

function clientConfig(c: Args): ClientConfig {
  const config: ClientConfig = { address: c['address'] };
  if (c['port'] != null) config.port = c['port'];
  if (c['api_key'] != null) config.apiKey = c['api_key'];
  if (c['tls_enabled'] != null) config.tlsEnabled = c['tls_enabled'];
  if (c['connect_timeout'] != null) config.connectTimeout = c['connect_timeout'];
  if (c['request_timeout'] != null) config.requestTimeout = c['request_timeout'];
  if (c['retry_attempts'] != null) config.retryAttempts = c['retry_attempts'];
  if (c['retry_backoff'] != null) config.retryBackoff = c['retry_backoff'];
  if (c['keep_alive'] != null) config.keepAlive = c['keep_alive'];
  if (c['keep_alive_period'] != null) config.keepAlivePeriod = c['keep_alive_period'];
  if (c['max_streams'] != null) config.maxStreams = c['max_streams'];
  if (c['buffer_size'] != null) config.bufferSize = c['buffer_size'];
  if (c['retry_budget'] != null) {
    const block = c['retry_budget'] as Args;
    const value: Args = {};
    if (block['capacity'] != null) value['capacity'] = block['capacity'];
    if (block['retry_cost'] != null) value['retryCost'] = block['retry_cost'];
    if (block['timeout_retry_cost'] != null)
      value['timeoutRetryCost'] = block['timeout_retry_cost'];
    if (block['success_refund'] != null) value['successRefund'] = block['success_refund'];
    config.retryBudget = value;
  }
  if (c['ca_file'] != null) config.ca = readFileSync(c['ca_file'], 'utf8');
  if (c['jitter'] != null) {
    const jitter = Number(c['jitter']);
    config.jitter = () => jitter;
  }
  return config;
}

function wireError(error: unknown): Args {
  if (error instanceof DWCPError) {
    const out: Args = {
      category: error.name,
      status: error.status ?? null,
      code: error.code,
      request_id: error.requestId ?? null,
      attempts: error.attempts,
      retry_after_ms: error.retryAfter ?? null,
      message: error.message,
    };
    if (error.retryQuotaExhausted) out['retry_quota_exhausted'] = true;
    if (error.details['state'] !== undefined) out['state'] = error.details['state'];
    if (error instanceof ValidationError) out['field'] = error.wireField;
    return out;
  }
  const name = (error as { name?: unknown } | null)?.name;
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  if (name === 'AbortError') return { category: 'Cancelled', status: null, message };
  if (name === 'TimeoutError') return { category: 'TimeoutError', status: null, message };
  return {
    category: 'Crash',
    status: null,
    message: error instanceof Error ? (error.stack ?? message) : message,
  };
}

function entry(name: Json): Entry {
  const found = clients.get(String(name));
  if (found === undefined) throw new Error(`unknown client ${String(name)}`);
  return found;
}

/** The per-call options of a request: its deadline and its options object (timeout_ms, retry_attempts, headers, idempotency_key). */
function callOptions(req: Args): CallOptions {
  const o: CallOptions = {};
  if (req['deadline_ms'] != null) o.signal = AbortSignal.timeout(Number(req['deadline_ms']));
  // (dot access: the protocol's key shares its name with a spec field, which templates never quote)
  const opts = (req.options ?? {}) as Args;
  if (opts['timeout_ms'] != null) o.timeout = Number(opts['timeout_ms']);
  if (opts['retry_attempts'] != null) o.retryAttempts = Number(opts['retry_attempts']);
  if (opts['headers'] != null) o.headers = opts['headers'] as Record<string, string>;
  if (opts['idempotency_key'] != null) o.idempotencyKey = String(opts['idempotency_key']);
  return o;
}

const POINTS: Record<string, string> = {
  beforeAttempt: 'before_attempt',
  afterResponse: 'after_response',
  beforeRetry: 'before_retry',
  onError: 'on_error',
};

/** One recording hook of the `hooks` test setting: records every point, sets headers, throws at `fail_at`. */
function recordingHook(spec: Args, events: Args[]): Hook {
  const name = String(spec['name']);
  const setHeaders = (spec['set_headers'] ?? {}) as Record<string, string>;
  const record = (point: string, ctx: HookContext, extra: Args): void => {
    events.push({
      hook: name,
      point: POINTS[point],
      op: ctx.operation,
      attempt: ctx.attempt,
      request_id: ctx.requestId,
      ...extra,
    });
    if (spec['fail_at'] === POINTS[point])
      throw new Error(`hook ${name} fails at ${POINTS[point]}`);
  };
  return {
    beforeAttempt(ctx) {
      for (const [k, v] of Object.entries(setHeaders)) ctx.headers[k.toLowerCase()] = v;
      record('beforeAttempt', ctx, {});
    },
    afterResponse(ctx, response) {
      record('afterResponse', ctx, {
        request_id: response.requestId,
        status: response.status,
        duration_ms: response.durationMs,
      });
    },
    beforeRetry(ctx, retry) {
      record('beforeRetry', ctx, {
        delay_ms: retry.delayMs,
        cause: { category: retry.cause.name, code: retry.cause.code },
      });
    },
    onError(ctx, error) {
      const e = wireError(error);
      record('onError', ctx, {
        error: {
          category: e['category'],
          code: e['code'] ?? null,
          attempts: e['attempts'] ?? null,
        },
      });
    },
  };
}

const LEVELS: Record<string, string> = {
  debug: 'debug',
  info: 'info',
  warn: 'warning',
  error: 'error',
};

/** A logger that keeps the SDK's records for `log_records`. */
function recordingLogger(records: Args[]): Logger {
  const keep =
    (level: string) =>
    (text: string, fields: LogFields): void => {
      const { event, ...rest } = fields;
      records.push({
        level: LEVELS[level],
        event,
        text,
        fields: JSON.parse(JSON.stringify(rest)) as Args,
      });
    };
  return { debug: keep('debug'), info: keep('info'), warn: keep('warn'), error: keep('error') };
}

/** Builds a client from `new_client`'s config, applying the test settings hooks, log_level and tracing. */
function newClient(c: Args): Entry {
  const { hooks, log_level: logLevel, tracing, ...settings } = c;
  const entry: Entry = {
    client: undefined as unknown as Client,
    events: [],
    records: [],
    exporter: undefined,
  };
  const config = clientConfig(settings);
  // The SDK reads DWCP_LOG itself when the client is built.
  if (logLevel != null) process.env['DWCP_LOG'] = String(logLevel);
  else delete process.env['DWCP_LOG'];
  config.logger = recordingLogger(entry.records);
  if (Array.isArray(hooks)) config.hooks = hooks.map((h: Args) => recordingHook(h, entry.events));
  if (tracing === true) {
    entry.exporter = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({
      spanProcessors: [new SimpleSpanProcessor(entry.exporter)],
    });
    config.tracing = otelTracing({ tracerProvider: provider });
  }
  entry.client = new Client(config);
  delete process.env['DWCP_LOG'];
  return entry;
}

const KINDS: Record<number, string> = {
  [SpanKind.INTERNAL]: 'internal',
  [SpanKind.CLIENT]: 'client',
  [SpanKind.SERVER]: 'server',
};
const STATUSES: Record<number, string> = {
  [SpanStatusCode.UNSET]: 'unset',
  [SpanStatusCode.OK]: 'ok',
  [SpanStatusCode.ERROR]: 'error',
};

function spans(e: Entry): Args[] {
  if (e.exporter === undefined) return [];
  const out = e.exporter.getFinishedSpans().map((span) => ({
    name: span.name,
    kind: KINDS[span.kind] ?? String(span.kind),
    trace_id: span.spanContext().traceId,
    span_id: span.spanContext().spanId,
    parent_span_id: span.parentSpanContext?.spanId ?? null,
    status: STATUSES[span.status.code] ?? 'unset',
    attributes: { ...span.attributes },
  }));
  e.exporter.reset();
  return out;
}

/** Every text form Node gives a client and its settings (the runner searches them for the API key). */
function describe(client: Client): Json {
  const deep = { showHidden: true, depth: null, getters: true } as const;
  const forms: Record<string, string> = {
    'JSON.stringify(client)': JSON.stringify(client),
    'JSON.stringify(client.toJSON())': JSON.stringify(client.toJSON()),
    'util.inspect(client, showHidden)': inspect(client, deep),
    'util.inspect(client.toJSON(), showHidden)': inspect(client.toJSON(), deep),
    'util.format(%o, client)': format('%o', client),
    'String(client)': String(client),
    'JSON.stringify(Object.entries(client))': JSON.stringify(Object.entries(client)),
  };
  return { renderings: Object.entries(forms).map(([how, text]) => ({ how, text })) };
}

/** The request's args without nulls (an absent optional input). */
function args(req: Args): Args {
  const out: Args = {};
  for (const [k, v] of Object.entries((req['args'] ?? {}) as Args)) if (v !== null) out[k] = v;
  return out;
}

async function call(req: Args): Promise<Json> {
  const op = OPS[String(req['op'])];
  if (op === undefined) throw new Error(`unknown op ${String(req['op'])}`);
  const [run, toWire] = op;
  const options = callOptions(req);
  // cancel_after_ms: the caller aborts the call's signal that many ms after it began (its reason,
  // an AbortError, is reported as Cancelled); a deadline_ms still applies through the same signal.
  let timer: ReturnType<typeof setTimeout> | undefined;
  if (req['cancel_after_ms'] != null) {
    const controller = new AbortController();
    const deadline = options.signal;
    deadline?.addEventListener('abort', () => controller.abort(deadline.reason), { once: true });
    options.signal = controller.signal;
    timer = setTimeout(() => controller.abort(), Number(req['cancel_after_ms']));
  }
  try {
    const promise = run(entry(req['client']).client, args(req), options);
    if (req['raw'] !== true) return toWire(await promise);
    if (!(promise instanceof APIPromise))
      throw new Error(`${String(req['op'])} has no raw response`);
    const { data, response } = await promise.withResponse();
    return {
      status: response.status,
      headers: response.headers,
      request_id: response.requestId,
      result: toWire(data),
    };
  } finally {
    clearTimeout(timer);
  }
}

function openStream(req: Args): [EventStream<Json>, (v: Json) => Args] {
  const open = STREAMS[String(req['op'])];
  if (open === undefined) throw new Error(`unknown stream op ${String(req['op'])}`);
  return open(entry(req['client']).client, args(req), callOptions({ options: req.options }));
}

async function pump(s: OpenStream, toWire: (v: Json) => Args): Promise<void> {
  try {
    for await (const value of s.stream) {
      // A payload without an id field of its own still has the SSE id of its event.
      const id = Number(s.stream.lastEventId);
      s.events.push({ id: Number.isNaN(id) ? s.stream.lastEventId : id, ...toWire(value) });
      s.wake?.();
    }
  } catch (error) {
    s.error = wireError(error);
  }
  s.done = true;
  s.wake?.();
}

async function read(s: OpenStream, count: number, timeoutMs: number): Promise<Args> {
  const until = Date.now() + timeoutMs;
  while (s.events.length < count && !s.done) {
    const left = until - Date.now();
    if (left <= 0) break;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, left);
      s.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    s.wake = undefined;
  }
  const events = s.events.splice(0, count);
  return {
    events,
    done: s.done && s.events.length === 0,
    error: s.events.length === 0 ? s.error : null,
  };
}

async function handle(req: Args): Promise<Json> {
  switch (req['cmd']) {
    case 'hello':
      return {
        language: 'typescript',
        sdk_version: VERSION,
        protocol: 1,
        features: [
          'async_client',
          'vm_management',
          'live_migration',
          'snapshots',
          'realtime_metrics',
          'event_streaming',
          'stream_resume',
          'tls',
          'connection_pooling',
          'automatic_retry',
          'idempotency',
          'client_validation',
          'health_checking',
          'hooks',
          'logging',
          'tracing',
          'per_call_options',
          'raw_responses',
          'user_agent',
          'retry_budget',
          'waiters',
          'lazy_pagination',
          'cancellation',
        ],
      };
    case 'new_client':
      clients.set(String(req['client']), newClient((req['config'] ?? {}) as Args));
      return {};
    case 'hook_events': {
      const e = entry(req['client']);
      return { events: e.events.splice(0) };
    }
    case 'log_records': {
      const e = entry(req['client']);
      return { records: e.records.splice(0) };
    }
    case 'spans':
      return { spans: spans(entry(req['client'])) };
    case 'connect':
      await entry(req['client']).client.connect(callOptions(req));
      return status(entry(req['client']).client);
    case 'disconnect':
      await entry(req['client']).client.disconnect();
      return {};
    case 'status':
      return status(entry(req['client']).client);
    case 'describe':
      return describe(entry(req['client']).client);
    case 'client_metrics': {
      const mt = entry(req['client']).client.getMetrics();
      return {
        messages_sent: mt.messagesSent,
        messages_received: mt.messagesReceived,
        bytes_sent: mt.bytesSent,
        bytes_received: mt.bytesReceived,
        errors_total: mt.errorsTotal,
        retry_tokens: mt.retryTokens,
      };
    }
    case 'call':
      return call(req);
    case 'call_many': {
      const calls = (req['calls'] ?? []) as Args[];
      const results = await Promise.all(
        calls.map(async (c) => {
          try {
            return {
              ok: true,
              result: await call({
                ...c,
                client: c['client'] ?? req['client'],
                deadline_ms: c['deadline_ms'] ?? req['deadline_ms'],
              }),
            };
          } catch (error) {
            return { ok: false, error: wireError(error) };
          }
        }),
      );
      return { results };
    }
    case 'stream_open': {
      const [stream, toWire] = openStream(req);
      await stream.ready();
      const s: OpenStream = {
        stream,
        events: [],
        done: false,
        error: null,
        wake: undefined,
        pump: Promise.resolve(),
      };
      s.pump = pump(s, toWire);
      streams.set(String(req['stream']), s);
      return {};
    }
    case 'stream_read': {
      const s = streams.get(String(req['stream']));
      if (s === undefined) throw new Error(`unknown stream ${String(req['stream'])}`);
      return read(s, Number(req['count'] ?? 1), Number(req['timeout_ms'] ?? 1000));
    }
    case 'stream_close': {
      const s = streams.get(String(req['stream']));
      streams.delete(String(req['stream']));
      s?.stream.close();
      await s?.pump;
      return {};
    }
    case 'shutdown':
      return {};
    default:
      throw new Error(`unknown command ${String(req['cmd'])}`);
  }
}

function status(client: Client): Args {
  return { is_connected: client.isConnected, is_authenticated: client.isAuthenticated };
}

async function main(): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    let req: Args;
    try {
      req = JSON.parse(line) as Args;
    } catch {
      continue;
    }
    let reply: Args;
    try {
      reply = { id: req['id'], ok: true, result: await handle(req) };
    } catch (error) {
      reply = { id: req['id'], ok: false, error: wireError(error) };
    }
    process.stdout.write(`${JSON.stringify(reply)}\n`);
    if (req['cmd'] === 'shutdown') {
      for (const { client } of clients.values()) await client.disconnect().catch(() => undefined);
      process.exit(0);
    }
  }
}

void main();
