import { picoToUsd } from '@helix/analytics';
import type { Budget, BudgetSpend } from '@helix/contracts';

/** A budget as analytics shows it. */
export const budgetView = (b: Budget) => ({
  id: b.id,
  org_id: b.orgId,
  team_id: b.teamId || null,
  level: b.level,
  scope_id: b.scopeId,
  period: b.period,
  amount_usd: picoToUsd(b.amountPicoUsd),
  hard_limit_usd: b.hardLimitPicoUsd ? picoToUsd(b.hardLimitPicoUsd) : null,
  thresholds: b.thresholds,
});

/** A budget's standing in its current period; utilisation = (spent + reserved) / amount. */
export function spendView(s: BudgetSpend) {
  const amount = s.budget?.amountPicoUsd ?? 0n;
  const used = s.spentPicoUsd + s.reservedPicoUsd;
  return {
    ...(s.budget ? budgetView(s.budget) : {}),
    period_start: s.periodStart,
    period_end: s.periodEnd || null,
    spent_usd: picoToUsd(s.spentPicoUsd),
    reserved_usd: picoToUsd(s.reservedPicoUsd),
    remaining_usd: picoToUsd(s.remainingPicoUsd),
    utilisation: amount > 0n ? Number((used * 1_000_000n) / amount) / 1_000_000 : null,
  };
}
