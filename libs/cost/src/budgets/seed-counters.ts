import type { BudgetCounters, CounterSeed } from './budget-counters.js';
import { counterExpiry, type BudgetLine } from './budget-lines.js';

/** Which ledger rows to sum: an org, optionally narrowed to a team, user, key or model, in [fromMs, toMs). */
export interface LedgerSpendFilter {
  orgId: string;
  teamId?: string;
  userId?: string;
  keyId?: string;
  /** The served model, or the requested one when none was served. */
  model?: string;
  fromMs?: number;
  toMs?: number;
}

/** The ledger's spend, summed: what a budget counter is seeded from. */
export interface LedgerSpend {
  totalCost(filter: LedgerSpendFilter): Promise<bigint>;
}

/** The ledger rows a budget line counts: its scope (user and key budgets of a team: that team's callers only) and model, in its period up to now. */
export function ledgerFilterOf(line: BudgetLine, nowMs: number): LedgerSpendFilter {
  const b = line.budget;
  const filter: LedgerSpendFilter = { orgId: b.orgId, model: line.model, fromMs: line.window.startMs, toMs: nowMs + 1 };
  switch (b.level) {
    case 'org':
      return filter;
    case 'team':
      return { ...filter, teamId: b.scopeId };
    case 'user':
      return { ...filter, teamId: b.teamId ?? undefined, userId: b.scopeId };
    case 'key':
      return { ...filter, teamId: b.teamId ?? undefined, keyId: b.scopeId };
  }
}

/**
 * Seeds the counters of `lines` from the ledger. A counter is seeded once: when it is first used
 * in its period, and again after Redis lost it (or an embedded process restarted), so a budget
 * never restarts from zero in the middle of its period.
 */
export async function seedCounters(counters: BudgetCounters, ledger: LedgerSpend, orgId: string, lines: readonly BudgetLine[], nowMs: number): Promise<void> {
  const seeds: CounterSeed[] = await Promise.all(
    lines.map(async (line) => ({ id: line.counterId, spent: await ledger.totalCost(ledgerFilterOf(line, nowMs)), expireAtMs: counterExpiry(line) })),
  );
  await counters.seed(orgId, seeds);
}
