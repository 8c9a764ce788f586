import { AlertKind } from '@helix/contracts';
import type { SqlRunner } from '../db/sql.js';
import type { AnalyticsQuery, Scope } from '../query/analytics-query.js';
import { picoToUsd } from '../query/money.js';
import { whereOf } from '../query/select-counters.js';
import type { Recommendation } from './recommendation.js';

const DAY = 86_400_000;
/** Periods a budget must have run out in, and how early on average (share of the period gone), to be flagged. */
const MIN_PERIODS = 2;
const EARLY = 0.75;

function periodLengthMs(period: string, start: string): number | undefined {
  if (period === 'daily') return DAY;
  if (period === 'weekly') return 7 * DAY;
  if (period !== 'monthly') return undefined;
  const d = new Date(`${start}T00:00:00Z`);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) - d.getTime();
}

/** Budgets that ran out (hard limit, or 100 % threshold) in at least two periods of the range, on average before 75 % of the period had passed. */
export async function exhaustedBudgets(db: SqlRunner, q: AnalyticsQuery, scope: Scope): Promise<Recommendation[]> {
  const params: unknown[] = [];
  const where = whereOf({ ...q, filters: { org: q.filters.org, team: q.filters.team } }, scope, 'at', params);
  const rows: { level: string; scope_id: string; period: string; period_start: string; first_ms: string; limit_pico: string; spend_pico: string }[] = await db.query(
    `SELECT level, scope_id, period, period_start, (extract(epoch FROM min(at)) * 1000)::bigint::text AS first_ms,
       max(limit_pico)::text AS limit_pico, max(spend_pico)::text AS spend_pico
     FROM analytics.budget_alerts
     WHERE ${where} AND (kind = $${params.push(AlertKind.HARD_LIMIT)} OR (kind = $${params.push(AlertKind.THRESHOLD)} AND threshold_percent >= 100))
     GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
    params,
  );
  const byBudget = new Map<string, { level: string; scopeId: string; period: string; elapsed: number[]; limit: string; spend: string }>();
  for (const r of rows) {
    const length = periodLengthMs(r.period, r.period_start);
    if (!length) continue;
    const key = `${r.level}\u0000${r.scope_id}\u0000${r.period}`;
    const b = byBudget.get(key) ?? { level: r.level, scopeId: r.scope_id, period: r.period, elapsed: [], limit: r.limit_pico, spend: r.spend_pico };
    b.elapsed.push(Math.min(1, Math.max(0, (Number(r.first_ms) - Date.parse(`${r.period_start}T00:00:00Z`)) / length)));
    b.limit = r.limit_pico;
    b.spend = r.spend_pico;
    byBudget.set(key, b);
  }
  return [...byBudget.values()]
    .map((b) => ({ ...b, avg: b.elapsed.reduce((s, e) => s + e, 0) / b.elapsed.length }))
    .filter((b) => b.elapsed.length >= MIN_PERIODS && b.avg <= EARLY)
    .map((b) => ({
      kind: 'raise_budget' as const,
      subject: { level: b.level, scope_id: b.scopeId, period: b.period },
      message: `The ${b.period} budget of ${b.level} ${b.scopeId} ran out in ${b.elapsed.length} periods, on average ${Math.round(b.avg * 100)}% into the period: raise it, or cap the spend behind it.`,
      numbers: { periods_exhausted: b.elapsed.length, avg_elapsed_percent: Math.round(b.avg * 100), last_limit_usd: picoToUsd(b.limit), last_spend_usd: picoToUsd(b.spend) },
    }));
}
