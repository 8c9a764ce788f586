import { metrics } from '@helix/telemetry';

/** The cache-service's metrics (`helix_cache_*`). Bypasses are counted where they happen: the gateway's `helix_cache_bypass_total`. */
export function cacheMetrics() {
  return {
    lookups: metrics.counter('helix_cache_lookups_total', 'Cache lookups, by result (hit_exact, hit_semantic, miss).', ['result']),
    lookupSeconds: metrics.histogram('helix_cache_lookup_duration_seconds', 'Time to answer helix.cache.lookup.v1.', ['kind'], [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1]),
    similarity: metrics.histogram('helix_cache_similarity', 'Cosine similarity of the best semantic candidate of each lookup.', [], [0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.92, 0.94, 0.96, 0.98, 1]),
    rejections: metrics.counter('helix_cache_verifier_rejections_total', 'Semantic candidates the hit verifier refused, by reason.', ['reason']),
    stores: metrics.counter('helix_cache_stores_total', 'Answers offered to the cache, by result (stored, or why not).', ['result']),
    evictions: metrics.counter('helix_cache_evictions_total', 'Entries removed, by reason (lru, expired_or_memory, invalidated).', ['reason']),
    errors: metrics.counter('helix_cache_errors_total', 'Cache-service failures, by operation.', ['operation']),
    entries: metrics.gauge('helix_cache_entries', 'Entries held, all tenants.', []),
    memory: metrics.gauge('helix_cache_memory_bytes', 'Bytes held by entries, all tenants (the memory budget counts these).', []),
    indexed: metrics.gauge('helix_cache_index_vectors', 'Vectors in the semantic index.', []),
  };
}

export type CacheMetrics = ReturnType<typeof cacheMetrics>;
