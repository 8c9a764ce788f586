import { create } from '@bufbuild/protobuf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnomaliesUseCase, RecommendationsUseCase, type RecommendationContext } from '@helix/analytics';
import { AlertKind, BudgetAlertSchema, CacheStatus, RequestOutcome } from '@helix/contracts';
import { analyticsDb, completed } from './support/analytics-db.js';

const H = 3_600_000;
const DAY = 24 * H;
const usd = (v: number) => BigInt(Math.round(v * 100)) * 10_000_000_000n;
const NOW_HOUR = Math.floor(Date.now() / H) * H;

describe('anomalies and recommendations on real Postgres', () => {
  let db: Awaited<ReturnType<typeof analyticsDb>>;
  beforeAll(async () => {
    db = await analyticsDb();
  });
  afterAll(() => db?.close());

  it('flags the hour a team spiked above its rolling baseline, and not a steady team; error spikes per model', async () => {
    const start = NOW_HOUR - 30 * H;
    const events = [];
    for (let h = 0; h < 30; h++) {
      events.push(completed({ at: start + h * H + 600_000, org: 'o-anom', team: 'steady', model: 'calm', costPico: usd(2) }));
      events.push(completed({ at: start + h * H + 700_000, org: 'o-anom', team: 'spiky', model: 'calm', costPico: usd(h === 27 ? 20 : 1) }));
    }
    for (let i = 0; i < 15; i++) events.push(completed({ at: start + 28 * H + i * 1_000, org: 'o-anom', team: 'steady', model: 'flaky', costPico: 0n, outcome: RequestOutcome.UPSTREAM_ERROR, errorType: 'upstream_error' }));
    await db.ingest.requests(events);
    const rules = { factor: 3, baselineHours: 24, minSpendUsd: 1, minErrors: 10 };
    const anomalies = new AnomaliesUseCase(db.sql, () => rules);
    const q = { fromMs: NOW_HOUR - 6 * H, toMs: NOW_HOUR, groupBy: [], filters: {}, limit: 100 };
    const { rows } = await anomalies.execute(q, { orgId: 'o-anom' }, ['team', 'model']);
    const spend = rows.filter((r) => r.metric === 'spend');
    expect(spend).toEqual([
      { at: new Date(start + 27 * H).toISOString(), subject: 'team', team_id: 'spiky', metric: 'spend', value: 20, baseline_mean: 1, baseline_stddev: 0, score: 190 },
      { at: new Date(start + 27 * H).toISOString(), subject: 'model', model: 'calm', metric: 'spend', value: 22, baseline_mean: 3, baseline_stddev: 0, score: 63.33 },
    ]);
    expect(rows.filter((r) => r.metric === 'errors')).toEqual([
      expect.objectContaining({ at: new Date(start + 28 * H).toISOString(), subject: 'team', team_id: 'steady', value: 15, score: 15 }),
      expect.objectContaining({ at: new Date(start + 28 * H).toISOString(), subject: 'model', model: 'flaky', value: 15, score: 15 }),
    ]);
    expect((await anomalies.execute(q, { orgId: 'o-anom', teamId: 'steady' }, ['team'])).rows.map((r) => r.metric)).toEqual(['errors']);
  });

  it('recommends semantic caching, a cheaper model, prices and bigger budgets, with the numbers', async () => {
    const day = Math.floor(Date.now() / DAY) * DAY - 2 * DAY;
    const events = [];
    for (const team of ['rep', 'sem']) {
      for (let i = 0; i < 200; i++) {
        events.push(completed({ at: day + i * 60_000, org: 'o-rec', team, model: 'gpt-4o', input: 100, output: 20, costPico: i % 5 === 0 ? 0n : 1_000n, cache: i % 5 === 0 ? CacheStatus.HIT_EXACT : CacheStatus.MISS }));
      }
    }
    for (let i = 0; i < 3; i++) events.push(completed({ at: day + i * 1_000, org: 'o-rec', team: 'rep', model: 'mystery', costPico: 0n, unpriced: true, input: 7, output: 9 }));
    await db.ingest.requests(events);
    const alert = (id: string, periodStart: number, atMs: number, scopeId = 'rep') =>
      create(BudgetAlertSchema, { alertId: id, timestampMs: BigInt(atMs), kind: AlertKind.HARD_LIMIT, tenant: { orgId: 'o-rec', teamId: scopeId }, level: 'team', scopeId, period: 'daily', periodStart: new Date(periodStart).toISOString().slice(0, 10), limitPicoUsd: usd(10), spendPicoUsd: usd(10) });
    await db.ingest.alerts([alert('a1', day - DAY, day - DAY + 6 * H), alert('a2', day, day + 12 * H), alert('a3', day, day + 1 * H, 'sem')]);
    const context: RecommendationContext = {
      semanticEnabled: (team) => team === 'sem',
      priceOf: (m) => ({ 'gpt-4o': { inputPico: 10n, outputPico: 30n }, 'gpt-4o-mini': { inputPico: 1n, outputPico: 3n } })[m],
      models: () => ['gpt-4o', 'gpt-4o-mini', 'other-model'],
    };
    const recs = await new RecommendationsUseCase(db.sql, context, () => ({ minRequests: 100, repeatRate: 0.05, shortShare: 0.6 })).execute(
      { fromMs: day - DAY, toMs: day + DAY, groupBy: [], filters: {}, limit: 100 },
      { orgId: 'o-rec' },
    );
    expect(recs.map((r) => [r.kind, r.subject])).toEqual([
      ['enable_semantic_cache', { team_id: 'rep', model: 'gpt-4o' }],
      ['cheaper_model', { model: 'gpt-4o' }],
      ['unpriced_model', { model: 'mystery' }],
      ['raise_budget', { level: 'team', scope_id: 'rep', period: 'daily' }],
    ]);
    expect(recs[0]!.numbers).toEqual({ requests: 200, cache_lookups: 200, exact_hits: 40, exact_hit_rate: 0.2, saved_usd: '0' });
    expect(recs[1]!.numbers).toEqual({ requests: 400, short_outputs: 400, short_output_share: 1, avg_output_tokens: 20, cost_usd: '0.00000032', cheaper_model: 'gpt-4o-mini', estimated_savings_usd: '0.000000576' });
    expect(recs[2]!.numbers).toEqual({ unpriced_requests: 3, requests: 3, input_tokens: 21, output_tokens: 27 });
    expect(recs[3]!.numbers).toEqual({ periods_exhausted: 2, avg_elapsed_percent: 38, last_limit_usd: '10', last_spend_usd: '10' });
  });
});
