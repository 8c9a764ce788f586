import { CacheStatus, RequestOutcome, type RequestCompleted } from '@helix/contracts';
import { scopeOf } from '../scope/tenant-scope.js';
import type { StatsDelta } from '../stats/stats-store.js';
import type { CacheDeps } from './cache-deps.js';

/**
 * Counts hits, misses and savings per scope and model from completed requests
 * (the gateway prices them, so dollars saved are the ledger's own figures).
 * Idempotent by event id.
 */
export class RecordStatsUseCase {
  constructor(private readonly d: CacheDeps) {}

  async execute(events: readonly RequestCompleted[]): Promise<void> {
    const scope = this.d.config().scope;
    const deltas: StatsDelta[] = [];
    for (const e of events) {
      if (!e.tenant || e.endpoint !== 'chat.completions' || e.outcome !== RequestOutcome.SUCCESS) continue;
      const d: StatsDelta = { scope: scopeOf(e.tenant, scope).id, model: e.requestedModel, eventId: e.eventId };
      const hit = e.cacheStatus === CacheStatus.HIT_EXACT || e.cacheStatus === CacheStatus.HIT_SEMANTIC;
      if (e.cacheStatus === CacheStatus.HIT_EXACT) d.hitsExact = 1;
      else if (e.cacheStatus === CacheStatus.HIT_SEMANTIC) d.hitsSemantic = 1;
      else if (e.cacheStatus === CacheStatus.MISS) d.misses = 1;
      else if (e.cacheStatus === CacheStatus.BYPASS) d.bypasses = 1;
      else continue;
      if (hit) {
        d.tokensSaved = (e.usage?.inputTokens ?? 0) + (e.usage?.outputTokens ?? 0);
        d.savedPicoUsd = Number(e.savedPicoUsd);
      }
      deltas.push(d);
    }
    await this.d.stats.add(deltas);
  }
}
