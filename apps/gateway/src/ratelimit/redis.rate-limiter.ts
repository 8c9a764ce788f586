import type { Redis } from 'ioredis';
import type { RateLimitsConfig } from '@helix/config';
import type { Identity } from '../identity/identity.js';
import { admissionOf, UNLIMITED } from './admission.js';
import { bucketsOf, costIn } from './buckets.js';
import { WINDOW_MS, type Verdict } from './gcra.js';
import { ADMIT_LUA, SETTLE_LUA } from './gcra.lua.js';
import type { Admission, RateLimiter } from './rate-limiter.js';

interface RateLimitCommands {
  helixRateAdmit(keyCount: number, ...keysAndArgs: (string | number)[]): Promise<number[]>;
  helixRateSettle(keyCount: number, ...keysAndArgs: (string | number)[]): Promise<number>;
}

/** Cluster-wide limits: one Lua script per request checks and consumes every bucket atomically. */
export class RedisRateLimiter implements RateLimiter {
  private readonly redis: Redis & RateLimitCommands;

  constructor(
    redis: Redis,
    private readonly defaults: () => RateLimitsConfig,
    private readonly prefix: string,
  ) {
    if (!('helixRateAdmit' in redis)) {
      redis.defineCommand('helixRateAdmit', { lua: ADMIT_LUA });
      redis.defineCommand('helixRateSettle', { lua: SETTLE_LUA });
    }
    this.redis = redis as Redis & RateLimitCommands;
  }

  async admit(identity: Identity, estimatedTokens: number): Promise<Admission> {
    const buckets = bucketsOf(identity, this.defaults(), this.prefix);
    if (buckets.length === 0) return UNLIMITED;
    const costs = buckets.map((b) => costIn(b, estimatedTokens));
    const args = buckets.flatMap((b, i) => [b.limit, costs[i]!]);
    const raw = await this.redis.helixRateAdmit(buckets.length, ...buckets.map((b) => b.key), WINDOW_MS, ...args);
    return admissionOf(buckets, costs, verdictOf(raw));
  }

  async settle(identity: Identity, tokenDelta: number): Promise<void> {
    const delta = Math.round(tokenDelta);
    if (delta === 0) return;
    const buckets = bucketsOf(identity, this.defaults(), this.prefix).filter((b) => b.kind === 'tokens');
    if (buckets.length === 0) return;
    await this.redis.helixRateSettle(buckets.length, ...buckets.map((b) => b.key), WINDOW_MS, ...buckets.flatMap((b) => [b.limit, delta]));
  }
}

function verdictOf(raw: number[]): Verdict {
  const [allowed, tooLarge, refusedBy, waitMs] = raw;
  const readings = [];
  for (let i = 4; i < raw.length; i += 2) readings.push({ remaining: raw[i]!, resetMs: raw[i + 1]! });
  return { allowed: allowed === 1, tooLarge: tooLarge === 1, refusedBy: refusedBy! - 1, waitMs: waitMs!, readings };
}
