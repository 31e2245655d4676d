/** Returns a number in [0, 1]; pin it in tests to make delays exact. */
export type Jitter = () => number;

/** Full jitter (AWS): a delay in [0, min(cap, base * 2^(retry-1))] for retry 1, 2, ... */
export function backoff(retry: number, base: number, cap: number, jitter: Jitter): number {
  return jitter() * Math.min(cap, base * 2 ** (retry - 1));
}

const SECONDS = /^\s*\d+(\.\d+)?\s*$/;

/**
 * The server's requested wait in ms from Retry-After-Ms or Retry-After (seconds or an HTTP date);
 * undefined when absent or unparseable, so the caller falls back to backoff.
 */
export function retryAfter(header: (name: string) => string | undefined, now = Date.now()): number | undefined {
  const ms = header('retry-after-ms');
  if (ms !== undefined && SECONDS.test(ms)) return Number(ms);
  const value = header('retry-after');
  if (value === undefined) return undefined;
  if (SECONDS.test(value)) return Number(value) * 1000;
  const date = /[a-z]/i.test(value) ? Date.parse(value) : Number.NaN;
  // Dates only have second resolution, so a date in the past simply means "now".
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
