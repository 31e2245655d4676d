import { TransportError } from './transport.js';

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** True when `error` is the abort of `signal` (as opposed to a network failure). */
export function abortedBy(signal: AbortSignal | undefined, error: unknown): boolean {
  if (signal?.aborted !== true) return false;
  return error === signal.reason || (error instanceof TransportError && error.kind === 'aborted');
}

/** True for the DOMException that AbortSignal.timeout() aborts with. */
export function isDeadline(reason: unknown): boolean {
  return typeof reason === 'object' && reason !== null && (reason as { name?: unknown }).name === 'TimeoutError';
}

/** A signal that aborts when any of `signals` does, with that signal's reason (AbortSignal.any for Node 18). */
export function anySignal(signals: readonly (AbortSignal | undefined)[]): AbortSignal {
  return linked(signals).signal;
}

/**
 * Like anySignal, plus `release()`, which removes its listeners from `signals` (a long-lived caller
 * signal keeps nothing of a call that ended).
 */
export function linked(signals: readonly (AbortSignal | undefined)[]): { signal: AbortSignal; release: () => void } {
  const controller = new AbortController();
  const done = new AbortController();
  for (const signal of signals) {
    if (signal === undefined) continue;
    if (signal.aborted) {
      controller.abort(signal.reason);
      break;
    }
    signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true, signal: done.signal });
  }
  controller.signal.addEventListener('abort', () => done.abort(), { once: true, signal: done.signal });
  return { signal: controller.signal, release: () => done.abort() };
}
