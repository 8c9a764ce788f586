import type { AlertChannel, Budget, BudgetSpend, SpendReportRow } from '@helix/contracts';
import { Errors } from '@helix/contracts';
import { picoToUsd, usdToPico } from '@helix/cost';

/** USD from the admin API (a number or a decimal string) → pico-USD, exactly; a 400 naming the field otherwise. */
export function picoOf(value: number | string, field: string): bigint {
  try {
    return usdToPico(value);
  } catch {
    throw Errors.badRequest(`Invalid value for '${field}': a USD amount with at most 12 decimals.`, field, 'invalid_value');
  }
}

/** A budget as the admin API shows it. */
export function budgetView(b: Budget) {
  return {
    id: b.id,
    object: 'budget',
    org_id: b.orgId,
    team_id: b.teamId || null,
    level: b.level,
    scope_id: b.scopeId,
    period: b.period,
    amount_usd: picoToUsd(b.amountPicoUsd),
    hard_limit_usd: b.hardLimitPicoUsd > 0n ? picoToUsd(b.hardLimitPicoUsd) : null,
    strict: b.strict,
    thresholds: b.thresholds,
    model_caps: b.modelCaps.map((c) => ({ model: c.model, limit_usd: picoToUsd(c.limitPicoUsd) })),
    created_at: Math.floor(Number(b.createdAtMs) / 1000),
    updated_at: Math.floor(Number(b.updatedAtMs) / 1000),
  };
}

export function spendView(s: BudgetSpend) {
  return {
    budget: s.budget ? budgetView(s.budget) : null,
    period_start: s.periodStart || null,
    period_end: s.periodEnd || null,
    spent_usd: picoToUsd(s.spentPicoUsd),
    reserved_usd: picoToUsd(s.reservedPicoUsd),
    remaining_usd: picoToUsd(s.remainingPicoUsd),
  };
}

const usdOfSum = (pico: string) => picoToUsd(BigInt(pico.split('.')[0] || '0'));

export function reportRowView(r: SpendReportRow, groups: readonly string[]) {
  const keys: Record<string, string> = { day: r.day, org: r.orgId, team: r.teamId, user: r.userId, key: r.keyId, model: r.model };
  return {
    ...Object.fromEntries(groups.map((g) => [g, keys[g]])),
    requests: Number(r.requests),
    cost_usd: usdOfSum(r.costPicoUsd),
    savings_usd: { cache: usdOfSum(r.cacheSavedPicoUsd), model_swap: usdOfSum(r.swapSavedPicoUsd), prompt_cache: usdOfSum(r.promptCacheSavedPicoUsd) },
    input_tokens: Number(r.inputTokens),
    output_tokens: Number(r.outputTokens),
    estimated_requests: Number(r.estimatedRequests),
    unpriced_requests: Number(r.unpricedRequests),
  };
}

export function channelView(c: AlertChannel) {
  return {
    id: c.id,
    object: 'alert_channel',
    org_id: c.orgId,
    team_id: c.teamId || null,
    kind: c.kind,
    target: c.target,
    escalation: c.escalation,
    ...(c.secret ? { secret: c.secret } : {}),
    created_at: Math.floor(Number(c.createdAtMs) / 1000),
  };
}
