import { LRUCache } from 'lru-cache';
import type { RateLimitsConfig } from '@helix/config';
import type { Clock } from '../identity/clock.js';
import type { Identity } from '../identity/identity.js';
import { admissionOf, UNLIMITED } from './admission.js';
import { bucketsOf, costIn } from './buckets.js';
import { gcra, keepMs, settledTat } from './gcra.js';
import type { Admission, RateLimiter } from './rate-limiter.js';

/** Most buckets held; the least recently used full ones go first. */
const MAX_BUCKETS = 100_000;

/** The embedded mode's limiter: the same GCRA as Redis, in this process (one replica, so one view). */
export class MemoryRateLimiter implements RateLimiter {
  private readonly tats: LRUCache<string, number>;

  constructor(
    private readonly defaults: () => RateLimitsConfig,
    private readonly clock: Clock,
    private readonly prefix = 'helix:',
  ) {
    this.tats = new LRUCache({ max: MAX_BUCKETS, ttl: 1, ttlAutopurge: false, perf: clock });
  }

  async admit(identity: Identity, estimatedTokens: number): Promise<Admission> {
    const buckets = bucketsOf(identity, this.defaults(), this.prefix);
    if (buckets.length === 0) return UNLIMITED;
    const now = this.clock.now();
    const costs = buckets.map((b) => costIn(b, estimatedTokens));
    const verdict = gcra(buckets.map((b, i) => ({ limit: b.limit, cost: costs[i]!, tat: this.tats.get(b.key) })), now);
    if (verdict.allowed) buckets.forEach((b, i) => this.tats.set(b.key, verdict.tats[i]!, { ttl: keepMs(verdict.tats[i]!, now) }));
    return admissionOf(buckets, costs, verdict);
  }

  async settle(identity: Identity, tokenDelta: number): Promise<void> {
    const delta = Math.round(tokenDelta);
    if (delta === 0) return;
    const now = this.clock.now();
    for (const b of bucketsOf(identity, this.defaults(), this.prefix)) {
      if (b.kind !== 'tokens') continue;
      const tat = settledTat(this.tats.get(b.key), b.limit, delta, now);
      if (tat === undefined) this.tats.delete(b.key);
      else this.tats.set(b.key, tat, { ttl: keepMs(tat, now) });
    }
  }
}
