import type { Redis } from 'ioredis';
import type { HelixConfig } from '@helix/config';
import { QdrantIndex, RedisSearchIndex, StreamSyncedIndex, type CacheStore, type VectorIndex } from '@helix/cache';

export interface IndexFactoryDeps {
  redis: Redis | null;
  store: CacheStore;
  config: HelixConfig;
  dims: number;
  embedderId: string;
  snapshotDir?: string;
  onError(err: unknown, what: string): void;
}

/**
 * The semantic index the config asks for; `auto` takes the Redis Query Engine
 * when Redis has it (`FT._LIST` answers), else the local index. Embedded mode
 * (no Redis) always uses the local index over the in-memory store.
 */
export async function createVectorIndex(d: IndexFactoryDeps): Promise<VectorIndex> {
  const sem = d.config.cache.semantic;
  const local = () =>
    new StreamSyncedIndex(d.store, { dims: d.dims, flatMax: sem.flatMaxEntries, snapshotDir: d.snapshotDir, snapshotIntervalMs: sem.snapshotIntervalSeconds * 1000, onError: d.onError });
  if (!d.redis || sem.index === 'local') return local();
  if (sem.index === 'qdrant') return new QdrantIndex(sem.qdrant, `${sem.qdrant.collection}_${d.embedderId.replace(/[^\w-]/g, '_')}`, d.dims);
  if (sem.index === 'auto' && !(await hasSearch(d.redis))) return local();
  const redis = d.redis;
  const name = `${d.config.redis.keyPrefix}cache-idx-${d.embedderId.replace(/[^\w-]/g, '_')}`;
  return new RedisSearchIndex((...args) => redis.call(String(args[0]), ...args.slice(1)), d.config.redis.keyPrefix, name, d.dims);
}

async function hasSearch(redis: Redis): Promise<boolean> {
  try {
    await redis.call('FT._LIST');
    return true;
  } catch {
    return false;
  }
}
