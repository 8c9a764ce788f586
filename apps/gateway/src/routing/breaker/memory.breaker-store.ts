import type { Clock } from '../../identity/clock.js';
import type { BreakerRecord } from './breaker-record.js';
import type { BreakerStore } from './breaker-store.js';

/** Breaker records in this process: embedded mode, where there is one replica. */
export class MemoryBreakerStore implements BreakerStore {
  private readonly records = new Map<string, BreakerRecord>();
  private readonly probes = new Map<string, number>();
  private readonly listeners = new Set<(id: string, record: BreakerRecord) => void>();

  constructor(private readonly clock: Clock) {}

  async read(ids: readonly string[]): Promise<Map<string, BreakerRecord>> {
    const out = new Map<string, BreakerRecord>();
    for (const id of ids) {
      const r = this.records.get(id);
      if (r) out.set(id, r);
    }
    return out;
  }

  async write(id: string, record: BreakerRecord): Promise<void> {
    this.records.set(id, { ...record });
    this.probes.delete(id);
    for (const listener of this.listeners) listener(id, { ...record });
  }

  async claimProbe(id: string, ttlMs: number): Promise<boolean> {
    const now = this.clock.now();
    if ((this.probes.get(id) ?? 0) > now) return false;
    this.probes.set(id, now + ttlMs);
    return true;
  }

  async watch(onChange: (id: string, record: BreakerRecord) => void): Promise<void> {
    this.listeners.add(onChange);
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }
}
