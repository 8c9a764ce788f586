import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../../../apps/gateway/src/identity/clock.js';
import { RedisBreakerStore } from '../../../apps/gateway/src/routing/breaker/redis.breaker-store.js';
import { testRedisPrefix, testRedisUrl } from '../../support/infra.js';
import { sleep } from '../../support/wait.js';
import { breakerStoreContract } from './breaker-store.contract.js';

async function dropPrefix(redis: Redis, prefix: string): Promise<void> {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(...keys);
}

breakerStoreContract('redis', async () => {
  const prefix = testRedisPrefix();
  const clients: Redis[] = [];
  return {
    store: () => {
      const redis = new Redis(testRedisUrl());
      clients.push(redis);
      return new RedisBreakerStore(redis, prefix, systemClock);
    },
    advance: (ms) => sleep(ms),
    async cleanup() {
      await dropPrefix(clients[0]!, prefix);
      for (const c of clients) c.disconnect();
    },
  };
});

describe('redis breaker store: layout', () => {
  it('keeps a breaker and its probe under the prefix and one {deployment} hash tag, with an expiry', async () => {
    const prefix = testRedisPrefix();
    const redis = new Redis(testRedisUrl());
    const store = new RedisBreakerStore(redis, prefix, systemClock);
    const now = Date.now();
    await store.write('openai/gpt-4o', { status: 'open', openUntil: now + 30_000, opens: 1, since: now });
    await store.claimProbe('openai/gpt-4o', 5_000);
    expect((await redis.keys(`${prefix}*`)).sort()).toEqual([`${prefix}cb:{openai/gpt-4o}`, `${prefix}cb:{openai/gpt-4o}:probe`]);
    const ttl = await redis.pttl(`${prefix}cb:{openai/gpt-4o}`);
    expect(ttl).toBeGreaterThan(30_000);
    expect(ttl).toBeLessThanOrEqual(30_000 + 10 * 60_000);
    expect(await redis.pttl(`${prefix}cb:{openai/gpt-4o}:probe`)).toBeLessThanOrEqual(5_000);
    await dropPrefix(redis, prefix);
    await store.close();
    redis.disconnect();
  });
});
