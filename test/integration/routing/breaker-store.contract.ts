import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BreakerRecord } from '../../../apps/gateway/src/routing/breaker/breaker-record.js';
import type { BreakerStore } from '../../../apps/gateway/src/routing/breaker/breaker-store.js';
import { until } from '../../support/wait.js';

/** One isolated breaker world: stores it makes share their records (a second call = a second replica). */
export interface BreakerTarget {
  store(): BreakerStore;
  /** Lets `ms` of time pass: a fake clock for memory, real time for Redis. */
  advance(ms: number): Promise<void>;
  cleanup(): Promise<void>;
}

const open = (since: number, openUntil = since + 1000): BreakerRecord => ({ status: 'open', openUntil, opens: 1, since });

/** The breaker-store contract: the Redis and the in-memory store pass the same suite. */
export function breakerStoreContract(name: string, factory: () => Promise<BreakerTarget>): void {
  describe(`breaker store contract: ${name}`, () => {
    let target: BreakerTarget;
    let a: BreakerStore;
    let b: BreakerStore;

    beforeEach(async () => {
      target = await factory();
      a = target.store();
      b = target.store();
    });
    afterEach(async () => {
      await a.close();
      await b.close();
      await target.cleanup();
    });

    it('reads back what a replica wrote; unknown deployments are absent (closed)', async () => {
      await a.write('dep-1', open(100));
      const read = await b.read(['dep-1', 'dep-2']);
      expect(read.get('dep-1')).toEqual(open(100));
      expect(read.has('dep-2')).toBe(false);
      await a.write('dep-1', { status: 'closed', openUntil: 0, opens: 0, since: 200 });
      expect((await b.read(['dep-1'])).get('dep-1')).toMatchObject({ status: 'closed', since: 200 });
      expect((await b.read([])).size).toBe(0);
    });

    it('tells every watching replica about each transition, the writer included', async () => {
      const seenByA: [string, BreakerRecord][] = [];
      const seenByB: [string, BreakerRecord][] = [];
      await a.watch((id, r) => seenByA.push([id, r]));
      await b.watch((id, r) => seenByB.push([id, r]));
      await a.write('dep-x', open(5));
      await until(() => seenByA.length === 1 && seenByB.length === 1, 'both replicas told', 5_000);
      expect(seenByB).toEqual([['dep-x', open(5)]]);
      expect(seenByA).toEqual(seenByB);
    });

    it('gives the half-open probe to one replica only, again after it expires, and anew after a transition', async () => {
      const claims = await Promise.all([a.claimProbe('dep-p', 300), b.claimProbe('dep-p', 300), a.claimProbe('dep-p', 300), b.claimProbe('dep-p', 300)]);
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await a.claimProbe('dep-other', 300)).toBe(true);
      await target.advance(400);
      expect(await b.claimProbe('dep-p', 300)).toBe(true);
      await b.write('dep-p', open(10));
      expect(await a.claimProbe('dep-p', 60_000)).toBe(true);
    });
  });
}
