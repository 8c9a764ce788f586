import type { Budget } from './budget.js';

/** Where budget definitions come from (the Postgres store). */
export interface BudgetSource {
  byOrg(orgId: string): Promise<Budget[]>;
}

/**
 * Each replica's cache of the budgets of an org, read on the hot path. An entry
 * lives `ttlMs()` (other replicas' changes show within that); this replica's own
 * changes call `invalidate`. Concurrent misses share one load. When a reload fails
 * (Postgres away) the last budgets read stay in use for another `ttlMs()`, so the
 * hard limits still hold and requests are not refused for want of the definitions;
 * an org never read fails as before.
 */
export class BudgetDirectory {
  private readonly cache = new Map<string, { at: number; budgets: Promise<Budget[]>; last?: Budget[] }>();

  constructor(
    private readonly source: BudgetSource,
    private readonly ttlMs: () => number,
    private readonly now: () => number = Date.now,
  ) {}

  forOrg(orgId: string): Promise<Budget[]> {
    const hit = this.cache.get(orgId);
    if (hit && this.now() - hit.at < this.ttlMs()) return hit.budgets;
    const entry: { at: number; budgets: Promise<Budget[]>; last?: Budget[] } = { at: this.now(), budgets: Promise.resolve([]), last: hit?.last };
    entry.budgets = this.source.byOrg(orgId).then(
      (budgets) => (entry.last = budgets),
      (err: unknown) => {
        if (entry.last) return entry.last;
        if (this.cache.get(orgId) === entry) this.cache.delete(orgId);
        throw err;
      },
    );
    this.cache.set(orgId, entry);
    return entry.budgets;
  }

  invalidate(orgId: string): void {
    this.cache.delete(orgId);
  }
}
