import { FIELDS, zeroCounters, type StatsCounters, type StatsDelta, type StatsStore } from './stats-store.js';

const SEEN_MAX = 100_000;

/** Stats in this process's memory (embedded mode). */
export class MemoryStatsStore implements StatsStore {
  private readonly byScope = new Map<string, Map<string, StatsCounters>>();
  private readonly seen = new Set<string>();

  async add(deltas: readonly StatsDelta[]): Promise<void> {
    for (const d of deltas) {
      if (this.seen.has(d.eventId)) continue;
      this.seen.add(d.eventId);
      if (this.seen.size > SEEN_MAX) this.seen.delete(this.seen.values().next().value!);
      const models = this.byScope.get(d.scope) ?? this.byScope.set(d.scope, new Map()).get(d.scope)!;
      const c = models.get(d.model) ?? models.set(d.model, zeroCounters()).get(d.model)!;
      for (const f of FIELDS) c[f] += d[f] ?? 0;
    }
  }

  async read(scope: string): Promise<Map<string, StatsCounters>> {
    return new Map(this.byScope.get(scope) ?? []);
  }

  async reset(scope: string): Promise<void> {
    this.byScope.delete(scope);
  }
}
