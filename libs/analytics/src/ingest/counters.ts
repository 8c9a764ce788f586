import { BUCKETS, bucketColumn, bucketRange } from './latency.js';

/** Completion tokens at or under which a successful answer counts as short (cheaper-model recommendation). */
export const SHORT_OUTPUT_TOKENS = 100;

/**
 * One additive measure kept per rollup row. `raw` aggregates it over request rows
 * (`analytics.requests`); over a rollup it is `sum(<name>)`. Ingestion, every
 * query and the migration use this one list, so the three agree.
 */
export interface Counter {
  name: string;
  raw: string;
}

const count = (where: string) => `count(*) FILTER (WHERE ${where})`;

function histogram(prefix: 'lat' | 'ttfb', column: string, extra = ''): Counter[] {
  return Array.from({ length: BUCKETS }, (_, i) => {
    const [lo, hi] = bucketRange(i);
    return { name: bucketColumn(prefix, i), raw: count(`${extra}${column} >= ${lo}${hi === Infinity ? '' : ` AND ${column} < ${hi}`}`) };
  });
}

export const COUNTERS: readonly Counter[] = [
  { name: 'requests', raw: 'count(*)' },
  { name: 'input_tokens', raw: 'sum(input_tokens)' },
  { name: 'output_tokens', raw: 'sum(output_tokens)' },
  { name: 'cost_pico', raw: 'sum(cost_pico)' },
  { name: 'saved_pico', raw: 'sum(saved_pico)' },
  { name: 'hits_exact', raw: count('cache_status = 2') },
  { name: 'hits_semantic', raw: count('cache_status = 3') },
  { name: 'misses', raw: count('cache_status = 1') },
  { name: 'bypass', raw: count('cache_status = 4') },
  { name: 'errors', raw: count('outcome <> 1') },
  { name: 'unpriced', raw: count('unpriced') },
  { name: 'estimated', raw: count('estimated') },
  { name: 'short_outputs', raw: count(`outcome = 1 AND output_tokens > 0 AND output_tokens <= ${SHORT_OUTPUT_TOKENS}`) },
  { name: 'pii_blocked', raw: count('pii_blocked') },
  { name: 'latency_sum_ms', raw: 'sum(duration_ms)' },
  { name: 'ttfb_count', raw: count('ttfb_ms > 0') },
  ...histogram('lat', 'duration_ms'),
  ...histogram('ttfb', 'ttfb_ms', 'ttfb_ms > 0 AND '),
];

export const COUNTER_NAMES: readonly string[] = COUNTERS.map((c) => c.name);

/** Where a query reads from: request rows, the hourly or daily rollups per team, or the daily rollup per key. */
export type Source = 'raw' | 'hour' | 'day' | 'day_key';

/** Counters of the daily rollup per key: all but the latency histograms (per-key percentiles read request rows). */
export const KEY_COUNTERS: readonly Counter[] = COUNTERS.filter((c) => !/^(lat|ttfb)_\d\d$/.test(c.name));

/** The SQL aggregate of a counter over a source. */
export function aggregate(counter: string, source: Source): string {
  if (source !== 'raw') return `sum(${counter})`;
  const c = COUNTERS.find((x) => x.name === counter);
  if (!c) throw new Error(`unknown counter ${counter}`);
  return c.raw;
}

/** Key columns of the daily rollup per key, besides the time bucket. */
export const KEY_DIMENSIONS = ['org_id', 'team_id', 'user_id', 'key_id', 'model', 'provider', 'outcome', 'error_type'] as const;

/** Key columns of the hourly and daily rollups: per team, not per user or key, so a bucket holds a few rows per team and model. */
export const TEAM_DIMENSIONS = KEY_DIMENSIONS.filter((d) => d !== 'user_id' && d !== 'key_id');
