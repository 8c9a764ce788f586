import type { MessageInitShape } from '@bufbuild/protobuf';
import type { CacheHealthReplySchema } from '@helix/contracts';
import type { CacheDeps } from './cache-deps.js';

/** helix.cache.health.v1, and the numbers behind the entries/memory gauges. */
export class HealthUseCase {
  constructor(private readonly d: CacheDeps) {}

  async execute(): Promise<MessageInitShape<typeof CacheHealthReplySchema>> {
    const { entries, bytes } = await this.totals();
    const indexed = await this.d.index.size();
    this.d.metrics.entries.set(entries);
    this.d.metrics.memory.set(bytes);
    this.d.metrics.indexed.set(indexed);
    const ready = this.d.index.ready();
    return {
      ready,
      store: this.d.store.kind,
      index: this.d.index.kind,
      embedder: this.d.embedder.id,
      entries: BigInt(entries),
      indexed: BigInt(indexed),
      detail: ready ? `${bytes} bytes held` : 'semantic index loading',
    };
  }

  private async totals(): Promise<{ entries: number; bytes: number }> {
    let entries = 0;
    let bytes = 0;
    for (const s of await this.d.store.scopes()) {
      const u = await this.d.store.usage(s.id);
      entries += u.entries;
      bytes += u.bytes;
    }
    return { entries, bytes };
  }
}
