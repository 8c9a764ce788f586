import { Errors, type CacheInvalidateRequest } from '@helix/contracts';
import type { EntryRef } from '../entry/cache-entry.js';
import type { CacheDeps } from './cache-deps.js';
import { scopesMatching } from './scopes-matching.js';

/**
 * helix.cache.invalidate.v1: removes the entries of the matching scopes that
 * match the model, namespace or exact key, from the store and the index.
 * An empty filter needs `all`, so a missing field never empties a cache.
 */
export class InvalidateUseCase {
  constructor(private readonly d: CacheDeps) {}

  async execute(req: CacheInvalidateRequest): Promise<{ removed: bigint }> {
    const f = req.filter;
    const narrowed = !!(f?.orgId || f?.teamId || f?.keyId || f?.model || f?.namespace || f?.exactKey);
    if (!narrowed && !req.all) throw Errors.badRequest('Say what to invalidate (team_id, key_id, model, namespace, key) or pass all: true.');
    let removed = 0;
    for (const scope of await scopesMatching(this.d.store, f)) {
      const refs: EntryRef[] = (await this.d.store.metas(scope.id))
        .filter((m) => (!f?.model || m.model === f.model) && (!f?.namespace || m.namespace === f.namespace) && (!f?.exactKey || m.key === f.exactKey))
        .map((m) => ({ scope: scope.id, key: m.key }));
      const gone = await this.d.store.delete(refs);
      if (gone.length) await this.d.index.remove(gone);
      if (!f?.model && !f?.namespace && !f?.exactKey) await this.d.stats.reset(scope.id);
      removed += gone.length;
    }
    this.d.metrics.evictions.inc({ reason: 'invalidated' }, removed);
    return { removed: BigInt(removed) };
  }
}
