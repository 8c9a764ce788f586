import type { SqlRunner } from '../db/sql.js';
import type { AnalyticsQuery, Scope } from './analytics-query.js';
import { bucketStarts, fillBuckets } from './buckets.js';
import { bucketSql, groupColumns, whereOf } from './select-counters.js';
import type { Table } from './series.usecase.js';

/** Dimensions of PII detections: tenant, entity type and the action (operator) taken. */
export const PII_DIMENSIONS = ['org', 'team', 'user', 'key', 'entity', 'action'] as const;

/**
 * PII detections (from the pii-service's audit events): per entity and action
 * (and interval bucket, tenant group) the values found, the scans that found
 * them and the requests blocked.
 */
export class PiiUseCase {
  constructor(private readonly db: SqlRunner) {}

  async execute(q: AnalyticsQuery, scope: Scope): Promise<Table> {
    const params: unknown[] = [];
    const where = whereOf(q, scope, 'at', params);
    const keys = [...(q.interval ? [`${bucketSql(q.interval, 'at')} AS bucket`] : []), ...groupColumns(q.groupBy)];
    const positions = keys.map((_, i) => i + 1).join(', ');
    const sql = `SELECT ${[...keys, 'sum(count)::text AS detections', 'count(DISTINCT event_id)::text AS scans', 'count(DISTINCT request_id) FILTER (WHERE blocked)::text AS blocked_requests'].join(', ')}
      FROM analytics.pii_detections WHERE ${where}${positions ? ` GROUP BY ${positions} ORDER BY ${positions}` : ''} LIMIT $${params.push(q.limit)}`;
    const found: Record<string, string>[] = await this.db.query(sql, params);
    const rows = q.interval && !q.groupBy.length ? fillBuckets(found, bucketStarts(q.fromMs, q.toMs, q.interval)) : found;
    return {
      rows: rows.map((r) => ({ ...r, detections: Number(r.detections ?? 0), scans: Number(r.scans ?? 0), blocked_requests: Number(r.blocked_requests ?? 0) })),
      truncated: found.length >= q.limit,
    };
  }
}
