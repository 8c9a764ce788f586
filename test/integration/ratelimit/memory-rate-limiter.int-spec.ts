import type { RateLimitsConfig } from '@helix/config';
import { MemoryRateLimiter } from '../../../apps/gateway/src/ratelimit/memory.rate-limiter.js';
import { rateLimiterContract } from './rate-limiter.contract.js';

rateLimiterContract('memory', async () => {
  let now = Date.parse('2030-01-01T00:00:00Z');
  const clock = { now: () => now };
  const shared = new MemoryRateLimiter(() => ({}) as RateLimitsConfig, clock);
  return {
    limiter: (defaults) => (defaults ? new MemoryRateLimiter(() => defaults as RateLimitsConfig, clock) : shared),
    advance: async (ms) => {
      now += ms;
    },
    cleanup: async () => undefined,
  };
});
