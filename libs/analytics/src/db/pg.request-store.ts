import { COUNTERS, KEY_COUNTERS, KEY_DIMENSIONS, TEAM_DIMENSIONS, type Counter } from '../ingest/counters.js';
import type { RequestRow } from '../ingest/request-row.js';
import type { SqlRunner } from './sql.js';
import { unnestParams, unnestSelect, type Column } from './unnest-columns.js';

const COLUMNS: Column<RequestRow>[] = [
  ['event_id', 'text', (r) => r.eventId],
  ['started_at', 'timestamptz', (r) => new Date(r.startedAtMs).toISOString()],
  ['correlation_id', 'text', (r) => r.correlationId],
  ['org_id', 'text', (r) => r.orgId],
  ['team_id', 'text', (r) => r.teamId],
  ['user_id', 'text', (r) => r.userId],
  ['key_id', 'text', (r) => r.keyId],
  ['endpoint', 'text', (r) => r.endpoint],
  ['model', 'text', (r) => r.model],
  ['requested_model', 'text', (r) => r.requestedModel],
  ['served_model', 'text', (r) => r.servedModel],
  ['provider', 'text', (r) => r.provider],
  ['deployment', 'text', (r) => r.deployment],
  ['outcome', 'smallint', (r) => r.outcome],
  ['http_status', 'smallint', (r) => r.httpStatus],
  ['error_type', 'text', (r) => r.errorType],
  ['stream', 'boolean', (r) => r.stream],
  ['input_tokens', 'integer', (r) => r.inputTokens],
  ['output_tokens', 'integer', (r) => r.outputTokens],
  ['cache_read_tokens', 'integer', (r) => r.cacheReadTokens],
  ['reasoning_tokens', 'integer', (r) => r.reasoningTokens],
  ['cost_pico', 'bigint', (r) => r.costPico.toString()],
  ['saved_pico', 'bigint', (r) => r.savedPico.toString()],
  ['estimated', 'boolean', (r) => r.estimated],
  ['unpriced', 'boolean', (r) => r.unpriced],
  ['cache_status', 'smallint', (r) => r.cacheStatus],
  ['cache_similarity', 'real', (r) => r.cacheSimilarity],
  ['pii_count', 'integer', (r) => r.piiCount],
  ['pii_blocked', 'boolean', (r) => r.piiBlocked],
  ['swapped_from_model', 'text', (r) => r.swappedFromModel],
  ['duration_ms', 'integer', (r) => r.durationMs],
  ['ttfb_ms', 'integer', (r) => r.ttfbMs],
  ['attempts', 'smallint', (r) => r.attempts],
];
const NAMES = COLUMNS.map(([n]) => n).join(', ');
/** Every column of a request row, in table order (exports read them in this order). */
export const REQUEST_COLUMNS: readonly string[] = COLUMNS.map(([n]) => n);
function rollup(table: string, unit: 'hour' | 'day', dimensions: readonly string[], counters: readonly Counter[]): string {
  const dims = dimensions.join(', ');
  const groups = Array.from({ length: dimensions.length + 1 }, (_, i) => i + 1).join(', ');
  return `INSERT INTO analytics.${table} (bucket, ${dims}, ${counters.map((c) => c.name).join(', ')})
  SELECT date_trunc('${unit}', started_at, 'UTC'), ${dims}, ${counters.map((c) => c.raw).join(', ')}
  FROM ins GROUP BY ${groups} ORDER BY ${groups}
  ON CONFLICT (bucket, ${dims}) DO UPDATE SET
    ${counters.map((c) => `${c.name} = analytics.${table}.${c.name} + excluded.${c.name}`).join(',\n    ')}
  RETURNING 1`;
}

/**
 * One statement per batch: the new request rows (an event id already there is
 * skipped, so redelivery never double-counts), and, from exactly those rows, the
 * hourly and daily rollups per team and the daily rollup per key. Returns the event ids it inserted.
 */
const INGEST = `
WITH input AS (
  ${unnestSelect(COLUMNS)}
), ins AS (
  INSERT INTO analytics.requests (${NAMES}) SELECT ${NAMES} FROM input ON CONFLICT (started_at, event_id) DO NOTHING RETURNING *
), hourly AS (
  ${rollup('rollup_hour', 'hour', TEAM_DIMENSIONS, COUNTERS)}
), daily AS (
  ${rollup('rollup_day', 'day', TEAM_DIMENSIONS, COUNTERS)}
), daily_key AS (
  ${rollup('rollup_day_key', 'day', KEY_DIMENSIONS, KEY_COUNTERS)}
)
SELECT event_id FROM ins`;

/** Request rows in `analytics.requests` and their rollups. */
export class PgRequestStore {
  constructor(private readonly db: SqlRunner) {}

  /** Inserts a batch (partitions must exist) in one statement; returns the ids that were new. */
  async insert(rows: readonly RequestRow[]): Promise<string[]> {
    if (rows.length === 0) return [];
    const inserted: { event_id: string }[] = await this.db.query(INGEST, unnestParams(COLUMNS, rows));
    return inserted.map((r) => r.event_id);
  }
}
