import { describe, expect, it } from 'vitest';
import { BUCKETS, bucketRange, quantile } from './latency.js';

const hist = (entries: Record<number, number>) => Array.from({ length: BUCKETS }, (_, i) => entries[i] ?? 0);

describe('latency histogram quantiles', () => {
  it('interpolates inside the bucket where the rank falls', () => {
    expect(bucketRange(0)).toEqual([0, 10]);
    expect(bucketRange(4)).toEqual([75, 100]);
    expect(quantile(hist({ 4: 4 }), 0.5)).toBe(75 + 25 * (2 / 4));
    expect(quantile(hist({ 0: 50, 4: 50 }), 0.5)).toBe(10);
    expect(quantile(hist({ 0: 50, 4: 50 }), 0.99)).toBe(75 + 25 * (49 / 50));
  });

  it('answers the lower bound of the open last bucket, and null for no data', () => {
    expect(quantile(hist({ [BUCKETS - 1]: 3 }), 0.5)).toBe(120_000);
    expect(quantile(hist({}), 0.5)).toBeNull();
  });
});
