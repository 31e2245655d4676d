// Code generated from templates/typescript/runtime/waiter.ts by generator/; DO NOT EDIT.
import { anySignal, isDeadline, sleep } from './abort.js';
import type { Duration } from './duration.js';

/** How a waiter polls. */
export interface PollOptions {
  /** Milliseconds before the waiter gives up (required: a wait must end). */
  deadline: number;
  signal?: AbortSignal | undefined;
  /** First delay between polls in ms; it grows 1.5x per poll up to `maxInterval`. */
  interval?: number | undefined;
  maxInterval?: number | undefined;
}

/**
 * Polls until `done` holds: exponential intervals (x1.5) bounded by the deadline, which also
 * bounds each poll's retries. The deadline becomes `onDeadline()`; the operation itself is not
 * cancelled. A caller's abort rejects with its reason.
 */
export async function pollUntil<T>(
  poll: (signal: AbortSignal) => Promise<T>,
  done: (value: T) => boolean,
  options: PollOptions,
  onDeadline: (cause: unknown) => Error,
): Promise<T> {
  const deadline = AbortSignal.timeout(Math.max(0, options.deadline));
  const signal = anySignal([options.signal, deadline]);
  const ceiling = options.maxInterval ?? 5000;
  let interval = options.interval ?? 100;
  for (;;) {
    try {
      const value = await poll(signal);
      if (done(value)) return value;
      await sleep(interval, signal);
    } catch (error) {
      if (deadline.aborted && options.signal?.aborted !== true) throw onDeadline(error);
      if (signal.aborted && isDeadline(error)) throw onDeadline(error);
      throw error;
    }
    interval = Math.min(interval * 1.5, ceiling);
  }
}

/** Options of a generated wait helper: a wait always has a deadline. */
export interface WaitOptions {
  /** How long to wait (ms or '5m'), or the Date by which to give up; required. */
  deadline: Duration | Date;
  signal?: AbortSignal | undefined;
  /** First delay between polls (default 100 ms, growing 1.5x per poll up to 5 s). */
  interval?: Duration | undefined;
}
