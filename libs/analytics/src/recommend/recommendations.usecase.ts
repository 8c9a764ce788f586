import type { SqlRunner } from '../db/sql.js';
import type { AnalyticsQuery, Scope } from '../query/analytics-query.js';
import { picoToUsd } from '../query/money.js';
import { selectCounters } from '../query/select-counters.js';
import { exhaustedBudgets } from './budget-recommendations.js';
import { modelFamily } from './model-family.js';
import type { Recommendation, RecommendationContext, RecommendationRules } from './recommendation.js';

const n = (v: unknown) => Number(v ?? 0);
const share = (a: number, b: number) => (b ? Math.round((a / b) * 10_000) / 10_000 : 0);

/**
 * Recommendations over a time range, each with its numbers: teams whose prompts
 * repeat while semantic caching is off for them; models whose answers are mostly
 * short, with a cheaper model of the same family; models without a price; budgets
 * that run out early period after period.
 */
export class RecommendationsUseCase {
  constructor(
    private readonly db: SqlRunner,
    private readonly context: RecommendationContext,
    private readonly rules: () => RecommendationRules,
  ) {}

  async execute(q: AnalyticsQuery, scope: Scope): Promise<Recommendation[]> {
    const rules = this.rules();
    const base = { ...q, interval: undefined, limit: 10_000 };
    const byTeamModel = await selectCounters(this.db, { ...base, groupBy: ['team', 'model'] }, scope, ['requests', 'hits_exact', 'hits_semantic', 'misses', 'saved_pico']);
    const byModel = await selectCounters(this.db, { ...base, groupBy: ['model'] }, scope, ['requests', 'short_outputs', 'input_tokens', 'output_tokens', 'cost_pico', 'unpriced']);
    return [
      ...this.semanticCache(byTeamModel, rules),
      ...this.cheaperModels(byModel, rules),
      ...unpriced(byModel),
      ...(await exhaustedBudgets(this.db, q, scope)),
    ];
  }

  private semanticCache(rows: Record<string, unknown>[], rules: RecommendationRules): Recommendation[] {
    return rows
      .filter((r) => r.team_id && n(r.hits_semantic) === 0 && !this.context.semanticEnabled(String(r.team_id), String(r.model)))
      .map((r) => ({ r, lookups: n(r.hits_exact) + n(r.misses) }))
      .filter(({ r, lookups }) => lookups >= rules.minRequests && n(r.hits_exact) / lookups >= rules.repeatRate)
      .map(({ r, lookups }) => ({
        kind: 'enable_semantic_cache' as const,
        subject: { team_id: String(r.team_id), model: String(r.model) },
        message: `${share(n(r.hits_exact), lookups) * 100}% of team ${r.team_id}'s requests to ${r.model} repeat a cached prompt exactly, but semantic caching is off for them: near-repeats would be answered from the cache too.`,
        numbers: { requests: n(r.requests), cache_lookups: lookups, exact_hits: n(r.hits_exact), exact_hit_rate: share(n(r.hits_exact), lookups), saved_usd: picoToUsd(String(r.saved_pico ?? '0')) },
      }));
  }

  private cheaperModels(rows: Record<string, unknown>[], rules: RecommendationRules): Recommendation[] {
    const candidates = [...new Set([...this.context.models(), ...rows.map((r) => String(r.model))])];
    const out: Recommendation[] = [];
    for (const r of rows) {
      const model = String(r.model);
      const requests = n(r.requests);
      const price = this.context.priceOf(model);
      if (!price || requests < rules.minRequests || n(r.short_outputs) / requests < rules.shortShare) continue;
      const perRequest = (p: { inputPico: bigint; outputPico: bigint }) => p.inputPico * BigInt(n(r.input_tokens)) + p.outputPico * BigInt(n(r.output_tokens));
      const cheaper = candidates
        .filter((c) => c !== model && modelFamily(c) === modelFamily(model))
        .map((c) => ({ model: c, price: this.context.priceOf(c) }))
        .filter((c): c is { model: string; price: NonNullable<typeof c.price> } => !!c.price && perRequest(c.price) < perRequest(price))
        .sort((a, b) => (perRequest(a.price) < perRequest(b.price) ? -1 : 1))[0];
      if (!cheaper) continue;
      const shortShare = share(n(r.short_outputs), requests);
      const saving = ((perRequest(price) - perRequest(cheaper.price)) * BigInt(n(r.short_outputs))) / BigInt(requests);
      out.push({
        kind: 'cheaper_model',
        subject: { model },
        message: `${shortShare * 100}% of ${model}'s answers are short (at most 100 tokens); ${cheaper.model}, of the same family, costs less and could give them.`,
        numbers: {
          requests,
          short_outputs: n(r.short_outputs),
          short_output_share: shortShare,
          avg_output_tokens: Math.round(n(r.output_tokens) / requests),
          cost_usd: picoToUsd(String(r.cost_pico ?? '0')),
          cheaper_model: cheaper.model,
          estimated_savings_usd: picoToUsd(saving),
        },
      });
    }
    return out;
  }
}

function unpriced(rows: Record<string, unknown>[]): Recommendation[] {
  return rows
    .filter((r) => n(r.unpriced) > 0)
    .map((r) => ({
      kind: 'unpriced_model' as const,
      subject: { model: String(r.model) },
      message: `${r.model} has no price: ${n(r.unpriced)} requests were recorded without a cost. Add a price override (cost.prices.overrides).`,
      numbers: { unpriced_requests: n(r.unpriced), requests: n(r.requests), input_tokens: n(r.input_tokens), output_tokens: n(r.output_tokens) },
    }));
}
