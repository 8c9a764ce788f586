import type { CacheDeps } from './cache-deps.js';

/** Removes expired entries and, past the memory budget, the least recently used; the index follows. */
export class SweepUseCase {
  constructor(private readonly d: CacheDeps) {}

  async execute(): Promise<number> {
    const removed = await this.d.store.sweep(this.d.now(), this.d.config().maxMemoryBytes);
    if (!removed.length) return 0;
    this.d.metrics.evictions.inc({ reason: 'expired_or_memory' }, removed.length);
    await this.d.index.remove(removed);
    return removed.length;
  }
}
