import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { quantize, type VectorIndex } from '@helix/cache';
import { until } from '../../support/wait.js';

const DIMS = 16;

/** A unit-ish vector pointing mostly along axis `i`, nudged by `j`. */
function vec(i: number, j = 0, nudge = 0): Int8Array {
  const v = new Array<number>(DIMS).fill(0);
  v[i] = 1;
  v[j] += nudge;
  return quantize(v);
}

/** The semantic index contract: the local, Redis Query Engine and Qdrant adapters pass the same suite. */
export function vectorIndexContract(name: string, factory: (dims: number) => Promise<{ index: VectorIndex; cleanup(): Promise<void> }>, skip?: string): void {
  const run = skip ? describe.skip : describe;
  if (skip) console.log(`vector index contract: ${name} skipped: ${skip}`);
  run(`vector index contract: ${name}`, () => {
    let index: VectorIndex;
    let cleanup: () => Promise<void>;
    const scope = `s${Math.random().toString(36).slice(2, 8)}`;
    const far = Date.now() + 600_000;

    beforeEach(async () => {
      ({ index, cleanup } = await factory(DIMS));
      await index.start();
    });
    afterEach(async () => {
      await index.close();
      await cleanup();
    });

    it('finds the nearest vectors of a partition, best first, above the least score, and never another partition', async () => {
      expect(index.ready()).toBe(true);
      await index.add({ scope, key: 'near', partition: 'pa', embedder: 'e', expiresAtMs: far, vector: vec(0, 1, 0.2) });
      await index.add({ scope, key: 'far', partition: 'pa', embedder: 'e', expiresAtMs: far, vector: vec(0, 1, 1.5) });
      await index.add({ scope, key: 'other', partition: 'pb', embedder: 'e', expiresAtMs: far, vector: vec(0) });
      let hits: Awaited<ReturnType<VectorIndex['search']>> = [];
      await until(async () => (hits = await index.search('pa', vec(0), 5, 0)).length === 2, 'both vectors searchable', 10_000);
      expect(hits.map((h) => h.key)).toEqual(['near', 'far']);
      expect(hits[0]!.scope).toBe(scope);
      expect(hits[0]!.score).toBeGreaterThan(0.97);
      expect(hits[1]!.score).toBeLessThan(0.8);
      expect((await index.search('pa', vec(0), 5, 0.9)).map((h) => h.key)).toEqual(['near']);
      expect((await index.search('pb', vec(0), 5, 0)).map((h) => h.key)).toEqual(['other']);
      expect(await index.search('pc', vec(0), 5, 0)).toEqual([]);
    });

    it('replaces a vector added again, and forgets removed ones', async () => {
      await index.add({ scope, key: 'k', partition: 'pa', embedder: 'e', expiresAtMs: far, vector: vec(2) });
      await index.add({ scope, key: 'k', partition: 'pa', embedder: 'e', expiresAtMs: far, vector: vec(3) });
      await until(async () => (await index.search('pa', vec(3), 5, 0.9)).length === 1, 'the replaced vector', 10_000);
      expect(await index.search('pa', vec(2), 5, 0.9)).toEqual([]);
      await index.remove([{ scope, key: 'k' }]);
      await until(async () => (await index.search('pa', vec(3), 5, 0)).length === 0, 'the removal', 10_000);
    });
  });
}
