import type { Budget } from './budget.js';

/** Where budget definitions come from (the Postgres store). */
export interface BudgetSource {
  byOrg(orgId: string): Promise<Budget[]>;
}

/**
 * Each replica's cache of the budgets of an org, read on the hot path. An entry
 * lives `ttlMs()` (other replicas' changes show within that); this replica's own
 * changes call `invalidate`. Concurrent misses share one load.
 */
export class BudgetDirectory {
  private readonly cache = new Map<string, { at: number; budgets: Promise<Budget[]> }>();

  constructor(
    private readonly source: BudgetSource,
    private readonly ttlMs: () => number,
    private readonly now: () => number = Date.now,
  ) {}

  forOrg(orgId: string): Promise<Budget[]> {
    const hit = this.cache.get(orgId);
    if (hit && this.now() - hit.at < this.ttlMs()) return hit.budgets;
    const budgets = this.source.byOrg(orgId);
    this.cache.set(orgId, { at: this.now(), budgets });
    budgets.catch(() => this.cache.delete(orgId));
    return budgets;
  }

  invalidate(orgId: string): void {
    this.cache.delete(orgId);
  }
}
