import type { MessageInitShape } from '@bufbuild/protobuf';
import type { CacheModelStatsSchema, CacheStatsRequest } from '@helix/contracts';
import { zeroCounters } from '../stats/stats-store.js';
import type { CacheDeps } from './cache-deps.js';
import { scopesMatching } from './scopes-matching.js';

type Row = MessageInitShape<typeof CacheModelStatsSchema>;

/** helix.cache.stats.v1: per tenant scope and model, entries and bytes held, hits, misses and what hits saved. */
export class StatsUseCase {
  constructor(private readonly d: CacheDeps) {}

  async execute(req: CacheStatsRequest): Promise<{ rows: Row[] }> {
    const rows: Row[] = [];
    for (const scope of await scopesMatching(this.d.store, req.filter)) {
      const held = new Map<string, { entries: number; bytes: number }>();
      for (const m of await this.d.store.metas(scope.id)) {
        const h = held.get(m.model) ?? held.set(m.model, { entries: 0, bytes: 0 }).get(m.model)!;
        h.entries++;
        h.bytes += m.bytes;
      }
      const counters = await this.d.stats.read(scope.id);
      for (const model of new Set([...held.keys(), ...counters.keys()])) {
        if (req.filter?.model && model !== req.filter.model) continue;
        const c = counters.get(model) ?? zeroCounters();
        const h = held.get(model) ?? { entries: 0, bytes: 0 };
        rows.push({
          orgId: scope.orgId,
          teamId: scope.teamId,
          keyId: scope.keyId,
          model,
          entries: BigInt(h.entries),
          bytes: BigInt(h.bytes),
          hitsExact: BigInt(c.hitsExact),
          hitsSemantic: BigInt(c.hitsSemantic),
          misses: BigInt(c.misses),
          bypasses: BigInt(c.bypasses),
          tokensSaved: BigInt(c.tokensSaved),
          savedPicoUsd: BigInt(c.savedPicoUsd),
        });
      }
    }
    return { rows };
  }
}
