import type { CacheConfig } from '@helix/config';
import type { CacheMetrics } from '../cache.metrics.js';
import type { Embedder } from '../embed/embedder.js';
import type { VectorIndex } from '../index/vector-index.js';
import type { StatsStore } from '../stats/stats-store.js';
import type { CacheStore } from '../store/cache-store.js';

/** What the cache use cases are built from: ports, the live config, metrics and the clock. */
export interface CacheDeps {
  store: CacheStore;
  index: VectorIndex;
  embedder: Embedder;
  stats: StatsStore;
  config: () => CacheConfig;
  metrics: CacheMetrics;
  now: () => number;
  /** Logs a background failure (index updates after a store, stale-entry cleanup). */
  onError(err: unknown, what: string): void;
}
