/**
 * Upper bounds (exclusive, ms) of the latency and time-to-first-byte histogram
 * buckets kept in the rollups; the last bucket holds everything from the last
 * bound up. Changing them needs a migration (the columns are `lat_00`…, `ttfb_00`…).
 */
export const LATENCY_BOUNDS_MS = [10, 25, 50, 75, 100, 150, 200, 300, 400, 500, 750, 1000, 1500, 2000, 3000, 5000, 7500, 10000, 15000, 20000, 30000, 60000, 120000] as const;

/** Number of histogram buckets (one more than bounds). */
export const BUCKETS = LATENCY_BOUNDS_MS.length + 1;

/** `[lower, upper)` of bucket `i`; the last one's upper is `Infinity`. */
export function bucketRange(i: number): [number, number] {
  return [i === 0 ? 0 : LATENCY_BOUNDS_MS[i - 1]!, i < LATENCY_BOUNDS_MS.length ? LATENCY_BOUNDS_MS[i]! : Infinity];
}

/** Column name of bucket `i` of a histogram (`lat` or `ttfb`). */
export const bucketColumn = (prefix: 'lat' | 'ttfb', i: number): string => `${prefix}_${String(i).padStart(2, '0')}`;

/**
 * The `q` quantile (0–1) of a histogram: the bucket where the rank `q × total`
 * falls, interpolated linearly inside it; the open last bucket answers its lower
 * bound. Null for an empty histogram.
 */
export function quantile(counts: readonly number[], q: number): number | null {
  const total = counts.reduce((s, c) => s + c, 0);
  if (total === 0) return null;
  const rank = q * total;
  let before = 0;
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i]!;
    if (c > 0 && before + c >= rank) {
      const [lo, hi] = bucketRange(i);
      return hi === Infinity ? lo : lo + ((hi - lo) * (rank - before)) / c;
    }
    before += c;
  }
  return bucketRange(counts.length - 1)[0];
}
