import type { RetryConfig } from '@helix/config';
import type { Clock } from '../identity/clock.js';

const SLOTS = 10;

interface Window {
  slotMs: number;
  /** Slot start times and counts, a ring of SLOTS. */
  starts: number[];
  requests: number[];
  retries: number[];
}

/**
 * Caps retries per deployment (Envoy-style retry budget): over the last `budgetWindowMs`,
 * retries ≤ max(`budgetMinRetries`, `budgetRatio` × first attempts). So an outage cannot
 * multiply the load on a struggling upstream. Counted per replica, in a ring of ten slots.
 */
export class RetryBudget {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly clock: Clock) {}

  /** A first attempt on the deployment. */
  recordRequest(id: string, cfg: RetryConfig): void {
    const w = this.window(id, cfg);
    w.requests[this.slot(w)]! += 1;
  }

  /** Takes one retry from the budget; false when it is spent (the retry must not happen). */
  tryRetry(id: string, cfg: RetryConfig): boolean {
    const w = this.window(id, cfg);
    const i = this.slot(w);
    const oldest = w.starts[i]! - SLOTS;
    const sum = (xs: number[]) => xs.reduce((total, x, j) => (w.starts[j]! > oldest ? total + x : total), 0);
    if (sum(w.retries) + 1 > Math.max(cfg.budgetMinRetries, cfg.budgetRatio * sum(w.requests))) return false;
    w.retries[i]! += 1;
    return true;
  }

  private window(id: string, cfg: RetryConfig): Window {
    const slotMs = Math.max(1, Math.floor(cfg.budgetWindowMs / SLOTS));
    let w = this.windows.get(id);
    if (!w || w.slotMs !== slotMs) {
      w = { slotMs, starts: new Array(SLOTS).fill(-Infinity), requests: new Array(SLOTS).fill(0), retries: new Array(SLOTS).fill(0) };
      this.windows.set(id, w);
    }
    return w;
  }

  /** The current slot, cleared when it last held an older period. */
  private slot(w: Window): number {
    const period = Math.floor(this.clock.now() / w.slotMs);
    const i = period % SLOTS;
    if (w.starts[i] !== period) {
      w.starts[i] = period;
      w.requests[i] = 0;
      w.retries[i] = 0;
    }
    return i;
  }
}
