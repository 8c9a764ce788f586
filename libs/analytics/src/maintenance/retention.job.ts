import { DAY_MS, dayStart, type Partitions } from '../db/partitions.js';
import { affected, type SqlRunner } from '../db/sql.js';

/** How long analytics keeps what. */
export interface RetentionRules {
  /** Request rows (whole daily partitions), PII detections and budget alerts, in days. */
  retentionDays: number;
  /** Hourly rollups, in days; the daily ones are kept. */
  rollupRetentionDays: number;
  /** Partitions made ahead of today, so the first events of a day never wait for DDL. */
  partitionDaysAhead: number;
}

export interface MaintenanceResult {
  droppedDays: number[];
  deletedRows: number;
}

/**
 * Makes the coming days' partitions and applies retention: request partitions of
 * days before the window are dropped whole; PII detections, budget alerts and
 * hourly rollups are deleted by time. Safe on every replica at once.
 */
export class MaintenanceJob {
  constructor(
    private readonly db: SqlRunner,
    private readonly partitions: Partitions,
    private readonly rules: () => RetentionRules,
  ) {}

  async run(nowMs: number): Promise<MaintenanceResult> {
    const r = this.rules();
    const today = dayStart(nowMs);
    await this.partitions.ensure(Array.from({ length: r.partitionDaysAhead + 1 }, (_, i) => today + i * DAY_MS));
    const cutoff = today - r.retentionDays * DAY_MS;
    const droppedDays = await this.partitions.dropBefore(cutoff);
    const old = new Date(cutoff).toISOString();
    let deletedRows = 0;
    deletedRows += affected(await this.db.query('DELETE FROM analytics.pii_detections WHERE at < $1', [old]));
    deletedRows += affected(await this.db.query('DELETE FROM analytics.budget_alerts WHERE at < $1', [old]));
    const rollupCutoff = new Date(today - r.rollupRetentionDays * DAY_MS).toISOString();
    deletedRows += affected(await this.db.query('DELETE FROM analytics.rollup_hour WHERE bucket < $1', [rollupCutoff]));
    return { droppedDays, deletedRows };
  }
}
