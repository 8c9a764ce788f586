import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { entryBytes, scopeOf, type CacheEntry, type CacheStore, type ScopeInfo } from '@helix/cache';
import { until } from '../../support/wait.js';

/** One isolated store world; `store()` twice = two replicas on the same data. `clock` moves time for TTL checks. */
export interface StoreTarget {
  store(): CacheStore;
  clock: { now: number };
  cleanup(): Promise<void>;
}

let n = 0;
export const entry = (scope: ScopeInfo, over: Partial<CacheEntry> = {}, now = Date.now()): CacheEntry => ({
  scope: scope.id,
  key: `k${++n}`,
  model: 'm1',
  servedModel: 'm1',
  namespace: '',
  partition: '',
  queryText: 'q',
  body: '{"object":"chat.completion"}',
  createdAtMs: now,
  expiresAtMs: now + 60_000,
  embedder: '',
  ...over,
});

/** The store contract: the Redis and in-memory stores pass the same suite. */
export function storeContract(name: string, factory: () => Promise<StoreTarget>): void {
  describe(`cache store contract: ${name}`, () => {
    let t: StoreTarget;
    let s: CacheStore;
    let a: ScopeInfo;
    let b: ScopeInfo;

    beforeEach(async () => {
      t = await factory();
      s = t.store();
      const org = `o${Math.random().toString(36).slice(2)}`;
      a = scopeOf({ orgId: org, teamId: 't1', keyId: 'k' }, 'team');
      b = scopeOf({ orgId: org, teamId: 't2', keyId: 'k' }, 'team');
    });
    afterEach(async () => {
      await s.close();
      await t.cleanup();
    });

    it('keeps an entry, with its vector and usage, in its scope only', async () => {
      const e = entry(a, { vector: Int8Array.from([1, -2, 127]), usage: { inputTokens: 3, outputTokens: 4, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0, estimated: false } }, t.clock.now);
      expect(await s.put(a, e, 10)).toEqual([]);
      const got = await s.get({ scope: a.id, key: e.key });
      expect(got).toMatchObject({ key: e.key, body: e.body, model: 'm1', usage: { inputTokens: 3, outputTokens: 4 } });
      expect([...got!.vector!]).toEqual([1, -2, 127]);
      expect(await s.get({ scope: b.id, key: e.key })).toBeUndefined();
      expect((await s.getMany([{ scope: a.id, key: e.key }, { scope: b.id, key: e.key }])).map((x) => x?.key)).toEqual([e.key, undefined]);
      expect((await s.scopes()).map((x) => x.id)).toContain(a.id);
    });

    it('expires entries at their TTL, and the sweep removes them', async () => {
      const short = entry(a, { expiresAtMs: t.clock.now + 1_000 }, t.clock.now);
      const long = entry(a, { expiresAtMs: t.clock.now + 600_000 }, t.clock.now);
      await s.put(a, short, 10);
      await s.put(a, long, 10);
      expect(await s.get({ scope: a.id, key: short.key })).toBeDefined();
      t.clock.now += 1_500;
      await until(async () => (await s.get({ scope: a.id, key: short.key })) === undefined, 'the short entry to expire', 5_000);
      expect(await s.get({ scope: a.id, key: long.key })).toBeDefined();
      const swept = await s.sweep(t.clock.now, Number.MAX_SAFE_INTEGER);
      expect(swept).toEqual([{ scope: a.id, key: short.key }]);
      expect((await s.metas(a.id)).map((m) => m.key)).toEqual([long.key]);
    });

    it('evicts the least recently used past the per-scope limit, never another scope and never the new entry', async () => {
      const [e1, e2, e3] = [entry(a, {}, t.clock.now), entry(a, {}, t.clock.now), entry(a, {}, t.clock.now)];
      const other = entry(b, {}, t.clock.now);
      await s.put(b, other, 2);
      await s.put(a, e1, 2);
      t.clock.now += 10;
      await s.put(a, e2, 2);
      t.clock.now += 10;
      s.touch([{ scope: a.id, key: e1.key }]);
      await (s as { flushTouches?: () => Promise<void> }).flushTouches?.();
      t.clock.now += 10;
      expect(await s.put(a, e3, 2)).toEqual([{ scope: a.id, key: e2.key }]);
      expect(await s.get({ scope: a.id, key: e2.key })).toBeUndefined();
      expect(await s.get({ scope: a.id, key: e1.key })).toBeDefined();
      expect(await s.get({ scope: b.id, key: other.key })).toBeDefined();
      expect(await s.usage(a.id)).toMatchObject({ entries: 2 });
    });

    it('keeps all scopes within the memory budget, taking from the largest first', async () => {
      const big = 'x'.repeat(5_000);
      for (let i = 0; i < 4; i++) await s.put(a, entry(a, { body: big }, t.clock.now + i), 100);
      await s.put(b, entry(b, {}, t.clock.now), 100);
      const before = (await s.usage(a.id)).bytes + (await s.usage(b.id)).bytes;
      const budget = before - 6_000;
      const removed = await s.sweep(t.clock.now, budget);
      expect(removed.length).toBeGreaterThanOrEqual(2);
      expect(removed.every((r) => r.scope === a.id)).toBe(true);
      expect((await s.usage(a.id)).bytes + (await s.usage(b.id)).bytes).toBeLessThanOrEqual(budget);
      expect((await s.usage(b.id)).entries).toBe(1);
    });

    it('lists metas by namespace and model, and deletes what it is asked to', async () => {
      const e1 = entry(a, { namespace: 'docs', model: 'm2' }, t.clock.now);
      const e2 = entry(a, {}, t.clock.now);
      await s.put(a, e1, 10);
      await s.put(a, e2, 10);
      const metas = await s.metas(a.id);
      expect(metas.find((m) => m.key === e1.key)).toMatchObject({ namespace: 'docs', model: 'm2', bytes: entryBytes(e1) });
      expect(await s.delete([{ scope: a.id, key: e1.key }, { scope: a.id, key: 'nope' }])).toEqual([{ scope: a.id, key: e1.key }]);
      expect((await s.metas(a.id)).map((m) => m.key)).toEqual([e2.key]);
      expect((await s.usage(a.id)).bytes).toBe(entryBytes(e2));
    });

    it('carries index events to another replica in order, and a blocked read wakes on a new event', async () => {
      const other = t.store();
      try {
        const start = (await s.streamBounds()).last;
        const v = Int8Array.from([5, 6, 7]);
        await s.appendIndex([{ op: 'add', scope: a.id, key: 'k1', partition: 'p', embedder: 'e', expiresAtMs: 123, vector: v }]);
        await s.appendIndex([{ op: 'del', scope: a.id, key: 'k1' }]);
        const read = await other.readIndex(start, 10, 0);
        expect(read.map((r) => r.event.op)).toEqual(['add', 'del']);
        expect(read[0]!.event).toMatchObject({ scope: a.id, key: 'k1', partition: 'p', embedder: 'e', expiresAtMs: 123 });
        expect([...(read[0]!.event as { vector: Int8Array }).vector]).toEqual([5, 6, 7]);
        expect((await other.streamBounds()).last).toBe(read[1]!.offset);
        expect(await other.readIndex(read[1]!.offset, 10, 0)).toEqual([]);
        const waiting = other.readIndex(read[1]!.offset, 10, 5_000);
        await s.appendIndex([{ op: 'del', scope: a.id, key: 'k2' }]);
        expect((await waiting).map((r) => r.event)).toEqual([{ op: 'del', scope: a.id, key: 'k2' }]);
      } finally {
        if (other !== s) await other.close();
      }
    });
  });
}
