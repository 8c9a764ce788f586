import type { AlertRow, PiiRow } from '../ingest/side-rows.js';
import type { SqlRunner } from './sql.js';
import { unnestParams, unnestSelect, type Column } from './unnest-columns.js';

function batchInsert<R>(table: string, columns: Column<R>[], conflict: string) {
  const sql = `INSERT INTO analytics.${table} (${columns.map(([n]) => n).join(', ')}) ${unnestSelect(columns)} ON CONFLICT (${conflict}) DO NOTHING`;
  return async (db: SqlRunner, rows: readonly R[]): Promise<void> => {
    if (rows.length) await db.query(sql, unnestParams(columns, rows));
  };
}

const iso = (ms: number) => new Date(ms).toISOString();

const insertPii = batchInsert<PiiRow>(
  'pii_detections',
  [
    ['event_id', 'text', (r) => r.eventId],
    ['at', 'timestamptz', (r) => iso(r.atMs)],
    ['request_id', 'text', (r) => r.requestId],
    ['org_id', 'text', (r) => r.orgId],
    ['team_id', 'text', (r) => r.teamId],
    ['user_id', 'text', (r) => r.userId],
    ['key_id', 'text', (r) => r.keyId],
    ['direction', 'smallint', (r) => r.direction],
    ['entity_type', 'text', (r) => r.entityType],
    ['operator', 'text', (r) => r.operator],
    ['count', 'integer', (r) => r.count],
    ['blocked', 'boolean', (r) => r.blocked],
  ],
  'event_id, entity_type, operator',
);

const insertAlerts = batchInsert<AlertRow>(
  'budget_alerts',
  [
    ['alert_id', 'text', (r) => r.alertId],
    ['at', 'timestamptz', (r) => iso(r.atMs)],
    ['kind', 'smallint', (r) => r.kind],
    ['org_id', 'text', (r) => r.orgId],
    ['team_id', 'text', (r) => r.teamId],
    ['user_id', 'text', (r) => r.userId],
    ['key_id', 'text', (r) => r.keyId],
    ['level', 'text', (r) => r.level],
    ['scope_id', 'text', (r) => r.scopeId],
    ['period', 'text', (r) => r.period],
    ['period_start', 'text', (r) => r.periodStart],
    ['threshold_percent', 'integer', (r) => r.thresholdPercent],
    ['spend_pico', 'bigint', (r) => r.spendPico.toString()],
    ['limit_pico', 'bigint', (r) => r.limitPico.toString()],
    ['model', 'text', (r) => r.model],
    ['score', 'double precision', (r) => r.score],
  ],
  'alert_id',
);

/** PII detections and budget alerts: one multi-row `INSERT … ON CONFLICT DO NOTHING` per batch, idempotent by event id. */
export class PgSideStore {
  constructor(private readonly db: SqlRunner) {}

  pii = (rows: readonly PiiRow[]) => insertPii(this.db, rows);
  alerts = (rows: readonly AlertRow[]) => insertAlerts(this.db, rows);
}
