// Code generated from spec/dwcp.yaml by generator/; DO NOT EDIT.
import type { BaseClient } from './base-client.js';
import {
  decodeHealthStatus,
  decodeMigrationStatus,
  decodeSnapshot,
  decodeSnapshotList,
  decodeVM,
  decodeVMEvent,
  decodeVMList,
  decodeVMMetrics,
  encodeMigrateRequest,
  encodeSnapshotRequest,
  encodeStopRequest,
  encodeVMConfig,
} from './codec.js';
import { MigrationError, TimeoutError } from './errors.js';
import type { Duration } from './runtime/duration.js';
import { EventStream } from './runtime/event-stream.js';
import type { CallOptions, Endpoint } from './runtime/invoker.js';
import { query } from './runtime/query.js';
import { pollUntil } from './runtime/waiter.js';
import { object, parseJson } from './runtime/wire.js';
import type {
  HealthStatus,
  MigrationOptions,
  MigrationStatus,
  Snapshot,
  SnapshotList,
  SnapshotOptions,
  VM,
  VMConfig,
  VMEvent,
  VMList,
  VMMetrics,
} from './types.js';
import {
  checkDuration,
  checkId,
  checkParam,
  validateMigrateRequest,
  validateSnapshotRequest,
  validateStopRequest,
  validateVMConfig,
} from './validate.js';
import { checkBool, checkNumber } from './runtime/checks.js';

/** Options of list. */
export interface ListOptions extends CallOptions {
  /** The `page_size` query parameter. */
  pageSize?: number;
}

/** Options of listSnapshots. */
export interface ListSnapshotsOptions extends CallOptions {
  /** The `page_size` query parameter. */
  pageSize?: number;
}

/** Options of watch. */
export interface WatchOptions extends CallOptions {
  /** The `since` query parameter. */
  since?: number;
  /** The `follow` query parameter. */
  follow?: boolean;
}

/** Options of waitForMigration: a wait always has a deadline. */
export interface WaitOptions {
  /** How long to wait (ms or '5m'), or the Date by which to give up; required. */
  deadline: Duration | Date;
  signal?: AbortSignal | undefined;
  /** First delay between polls (default 100 ms, growing 1.5x per poll up to 5 s). */
  interval?: Duration | undefined;
}

const DONE: ReadonlySet<string> = new Set(['completed', 'failed', 'cancelled']);
const FAILED: ReadonlySet<string> = new Set(['failed', 'cancelled']);

/** Virtual machines, their migrations, snapshots, metrics and events. */
export class VMClient {
  readonly #client: BaseClient;

  constructor(client: BaseClient) {
    this.#client = client;
  }

  #call<T>(
    endpoint: Endpoint,
    body: unknown,
    decode: (json: unknown) => T,
    options: CallOptions,
  ): Promise<T> {
    return this.#client.invoker().call(endpoint, body, decode, options);
  }

  /** Creates a VM (placed on a node that fits) and returns it in state creating. */
  async create(config: VMConfig, options: CallOptions = {}): Promise<VM> {
    validateVMConfig(config);
    return this.#call(
      { method: 'POST', path: `/vms`, idempotent: false, auth: true, success: 201 },
      encodeVMConfig(config),
      (json) => decodeVM(object(json, 'VM')),
      options,
    );
  }

  /** Returns a VM. */
  async get(vmId: string, options: CallOptions = {}): Promise<VM> {
    return this.#call(
      {
        method: 'GET',
        path: `/vms/${encodeURIComponent(checkId(vmId, 'vmId', 'vm_id'))}`,
        idempotent: true,
        auth: true,
        success: 200,
      },
      undefined,
      (json) => decodeVM(object(json, 'VM')),
      options,
    );
  }

  /** Lists VMs whose labels match all the given labels, page by page. */
  async list(labels?: Record<string, string>, options: ListOptions = {}): Promise<VM[]> {
    const items: VM[] = [];
    let token: string | undefined;
    do {
      const page: VMList = await this.#call(
        {
          method: 'GET',
          path: `/vms${query({ labels: labels, page_size: options.pageSize, page_token: token })}`,
          idempotent: true,
          auth: true,
          success: 200,
        },
        undefined,
        (json) => decodeVMList(object(json, 'VMList')),
        options,
      );
      for (const item of page.vms) items.push(item);
      token = page.nextPageToken || undefined;
    } while (token !== undefined);
    return items;
  }

  /** Starts a stopped VM; starting a running VM is a no-op. */
  async start(vmId: string, options: CallOptions = {}): Promise<VM> {
    return this.#call(
      {
        method: 'POST',
        path: `/vms/${encodeURIComponent(checkId(vmId, 'vmId', 'vm_id'))}/start`,
        idempotent: true,
        auth: true,
        success: 200,
      },
      undefined,
      (json) => decodeVM(object(json, 'VM')),
      options,
    );
  }

  /** Stops a running VM, gracefully or by force; stopping a stopped VM is a no-op. */
  async stop(vmId: string, force?: boolean, options: CallOptions = {}): Promise<VM> {
    const body = { force };
    validateStopRequest(body);
    return this.#call(
      {
        method: 'POST',
        path: `/vms/${encodeURIComponent(checkId(vmId, 'vmId', 'vm_id'))}/stop`,
        idempotent: true,
        auth: true,
        success: 200,
      },
      encodeStopRequest(body),
      (json) => decodeVM(object(json, 'VM')),
      options,
    );
  }

  /** Destroys a VM and its snapshots. */
  async destroy(vmId: string, options: CallOptions = {}): Promise<void> {
    return this.#call(
      {
        method: 'DELETE',
        path: `/vms/${encodeURIComponent(checkId(vmId, 'vmId', 'vm_id'))}`,
        idempotent: true,
        auth: true,
        success: 204,
      },
      undefined,
      () => undefined,
      options,
    );
  }

  /** Starts moving a VM to another node; poll get_migration_status or wait for it. */
  async migrate(
    vmId: string,
    targetNode: string,
    options?: MigrationOptions,
    callOptions: CallOptions = {},
  ): Promise<MigrationStatus> {
    const body = { targetNode, options };
    validateMigrateRequest(body);
    return this.#call(
      {
        method: 'POST',
        path: `/vms/${encodeURIComponent(checkId(vmId, 'vmId', 'vm_id'))}/migrations`,
        idempotent: false,
        auth: true,
        success: 202,
      },
      encodeMigrateRequest(body),
      (json) => decodeMigrationStatus(object(json, 'MigrationStatus')),
      callOptions,
    );
  }

  /**
   * Polls getMigrationStatus until the operation is completed, failed, cancelled; rejects with a
   * MigrationError when it ends failed or cancelled, and with a TimeoutError at the deadline
   * (the operation itself goes on; cancel it with cancelMigration).
   */
  async waitForMigration(migrationId: string, options: WaitOptions): Promise<MigrationStatus> {
    checkId(migrationId, 'migrationId', 'migration_id');
    const deadline =
      options.deadline instanceof Date
        ? options.deadline.getTime() - Date.now()
        : checkDuration(options.deadline, 'deadline', 'deadline_ms');
    const interval =
      options.interval === undefined
        ? undefined
        : checkDuration(options.interval, 'interval', 'interval');
    const status = await pollUntil(
      (signal) => this.getMigrationStatus(migrationId, { signal }),
      (s) => DONE.has(s.state),
      { deadline, signal: options.signal, interval },
      (cause) =>
        new TimeoutError({
          code: 'client_timeout',
          message: `${migrationId} did not finish within ${deadline} ms`,
          cause,
        }),
    );
    if (FAILED.has(status.state)) {
      throw new MigrationError({
        code: 'migration_failed',
        message: status.error ?? `${migrationId} ended ${status.state}`,
        details: { status },
      });
    }
    return status;
  }

  /** Returns the progress of a migration. */
  async getMigrationStatus(
    migrationId: string,
    options: CallOptions = {},
  ): Promise<MigrationStatus> {
    return this.#call(
      {
        method: 'GET',
        path: `/migrations/${encodeURIComponent(checkId(migrationId, 'migrationId', 'migration_id'))}`,
        idempotent: true,
        auth: true,
        success: 200,
      },
      undefined,
      (json) => decodeMigrationStatus(object(json, 'MigrationStatus')),
      options,
    );
  }

  /** Cancels a migration; the VM stays on its source node. */
  async cancelMigration(migrationId: string, options: CallOptions = {}): Promise<MigrationStatus> {
    return this.#call(
      {
        method: 'POST',
        path: `/migrations/${encodeURIComponent(checkId(migrationId, 'migrationId', 'migration_id'))}/cancel`,
        idempotent: true,
        auth: true,
        success: 200,
      },
      undefined,
      (json) => decodeMigrationStatus(object(json, 'MigrationStatus')),
      options,
    );
  }

  /** Takes a snapshot of a VM. */
  async snapshot(
    vmId: string,
    name: string,
    options?: SnapshotOptions,
    callOptions: CallOptions = {},
  ): Promise<Snapshot> {
    const body = { name, options };
    validateSnapshotRequest(body);
    return this.#call(
      {
        method: 'POST',
        path: `/vms/${encodeURIComponent(checkId(vmId, 'vmId', 'vm_id'))}/snapshots`,
        idempotent: false,
        auth: true,
        success: 201,
      },
      encodeSnapshotRequest(body),
      (json) => decodeSnapshot(object(json, 'Snapshot')),
      callOptions,
    );
  }

  /** Lists a VM's snapshots, page by page. */
  async listSnapshots(vmId: string, options: ListSnapshotsOptions = {}): Promise<Snapshot[]> {
    const items: Snapshot[] = [];
    let token: string | undefined;
    do {
      const page: SnapshotList = await this.#call(
        {
          method: 'GET',
          path: `/vms/${encodeURIComponent(checkId(vmId, 'vmId', 'vm_id'))}/snapshots${query({ page_size: options.pageSize, page_token: token })}`,
          idempotent: true,
          auth: true,
          success: 200,
        },
        undefined,
        (json) => decodeSnapshotList(object(json, 'SnapshotList')),
        options,
      );
      for (const item of page.snapshots) items.push(item);
      token = page.nextPageToken || undefined;
    } while (token !== undefined);
    return items;
  }

  /** Restores a VM from one of its snapshots. */
  async restoreSnapshot(vmId: string, snapshotId: string, options: CallOptions = {}): Promise<VM> {
    return this.#call(
      {
        method: 'POST',
        path: `/vms/${encodeURIComponent(checkId(vmId, 'vmId', 'vm_id'))}/snapshots/${encodeURIComponent(checkId(snapshotId, 'snapshotId', 'snapshot_id'))}/restore`,
        idempotent: false,
        auth: true,
        success: 200,
      },
      undefined,
      (json) => decodeVM(object(json, 'VM')),
      options,
    );
  }

  /** Deletes a snapshot. */
  async deleteSnapshot(snapshotId: string, options: CallOptions = {}): Promise<void> {
    return this.#call(
      {
        method: 'DELETE',
        path: `/snapshots/${encodeURIComponent(checkId(snapshotId, 'snapshotId', 'snapshot_id'))}`,
        idempotent: true,
        auth: true,
        success: 204,
      },
      undefined,
      () => undefined,
      options,
    );
  }

  /** Returns a VM's resource usage over a window (default 5 minutes). */
  async getMetrics(vmId: string, window?: Duration, options: CallOptions = {}): Promise<VMMetrics> {
    return this.#call(
      {
        method: 'GET',
        path: `/vms/${encodeURIComponent(checkId(vmId, 'vmId', 'vm_id'))}/metrics${query({ window: window === undefined ? undefined : checkDuration(window, 'window', 'window') })}`,
        idempotent: true,
        auth: true,
        success: 200,
      },
      undefined,
      (json) => decodeVMMetrics(object(json, 'VMMetrics')),
      options,
    );
  }

  /** Streams a VM's metrics, one sample per interval (default 1 s). */
  streamMetrics(
    vmId: string,
    interval?: Duration,
    options: CallOptions = {},
  ): EventStream<VMMetrics> {
    checkId(vmId, 'vmId', 'vm_id');
    const invoker = this.#client.invoker();
    return new EventStream(
      {
        invoker,
        // A resumed stream sends Last-Event-ID, which supersedes the first request's `since`.
        endpoint: (resumed) => ({
          method: 'GET',
          path: `/vms/${encodeURIComponent(checkId(vmId, 'vmId', 'vm_id'))}/metrics/stream${query({ interval: interval === undefined ? undefined : checkDuration(interval, 'interval', 'interval') })}`,
          idempotent: true,
          auth: true,
          success: 200,
        }),
        decode: (event) => decodeVMMetrics(object(parseJson(event.data), 'VMMetrics')),
      },
      options,
    );
  }

  /** Streams a VM's retained events, then new ones as they happen (follow: false ends after the backlog). */
  watch(vmId: string, options: WatchOptions = {}): EventStream<VMEvent> {
    checkId(vmId, 'vmId', 'vm_id');
    if (options.since !== undefined)
      checkParam(checkNumber(options.since, { integer: true, min: 0 }), 'since', 'since');
    if (options.follow !== undefined) checkParam(checkBool(options.follow), 'follow', 'follow');
    const invoker = this.#client.invoker();
    return new EventStream(
      {
        invoker,
        // A resumed stream sends Last-Event-ID, which supersedes the first request's `since`.
        endpoint: (resumed) => ({
          method: 'GET',
          path: `/vms/${encodeURIComponent(checkId(vmId, 'vmId', 'vm_id'))}/events${query({ since: resumed ? undefined : options.since, follow: options.follow })}`,
          idempotent: true,
          auth: true,
          success: 200,
        }),
        decode: (event) => decodeVMEvent(object(parseJson(event.data), 'VMEvent')),
      },
      options,
    );
  }

  /** Reports whether the server is serving. */
  async health(options: CallOptions = {}): Promise<HealthStatus> {
    return this.#call(
      { method: 'GET', path: `/health`, idempotent: true, auth: false, success: 200 },
      undefined,
      (json) => decodeHealthStatus(object(json, 'HealthStatus')),
      options,
    );
  }
}
