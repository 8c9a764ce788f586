import type { SqlRunner } from '../db/sql.js';
import type { AnalyticsQuery, Scope } from './analytics-query.js';
import { bucketStarts, fillBuckets } from './buckets.js';
import { countersFor, deriveMetrics, type MetricName } from './metrics.js';
import { outputName, selectCounters } from './select-counters.js';

/** A table of results: one row per bucket and group, keys first, then metrics. */
export interface Table {
  rows: Record<string, unknown>[];
  /** The row limit cut the answer short. */
  truncated: boolean;
}

/**
 * Time series and breakdowns of the request metrics: per `interval` bucket (all
 * buckets of the range, zeros included, when nothing is grouped) and per group,
 * or ordered by spend for top-N lists.
 */
export class SeriesUseCase {
  constructor(private readonly db: SqlRunner) {}

  async execute(q: AnalyticsQuery, scope: Scope, metrics: readonly MetricName[], opts: { top?: boolean } = {}): Promise<Table> {
    const counters = countersFor(metrics);
    const found = await selectCounters(this.db, q, scope, opts.top ? [...new Set([...counters, 'cost_pico'])] : counters, { orderBy: opts.top ? 'cost_pico' : undefined });
    const rows = q.interval && q.groupBy.length === 0 ? fillBuckets(found, bucketStarts(q.fromMs, q.toMs, q.interval)) : found;
    const keys = [...(q.interval ? ['bucket'] : []), ...q.groupBy.map(outputName)];
    return {
      rows: rows.map((r) => ({ ...Object.fromEntries(keys.map((k) => [k, r[k] ?? ''])), ...deriveMetrics(r, metrics) })),
      truncated: found.length >= q.limit,
    };
  }
}
