import { create, type MessageInitShape } from '@bufbuild/protobuf';
import { AlertKind, BudgetAlertSchema, TenantSchema, type BudgetAlert } from '@helix/contracts';
import type { BudgetLine } from '../budgets/budget-lines.js';

type AlertInit = MessageInitShape<typeof BudgetAlertSchema>;

/** An alert about one budget counter. Its id is the same on every replica: one per threshold, period and scope. */
export function budgetAlert(kind: AlertKind.THRESHOLD | AlertKind.HARD_LIMIT, line: BudgetLine, spentPico: bigint, nowMs: number, thresholdPercent = 0): BudgetAlert {
  const b = line.budget;
  const limit = kind === AlertKind.HARD_LIMIT ? (line.limitPico ?? b.amountPico) : line.model ? (line.limitPico ?? 0n) : b.amountPico;
  const what = kind === AlertKind.HARD_LIMIT ? 'hard' : `threshold:${thresholdPercent}`;
  const scope = line.model ? ` (model ${line.model})` : '';
  const message =
    kind === AlertKind.HARD_LIMIT
      ? `The ${b.level} budget ${b.scopeId}${scope} reached its hard limit for the ${b.period} period starting ${line.window.start || 'at creation'}: requests are refused.`
      : `The ${b.level} budget ${b.scopeId}${scope} passed ${thresholdPercent}% of its ${b.period} amount.`;
  return alert({
    alertId: `${what}:${line.counterId}`,
    timestampMs: BigInt(nowMs),
    kind,
    tenant: { orgId: b.orgId, teamId: b.teamId ?? (b.level === 'team' ? b.scopeId : '') },
    level: b.level,
    scopeId: b.scopeId,
    period: b.period,
    periodStart: line.window.start,
    thresholdPercent,
    spendPicoUsd: spentPico,
    limitPicoUsd: limit,
    model: line.model ?? '',
    message,
  });
}

/** A model without a price was used: once per org, model and day. */
export function unpricedAlert(tenant: { orgId: string; teamId: string }, model: string, day: string, nowMs: number): BudgetAlert {
  return alert({
    alertId: `unpriced:${tenant.orgId}:${model}:${day}`,
    timestampMs: BigInt(nowMs),
    kind: AlertKind.UNPRICED_MODEL,
    tenant: { orgId: tenant.orgId, teamId: tenant.teamId },
    model,
    periodStart: day,
    message: `The model ${model} has no price: its requests are recorded as unpriced with their tokens. Add a price override in cost.prices.overrides.`,
  });
}

/** The escalation of a hard-limit alert that is still standing. */
export function escalationOf(hard: BudgetAlert, spentPico: bigint, nowMs: number): BudgetAlert {
  return create(BudgetAlertSchema, {
    ...hard,
    alertId: `escalation:${hard.alertId}`,
    timestampMs: BigInt(nowMs),
    kind: AlertKind.ESCALATION,
    spendPicoUsd: spentPico,
    message: `Still at its hard limit: ${hard.message}`,
  });
}

export function alert(init: AlertInit): BudgetAlert {
  return create(BudgetAlertSchema, { ...init, tenant: create(TenantSchema, init.tenant ?? {}) });
}
