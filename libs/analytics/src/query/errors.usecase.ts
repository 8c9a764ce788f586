import type { SqlRunner } from '../db/sql.js';
import type { AnalyticsQuery, Scope } from './analytics-query.js';
import { outputName, selectCounters } from './select-counters.js';
import type { Table } from './series.usecase.js';

const n = (v: unknown) => Number(v ?? 0);

/**
 * Errors by type: per error type (and interval bucket and group), the failed
 * requests and their share of all requests of that bucket and group.
 */
export class ErrorsUseCase {
  constructor(private readonly db: SqlRunner) {}

  async execute(q: AnalyticsQuery, scope: Scope): Promise<Table> {
    const groupBy = q.groupBy.filter((d) => d !== 'error_type');
    const rows = await selectCounters(this.db, { ...q, groupBy: [...groupBy, 'error_type'] }, scope, ['errors', 'requests']);
    const keys = [...(q.interval ? ['bucket'] : []), ...groupBy.map(outputName)];
    const groupOf = (r: Record<string, unknown>) => keys.map((k) => String(r[k] ?? '')).join('\u0000');
    const totals = new Map<string, number>();
    for (const r of rows) totals.set(groupOf(r), (totals.get(groupOf(r)) ?? 0) + n(r.requests));
    const out = rows
      .filter((r) => n(r.errors) > 0)
      .map((r) => {
        const requests = totals.get(groupOf(r)) ?? 0;
        return { ...Object.fromEntries(keys.map((k) => [k, r[k] ?? ''])), error_type: r.error_type || 'unknown', errors: n(r.errors), requests, error_rate: requests ? Math.round((n(r.errors) / requests) * 1e6) / 1e6 : null };
      });
    return { rows: out, truncated: rows.length >= q.limit };
  }
}
