// Code generated from spec/dwcp.yaml by generator/; DO NOT EDIT.
//
// One client class per resource of the spec (client-level operations are methods of the Client
// itself), and one options interface per operation, so that adding an optional input only adds a
// property to it.
import type { BaseClient } from './base-client.js';
import { MigrationState, VMState } from './types.js';
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
import { DWCPError, MigrationError, TimeoutError, WaiterError } from './errors.js';
import type { Duration } from './runtime/duration.js';
import { EventStream } from './runtime/event-stream.js';
import { APIPromise, PagePromise } from './runtime/api-promise.js';
import type { CallOptions, Endpoint } from './runtime/invoker.js';
import { query } from './runtime/query.js';
import { waitUntil, type WaitOptions } from './runtime/waiter.js';
import { object, parseJson } from './runtime/wire.js';
import {
  checkBool,
  checkDate,
  checkList,
  checkMap,
  checkNumber,
  checkString,
} from './runtime/checks.js';
import type {
  HealthStatus,
  MigrateRequest,
  MigrationOptions,
  MigrationStatus,
  Snapshot,
  SnapshotList,
  SnapshotOptions,
  SnapshotRequest,
  StopRequest,
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

/** Options of Client.health: the per-call options and the operation's optional inputs. */
export interface HealthOptions extends CallOptions {}

/** Options of VMClient.create: the per-call options and the operation's optional inputs. */
export interface VMCreateOptions extends CallOptions {}

/** Options of VMClient.get: the per-call options and the operation's optional inputs. */
export interface VMGetOptions extends CallOptions {}

/** Options of VMClient.list: the per-call options and the operation's optional inputs. */
export interface VMListOptions extends CallOptions {
  /** VMs per page (server default 100). */
  pageSize?: number | undefined;
}

/** Options of VMClient.start: the per-call options and the operation's optional inputs. */
export interface VMStartOptions extends CallOptions {}

/** Options of VMClient.stop: the per-call options and the operation's optional inputs. */
export interface VMStopOptions extends CallOptions {}

/** Options of VMClient.destroy: the per-call options and the operation's optional inputs. */
export interface VMDestroyOptions extends CallOptions {}

/** Options of VMClient.migrate: the per-call options and the operation's optional inputs. */
export interface VMMigrateOptions extends CallOptions {}

/** Options of VMClient.getMigrationStatus: the per-call options and the operation's optional inputs. */
export interface VMGetMigrationStatusOptions extends CallOptions {}

/** Options of VMClient.cancelMigration: the per-call options and the operation's optional inputs. */
export interface VMCancelMigrationOptions extends CallOptions {}

/** Options of VMClient.snapshot: the per-call options and the operation's optional inputs. */
export interface VMSnapshotOptions extends CallOptions {}

/** Options of VMClient.listSnapshots: the per-call options and the operation's optional inputs. */
export interface VMListSnapshotsOptions extends CallOptions {
  /** Snapshots per page (server default 100). */
  pageSize?: number | undefined;
}

/** Options of VMClient.restoreSnapshot: the per-call options and the operation's optional inputs. */
export interface VMRestoreSnapshotOptions extends CallOptions {}

/** Options of VMClient.deleteSnapshot: the per-call options and the operation's optional inputs. */
export interface VMDeleteSnapshotOptions extends CallOptions {}

/** Options of VMClient.getMetrics: the per-call options and the operation's optional inputs. */
export interface VMGetMetricsOptions extends CallOptions {}

/** Options of VMClient.streamMetrics: the per-call options and the operation's optional inputs. */
export interface VMStreamMetricsOptions extends CallOptions {}

/** Options of VMClient.watch: the per-call options and the operation's optional inputs. */
export interface VMWatchOptions extends CallOptions {
  /** Resume after this event id (the Last-Event-ID); 0 replays the retained log. */
  since?: number | undefined;
  /** Keep the stream open for new events (default true). */
  follow?: boolean | undefined;
}

/** Virtual machines, their migrations, snapshots, metrics and events. Create one with `new VMClient(client)` or `client.vm()`. */
export class VMClient {
  readonly #client: BaseClient;

  constructor(client: BaseClient) {
    this.#client = client;
  }

  /** Creates a VM (placed on a node that fits) and returns it in state creating. */
  create(config: VMConfig, callOptions: VMCreateOptions = {}): APIPromise<VM> {
    return APIPromise.run(async () => {
      validateVMConfig(config);
      return this.#client
        .invoker()
        .call(
          {
            operation: 'vm.create',
            method: 'POST',
            template: '/vms',
            path: `/vms`,
            idempotent: false,
            auth: true,
            success: 201,
          },
          encodeVMConfig(config),
          (json) => decodeVM(object(json, 'VM')),
          callOptions,
        );
    });
  }

  /** Returns a VM. */
  get(vmId: string, callOptions: VMGetOptions = {}): APIPromise<VM> {
    return APIPromise.run(async () => {
      checkId(vmId, 'vmId', 'vm_id');
      return this.#client
        .invoker()
        .call(
          {
            operation: 'vm.get',
            method: 'GET',
            template: '/vms/{vm_id}',
            path: `/vms/${encodeURIComponent(vmId)}`,
            idempotent: true,
            auth: true,
            success: 200,
          },
          undefined,
          (json) => decodeVM(object(json, 'VM')),
          callOptions,
        );
    });
  }

  /** Lists VMs whose labels match all the given labels, page by page. Await it for every item over all pages, or `for await` it for items page by page as they arrive (breaking out fetches no further page). */
  list(labels?: Record<string, string>, callOptions: VMListOptions = {}): PagePromise<VM> {
    return PagePromise.of(() => {
      if (labels !== undefined) checkParam(checkMap(labels, true), 'labels', 'labels');
      if (callOptions.pageSize !== undefined)
        checkParam(
          checkNumber(callOptions.pageSize, { min: 1, max: 1000, integer: true }),
          'pageSize',
          'page_size',
        );
      const invoker = this.#client.invoker();
      return {
        fetch: (token: string | undefined) =>
          invoker.call(
            {
              operation: 'vm.list',
              method: 'GET',
              template: '/vms',
              path: `/vms${query({ labels: labels, page_size: callOptions.pageSize, page_token: token })}`,
              idempotent: true,
              auth: true,
              success: 200,
            },
            undefined,
            (json) => decodeVMList(object(json, 'VMList')),
            callOptions,
          ),
        items: (page: VMList) => page.vms,
        next: (page: VMList) => page.nextPageToken || undefined,
      };
    });
  }

  /** Starts a stopped VM; starting a running VM is a no-op. */
  start(vmId: string, callOptions: VMStartOptions = {}): APIPromise<VM> {
    return APIPromise.run(async () => {
      checkId(vmId, 'vmId', 'vm_id');
      return this.#client
        .invoker()
        .call(
          {
            operation: 'vm.start',
            method: 'POST',
            template: '/vms/{vm_id}/start',
            path: `/vms/${encodeURIComponent(vmId)}/start`,
            idempotent: true,
            auth: true,
            success: 200,
          },
          undefined,
          (json) => decodeVM(object(json, 'VM')),
          callOptions,
        );
    });
  }

  /** Stops a running VM, gracefully or by force; stopping a stopped VM is a no-op. */
  stop(vmId: string, force?: boolean, callOptions: VMStopOptions = {}): APIPromise<VM> {
    return APIPromise.run(async () => {
      checkId(vmId, 'vmId', 'vm_id');
      const body: StopRequest = {
        force: force,
      };
      validateStopRequest(body);
      return this.#client
        .invoker()
        .call(
          {
            operation: 'vm.stop',
            method: 'POST',
            template: '/vms/{vm_id}/stop',
            path: `/vms/${encodeURIComponent(vmId)}/stop`,
            idempotent: true,
            auth: true,
            success: 200,
          },
          encodeStopRequest(body),
          (json) => decodeVM(object(json, 'VM')),
          callOptions,
        );
    });
  }

  /** Destroys a VM and its snapshots. */
  destroy(vmId: string, callOptions: VMDestroyOptions = {}): APIPromise<void> {
    return APIPromise.run(async () => {
      checkId(vmId, 'vmId', 'vm_id');
      return this.#client
        .invoker()
        .call(
          {
            operation: 'vm.destroy',
            method: 'DELETE',
            template: '/vms/{vm_id}',
            path: `/vms/${encodeURIComponent(vmId)}`,
            idempotent: true,
            auth: true,
            success: 204,
          },
          undefined,
          () => undefined,
          callOptions,
        );
    });
  }

  /** Starts moving a VM to another node; poll get_migration_status or wait for it. */
  migrate(
    vmId: string,
    targetNode: string,
    options?: MigrationOptions,
    callOptions: VMMigrateOptions = {},
  ): APIPromise<MigrationStatus> {
    return APIPromise.run(async () => {
      checkId(vmId, 'vmId', 'vm_id');
      const body: MigrateRequest = {
        targetNode: targetNode,
        options: options,
      };
      validateMigrateRequest(body);
      return this.#client
        .invoker()
        .call(
          {
            operation: 'vm.migrate',
            method: 'POST',
            template: '/vms/{vm_id}/migrations',
            path: `/vms/${encodeURIComponent(vmId)}/migrations`,
            idempotent: false,
            auth: true,
            success: 202,
          },
          encodeMigrateRequest(body),
          (json) => decodeMigrationStatus(object(json, 'MigrationStatus')),
          callOptions,
        );
    });
  }

  /** Returns the progress of a migration. */
  getMigrationStatus(
    migrationId: string,
    callOptions: VMGetMigrationStatusOptions = {},
  ): APIPromise<MigrationStatus> {
    return APIPromise.run(async () => {
      checkId(migrationId, 'migrationId', 'migration_id');
      return this.#client
        .invoker()
        .call(
          {
            operation: 'vm.get_migration_status',
            method: 'GET',
            template: '/migrations/{migration_id}',
            path: `/migrations/${encodeURIComponent(migrationId)}`,
            idempotent: true,
            auth: true,
            success: 200,
          },
          undefined,
          (json) => decodeMigrationStatus(object(json, 'MigrationStatus')),
          callOptions,
        );
    });
  }

  /** Cancels a migration; the VM stays on its source node. */
  cancelMigration(
    migrationId: string,
    callOptions: VMCancelMigrationOptions = {},
  ): APIPromise<MigrationStatus> {
    return APIPromise.run(async () => {
      checkId(migrationId, 'migrationId', 'migration_id');
      return this.#client
        .invoker()
        .call(
          {
            operation: 'vm.cancel_migration',
            method: 'POST',
            template: '/migrations/{migration_id}/cancel',
            path: `/migrations/${encodeURIComponent(migrationId)}/cancel`,
            idempotent: true,
            auth: true,
            success: 200,
          },
          undefined,
          (json) => decodeMigrationStatus(object(json, 'MigrationStatus')),
          callOptions,
        );
    });
  }

  /** Takes a snapshot of a VM. */
  snapshot(
    vmId: string,
    name: string,
    options?: SnapshotOptions,
    callOptions: VMSnapshotOptions = {},
  ): APIPromise<Snapshot> {
    return APIPromise.run(async () => {
      checkId(vmId, 'vmId', 'vm_id');
      const body: SnapshotRequest = {
        name: name,
        options: options,
      };
      validateSnapshotRequest(body);
      return this.#client
        .invoker()
        .call(
          {
            operation: 'vm.snapshot',
            method: 'POST',
            template: '/vms/{vm_id}/snapshots',
            path: `/vms/${encodeURIComponent(vmId)}/snapshots`,
            idempotent: false,
            auth: true,
            success: 201,
          },
          encodeSnapshotRequest(body),
          (json) => decodeSnapshot(object(json, 'Snapshot')),
          callOptions,
        );
    });
  }

  /** Lists a VM's snapshots, page by page. Await it for every item over all pages, or `for await` it for items page by page as they arrive (breaking out fetches no further page). */
  listSnapshots(vmId: string, callOptions: VMListSnapshotsOptions = {}): PagePromise<Snapshot> {
    return PagePromise.of(() => {
      checkId(vmId, 'vmId', 'vm_id');
      if (callOptions.pageSize !== undefined)
        checkParam(
          checkNumber(callOptions.pageSize, { min: 1, max: 1000, integer: true }),
          'pageSize',
          'page_size',
        );
      const invoker = this.#client.invoker();
      return {
        fetch: (token: string | undefined) =>
          invoker.call(
            {
              operation: 'vm.list_snapshots',
              method: 'GET',
              template: '/vms/{vm_id}/snapshots',
              path: `/vms/${encodeURIComponent(vmId)}/snapshots${query({ page_size: callOptions.pageSize, page_token: token })}`,
              idempotent: true,
              auth: true,
              success: 200,
            },
            undefined,
            (json) => decodeSnapshotList(object(json, 'SnapshotList')),
            callOptions,
          ),
        items: (page: SnapshotList) => page.snapshots,
        next: (page: SnapshotList) => page.nextPageToken || undefined,
      };
    });
  }

  /** Restores a VM from one of its snapshots. */
  restoreSnapshot(
    vmId: string,
    snapshotId: string,
    callOptions: VMRestoreSnapshotOptions = {},
  ): APIPromise<VM> {
    return APIPromise.run(async () => {
      checkId(vmId, 'vmId', 'vm_id');
      checkId(snapshotId, 'snapshotId', 'snapshot_id');
      return this.#client
        .invoker()
        .call(
          {
            operation: 'vm.restore_snapshot',
            method: 'POST',
            template: '/vms/{vm_id}/snapshots/{snapshot_id}/restore',
            path: `/vms/${encodeURIComponent(vmId)}/snapshots/${encodeURIComponent(snapshotId)}/restore`,
            idempotent: false,
            auth: true,
            success: 200,
          },
          undefined,
          (json) => decodeVM(object(json, 'VM')),
          callOptions,
        );
    });
  }

  /** Deletes a snapshot. */
  deleteSnapshot(snapshotId: string, callOptions: VMDeleteSnapshotOptions = {}): APIPromise<void> {
    return APIPromise.run(async () => {
      checkId(snapshotId, 'snapshotId', 'snapshot_id');
      return this.#client
        .invoker()
        .call(
          {
            operation: 'vm.delete_snapshot',
            method: 'DELETE',
            template: '/snapshots/{snapshot_id}',
            path: `/snapshots/${encodeURIComponent(snapshotId)}`,
            idempotent: true,
            auth: true,
            success: 204,
          },
          undefined,
          () => undefined,
          callOptions,
        );
    });
  }

  /** Returns a VM's resource usage over a window (default 5 minutes). */
  getMetrics(
    vmId: string,
    window?: Duration,
    callOptions: VMGetMetricsOptions = {},
  ): APIPromise<VMMetrics> {
    return APIPromise.run(async () => {
      checkId(vmId, 'vmId', 'vm_id');
      const windowMs =
        window === undefined
          ? undefined
          : checkDuration(window, 'window', 'window', { min: 1, max: 2592000000, integer: true });
      return this.#client
        .invoker()
        .call(
          {
            operation: 'vm.get_metrics',
            method: 'GET',
            template: '/vms/{vm_id}/metrics',
            path: `/vms/${encodeURIComponent(vmId)}/metrics${query({ window: windowMs })}`,
            idempotent: true,
            auth: true,
            success: 200,
          },
          undefined,
          (json) => decodeVMMetrics(object(json, 'VMMetrics')),
          callOptions,
        );
    });
  }

  /** Streams a VM's metrics, one sample per interval (default 1 s). */
  streamMetrics(
    vmId: string,
    interval?: Duration,
    callOptions: VMStreamMetricsOptions = {},
  ): EventStream<VMMetrics> {
    checkId(vmId, 'vmId', 'vm_id');
    const intervalMs =
      interval === undefined
        ? undefined
        : checkDuration(interval, 'interval', 'interval', { min: 1, max: 3600000, integer: true });
    const endpoint: Endpoint = {
      operation: 'vm.stream_metrics',
      method: 'GET',
      template: '/vms/{vm_id}/metrics/stream',
      path: `/vms/${encodeURIComponent(vmId)}/metrics/stream${query({ interval: intervalMs })}`,
      idempotent: true,
      auth: true,
      success: 200,
    };
    return new EventStream(
      {
        invoker: this.#client.invoker(),
        endpoint: () => endpoint,
        event: 'metrics',
        decode: (event) => decodeVMMetrics(object(parseJson(event.data), 'VMMetrics')),
      },
      callOptions,
    );
  }

  /** Streams a VM's retained events, then new ones as they happen (follow: false ends after the backlog). */
  watch(vmId: string, callOptions: VMWatchOptions = {}): EventStream<VMEvent> {
    checkId(vmId, 'vmId', 'vm_id');
    if (callOptions.since !== undefined)
      checkParam(checkNumber(callOptions.since, { min: 0, integer: true }), 'since', 'since');
    if (callOptions.follow !== undefined)
      checkParam(checkBool(callOptions.follow), 'follow', 'follow');
    const endpoint: Endpoint = {
      operation: 'vm.watch',
      method: 'GET',
      template: '/vms/{vm_id}/events',
      path: `/vms/${encodeURIComponent(vmId)}/events${query({ since: callOptions.since, follow: callOptions.follow })}`,
      idempotent: true,
      auth: true,
      success: 200,
    };
    return new EventStream(
      {
        invoker: this.#client.invoker(),
        endpoint: () => endpoint,
        event: 'vm_event',
        decode: (event) => decodeVMEvent(object(parseJson(event.data), 'VMEvent')),
      },
      callOptions,
    );
  }

  /** Reports whether the server is serving. */
  health(callOptions: HealthOptions = {}): APIPromise<HealthStatus> {
    return APIPromise.run(async () => {
      return this.#client
        .invoker()
        .call(
          {
            operation: 'system.health',
            method: 'GET',
            template: '/health',
            path: `/health`,
            idempotent: true,
            auth: false,
            success: 200,
          },
          undefined,
          (json) => decodeHealthStatus(object(json, 'HealthStatus')),
          callOptions,
        );
    });
  }

  /**
   * Waits until the VM runs; a VM that ends in error fails the wait. Polls get (first at once, then every
   * 200-5000 ms); rejects with a WaiterError when a failure state is reached and
   * with a TimeoutError (`wait_timeout`) after `maxWait` (default 300000 ms; nothing changes on the server).
   */
  async waitUntilRunning(vmId: string, waitOptions: WaitOptions = {}): Promise<VM> {
    checkId(vmId, 'vmId', 'vm_id');
    const limit = waitOptions.maxWait ?? waitOptions.deadline;
    const maxWait =
      limit === undefined
        ? 300000
        : limit instanceof Date
          ? limit.getTime() - Date.now()
          : checkDuration(limit, 'maxWait', 'max_wait_ms');
    const jitter = this.#client.invoker().settings.jitter;
    const what = 'wait_until_running';
    const outcome = await waitUntil<VM>(
      (signal) => this.get(vmId, { signal }),
      (value, error) => {
        if (error === undefined) {
          const v = value as VM;
          if ([VMState.RUNNING].includes(v.state)) return 'success';
          if ([VMState.ERROR].includes(v.state)) return 'failure';
          return 'retry';
        }
        return 'throw';
      },
      { minDelay: 200, maxDelay: 5000, maxWait, jitter, signal: waitOptions.signal },
      (cause) =>
        new TimeoutError({
          code: 'wait_timeout',
          message: `${what} did not succeed within ${maxWait} ms`,
          cause,
        }),
    );
    if (outcome.verdict === 'failure') {
      const state =
        outcome.value === undefined
          ? (outcome.error as DWCPError).code
          : String(outcome.value.state);
      throw new WaiterError({
        code: 'waiter_failed',
        message: `${what}: state is ${state}`,
        details: { state, status: outcome.value },
      });
    }
    return outcome.value as VM;
  }

  /**
   * Waits until the VM is stopped; a VM that ends in error fails the wait. Polls get (first at once, then every
   * 200-5000 ms); rejects with a WaiterError when a failure state is reached and
   * with a TimeoutError (`wait_timeout`) after `maxWait` (default 300000 ms; nothing changes on the server).
   */
  async waitUntilStopped(vmId: string, waitOptions: WaitOptions = {}): Promise<VM> {
    checkId(vmId, 'vmId', 'vm_id');
    const limit = waitOptions.maxWait ?? waitOptions.deadline;
    const maxWait =
      limit === undefined
        ? 300000
        : limit instanceof Date
          ? limit.getTime() - Date.now()
          : checkDuration(limit, 'maxWait', 'max_wait_ms');
    const jitter = this.#client.invoker().settings.jitter;
    const what = 'wait_until_stopped';
    const outcome = await waitUntil<VM>(
      (signal) => this.get(vmId, { signal }),
      (value, error) => {
        if (error === undefined) {
          const v = value as VM;
          if ([VMState.STOPPED].includes(v.state)) return 'success';
          if ([VMState.ERROR].includes(v.state)) return 'failure';
          return 'retry';
        }
        return 'throw';
      },
      { minDelay: 200, maxDelay: 5000, maxWait, jitter, signal: waitOptions.signal },
      (cause) =>
        new TimeoutError({
          code: 'wait_timeout',
          message: `${what} did not succeed within ${maxWait} ms`,
          cause,
        }),
    );
    if (outcome.verdict === 'failure') {
      const state =
        outcome.value === undefined
          ? (outcome.error as DWCPError).code
          : String(outcome.value.state);
      throw new WaiterError({
        code: 'waiter_failed',
        message: `${what}: state is ${state}`,
        details: { state, status: outcome.value },
      });
    }
    return outcome.value as VM;
  }

  /**
   * Waits until the VM is gone (get answers vm_not_found). Polls get (first at once, then every
   * 200-5000 ms); rejects with a WaiterError when a failure state is reached and
   * with a TimeoutError (`wait_timeout`) after `maxWait` (default 300000 ms; nothing changes on the server).
   */
  async waitUntilDestroyed(vmId: string, waitOptions: WaitOptions = {}): Promise<VM | undefined> {
    checkId(vmId, 'vmId', 'vm_id');
    const limit = waitOptions.maxWait ?? waitOptions.deadline;
    const maxWait =
      limit === undefined
        ? 300000
        : limit instanceof Date
          ? limit.getTime() - Date.now()
          : checkDuration(limit, 'maxWait', 'max_wait_ms');
    const jitter = this.#client.invoker().settings.jitter;
    const what = 'wait_until_destroyed';
    const outcome = await waitUntil<VM>(
      (signal) => this.get(vmId, { signal }),
      (value, error) => {
        if (error === undefined) {
          const v = value as VM;
          return 'retry';
        }
        if (error instanceof DWCPError && error.code === 'vm_not_found') return 'success';
        return 'throw';
      },
      { minDelay: 200, maxDelay: 5000, maxWait, jitter, signal: waitOptions.signal },
      (cause) =>
        new TimeoutError({
          code: 'wait_timeout',
          message: `${what} did not succeed within ${maxWait} ms`,
          cause,
        }),
    );
    if (outcome.verdict === 'failure') {
      const state = outcome.value === undefined ? (outcome.error as DWCPError).code : 'failure';
      throw new WaiterError({
        code: 'waiter_failed',
        message: `${what}: state is ${state}`,
        details: { state, status: outcome.value },
      });
    }
    return outcome.value;
  }

  /**
   * Waits until a migration ends; failed or cancelled raise MigrationError with the status's error text. Polls getMigrationStatus (first at once, then every
   * 1000-20000 ms); rejects with a MigrationError when a failure state is reached and
   * with a TimeoutError (`wait_timeout`) after `maxWait` (default 3600000 ms; nothing changes on the server).
   */
  async waitForMigration(
    migrationId: string,
    waitOptions: WaitOptions = {},
  ): Promise<MigrationStatus> {
    checkId(migrationId, 'migrationId', 'migration_id');
    const limit = waitOptions.maxWait ?? waitOptions.deadline;
    const maxWait =
      limit === undefined
        ? 3600000
        : limit instanceof Date
          ? limit.getTime() - Date.now()
          : checkDuration(limit, 'maxWait', 'max_wait_ms');
    const jitter = this.#client.invoker().settings.jitter;
    const what = 'wait_for_migration';
    const outcome = await waitUntil<MigrationStatus>(
      (signal) => this.getMigrationStatus(migrationId, { signal }),
      (value, error) => {
        if (error === undefined) {
          const v = value as MigrationStatus;
          if ([MigrationState.COMPLETED].includes(v.state)) return 'success';
          if ([MigrationState.FAILED, MigrationState.CANCELLED].includes(v.state)) return 'failure';
          return 'retry';
        }
        return 'throw';
      },
      { minDelay: 1000, maxDelay: 20000, maxWait, jitter, signal: waitOptions.signal },
      (cause) =>
        new TimeoutError({
          code: 'wait_timeout',
          message: `${what} did not succeed within ${maxWait} ms`,
          cause,
        }),
    );
    if (outcome.verdict === 'failure') {
      const state =
        outcome.value === undefined
          ? (outcome.error as DWCPError).code
          : String(outcome.value.state);
      throw new MigrationError({
        code: 'migration_failed',
        message:
          (outcome.value === undefined ? undefined : outcome.value.error) ||
          `${what}: state is ${state}`,
        details: { state, status: outcome.value },
      });
    }
    return outcome.value as MigrationStatus;
  }
}
