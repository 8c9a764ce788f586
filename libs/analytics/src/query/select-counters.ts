import { aggregate, KEY_COUNTERS, type Source } from '../ingest/counters.js';
import type { SqlRunner } from '../db/sql.js';
import { BUCKET_MS, DIMENSIONS, STATUSES, type AnalyticsQuery, type Dimension, type Scope } from './analytics-query.js';
import type { CounterRow } from './metrics.js';

const HOUR = BUCKET_MS.hour;
const DAY = BUCKET_MS.day;
const TABLES: Record<Source, { table: string; time: string }> = {
  raw: { table: 'analytics.requests', time: 'started_at' },
  hour: { table: 'analytics.rollup_hour', time: 'bucket' },
  day: { table: 'analytics.rollup_day', time: 'bucket' },
  day_key: { table: 'analytics.rollup_day_key', time: 'bucket' },
};

/**
 * The coarsest store that answers exactly. Without a user or key: the daily
 * rollup when the range is whole UTC days (and the interval a day or more), the
 * hourly one when it is whole hours. With a user or key: the daily rollup per
 * key for whole days when no latency percentile is asked for. Request rows
 * otherwise, and for minute intervals.
 */
export function sourceFor(q: Pick<AnalyticsQuery, 'fromMs' | 'toMs' | 'interval' | 'groupBy' | 'filters'>, counters: readonly string[]): Source {
  if (q.interval === 'minute') return 'raw';
  const aligned = (unit: number) => q.fromMs % unit === 0 && q.toMs % unit === 0;
  const daily = aligned(DAY) && q.interval !== 'hour';
  const perKey = [...q.groupBy, ...Object.keys(q.filters)].some((d) => d === 'user' || d === 'key');
  if (!perKey) return daily ? 'day' : aligned(HOUR) ? 'hour' : 'raw';
  return daily && counters.every((c) => KEY_COUNTER_NAMES.has(c)) ? 'day_key' : 'raw';
}

const KEY_COUNTER_NAMES = new Set(KEY_COUNTERS.map((c) => c.name));

/** `time >= $a AND time < $b` plus the scope and the query's filters, with their params appended. */
export function whereOf(q: AnalyticsQuery, scope: Scope, time: string, params: unknown[], columns: Partial<Record<Dimension, string>> = {}): string {
  const parts = [`${time} >= $${params.push(new Date(q.fromMs).toISOString())}`, `${time} < $${params.push(new Date(q.toMs).toISOString())}`];
  const col = (d: Dimension) => columns[d] ?? DIMENSIONS[d].column;
  if (scope.orgId) parts.push(`${col('org')} = $${params.push(scope.orgId)}`);
  if (scope.teamId) parts.push(`${col('team')} = $${params.push(scope.teamId)}`);
  for (const [d, v] of Object.entries(q.filters) as [Dimension, string | undefined][]) {
    if (v === undefined) continue;
    parts.push(`${col(d)} = $${params.push(d === 'status' ? Number(v) : v)}`);
  }
  return parts.join(' AND ');
}

/** `to_char` of a UTC bucket start as ISO 8601. */
export const bucketSql = (interval: string, time: string) =>
  `to_char(date_trunc('${interval}', ${time}, 'UTC') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

export interface SelectOptions {
  /** Sort groups by this counter, largest first (top-N), instead of by their keys. */
  orderBy?: string;
}

/**
 * Sums `counters` over the query's range, per interval bucket and group, from
 * the store `sourceFor` picks. Rows carry `bucket` (ISO) when there is an
 * interval, the group columns (`status` as its name), and the counters as text.
 */
export async function selectCounters(db: SqlRunner, q: AnalyticsQuery, scope: Scope, counters: readonly string[], opts: SelectOptions = {}): Promise<CounterRow[]> {
  const source = sourceFor(q, [...counters, ...(opts.orderBy ? [opts.orderBy] : [])]);
  const { table, time } = TABLES[source];
  const params: unknown[] = [];
  const where = whereOf(q, scope, time, params);
  const keys = [...(q.interval ? [`${bucketSql(q.interval, time)} AS bucket`] : []), ...groupColumns(q.groupBy)];
  const select = [...keys, ...counters.map((c) => `${aggregate(c, source)}::text AS ${c}`)].join(', ');
  const positions = keys.map((_, i) => i + 1).join(', ');
  const order = opts.orderBy ? `${aggregate(opts.orderBy, source)} DESC${positions ? `, ${positions}` : ''}` : positions;
  const sql = `SELECT ${select} FROM ${table} WHERE ${where}${positions ? ` GROUP BY ${positions}` : ''}${order ? ` ORDER BY ${order}` : ''} LIMIT $${params.push(q.limit)}`;
  const rows: CounterRow[] = await db.query(sql, params);
  if (q.groupBy.includes('status')) for (const r of rows) r.status = STATUSES[Number(r.status)] ?? String(r.status);
  return rows;
}

/** Output name of a dimension's column: `org_id`, `model`, `status`, ... */
export const outputName = (d: Dimension): string => (d === 'status' || d === 'entity' || d === 'action' ? d : DIMENSIONS[d].column);

/** `<column> AS <output name>` of each grouped dimension. */
export const groupColumns = (groupBy: readonly Dimension[]): string[] => groupBy.map((d) => `${DIMENSIONS[d].column} AS ${outputName(d)}`);
