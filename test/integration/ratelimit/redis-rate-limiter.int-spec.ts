import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RateLimitsConfig } from '@helix/config';
import { RedisRateLimiter } from '../../../apps/gateway/src/ratelimit/redis.rate-limiter.js';
import { testRedisPrefix, testRedisUrl } from '../../support/infra.js';
import { sleep } from '../../support/wait.js';
import { member } from './identities.js';
import { rateLimiterContract } from './rate-limiter.contract.js';

const none = () => ({}) as RateLimitsConfig;

async function dropPrefix(redis: Redis, prefix: string): Promise<void> {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(...keys);
}

rateLimiterContract('redis', async () => {
  const prefix = testRedisPrefix();
  const redis = new Redis(testRedisUrl());
  return {
    limiter: (defaults) => new RedisRateLimiter(redis, defaults ? () => defaults as RateLimitsConfig : none, prefix),
    advance: (ms) => sleep(ms),
    async cleanup() {
      await dropPrefix(redis, prefix);
      redis.disconnect();
    },
  };
});

describe('redis rate limiter: cluster-wide', () => {
  const prefix = testRedisPrefix();
  let a: Redis;
  let b: Redis;

  beforeAll(() => {
    a = new Redis(testRedisUrl());
    b = new Redis(testRedisUrl());
  });
  afterAll(async () => {
    await dropPrefix(a, prefix);
    a.disconnect();
    b.disconnect();
  });

  const burst = async (rpm: number) => {
    const id = member({ rpm });
    const limiters = [new RedisRateLimiter(a, none, prefix), new RedisRateLimiter(b, none, prefix)];
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => limiters[i % 2]!.admit(id, 0)));
    return answers.filter((x) => x.allowed).length;
  };

  it('admits exactly the RPM of 200 concurrent requests from two connections', async () => {
    expect(await burst(50)).toBe(50);
  });

  it('admits all 200 when the RPM has room (control)', async () => {
    expect(await burst(1_000)).toBe(200);
  });

  it('keeps every bucket of a team under its prefix and {teamId} hash tag, with an expiry', async () => {
    const id = member({ rpm: 5, tpm: 1_000 }, { rpm: 50, tpm: 10_000 });
    await new RedisRateLimiter(a, none, prefix).admit(id, 100);
    const keys = (await a.keys(`${prefix}rl:*`)).filter((k) => k.includes(id.teamId)).sort();
    expect(keys).toEqual(
      [`key:${id.keyId}:rpm`, `key:${id.keyId}:tpm`, 'team:rpm', 'team:tpm'].map((s) => `${prefix}rl:{${id.teamId}}:${s}`).sort(),
    );
    for (const key of keys) {
      const ttl = await a.pttl(key);
      expect(ttl).toBeGreaterThan(1_000);
      expect(ttl).toBeLessThanOrEqual(61_000);
    }
  });

  const settleCalls = (redis: Redis) => {
    const r = redis as Redis & { helixRateSettle: (...args: unknown[]) => Promise<number> };
    const original = r.helixRateSettle.bind(r);
    const calls = { count: 0 };
    r.helixRateSettle = (...args: unknown[]) => {
      calls.count++;
      return original(...args);
    };
    return { calls, restore: () => (r.helixRateSettle = original) };
  };

  it('sends the settles of one turn for one key set as one script, with their sum', async () => {
    const id = member({ tpm: 1_000 });
    const limiter = new RedisRateLimiter(a, none, prefix);
    expect((await limiter.admit(id, 800)).headers['x-ratelimit-remaining-tokens']).toBe('200');
    const spy = settleCalls(a);
    try {
      await Promise.all(Array.from({ length: 5 }, () => limiter.settle(id, -100)));
      expect(spy.calls.count).toBe(1);
    } finally {
      spy.restore();
    }
    expect((await limiter.admit(id, 0)).headers['x-ratelimit-remaining-tokens']).toBe('700');
  });

  it('sends settles of separate turns separately (control)', async () => {
    const id = member({ tpm: 1_000 });
    const limiter = new RedisRateLimiter(a, none, prefix);
    await limiter.admit(id, 800);
    const spy = settleCalls(a);
    try {
      for (let i = 0; i < 5; i++) await limiter.settle(id, -100);
      expect(spy.calls.count).toBe(5);
    } finally {
      spy.restore();
    }
    expect((await limiter.admit(id, 0)).headers['x-ratelimit-remaining-tokens']).toBe('700');
  });
});
