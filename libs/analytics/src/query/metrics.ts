import { BUCKETS, bucketColumn, quantile } from '../ingest/latency.js';
import { picoToUsd } from './money.js';

/** A row of summed counters as Postgres returns them (numbers as strings). */
export type CounterRow = Record<string, string | null | undefined>;

interface Metric {
  /** Counters it is computed from. */
  needs: string[];
  value(r: CounterRow): number | string | null;
}

const n = (v: string | null | undefined): number => (v ? Number(v) : 0);
const ratio = (a: number, b: number): number | null => (b > 0 ? Math.round((a / b) * 1e6) / 1e6 : null);
const round1 = (v: number | null): number | null => (v === null ? null : Math.round(v * 10) / 10);
const lat = Array.from({ length: BUCKETS }, (_, i) => bucketColumn('lat', i));
const ttfb = Array.from({ length: BUCKETS }, (_, i) => bucketColumn('ttfb', i));
const hist = (cols: string[], r: CounterRow) => cols.map((c) => n(r[c]));
const lookups = (r: CounterRow) => n(r.hits_exact) + n(r.hits_semantic) + n(r.misses);
const plain = (name: string): Metric => ({ needs: [name], value: (r) => n(r[name]) });
const pct = (cols: string[], q: number): Metric => ({ needs: cols, value: (r) => round1(quantile(hist(cols, r), q)) });
const CACHE = ['hits_exact', 'hits_semantic', 'misses'];

/**
 * Every metric the API reports, from the rollup counters. Money is an exact USD
 * decimal string; rates are 0–1 (null without a denominator); latencies are ms,
 * percentiles interpolated in the histogram buckets (ingest/latency.ts).
 */
export const METRICS = {
  requests: plain('requests'),
  errors: plain('errors'),
  error_rate: { needs: ['errors', 'requests'], value: (r) => ratio(n(r.errors), n(r.requests)) },
  input_tokens: plain('input_tokens'),
  output_tokens: plain('output_tokens'),
  total_tokens: { needs: ['input_tokens', 'output_tokens'], value: (r) => n(r.input_tokens) + n(r.output_tokens) },
  cost_usd: { needs: ['cost_pico'], value: (r) => picoToUsd(r.cost_pico ?? '0') },
  saved_usd: { needs: ['saved_pico'], value: (r) => picoToUsd(r.saved_pico ?? '0') },
  hits_exact: plain('hits_exact'),
  hits_semantic: plain('hits_semantic'),
  misses: plain('misses'),
  bypass: plain('bypass'),
  hit_rate: { needs: CACHE, value: (r) => ratio(n(r.hits_exact) + n(r.hits_semantic), lookups(r)) },
  exact_hit_rate: { needs: CACHE, value: (r) => ratio(n(r.hits_exact), lookups(r)) },
  semantic_hit_rate: { needs: CACHE, value: (r) => ratio(n(r.hits_semantic), lookups(r)) },
  latency_avg_ms: { needs: ['latency_sum_ms', 'requests'], value: (r) => round1(ratio(n(r.latency_sum_ms), n(r.requests))) },
  latency_p50_ms: pct(lat, 0.5),
  latency_p95_ms: pct(lat, 0.95),
  latency_p99_ms: pct(lat, 0.99),
  ttfb_p50_ms: pct(ttfb, 0.5),
  ttfb_p95_ms: pct(ttfb, 0.95),
  ttfb_p99_ms: pct(ttfb, 0.99),
  unpriced: plain('unpriced'),
  estimated: plain('estimated'),
  short_outputs: plain('short_outputs'),
  pii_blocked: plain('pii_blocked'),
} satisfies Record<string, Metric>;

export type MetricName = keyof typeof METRICS;

/** The metrics of each `/v1/analytics/<set>` endpoint. */
export const METRIC_SETS = {
  summary: Object.keys(METRICS) as MetricName[],
  requests: ['requests', 'errors', 'error_rate'],
  tokens: ['input_tokens', 'output_tokens', 'total_tokens'],
  cost: ['cost_usd', 'requests', 'unpriced'],
  savings: ['saved_usd', 'hits_exact', 'hits_semantic'],
  cache: ['requests', 'hits_exact', 'hits_semantic', 'misses', 'bypass', 'hit_rate', 'exact_hit_rate', 'semantic_hit_rate', 'saved_usd'],
  latency: ['requests', 'latency_avg_ms', 'latency_p50_ms', 'latency_p95_ms', 'latency_p99_ms', 'ttfb_p50_ms', 'ttfb_p95_ms', 'ttfb_p99_ms'],
  errors: ['requests', 'errors', 'error_rate'],
} satisfies Record<string, MetricName[]>;

export type MetricSet = keyof typeof METRIC_SETS;

export const countersFor = (metrics: readonly MetricName[]): string[] => [...new Set(metrics.flatMap((m) => METRICS[m].needs))];

export function deriveMetrics(row: CounterRow, metrics: readonly MetricName[]): Record<string, number | string | null> {
  return Object.fromEntries(metrics.map((m) => [m, METRICS[m].value(row)]));
}
