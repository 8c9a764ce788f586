import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import type { ConfigStore } from '@helix/config';
import {
  BuiltinEmbedder,
  cacheMetrics,
  HealthUseCase,
  InvalidateUseCase,
  LookupUseCase,
  MemoryCacheStore,
  MemoryStatsStore,
  ModelEmbedder,
  RecordStatsUseCase,
  RedisCacheStore,
  RedisStatsStore,
  resolveEmbeddingsDeployment,
  StatsUseCase,
  StoreUseCase,
  SweepUseCase,
  type CacheDeps,
  type Embedder,
} from '@helix/cache';
import { atRestFromConfig } from '@helix/persistence';
import { UndiciTransport, type UpstreamTransport } from '@helix/providers';
import type { Logger } from '@helix/telemetry';
import { createVectorIndex } from './vector-index.factory.js';

/** What the cache-service is built from. */
export interface CacheCoreDeps {
  /** Redis in distributed mode; null = in-memory store and local index (embedded mode). */
  redis: Redis | null;
  store: ConfigStore;
  log: Logger;
  /** Transport of a model embedder (tests pass their own). */
  http?: UpstreamTransport;
  now?: () => number;
}

/**
 * Every use case of the cache-service, wired once per process: the Nest
 * module, the tests and the benchmark build it here, so they run the same code.
 * A model embedder is asked for its dimensions here, so a wrong embedder config
 * fails the start; the index loads in the background (`start`).
 */
export async function createCacheCore(deps: CacheCoreDeps) {
  const { redis, store, log } = deps;
  const cfg = store.current;
  const now = deps.now ?? Date.now;
  const prefix = cfg.redis.keyPrefix;
  const cacheStore = redis ? new RedisCacheStore(redis, prefix, { streamMaxLen: cfg.cache.semantic.streamMaxLen, now, atRest: atRestFromConfig(cfg.encryption, 'cache') }) : new MemoryCacheStore(now, cfg.cache.semantic.streamMaxLen);
  const embedder = await createEmbedder(deps);
  const onError = (err: unknown, what: string) => {
    metrics.errors.inc({ operation: what });
    log.warn({ err }, `cache: ${what} failed`);
  };
  const metrics = cacheMetrics();
  const snapshotDir = redis ? join(cfg.dataDir, 'cache-index', createHash('sha256').update(`${cfg.redis.url}|${prefix}|${embedder.id}`).digest('hex').slice(0, 16)) : undefined;
  const index = await createVectorIndex({ redis, store: cacheStore, config: cfg, dims: embedder.dimensions, embedderId: embedder.id, snapshotDir, onError });
  const d: CacheDeps = { store: cacheStore, index, embedder, stats: redis ? new RedisStatsStore(redis, prefix) : new MemoryStatsStore(), config: () => store.current.cache, metrics, now, onError };
  return {
    deps: d,
    lookup: new LookupUseCase(d),
    store: new StoreUseCase(d),
    stats: new StatsUseCase(d),
    invalidate: new InvalidateUseCase(d),
    recordStats: new RecordStatsUseCase(d),
    health: new HealthUseCase(d),
    sweep: new SweepUseCase(d),
    /** Loads the index (snapshot + stream, or a rebuild); readiness waits for it. */
    start: () => index.start(),
    async close() {
      await index.close();
      await cacheStore.close();
    },
  };
}

export type CacheCore = Awaited<ReturnType<typeof createCacheCore>>;

async function createEmbedder({ store, http }: CacheCoreDeps): Promise<Embedder> {
  const cfg = store.current;
  const e = cfg.cache.semantic.embedder;
  if (e.model === 'builtin') return new BuiltinEmbedder();
  return ModelEmbedder.create(resolveEmbeddingsDeployment(cfg, e.model), http ?? new UndiciTransport(), { dimensions: e.dimensions, timeoutMs: e.timeoutMs });
}
