import { AlertKind } from '@helix/contracts';
import type { AlertsConfig } from '@helix/config';
import type { SqlRunner } from '../db/sql.js';
import { picoToUsd, usdToPico } from '../money/pico.js';
import { alert } from './alert-ids.js';
import type { AlertRaiser } from './alert-raiser.js';

const HOUR = 3_600_000;

/** The anomaly test: the current hour's spend against the mean and spread of the hours before it (missing hours count as 0). */
export function anomalyScore(currentPico: number, sum: number, sumSquares: number, hours: number): number {
  const mean = sum / hours;
  const sd = Math.sqrt(Math.max(0, sumSquares / hours - mean * mean));
  return sd > 0 ? (currentPico - mean) / sd : currentPico > mean ? Number.POSITIVE_INFINITY : 0;
}

/**
 * Spend anomalies: a team whose spend in the current hour is above its mean
 * hourly spend + `anomalyFactor` standard deviations over the
 * `anomalyBaselineHours` before, and at least `anomalyMinUsd`. Once per team and hour.
 */
export class AnomalyJob {
  constructor(
    private readonly db: SqlRunner,
    private readonly raiser: AlertRaiser,
    private readonly config: () => AlertsConfig,
  ) {}

  async run(nowMs: number): Promise<number> {
    const cfg = this.config();
    const hour = Math.floor(nowMs / HOUR) * HOUR;
    const rows: { org_id: string; team_id: string; current: string; s: string; s2: string }[] = await this.db.query(
      `WITH cur AS (SELECT org_id, team_id, cost_pico FROM cost.hourly_team WHERE hour = $1 AND cost_pico >= $3),
       base AS (SELECT org_id, team_id, sum(cost_pico) AS s, sum(cost_pico * cost_pico) AS s2 FROM cost.hourly_team WHERE hour >= $2 AND hour < $1 GROUP BY 1, 2)
       SELECT c.org_id, c.team_id, c.cost_pico::text AS current, coalesce(b.s, 0)::text AS s, coalesce(b.s2, 0)::text AS s2
       FROM cur c LEFT JOIN base b ON b.org_id = c.org_id AND b.team_id = c.team_id`,
      [new Date(hour), new Date(hour - cfg.anomalyBaselineHours * HOUR), usdToPico(cfg.anomalyMinUsd).toString()],
    );
    let raised = 0;
    for (const r of rows) {
      const score = anomalyScore(Number(r.current), Number(r.s), Number(r.s2), cfg.anomalyBaselineHours);
      if (score <= cfg.anomalyFactor) continue;
      const hourIso = new Date(hour).toISOString();
      const found = alert({
        alertId: `anomaly:${r.org_id}:${r.team_id}:${hourIso}`,
        timestampMs: BigInt(nowMs),
        kind: AlertKind.SPEND_ANOMALY,
        tenant: { orgId: r.org_id, teamId: r.team_id },
        level: 'team',
        scopeId: r.team_id,
        periodStart: hourIso,
        spendPicoUsd: BigInt(r.current),
        score: Number.isFinite(score) ? score : 0,
        message: `Team ${r.team_id} spent $${picoToUsd(BigInt(r.current))} in the hour from ${hourIso}, far above its mean of $${(Number(r.s) / cfg.anomalyBaselineHours / 1e12).toFixed(6)} an hour over the ${cfg.anomalyBaselineHours} hours before.`,
      });
      if (await this.raiser.raise(found)) raised++;
    }
    return raised;
  }
}
