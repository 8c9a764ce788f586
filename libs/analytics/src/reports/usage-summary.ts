import type { Scope } from '../query/analytics-query.js';
import type { MetricName } from '../query/metrics.js';
import type { SeriesUseCase } from '../query/series.usecase.js';
import type { Schedule } from './report-period.js';

const TOTALS: MetricName[] = ['requests', 'errors', 'error_rate', 'input_tokens', 'output_tokens', 'cost_usd', 'saved_usd', 'hit_rate', 'latency_p95_ms'];
const TOP: MetricName[] = ['requests', 'cost_usd'];

/** A usage and spend summary of one org or team over one period. */
export interface UsageSummary {
  report: string;
  schedule: Schedule;
  org_id: string;
  team_id: string | null;
  from: string;
  to: string;
  totals: Record<string, unknown>;
  top_teams: Record<string, unknown>[];
  top_models: Record<string, unknown>[];
}

/** Builds a summary from the daily rollups: totals, and the five teams (org reports) and models that spent most. */
export async function usageSummary(series: SeriesUseCase, spec: { name: string; schedule: Schedule; orgId: string; teamId?: string }, fromMs: number, toMs: number): Promise<UsageSummary> {
  const scope: Scope = { orgId: spec.orgId, teamId: spec.teamId };
  const q = { fromMs, toMs, groupBy: [], filters: {}, limit: 5 };
  const [totals] = (await series.execute(q, scope, TOTALS)).rows;
  const topTeams = spec.teamId ? [] : (await series.execute({ ...q, groupBy: ['team'] }, scope, TOP, { top: true })).rows;
  const topModels = (await series.execute({ ...q, groupBy: ['model'] }, scope, TOP, { top: true })).rows;
  return {
    report: spec.name,
    schedule: spec.schedule,
    org_id: spec.orgId,
    team_id: spec.teamId ?? null,
    from: new Date(fromMs).toISOString(),
    to: new Date(toMs).toISOString(),
    totals: totals ?? {},
    top_teams: topTeams,
    top_models: topModels,
  };
}

/** The summary as the plain text of an email. */
export function summaryText(s: UsageSummary): string {
  const t = s.totals;
  const lines = [
    `Helix ${s.schedule} usage report "${s.report}" for ${s.team_id ? `team ${s.team_id} of ` : ''}org ${s.org_id}`,
    `Period: ${s.from} to ${s.to} (UTC)`,
    '',
    `Requests: ${t.requests} (errors: ${t.errors}, error rate ${t.error_rate ?? '-'})`,
    `Tokens: ${t.input_tokens} in, ${t.output_tokens} out`,
    `Spend: $${t.cost_usd}   Saved by the cache: $${t.saved_usd}   Cache hit rate: ${t.hit_rate ?? '-'}`,
    `Latency p95: ${t.latency_p95_ms ?? '-'} ms`,
  ];
  const list = (title: string, rows: Record<string, unknown>[], key: string) =>
    rows.length ? ['', title, ...rows.map((r) => `  ${r[key]}: $${r.cost_usd} (${r.requests} requests)`)] : [];
  return [...lines, ...list('Top teams by spend', s.top_teams, 'team_id'), ...list('Top models by spend', s.top_models, 'model')].join('\n');
}
