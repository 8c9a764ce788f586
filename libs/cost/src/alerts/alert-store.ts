import { fromBinary, toBinary } from '@bufbuild/protobuf';
import { BudgetAlertSchema, type BudgetAlert } from '@helix/contracts';
import { returned, type SqlRunner } from '../db/sql.js';

/**
 * Alerts in `cost.alerts`, one row per alert id: the insert decides, across
 * replicas, which one raises it. A row stays unpublished until the bus took it,
 * so a crash between the two publishes it later instead of losing it.
 */
export class PgAlertStore {
  constructor(private readonly db: SqlRunner) {}

  /** True when this call recorded the alert (no replica had). */
  async record(alert: BudgetAlert, escalateAtMs?: number): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `INSERT INTO cost.alerts (alert_id, kind, org_id, team_id, payload, escalate_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (alert_id) DO NOTHING RETURNING alert_id`,
      [alert.alertId, alert.kind, alert.tenant?.orgId ?? '', alert.tenant?.teamId ?? '', Buffer.from(toBinary(BudgetAlertSchema, alert)), escalateAtMs ? new Date(escalateAtMs) : null],
    );
    return rows.length > 0;
  }

  async markPublished(alertId: string): Promise<void> {
    await this.db.query('UPDATE cost.alerts SET published = true WHERE alert_id = $1', [alertId]);
  }

  /** Recorded but not yet on the bus (a publish failed, or its replica died). */
  async unpublished(olderThanMs: number, limit = 100): Promise<BudgetAlert[]> {
    const rows: { payload: Buffer }[] = await this.db.query(
      'SELECT payload FROM cost.alerts WHERE NOT published AND created_at < $1 ORDER BY created_at LIMIT $2',
      [new Date(olderThanMs), limit],
    );
    return rows.map((r) => fromBinary(BudgetAlertSchema, r.payload));
  }

  /** Claims hard-limit alerts whose escalation time passed (each claimed once, by one replica). */
  async claimEscalations(nowMs: number, limit = 100): Promise<BudgetAlert[]> {
    const rows = returned<{ payload: Buffer }>(
      await this.db.query(
        `UPDATE cost.alerts SET escalated = true WHERE alert_id IN (
           SELECT alert_id FROM cost.alerts WHERE NOT escalated AND escalate_at <= $1 ORDER BY escalate_at LIMIT $2 FOR UPDATE SKIP LOCKED
         ) RETURNING payload`,
        [new Date(nowMs), limit],
      ),
    );
    return rows.map((r) => fromBinary(BudgetAlertSchema, r.payload));
  }
}
