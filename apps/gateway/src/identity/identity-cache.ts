import { LRUCache } from 'lru-cache';
import type { AuthConfig } from '@helix/config';
import type { Clock } from './clock.js';
import { covers, type IdentityChange } from './identity-change.js';
import type { Identity } from './identity.js';
import { identityCacheLookups } from './identity.metrics.js';

const hits = identityCacheLookups.labels('hit');
const misses = identityCacheLookups.labels('miss');

/** What the store said about a key digest: who holds it, or why it is refused. */
export type KeyLookup = { identity: Identity } | { refused: 'unknown' | 'revoked' };

/**
 * The in-process cache of key lookups, keyed by the key's SHA-256. Refusals are
 * kept for a shorter time. Every eviction starts a new epoch, and a lookup that
 * began in an older epoch is not stored: a read that raced a revocation cannot
 * put the revoked key back.
 */
export class IdentityCache {
  private readonly lru: LRUCache<string, KeyLookup>;
  private epoch = 0;

  constructor(
    private readonly config: AuthConfig,
    clock: Clock,
  ) {
    this.lru = new LRUCache({ max: config.cacheMaxEntries, ttl: Math.max(1, config.cacheTtlMs), ttlResolution: 0, perf: clock });
  }

  get(sha256: string): KeyLookup | undefined {
    const hit = this.lru.get(sha256);
    (hit ? hits : misses).inc();
    return hit;
  }

  /** The epoch to hand back to {@link put}. */
  begin(): number {
    return this.epoch;
  }

  put(sha256: string, lookup: KeyLookup, since: number): void {
    if (since !== this.epoch) return;
    const ttl = 'identity' in lookup ? this.config.cacheTtlMs : this.config.negativeCacheTtlMs;
    if (ttl > 0) this.lru.set(sha256, lookup, { ttl });
  }

  evict(change: IdentityChange): void {
    this.epoch++;
    if (change.keySha256) {
      this.lru.delete(change.keySha256);
      return;
    }
    const doomed = [...this.lru.entries()].filter(([sha256, lookup]) =>
      covers(change, sha256, 'identity' in lookup ? lookup.identity : undefined),
    );
    for (const [sha256] of doomed) this.lru.delete(sha256);
  }

  get size(): number {
    return this.lru.size;
  }
}
