import { Module } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { CONFIG_STORE, type ConfigStore } from '@helix/config';
import { systemClock } from '../identity/clock.js';
import { MemoryRateLimiter } from './memory.rate-limiter.js';
import { RATE_LIMITER, RATE_LIMIT_REDIS, type RateLimiter } from './rate-limiter.js';
import { RateLimitStep } from './rate-limit.step.js';
import { RedisRateLimiter } from './redis.rate-limiter.js';

/**
 * The `RATE_LIMITER` (Redis when `RATE_LIMIT_REDIS` holds a client, in memory
 * when it is `null`) and the pipeline's `RateLimitStep`. Needs `RATE_LIMIT_REDIS`
 * and `CONFIG_STORE` from the app; defaults follow config reloads.
 */
@Module({
  providers: [
    {
      provide: RATE_LIMITER,
      inject: [RATE_LIMIT_REDIS, CONFIG_STORE],
      useFactory: (redis: Redis | null, config: ConfigStore): RateLimiter => {
        const defaults = () => config.current.rateLimits;
        const prefix = config.current.redis.keyPrefix;
        return redis ? new RedisRateLimiter(redis, defaults, prefix) : new MemoryRateLimiter(defaults, systemClock, prefix);
      },
    },
    RateLimitStep,
  ],
  exports: [RATE_LIMITER, RateLimitStep],
})
export class RateLimitModule {}
