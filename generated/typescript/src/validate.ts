// Code generated from spec/dwcp.yaml by generator/; DO NOT EDIT.
//
// The spec's constraints, checked before any request so that bad input never reaches the server;
// the first violation throws a ValidationError that names the field.
import {
  checkBool,
  checkDate,
  checkList,
  checkMap,
  checkNumber,
  checkString,
  isRecord,
  type NumberRules,
} from './runtime/checks.js';
import { toMillis, type Duration } from './runtime/duration.js';
import { ValidationError } from './errors.js';

/** Throws the ValidationError of a violation, naming the field in both spellings. */
function report(problem: string | undefined, field: string, wireField: string): void {
  if (problem === undefined) return;
  throw new ValidationError({
    code: 'validation_failed',
    message: `${field}: ${problem}`,
    field,
    wireField,
  });
}

/** Checks that a required value is present. */
function need(value: unknown, field: string, wireField: string): void {
  if (value === undefined || value === null) report('is required', field, wireField);
}

/** Checks a NetworkInterface against the spec; `p`/`w` prefix field names (SDK and wire spelling). */
export function validateNetworkInterface(value: unknown, p = '', w = ''): void {
  if (!isRecord(value))
    return report(
      'must be an object',
      p.replace(/\.$/, '') || 'value',
      w.replace(/\.$/, '') || 'value',
    );
  need(value['name'], `${p}name`, `${w}name`);
  if (value['name'] != null) {
    report(
      checkString(value['name'], { pattern: /^[a-z][a-z0-9]{0,14}$/ }),
      `${p}name`,
      `${w}name`,
    );
  }
  if (value['type'] != null) {
    report(
      checkString(value['type'], { oneOf: ['virtio', 'e1000', 'rtl8139'] }),
      `${p}type`,
      `${w}type`,
    );
  }
  if (value['mac'] != null) {
    report(
      checkString(value['mac'], { pattern: /^([0-9a-f]{2}:){5}[0-9a-f]{2}$/ }),
      `${p}mac`,
      `${w}mac`,
    );
  }
  if (value['bridge'] != null) {
    report(checkString(value['bridge'], {}), `${p}bridge`, `${w}bridge`);
  }
  if (value['vlan'] != null) {
    report(
      checkNumber(value['vlan'], { min: 0, max: 4094, integer: true }),
      `${p}vlan`,
      `${w}vlan`,
    );
  }
  if (value['ipAddress'] != null) {
    report(checkString(value['ipAddress'], {}), `${p}ipAddress`, `${w}ip_address`);
  }
  if (value['netmask'] != null) {
    report(checkString(value['netmask'], {}), `${p}netmask`, `${w}netmask`);
  }
  if (value['bandwidth'] != null) {
    report(
      checkNumber(value['bandwidth'], { min: 0, integer: true }),
      `${p}bandwidth`,
      `${w}bandwidth`,
    );
  }
}

/** Checks a NetworkConfig against the spec; `p`/`w` prefix field names (SDK and wire spelling). */
export function validateNetworkConfig(value: unknown, p = '', w = ''): void {
  if (!isRecord(value))
    return report(
      'must be an object',
      p.replace(/\.$/, '') || 'value',
      w.replace(/\.$/, '') || 'value',
    );
  if (value['mode'] != null) {
    report(
      checkString(value['mode'], { oneOf: ['bridge', 'nat', 'host', 'none'] }),
      `${p}mode`,
      `${w}mode`,
    );
  }
  if (value['interfaces'] != null) {
    report(checkList(value['interfaces'], 16), `${p}interfaces`, `${w}interfaces`);
    (value['interfaces'] as unknown[]).forEach((item, i) => {
      validateNetworkInterface(item, `${p}interfaces[${i}].`, `${w}interfaces[${i}].`);
    });
  }
  if (value['dns'] != null) {
    report(checkList(value['dns'], 8), `${p}dns`, `${w}dns`);
    (value['dns'] as unknown[]).forEach((item, i) => {
      report(checkString(item, {}), `${p}dns[${i}]`, `${w}dns[${i}]`);
    });
  }
  if (value['gateway'] != null) {
    report(checkString(value['gateway'], {}), `${p}gateway`, `${w}gateway`);
  }
  if (value['mtu'] != null) {
    report(checkNumber(value['mtu'], { min: 576, max: 9216, integer: true }), `${p}mtu`, `${w}mtu`);
  }
}

/** Checks a Affinity against the spec; `p`/`w` prefix field names (SDK and wire spelling). */
export function validateAffinity(value: unknown, p = '', w = ''): void {
  if (!isRecord(value))
    return report(
      'must be an object',
      p.replace(/\.$/, '') || 'value',
      w.replace(/\.$/, '') || 'value',
    );
  if (value['nodeSelector'] != null) {
    report(checkMap(value['nodeSelector'], true), `${p}nodeSelector`, `${w}node_selector`);
  }
  if (value['requiredNodes'] != null) {
    report(checkList(value['requiredNodes'], undefined), `${p}requiredNodes`, `${w}required_nodes`);
    (value['requiredNodes'] as unknown[]).forEach((item, i) => {
      report(checkString(item, {}), `${p}requiredNodes[${i}]`, `${w}required_nodes[${i}]`);
    });
  }
  if (value['preferredNodes'] != null) {
    report(
      checkList(value['preferredNodes'], undefined),
      `${p}preferredNodes`,
      `${w}preferred_nodes`,
    );
    (value['preferredNodes'] as unknown[]).forEach((item, i) => {
      report(checkString(item, {}), `${p}preferredNodes[${i}]`, `${w}preferred_nodes[${i}]`);
    });
  }
  if (value['antiAffinityVms'] != null) {
    report(
      checkList(value['antiAffinityVms'], undefined),
      `${p}antiAffinityVms`,
      `${w}anti_affinity_vms`,
    );
    (value['antiAffinityVms'] as unknown[]).forEach((item, i) => {
      report(checkString(item, {}), `${p}antiAffinityVms[${i}]`, `${w}anti_affinity_vms[${i}]`);
    });
  }
}

/** Checks a VMConfig against the spec; `p`/`w` prefix field names (SDK and wire spelling). */
export function validateVMConfig(value: unknown, p = '', w = ''): void {
  if (!isRecord(value))
    return report(
      'must be an object',
      p.replace(/\.$/, '') || 'value',
      w.replace(/\.$/, '') || 'value',
    );
  need(value['name'], `${p}name`, `${w}name`);
  if (value['name'] != null) {
    report(
      checkString(value['name'], { pattern: /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/ }),
      `${p}name`,
      `${w}name`,
    );
  }
  need(value['memory'], `${p}memory`, `${w}memory`);
  if (value['memory'] != null) {
    report(
      checkNumber(value['memory'], { min: 536870912, max: 4398046511104, integer: true }),
      `${p}memory`,
      `${w}memory`,
    );
  }
  need(value['cpus'], `${p}cpus`, `${w}cpus`);
  if (value['cpus'] != null) {
    report(checkNumber(value['cpus'], { min: 1, max: 128, integer: true }), `${p}cpus`, `${w}cpus`);
  }
  if (value['disk'] != null) {
    report(
      checkNumber(value['disk'], { min: 1073741824, max: 70368744177664, integer: true }),
      `${p}disk`,
      `${w}disk`,
    );
  }
  if (value['image'] != null) {
    report(checkString(value['image'], { minLength: 1, maxLength: 253 }), `${p}image`, `${w}image`);
  }
  if (value['network'] != null) {
    validateNetworkConfig(value['network'], `${p}network.`, `${w}network.`);
  }
  if (value['cloudInit'] != null) {
    report(
      checkString(value['cloudInit'], { maxLength: 65536 }),
      `${p}cloudInit`,
      `${w}cloud_init`,
    );
  }
  if (value['labels'] != null) {
    report(checkMap(value['labels'], true), `${p}labels`, `${w}labels`);
  }
  if (value['annotations'] != null) {
    report(checkMap(value['annotations'], true), `${p}annotations`, `${w}annotations`);
  }
  if (value['priority'] != null) {
    report(
      checkNumber(value['priority'], { min: 0, max: 10, integer: true }),
      `${p}priority`,
      `${w}priority`,
    );
  }
  if (value['affinity'] != null) {
    validateAffinity(value['affinity'], `${p}affinity.`, `${w}affinity.`);
  }
  if (value['enableGpu'] != null) {
    report(checkBool(value['enableGpu']), `${p}enableGpu`, `${w}enable_gpu`);
  }
  if (value['gpuType'] != null) {
    report(checkString(value['gpuType'], {}), `${p}gpuType`, `${w}gpu_type`);
  }
  if (value['enableTpm'] != null) {
    report(checkBool(value['enableTpm']), `${p}enableTpm`, `${w}enable_tpm`);
  }
  if (value['enableSecureBoot'] != null) {
    report(checkBool(value['enableSecureBoot']), `${p}enableSecureBoot`, `${w}enable_secure_boot`);
  }
  if (value['cpuPinning'] != null) {
    report(checkList(value['cpuPinning'], 128), `${p}cpuPinning`, `${w}cpu_pinning`);
    (value['cpuPinning'] as unknown[]).forEach((item, i) => {
      report(checkNumber(item, { integer: true }), `${p}cpuPinning[${i}]`, `${w}cpu_pinning[${i}]`);
    });
  }
  if (value['numaNodes'] != null) {
    report(checkList(value['numaNodes'], 64), `${p}numaNodes`, `${w}numa_nodes`);
    (value['numaNodes'] as unknown[]).forEach((item, i) => {
      report(checkNumber(item, { integer: true }), `${p}numaNodes[${i}]`, `${w}numa_nodes[${i}]`);
    });
  }
  if (value['hugePages'] != null) {
    report(checkBool(value['hugePages']), `${p}hugePages`, `${w}huge_pages`);
  }
  if (value['ioThreads'] != null) {
    report(
      checkNumber(value['ioThreads'], { min: 0, max: 64, integer: true }),
      `${p}ioThreads`,
      `${w}io_threads`,
    );
  }
  if (value['memoryMax'] != null) {
    report(
      checkNumber(value['memoryMax'], { min: 0, integer: true }),
      `${p}memoryMax`,
      `${w}memory_max`,
    );
  }
  if (value['cpuQuota'] != null) {
    report(
      checkNumber(value['cpuQuota'], { min: 0, max: 100, integer: true }),
      `${p}cpuQuota`,
      `${w}cpu_quota`,
    );
  }
  if (value['diskIopsLimit'] != null) {
    report(
      checkNumber(value['diskIopsLimit'], { min: 0, integer: true }),
      `${p}diskIopsLimit`,
      `${w}disk_iops_limit`,
    );
  }
  if (value['networkBandwidth'] != null) {
    report(
      checkNumber(value['networkBandwidth'], { min: 0, integer: true }),
      `${p}networkBandwidth`,
      `${w}network_bandwidth`,
    );
  }
}

/** Checks a MigrationOptions against the spec; `p`/`w` prefix field names (SDK and wire spelling). */
export function validateMigrationOptions(value: unknown, p = '', w = ''): void {
  if (!isRecord(value))
    return report(
      'must be an object',
      p.replace(/\.$/, '') || 'value',
      w.replace(/\.$/, '') || 'value',
    );
  if (value['live'] != null) {
    report(checkBool(value['live']), `${p}live`, `${w}live`);
  }
  if (value['maxDowntime'] != null) {
    report(
      checkNumber(value['maxDowntime'], { min: 0, max: 60000, integer: true }),
      `${p}maxDowntime`,
      `${w}max_downtime`,
    );
  }
  if (value['bandwidth'] != null) {
    report(
      checkNumber(value['bandwidth'], { min: 0, integer: true }),
      `${p}bandwidth`,
      `${w}bandwidth`,
    );
  }
  if (value['compression'] != null) {
    report(checkBool(value['compression']), `${p}compression`, `${w}compression`);
  }
  if (value['autoConverge'] != null) {
    report(checkBool(value['autoConverge']), `${p}autoConverge`, `${w}auto_converge`);
  }
  if (value['postCopy'] != null) {
    report(checkBool(value['postCopy']), `${p}postCopy`, `${w}post_copy`);
  }
  if (value['parallel'] != null) {
    report(
      checkNumber(value['parallel'], { min: 0, max: 16, integer: true }),
      `${p}parallel`,
      `${w}parallel`,
    );
  }
  if (value['verifyChecksum'] != null) {
    report(checkBool(value['verifyChecksum']), `${p}verifyChecksum`, `${w}verify_checksum`);
  }
  if (value['encryptTransport'] != null) {
    report(checkBool(value['encryptTransport']), `${p}encryptTransport`, `${w}encrypt_transport`);
  }
}

/** Checks a MigrateRequest against the spec; `p`/`w` prefix field names (SDK and wire spelling). */
export function validateMigrateRequest(value: unknown, p = '', w = ''): void {
  if (!isRecord(value))
    return report(
      'must be an object',
      p.replace(/\.$/, '') || 'value',
      w.replace(/\.$/, '') || 'value',
    );
  need(value['targetNode'], `${p}targetNode`, `${w}target_node`);
  if (value['targetNode'] != null) {
    report(checkString(value['targetNode'], { minLength: 1 }), `${p}targetNode`, `${w}target_node`);
  }
  if (value['options'] != null) {
    validateMigrationOptions(value['options'], `${p}options.`, `${w}options.`);
  }
}

/** Checks a SnapshotOptions against the spec; `p`/`w` prefix field names (SDK and wire spelling). */
export function validateSnapshotOptions(value: unknown, p = '', w = ''): void {
  if (!isRecord(value))
    return report(
      'must be an object',
      p.replace(/\.$/, '') || 'value',
      w.replace(/\.$/, '') || 'value',
    );
  if (value['includeMemory'] != null) {
    report(checkBool(value['includeMemory']), `${p}includeMemory`, `${w}include_memory`);
  }
  if (value['description'] != null) {
    report(
      checkString(value['description'], { maxLength: 1024 }),
      `${p}description`,
      `${w}description`,
    );
  }
  if (value['quiesce'] != null) {
    report(checkBool(value['quiesce']), `${p}quiesce`, `${w}quiesce`);
  }
}

/** Checks a SnapshotRequest against the spec; `p`/`w` prefix field names (SDK and wire spelling). */
export function validateSnapshotRequest(value: unknown, p = '', w = ''): void {
  if (!isRecord(value))
    return report(
      'must be an object',
      p.replace(/\.$/, '') || 'value',
      w.replace(/\.$/, '') || 'value',
    );
  need(value['name'], `${p}name`, `${w}name`);
  if (value['name'] != null) {
    report(
      checkString(value['name'], { pattern: /^[a-zA-Z0-9][a-zA-Z0-9._-]{0,62}$/ }),
      `${p}name`,
      `${w}name`,
    );
  }
  if (value['options'] != null) {
    validateSnapshotOptions(value['options'], `${p}options.`, `${w}options.`);
  }
}

/** Checks a StopRequest against the spec; `p`/`w` prefix field names (SDK and wire spelling). */
export function validateStopRequest(value: unknown, p = '', w = ''): void {
  if (!isRecord(value))
    return report(
      'must be an object',
      p.replace(/\.$/, '') || 'value',
      w.replace(/\.$/, '') || 'value',
    );
  if (value['force'] != null) {
    report(checkBool(value['force']), `${p}force`, `${w}force`);
  }
}

/** Checks a ClientConfig against the spec; `p`/`w` prefix field names (SDK and wire spelling). */
export function validateClientConfig(value: unknown, p = '', w = ''): void {
  if (!isRecord(value))
    return report(
      'must be an object',
      p.replace(/\.$/, '') || 'value',
      w.replace(/\.$/, '') || 'value',
    );
  need(value['address'], `${p}address`, `${w}address`);
  if (value['address'] != null) {
    report(checkString(value['address'], {}), `${p}address`, `${w}address`);
  }
  if (value['port'] != null) {
    report(
      checkNumber(value['port'], { min: 1, max: 65535, integer: true }),
      `${p}port`,
      `${w}port`,
    );
  }
  if (value['apiKey'] != null) {
    report(checkString(value['apiKey'], {}), `${p}apiKey`, `${w}api_key`);
  }
  if (value['tlsEnabled'] != null) {
    report(checkBool(value['tlsEnabled']), `${p}tlsEnabled`, `${w}tls_enabled`);
  }
  if (value['connectTimeout'] != null) {
    report(
      checkNumber(value['connectTimeout'], { min: 1, integer: true }),
      `${p}connectTimeout`,
      `${w}connect_timeout`,
    );
  }
  if (value['requestTimeout'] != null) {
    report(
      checkNumber(value['requestTimeout'], { min: 1, integer: true }),
      `${p}requestTimeout`,
      `${w}request_timeout`,
    );
  }
  if (value['retryAttempts'] != null) {
    report(
      checkNumber(value['retryAttempts'], { min: 0, max: 10, integer: true }),
      `${p}retryAttempts`,
      `${w}retry_attempts`,
    );
  }
  if (value['retryBackoff'] != null) {
    report(
      checkNumber(value['retryBackoff'], { min: 0, integer: true }),
      `${p}retryBackoff`,
      `${w}retry_backoff`,
    );
  }
  if (value['keepAlive'] != null) {
    report(checkBool(value['keepAlive']), `${p}keepAlive`, `${w}keep_alive`);
  }
  if (value['keepAlivePeriod'] != null) {
    report(
      checkNumber(value['keepAlivePeriod'], { min: 1, integer: true }),
      `${p}keepAlivePeriod`,
      `${w}keep_alive_period`,
    );
  }
  if (value['maxStreams'] != null) {
    report(
      checkNumber(value['maxStreams'], { min: 1, max: 10000, integer: true }),
      `${p}maxStreams`,
      `${w}max_streams`,
    );
  }
  if (value['bufferSize'] != null) {
    report(
      checkNumber(value['bufferSize'], { min: 1024, max: 16777216, integer: true }),
      `${p}bufferSize`,
      `${w}buffer_size`,
    );
  }
}

/** A path parameter: a non-empty string. */
export function checkId(value: unknown, field: string, wireField: string): string {
  report(checkString(value, { minLength: 1 }), field, wireField);
  return value as string;
}

/** A duration parameter ('1s', '500ms' or a number of ms) as whole milliseconds, within the spec's limits. */
export function checkDuration(
  value: Duration,
  field: string,
  wireField: string,
  rules: NumberRules = {},
): number {
  const ms = typeof value === 'number' || typeof value === 'string' ? toMillis(value) : undefined;
  if (ms === undefined || !Number.isFinite(ms) || ms < 0)
    report(`must be a duration such as 1000 or '1s'`, field, wireField);
  const whole = Math.round(ms as number);
  report(checkNumber(whole, rules), field, wireField);
  return whole;
}

/** An optional parameter checked like a spec field. */
export function checkParam(problem: string | undefined, field: string, wireField: string): void {
  report(problem, field, wireField);
}
