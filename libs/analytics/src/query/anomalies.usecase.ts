import type { SqlRunner } from '../db/sql.js';
import type { AnalyticsQuery, Scope } from './analytics-query.js';
import { anomalyScore } from './anomaly-score.js';
import { whereOf } from './select-counters.js';
import type { Table } from './series.usecase.js';

const HOUR = 3_600_000;

/** When a spike counts as an anomaly. */
export interface AnomalyRules {
  /** Score (standard deviations above the baseline) from which an hour is flagged. */
  factor: number;
  /** Hours before each hour that make its baseline. */
  baselineHours: number;
  /** Smallest hourly spend flagged, USD. */
  minSpendUsd: number;
  /** Smallest hourly error count flagged. */
  minErrors: number;
}

const SUBJECTS = { team: 'team_id', model: 'model' } as const;
export type AnomalySubject = keyof typeof SUBJECTS;

const METRICS = [
  { metric: 'spend', unit: 0.01, min: (r: AnomalyRules) => r.minSpendUsd, read: (row: Record<string, string>) => Number(row.cost_pico) / 1e12 },
  { metric: 'errors', unit: 1, min: (r: AnomalyRules) => r.minErrors, read: (row: Record<string, string>) => Number(row.errors) },
] as const;

/**
 * Spend and error spikes per team and per model: each hour of the range against
 * the rolling baseline of the hours before it (hourly rollups, missing hours
 * count as zero). An hour is flagged when its score reaches `factor` and its
 * value the minimum. Highest score first.
 */
export class AnomaliesUseCase {
  constructor(
    private readonly db: SqlRunner,
    private readonly rules: () => AnomalyRules,
  ) {}

  async execute(q: AnalyticsQuery, scope: Scope, subjects: readonly AnomalySubject[]): Promise<Table> {
    const rules = this.rules();
    const from = Math.floor(q.fromMs / HOUR) * HOUR;
    const to = Math.ceil(q.toMs / HOUR) * HOUR;
    const start = from - rules.baselineHours * HOUR;
    const found: Record<string, unknown>[] = [];
    for (const subject of subjects) {
      const series = await this.hourly({ ...q, fromMs: start, toMs: to }, scope, SUBJECTS[subject]);
      for (const [id, byHour] of series) {
        for (const m of METRICS) {
          const values = Array.from({ length: (to - start) / HOUR }, (_, i) => (byHour.has(start + i * HOUR) ? m.read(byHour.get(start + i * HOUR)!) : 0));
          for (let i = rules.baselineHours; i < values.length; i++) {
            const value = values[i]!;
            if (value < m.min(rules) || value === 0) continue;
            const { score, mean, std } = anomalyScore(value, values.slice(i - rules.baselineHours, i), m.unit);
            if (score < rules.factor) continue;
            found.push({ at: new Date(start + i * HOUR).toISOString(), subject, [SUBJECTS[subject]]: id, metric: m.metric, value: round(value), baseline_mean: round(mean), baseline_stddev: round(std), score: Math.round(score * 100) / 100 });
          }
        }
      }
    }
    found.sort((a, b) => (b.score as number) - (a.score as number));
    return { rows: found.slice(0, q.limit), truncated: found.length > q.limit };
  }

  private async hourly(q: AnalyticsQuery, scope: Scope, column: string): Promise<Map<string, Map<number, Record<string, string>>>> {
    const params: unknown[] = [];
    const rows: Record<string, string>[] = await this.db.query(
      `SELECT (extract(epoch FROM bucket) * 1000)::bigint::text AS at, ${column} AS id, sum(cost_pico)::text AS cost_pico, sum(errors)::text AS errors
       FROM analytics.rollup_hour WHERE ${whereOf(q, scope, 'bucket', params)} GROUP BY 1, 2`,
      params,
    );
    const series = new Map<string, Map<number, Record<string, string>>>();
    for (const r of rows) {
      const byHour = series.get(r.id!) ?? new Map<number, Record<string, string>>();
      byHour.set(Number(r.at), r);
      series.set(r.id!, byHour);
    }
    return series;
  }
}

const round = (v: number) => Math.round(v * 1e6) / 1e6;
