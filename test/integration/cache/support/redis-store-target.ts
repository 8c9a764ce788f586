import { Redis } from 'ioredis';
import { RedisCacheStore } from '@helix/cache';
import type { AtRest } from '@helix/persistence';
import { testRedisPrefix, testRedisUrl } from '../../../support/infra.js';
import type { StoreTarget } from '../store.contract.js';

/** A Redis store world for the store contract: a fresh key prefix, a clock, replicas on their own connections; `atRest` seals entries. */
export async function redisStoreTarget(atRest?: AtRest): Promise<StoreTarget> {
  const clock = { now: Date.now() };
  const prefix = testRedisPrefix();
  const clients: Redis[] = [];
  return {
    clock,
    store: () => {
      const r = new Redis(testRedisUrl(), { maxRetriesPerRequest: 1 });
      clients.push(r);
      return new RedisCacheStore(r, prefix, { streamMaxLen: 10_000, now: () => clock.now, atRest });
    },
    async cleanup() {
      const keys = await clients[0]!.keys(`${prefix}*`);
      if (keys.length) await clients[0]!.del(...keys);
      for (const c of clients) c.disconnect();
    },
  };
}
