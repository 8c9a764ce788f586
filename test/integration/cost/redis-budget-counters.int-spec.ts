import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { RedisBudgetCounters } from '@helix/cost';
import { testRedisPrefix, testRedisUrl } from '../../support/infra.js';
import { budgetCountersContract } from './budget-counters.contract.js';

budgetCountersContract('redis', async () => {
  const prefix = testRedisPrefix();
  const clients: Redis[] = [];
  return {
    counters: () => {
      const redis = new Redis(testRedisUrl());
      clients.push(redis);
      return new RedisBudgetCounters(redis, prefix);
    },
    async cleanup() {
      const keys = await clients[0]!.keys(`${prefix}*`);
      if (keys.length) await clients[0]!.del(...keys);
      for (const c of clients.splice(0)) c.disconnect();
    },
  };
});

describe('redis budget counters: the orgs the sweeper visits', () => {
  it('registers an org again a minute after a Redis that came back empty lost the set (and not before)', async () => {
    const prefix = testRedisPrefix();
    const redis = new Redis(testRedisUrl());
    let clock = 1_000_000;
    const counters = new RedisBudgetCounters(redis, prefix, () => clock);
    const orgId = randomUUID();
    const reserve = () =>
      counters.reserve({ orgId, reservationId: randomUUID(), counters: [], promptCost: 0n, outputPrice: 0n, allowance: 1, nowMs: clock, expireAtMs: clock + 60_000 });
    try {
      await reserve();
      expect(await redis.smembers(`${prefix}budget:orgs`)).toEqual([orgId]);
      await redis.del(`${prefix}budget:orgs`);
      clock += 30_000;
      await reserve();
      expect(await redis.smembers(`${prefix}budget:orgs`)).toEqual([]); // control: remembered in-process for a while
      clock += 31_000;
      await reserve();
      expect(await redis.smembers(`${prefix}budget:orgs`)).toEqual([orgId]);
    } finally {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
    }
  });
});
