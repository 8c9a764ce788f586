import { describe, expect, it } from 'vitest';
import { seededRandom } from '@helix/providers';
import { HnswPartition } from './hnsw-partition.js';
import { LocalIndex } from './local-index.js';

const DIMS = 64;
const FLAT_MAX = 32;
const random = seededRandom(7);
const vector = () => Int8Array.from({ length: DIMS }, () => Math.round(random() * 254 - 127));
const ref = (i: number) => ({ scope: 'tenant-a', key: `k${i}` });

describe('LocalIndex', () => {
  it('moves a partition past flatMax to HNSW and still finds each stored vector', () => {
    const index = new LocalIndex(DIMS, FLAT_MAX);
    const vectors = Array.from({ length: FLAT_MAX * 4 }, vector);
    vectors.forEach((v, i) => index.upsert(ref(i), 'p', v));
    expect(index.partitions.get('p')).toBeInstanceOf(HnswPartition);
    expect(index.size).toBe(vectors.length);
    for (const i of [0, 50, vectors.length - 1]) expect(index.search('p', vectors[i]!, 1, 0.99)[0]).toMatchObject({ ...ref(i) });
  });

  it('survives re-upserting the same entries many times (usearch 2.25 spun forever once its key table filled with tombstones)', () => {
    const index = new LocalIndex(DIMS, FLAT_MAX);
    const live = FLAT_MAX * 2;
    for (let i = 0; i < live; i++) index.upsert(ref(i), 'p', vector());
    // Each re-upsert removes a key and adds a new one; 20,000 of them overrun any key table sized for `live`.
    for (let round = 0; round < 20_000; round++) index.upsert(ref(round % live), 'p', vector());
    const last = vector();
    index.upsert(ref(3), 'p', last);
    expect(index.size).toBe(live);
    expect((index.partitions.get('p') as HnswPartition).size).toBe(live);
    expect(index.search('p', last, 1, 0.99)[0]).toMatchObject(ref(3));
  });

  it('forgets removed entries and drops an emptied partition', () => {
    const index = new LocalIndex(DIMS, FLAT_MAX);
    const v = vector();
    index.upsert(ref(1), 'p', v);
    expect(index.search('p', v, 1, 0.99)).toHaveLength(1);
    expect(index.remove(ref(1))).toBe(true);
    expect(index.remove(ref(1))).toBe(false);
    expect(index.search('p', v, 1, 0)).toEqual([]);
    expect(index.partitions.has('p')).toBe(false);
  });
});
