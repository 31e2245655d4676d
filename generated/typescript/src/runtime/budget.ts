// Code generated from templates/typescript/runtime/budget.ts by generator/; DO NOT EDIT.
import type { ClientMetrics } from './metrics.js';

/** The numbers of a retry budget (docs/resilience.md: AWS's standard retry mode). */
export interface BudgetSettings {
  /** Tokens at the start, and the ceiling of refunds; 0 turns the budget off. */
  capacity: number;
  /** Tokens a retry takes. */
  retryCost: number;
  /** Tokens a retry takes after an attempt that timed out. */
  timeoutRetryCost: number;
  /** Tokens a call that succeeded on its first attempt gives back. */
  successRefund: number;
}

/**
 * A client's retry quota, shared by every call and stream of the client: a retry takes its cost,
 * a success gives back the cost of the retry that led to it (or the success refund). The tokens
 * left live in the client's metrics (`retryTokens`). JavaScript runs one callback at a time, so
 * take and refund need no lock. The client builds it from its `retryBudget` config.
 */
export class TokenBucket {
  readonly #s: BudgetSettings;
  readonly #metrics: ClientMetrics;

  constructor(settings: BudgetSettings, metrics: ClientMetrics) {
    this.#s = settings;
    this.#metrics = metrics;
    metrics.retryTokens = settings.capacity;
  }

  /** Takes the cost of a retry: the tokens taken, or undefined when too few are left (no retry). */
  take(afterTimeout: boolean): number | undefined {
    if (this.#s.capacity === 0) return 0;
    const cost = afterTimeout ? this.#s.timeoutRetryCost : this.#s.retryCost;
    if (this.#metrics.retryTokens < cost) return undefined;
    this.#metrics.retryTokens -= cost;
    return cost;
  }

  /** A call succeeded: gives back `retryCost` (its last retry's cost), or the success refund without a retry. */
  refund(retryCost: number | undefined): void {
    if (this.#s.capacity === 0) return;
    const back = retryCost ?? this.#s.successRefund;
    this.#metrics.retryTokens = Math.min(this.#s.capacity, this.#metrics.retryTokens + back);
  }
}
