import { Redis } from 'ioredis';
import { RedisCacheStore } from '@helix/cache';
import { testRedisPrefix, testRedisUrl } from '../../support/infra.js';
import { storeContract } from './store.contract.js';

storeContract('redis', async () => {
  const clock = { now: Date.now() };
  const prefix = testRedisPrefix();
  const clients: Redis[] = [];
  return {
    clock,
    store: () => {
      const r = new Redis(testRedisUrl(), { maxRetriesPerRequest: 1 });
      clients.push(r);
      return new RedisCacheStore(r, prefix, { streamMaxLen: 10_000, now: () => clock.now });
    },
    async cleanup() {
      const keys = await clients[0]!.keys(`${prefix}*`);
      if (keys.length) await clients[0]!.del(...keys);
      for (const c of clients) c.disconnect();
    },
  };
});
