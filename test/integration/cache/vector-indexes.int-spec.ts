import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { QdrantIndex, RedisCacheStore, RedisSearchIndex, StreamSyncedIndex } from '@helix/cache';
import { testRedisPrefix, testRedisUrl } from '../../support/infra.js';
import { vectorIndexContract } from './vector-index.contract.js';

async function dropPrefix(r: Redis, prefix: string) {
  const keys = await r.keys(`${prefix}*`);
  if (keys.length) await r.del(...keys);
}

vectorIndexContract('local (in-process, synced through the Redis stream)', async (dims) => {
  const prefix = testRedisPrefix();
  const redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: 1 });
  const store = new RedisCacheStore(redis, prefix, { streamMaxLen: 10_000 });
  const index = new StreamSyncedIndex(store, { dims, flatMax: 1, snapshotIntervalMs: 0, onError: () => {} });
  return {
    index,
    async cleanup() {
      await store.close();
      await dropPrefix(redis, prefix);
      redis.disconnect();
    },
  };
});

const stack = process.env.HELIX_TEST_REDIS_STACK_URL;
vectorIndexContract(
  'redis-search (Redis Query Engine)',
  async (dims) => {
    const prefix = testRedisPrefix();
    const redis = new Redis(stack!, { maxRetriesPerRequest: 1 });
    const name = `${prefix}idx`;
    const index = new RedisSearchIndex((...args) => redis.call(String(args[0]), ...args.slice(1)), prefix, name, dims);
    return {
      index,
      async cleanup() {
        await redis.call('FT.DROPINDEX', name).catch(() => {});
        await dropPrefix(redis, prefix);
        redis.disconnect();
      },
    };
  },
  stack ? undefined : 'set HELIX_TEST_REDIS_STACK_URL to a Redis Stack or Redis 8 to run it',
);

const qdrant = process.env.HELIX_TEST_QDRANT_URL;
vectorIndexContract(
  'qdrant',
  async (dims) => {
    const collection = `helix_test_${randomBytes(4).toString('hex')}`;
    const index = new QdrantIndex({ url: qdrant! }, collection, dims);
    return {
      index,
      async cleanup() {
        await fetch(`${qdrant}/collections/${collection}`, { method: 'DELETE' }).catch(() => {});
      },
    };
  },
  qdrant ? undefined : 'set HELIX_TEST_QDRANT_URL to a Qdrant to run it',
);
