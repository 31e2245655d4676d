// Code generated from templates/typescript/runtime/waiter.ts by generator/; DO NOT EDIT.
import { isDeadline, linked, sleep } from './abort.js';
import type { Jitter } from './backoff.js';
import type { Duration } from './duration.js';

/** What one poll's outcome means: `retry` polls again, `throw` ends the wait with the poll's error. */
export type Verdict = 'success' | 'failure' | 'retry' | 'throw';

/** A waiter's schedule (the spec's, in ms) and the client's jitter. */
export interface WaitSchedule {
  minDelay: number;
  maxDelay: number;
  /** Milliseconds before the wait gives up. */
  maxWait: number;
  jitter: Jitter;
  signal?: AbortSignal | undefined;
}

/** The pause before poll n+1: `min + jitter × (cap − min)`, `cap = min(max, min × 2^(n−1))`. */
export function waitDelay(n: number, minDelay: number, maxDelay: number, jitter: number): number {
  const cap = Math.min(maxDelay, minDelay * 2 ** Math.max(0, n - 1));
  return minDelay + jitter * Math.max(0, cap - minDelay);
}

/**
 * Polls until an acceptor decides (docs/resilience.md): the first poll at once, then the waiter's
 * backoff; the maximum wait abandons a poll in flight and rejects with `onTimeout()` (nothing is
 * changed on the server). Each poll is an ordinary call (its own retries included). A caller's
 * abort rejects with its reason. Resolves with the last poll's outcome and its verdict
 * (`success` or `failure`).
 */
export async function waitUntil<T>(
  poll: (signal: AbortSignal) => Promise<T>,
  accept: (value: T | undefined, error: unknown) => Verdict,
  schedule: WaitSchedule,
  onTimeout: (cause: unknown) => Error,
): Promise<{ verdict: 'success' | 'failure'; value: T | undefined; error: unknown }> {
  // The maximum wait's own timer (not AbortSignal.timeout's, which outlives the wait).
  const timeout = new AbortController();
  const ms = Math.max(0, schedule.maxWait);
  const timer = setTimeout(
    () => timeout.abort(new DOMException(`no outcome within ${ms} ms`, 'TimeoutError')),
    ms,
  );
  const { signal, release } = linked([schedule.signal, timeout.signal]);
  try {
    return await polls(poll, accept, schedule, onTimeout, timeout.signal, signal);
  } finally {
    clearTimeout(timer);
    release();
  }
}

/** The polls of waitUntil until a verdict, the maximum wait (`deadline`) or the caller's abort. */
async function polls<T>(
  poll: (signal: AbortSignal) => Promise<T>,
  accept: (value: T | undefined, error: unknown) => Verdict,
  schedule: WaitSchedule,
  onTimeout: (cause: unknown) => Error,
  deadline: AbortSignal,
  signal: AbortSignal,
): Promise<{ verdict: 'success' | 'failure'; value: T | undefined; error: unknown }> {
  for (let n = 1; ; n++) {
    let value: T | undefined;
    let error: unknown;
    try {
      value = await poll(signal);
    } catch (failure) {
      error = failure;
    }
    const timedOut = deadline.aborted && schedule.signal?.aborted !== true;
    if (timedOut && (error !== undefined || signal.aborted)) throw onTimeout(error);
    if (error !== undefined && schedule.signal?.aborted === true) throw error;
    const verdict = accept(value, error);
    if (verdict === 'success' || verdict === 'failure') return { verdict, value, error };
    if (verdict === 'throw') throw error;
    try {
      await sleep(waitDelay(n, schedule.minDelay, schedule.maxDelay, schedule.jitter()), signal);
    } catch (reason) {
      if (deadline.aborted && schedule.signal?.aborted !== true) throw onTimeout(reason);
      if (isDeadline(reason)) throw onTimeout(reason);
      throw reason;
    }
  }
}

/** Options of a generated waiter. */
export interface WaitOptions {
  /** The maximum wait (ms or '5m'), or the Date by which to give up; default the spec's. */
  maxWait?: Duration | Date | undefined;
  /** The older spelling of maxWait. */
  deadline?: Duration | Date | undefined;
  signal?: AbortSignal | undefined;
}
