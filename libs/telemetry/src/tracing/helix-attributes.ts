import type { Attributes } from '@opentelemetry/api';
import { CacheStatus } from '@helix/contracts';
import { activeSpan } from './spans.js';

const CACHE_STATUS: Readonly<Record<number, string>> = {
  [CacheStatus.MISS]: 'miss',
  [CacheStatus.HIT_EXACT]: 'hit_exact',
  [CacheStatus.HIT_SEMANTIC]: 'hit_semantic',
  [CacheStatus.BYPASS]: 'bypass',
};

/** `helix.cache.status` (miss, hit_exact, hit_semantic, bypass) and `helix.cache.similarity` when there was a candidate. */
export function cacheAttributes(status: CacheStatus, similarity: number): Attributes {
  return { 'helix.cache.status': CACHE_STATUS[status] ?? 'pending', ...(similarity > 0 && { 'helix.cache.similarity': similarity }) };
}

/** `helix.pii.entities` (all of them) and `helix.pii.entities.<type>`: counts only, never the values. */
export function piiAttributes(detections: readonly { entityType?: string; count?: number }[], blocked: boolean): Attributes {
  const a: Attributes = { 'helix.pii.blocked': blocked };
  let total = 0;
  for (const d of detections) {
    const n = d.count ?? 0;
    total += n;
    const key = `helix.pii.entities.${(d.entityType ?? 'unknown').toLowerCase()}`;
    a[key] = ((a[key] as number | undefined) ?? 0) + n;
  }
  a['helix.pii.entities'] = total;
  return a;
}

/** Adds attributes to the active span (a bus handler's), when tracing runs. */
export function annotateSpan(attributes: () => Attributes): void {
  activeSpan()?.setAttributes(attributes());
}
