import type { SqlRunner } from '../db/sql.js';
import type { AnalyticsQuery, Scope } from './analytics-query.js';
import { STATUSES } from './analytics-query.js';
import { picoToUsd } from './money.js';
import { whereOf } from './select-counters.js';

const CACHE_STATUSES = ['unspecified', 'miss', 'hit_exact', 'hit_semantic', 'bypass'];
const ISO_US = `'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'`;
const SELECT = `event_id, to_char(started_at AT TIME ZONE 'UTC', ${ISO_US}) AS started_at, correlation_id, org_id, team_id, user_id, key_id, endpoint,
  model, requested_model, served_model, provider, deployment, outcome, http_status, error_type, stream, input_tokens, output_tokens, cache_read_tokens,
  reasoning_tokens, cost_pico::text AS cost_pico, saved_pico::text AS saved_pico, estimated, unpriced, cache_status, cache_similarity, pii_count,
  pii_blocked, swapped_from_model, duration_ms, ttfb_ms, attempts`;

/** A request row as exports show it: names for codes, USD for pico-USD. */
export function rowView(r: Record<string, any>): Record<string, unknown> {
  const { cost_pico, saved_pico, outcome, cache_status, ...rest } = r;
  return { ...rest, status: STATUSES[outcome] ?? String(outcome), cache_status: CACHE_STATUSES[cache_status] ?? String(cache_status), cost_usd: picoToUsd(cost_pico), saved_usd: picoToUsd(saved_pico) };
}

/**
 * Request rows in pages, oldest first, by keyset (`started_at`, `event_id`), so
 * an export of any size holds one page in memory at a time.
 */
export class RowsUseCase {
  constructor(private readonly db: SqlRunner) {}

  /** The query's rows within the scope, at most `q.limit` in all. */
  async *pages(q: AnalyticsQuery, scope: Scope, pageSize = 5_000): AsyncGenerator<Record<string, unknown>[]> {
    let left = q.limit;
    for await (const page of this.keyset((params) => whereOf(q, scope, 'started_at', params), pageSize)) {
      yield page.slice(0, left);
      left -= page.length;
      if (left <= 0) return;
    }
  }

  /** Pages of the rows matching `where` (which appends its params), by keyset. */
  async *keyset(where: (params: unknown[]) => string, pageSize: number): AsyncGenerator<Record<string, unknown>[]> {
    let after: RowCursor | undefined;
    do {
      const page = await this.page(where, after, pageSize);
      if (page.rows.length) yield page.rows;
      after = page.next;
    } while (after);
  }

  /** One page after `after`; `next` is set when there may be more. */
  async page(where: (params: unknown[]) => string, after: RowCursor | undefined, pageSize: number): Promise<{ rows: Record<string, unknown>[]; next?: RowCursor }> {
    const params: unknown[] = [];
    let sql = `SELECT ${SELECT} FROM analytics.requests WHERE (${where(params)})`;
    if (after) sql += ` AND (started_at, event_id) > ($${params.push(after[0])}::timestamptz, $${params.push(after[1])})`;
    const rows: Record<string, any>[] = await this.db.query(`${sql} ORDER BY started_at, event_id LIMIT $${params.push(pageSize)}`, params);
    const last = rows[rows.length - 1];
    return { rows: rows.map(rowView), next: rows.length === pageSize && last ? [last.started_at, last.event_id] : undefined };
  }
}

/** Where a page of request rows ends: its last `started_at` (ISO, µs) and `event_id`. */
export type RowCursor = [startedAt: string, eventId: string];
