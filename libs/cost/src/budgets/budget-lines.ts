import { appliesTo, LEVELS, type Budget, type TenantIds } from './budget.js';
import type { CounterSpec } from './budget-counters.js';
import { periodWindow, type PeriodWindow } from './period.js';

/** One counter a request reserves against: a budget in its current period, or one of its model caps. */
export interface BudgetLine {
  budget: Budget;
  /** `<budgetId>:<periodKey>` or `<budgetId>:<periodKey>:m:<model>`; unique within the org. */
  counterId: string;
  /** The hard limit of this counter; null = none (soft budget). */
  limitPico: bigint | null;
  strict: boolean;
  window: PeriodWindow;
  /** Set on a model cap's line. */
  model?: string;
}

/** Counters expire this long after their period ends, so late settlements still find them. */
export const COUNTER_GRACE_MS = 7 * 24 * 3_600_000;

/**
 * The counters a request of `tenant` for `model` at `atMs` touches: every budget
 * that applies to it, in its current period (org first), plus the model caps of
 * those budgets that name the model.
 */
export function budgetLines(budgets: readonly Budget[], tenant: TenantIds, model: string, atMs: number, timeZone: string): BudgetLine[] {
  const lines: BudgetLine[] = [];
  const ordered = budgets.filter((b) => appliesTo(b, tenant)).sort((a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level));
  for (const budget of ordered) {
    const line = periodLine(budget, atMs, timeZone);
    lines.push(line);
    for (const cap of budget.modelCaps) {
      if (cap.model !== model) continue;
      lines.push({ budget, counterId: `${line.counterId}:m:${cap.model}`, limitPico: cap.limitPico, strict: budget.strict, window: line.window, model: cap.model });
    }
  }
  return lines;
}

/** A budget's own line (not a model cap's) in the period containing `atMs`. */
export function periodLine(budget: Budget, atMs: number, timeZone: string): BudgetLine {
  const window = periodWindow(budget.period, atMs, timeZone);
  return { budget, counterId: `${budget.id}:${window.key}`, limitPico: budget.hardLimitPico, strict: budget.strict && budget.hardLimitPico !== null, window };
}

/** When a counter may be dropped: a week after its period ends; 0 = never (total budgets). */
export const counterExpiry = (line: Pick<BudgetLine, 'window'>): number =>
  Number.isFinite(line.window.endMs) ? line.window.endMs + COUNTER_GRACE_MS : 0;

/** The counters of these lines, as the store takes them. */
export const counterSpecs = (lines: readonly BudgetLine[]): CounterSpec[] =>
  lines.map((l) => ({ id: l.counterId, limit: l.limitPico, strict: l.strict, expireAtMs: counterExpiry(l) }));

/** How long a settled reservation is remembered (a redelivered event is then a no-op): twice its expiry, at least two days. */
export const settledTtlMs = (cfg: { reservationTtlMs: number }): number => Math.max(cfg.reservationTtlMs, 86_400_000) * 2;
