import { describe, expect, it } from 'vitest';
import type { AuthConfig } from '@helix/config';
import { IdentityCache, type KeyLookup } from './identity-cache.js';
import type { Identity } from './identity.js';

const config: AuthConfig = { cacheTtlMs: 60_000, negativeCacheTtlMs: 5_000, cacheMaxEntries: 100 };

function setup() {
  let now = 1_000_000;
  const cache = new IdentityCache(config, { now: () => now });
  return { cache, advance: (ms: number) => (now += ms) };
}

const known = (keyId: string, teamId: string, orgId = 'o1'): KeyLookup => ({
  identity: { keyId, teamId, orgId, userId: 'u', role: 'member', models: null, expiresAt: null, keyLimits: {}, teamLimits: {}, master: false } as Identity,
});

describe('IdentityCache', () => {
  it('keeps a known key for the TTL and a refusal for the shorter negative TTL', () => {
    const { cache, advance } = setup();
    cache.put('a', known('k1', 't1'), cache.begin());
    cache.put('b', { refused: 'unknown' }, cache.begin());
    advance(4_000);
    expect(cache.get('b')).toEqual({ refused: 'unknown' });
    advance(2_000);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toEqual(known('k1', 't1'));
    advance(55_000);
    expect(cache.get('a')).toBeUndefined();
  });

  it('does not store a lookup that began before an eviction (a read racing a revocation)', () => {
    const { cache } = setup();
    const raced = cache.begin();
    cache.evict({ keySha256: 'a' });
    cache.put('a', known('k1', 't1'), raced);
    expect(cache.get('a')).toBeUndefined();
    cache.put('a', known('k1', 't1'), cache.begin());
    expect(cache.get('a')).toBeDefined();
  });

  it('evicts one key, every key of a team, or every key of an org', () => {
    const { cache } = setup();
    const fill = () => {
      for (const [sha, keyId, teamId, orgId] of [['a', 'k1', 't1', 'o1'], ['b', 'k2', 't1', 'o1'], ['c', 'k3', 't2', 'o1'], ['d', 'k4', 't3', 'o2']]) {
        cache.put(sha!, known(keyId!, teamId!, orgId), cache.begin());
      }
    };
    const present = () => ['a', 'b', 'c', 'd'].filter((sha) => cache.get(sha));
    fill();
    cache.evict({ keySha256: 'a', teamId: 't1' });
    expect(present()).toEqual(['b', 'c', 'd']);
    fill();
    cache.evict({ teamId: 't1', orgId: 'o1' });
    expect(present()).toEqual(['c', 'd']);
    fill();
    cache.evict({ orgId: 'o1' });
    expect(present()).toEqual(['d']);
  });
});
