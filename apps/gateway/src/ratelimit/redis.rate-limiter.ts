import type { Redis } from 'ioredis';
import type { RateLimitsConfig } from '@helix/config';
import type { Identity } from '../identity/identity.js';
import { admissionOf, UNLIMITED } from './admission.js';
import { bucketsOf, costIn, type Bucket } from './buckets.js';
import { WINDOW_MS, type Verdict } from './gcra.js';
import { ADMIT_LUA, SETTLE_LUA } from './gcra.lua.js';
import type { Admission, RateLimiter } from './rate-limiter.js';

interface RateLimitCommands {
  helixRateAdmit(keyCount: number, ...keysAndArgs: (string | number)[]): Promise<number[]>;
  helixRateSettle(keyCount: number, ...keysAndArgs: (string | number)[]): Promise<number>;
}

/** The token delta of one key set gathered since the last flush, and the promise its settles wait on. */
interface PendingSettle {
  buckets: Bucket[];
  delta: number;
  done: Promise<void>;
  resolve: () => void;
  reject: (err: unknown) => void;
}

/**
 * Cluster-wide limits: one Lua script per request checks and consumes every bucket atomically.
 * Settles (after the answer) are summed per key set until the end of the event-loop turn and sent
 * as one script: requests that finish together cost one settle, and it still goes out, on the same
 * connection, before any later request's admit.
 */
export class RedisRateLimiter implements RateLimiter {
  private readonly redis: Redis & RateLimitCommands;
  private pending = new Map<string, PendingSettle>();
  private flushing?: NodeJS.Immediate;

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

  settle(identity: Identity, tokenDelta: number): Promise<void> {
    const delta = Math.round(tokenDelta);
    if (delta === 0) return Promise.resolve();
    const buckets = bucketsOf(identity, this.defaults(), this.prefix).filter((b) => b.kind === 'tokens');
    if (buckets.length === 0) return Promise.resolve();
    const id = buckets.length === 1 ? buckets[0]!.key : buckets.map((b) => b.key).join(' ');
    let p = this.pending.get(id);
    if (!p) this.pending.set(id, (p = pendingSettle(buckets)));
    p.buckets = buckets;
    p.delta += delta;
    this.flushing ??= setImmediate(() => this.flush());
    return p.done;
  }

  private flush(): void {
    this.flushing = undefined;
    const batch = this.pending;
    this.pending = new Map();
    for (const { buckets, delta, resolve, reject } of batch.values()) {
      if (delta === 0) {
        resolve();
        continue;
      }
      this.redis.helixRateSettle(buckets.length, ...buckets.map((b) => b.key), WINDOW_MS, ...buckets.flatMap((b) => [b.limit, delta])).then(() => resolve(), reject);
    }
  }
}

function pendingSettle(buckets: Bucket[]): PendingSettle {
  let resolve!: () => void;
  let reject!: (err: unknown) => void;
  const done = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { buckets, delta: 0, done, resolve, reject };
}

function verdictOf(raw: number[]): Verdict {
  const [allowed, tooLarge, refusedBy, waitMs] = raw;
  const readings = [];
  for (let i = 4; i < raw.length; i += 2) readings.push({ remaining: raw[i]!, resetMs: raw[i + 1]! });
  return { allowed: allowed === 1, tooLarge: tooLarge === 1, refusedBy: refusedBy! - 1, waitMs: waitMs!, readings };
}
