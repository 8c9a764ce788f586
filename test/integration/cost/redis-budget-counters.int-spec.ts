import { Redis } from 'ioredis';
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
