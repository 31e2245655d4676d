// Code generated from templates/typescript/runtime/hooks.ts by generator/; DO NOT EDIT.
import type { DWCPError } from './error.js';

/** What a hook sees of one attempt of a call. */
export interface HookContext {
  /** The spec's operation id, e.g. `vm.get`. */
  readonly operation: string;
  readonly method: string;
  /** The path template, e.g. `/vms/{vm_id}`. */
  readonly path: string;
  /** The attempt number, as sent in DWCP-Attempt (it keeps counting across a stream's reconnects). */
  readonly attempt: number;
  /** The X-Request-ID of the call (the same on every attempt). */
  readonly requestId: string;
  /** The Idempotency-Key of the call, when the operation sends one. */
  readonly idempotencyKey: string | undefined;
  /**
   * The attempt's request headers (lower-case names). `beforeAttempt` may add to or change them:
   * the change goes on the wire for that attempt only.
   */
  readonly headers: Record<string, string>;
}

/** The head of a response, as `afterResponse` sees it. */
export interface HookResponse {
  readonly status: number;
  /** Response headers, names lower-cased. */
  readonly headers: Readonly<Record<string, string>>;
  /** The response's X-Request-ID (the call's when the server sent none). */
  readonly requestId: string;
  /** Milliseconds from sending the attempt to its response head. */
  readonly durationMs: number;
}

/** Why and when a call is retried, as `beforeRetry` sees it. */
export interface HookRetry {
  /** Milliseconds the loop sleeps before the next attempt. */
  readonly delayMs: number;
  /** The typed error of the attempt that failed. */
  readonly cause: DWCPError;
}

/**
 * One link of the client's hook chain (`hooks: [...]` in the client config). Every method is
 * optional and may be sync or async; hooks run in the order configured, at every point. A hook that
 * throws ends the call with a HookError (code `hook_failed`, the thrown error as its `cause`); a
 * throw in `beforeAttempt` means that attempt is not sent.
 */
export interface Hook {
  /** Before an attempt is written; may change `ctx.headers` for this attempt. */
  beforeAttempt?(ctx: HookContext): void | Promise<void>;
  /** A response's head arrived (any status). A transport failure has none. */
  afterResponse?(ctx: HookContext, response: HookResponse): void | Promise<void>;
  /** The loop decided to retry the attempt `ctx` describes, before it sleeps. */
  beforeRetry?(ctx: HookContext, retry: HookRetry): void | Promise<void>;
  /**
   * The call ends with `error` (once per call): a DWCPError, or the caller's abort reason when
   * the call was cancelled.
   */
  onError?(ctx: HookContext, error: unknown): void | Promise<void>;
}

/** The points of the hook chain. */
export type HookPoint = 'beforeAttempt' | 'afterResponse' | 'beforeRetry' | 'onError';

/** A hook threw at `point`; the invoker turns it into the catalogue's HookError. */
export class HookFailure extends Error {
  override name = 'HookFailure';
  constructor(
    readonly point: HookPoint,
    readonly index: number,
    cause: unknown,
  ) {
    super(`hook #${index + 1} failed in ${point}`, { cause });
  }
}

/** Runs one point of the chain in order; a throw (or rejection) becomes a HookFailure. */
export async function runHooks(
  hooks: readonly Hook[],
  point: HookPoint,
  call: (hook: Hook) => void | Promise<void> | undefined,
): Promise<void> {
  for (let i = 0; i < hooks.length; i++) {
    const hook = hooks[i] as Hook;
    if (hook[point] === undefined) continue;
    try {
      const result = call(hook);
      if (result !== undefined) await result;
    } catch (error) {
      throw new HookFailure(point, i, error);
    }
  }
}
