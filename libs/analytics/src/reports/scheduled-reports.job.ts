import type { SqlRunner } from '../db/sql.js';
import type { SeriesUseCase } from '../query/series.usecase.js';
import { lastPeriod, type Schedule } from './report-period.js';
import type { ReportSenders } from './report-senders.js';
import { usageSummary } from './usage-summary.js';

/** One configured report. */
export interface ReportSpec {
  name: string;
  schedule: Schedule;
  orgId: string;
  teamId?: string;
  email: readonly string[];
  webhookUrl?: string;
}

/** A claim not marked sent within this time is taken over by the next run (its replica died while sending). */
const STALE_CLAIM_MS = 10 * 60_000;

/**
 * Sends each configured report once per period, after the period ends. Replicas
 * claim a (report, period) row first; the one that gets it sends, marks it sent,
 * or releases it when a channel failed, so the next run tries again.
 */
export class ScheduledReportsJob {
  constructor(
    private readonly db: SqlRunner,
    private readonly series: SeriesUseCase,
    private readonly senders: ReportSenders,
    private readonly reports: () => readonly ReportSpec[],
    private readonly onFailure: (report: string, err: unknown) => void = () => undefined,
  ) {}

  /** Returns the names of the reports sent by this run. */
  async run(nowMs: number): Promise<string[]> {
    const sent: string[] = [];
    for (const spec of this.reports()) {
      const period = lastPeriod(spec.schedule, nowMs);
      if (!(await this.claim(spec.name, period.fromMs, nowMs))) continue;
      try {
        const summary = await usageSummary(this.series, spec, period.fromMs, period.toMs);
        if (spec.email.length) await this.senders.email(spec.email, summary);
        if (spec.webhookUrl) await this.senders.webhook(spec.webhookUrl, summary);
        await this.db.query('UPDATE analytics.report_runs SET sent_at = $3 WHERE report = $1 AND period_start = $2', [spec.name, iso(period.fromMs), iso(nowMs)]);
        sent.push(spec.name);
      } catch (err) {
        await this.db.query('DELETE FROM analytics.report_runs WHERE report = $1 AND period_start = $2 AND sent_at IS NULL', [spec.name, iso(period.fromMs)]);
        this.onFailure(spec.name, err);
      }
    }
    return sent;
  }

  private async claim(report: string, periodStartMs: number, nowMs: number): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `INSERT INTO analytics.report_runs (report, period_start, claimed_at) VALUES ($1, $2, $3)
       ON CONFLICT (report, period_start) DO UPDATE SET claimed_at = excluded.claimed_at
         WHERE analytics.report_runs.sent_at IS NULL AND analytics.report_runs.claimed_at < $4
       RETURNING report`,
      [report, iso(periodStartMs), iso(nowMs), iso(nowMs - STALE_CLAIM_MS)],
    );
    return rows.length > 0;
  }
}

const iso = (ms: number) => new Date(ms).toISOString();
