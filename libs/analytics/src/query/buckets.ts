import { BUCKET_MS, type Interval } from './analytics-query.js';

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

function truncate(ms: number, interval: Interval): number {
  if (interval !== 'month') return Math.floor(ms / BUCKET_MS[interval]) * BUCKET_MS[interval];
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

function next(ms: number, interval: Interval): number {
  if (interval !== 'month') return ms + BUCKET_MS[interval];
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

/** Every bucket start (ISO, UTC) of `interval` that overlaps `[fromMs, toMs)`. */
export function bucketStarts(fromMs: number, toMs: number, interval: Interval): string[] {
  const out: string[] = [];
  for (let t = truncate(fromMs, interval); t < toMs; t = next(t, interval)) out.push(iso(t));
  return out;
}

/** One row per bucket, in order: the row found for it, or an empty one (zeros). */
export function fillBuckets<R extends { bucket?: unknown }>(rows: R[], buckets: string[]): R[] {
  const byBucket = new Map(rows.map((r) => [r.bucket, r]));
  return buckets.map((bucket) => byBucket.get(bucket) ?? ({ bucket } as R));
}
