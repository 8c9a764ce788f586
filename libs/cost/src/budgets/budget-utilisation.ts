import type { BudgetLevel } from './budget.js';
import type { BudgetLine } from './budget-lines.js';
import type { BudgetPeriod } from './period.js';

/** The highest utilisation of one budget level and period, and how many budgets there are at 100% or more. */
export interface UtilisationRow {
  level: BudgetLevel;
  period: BudgetPeriod;
  /** spent (or spent + reserved at a refusal) / amount, of the fullest budget. */
  max: number;
  exhausted: number;
}

/**
 * What this replica saw of each budget's current period (at settlement and at
 * refusals), summed up per level and period for the `helix_budget_*` gauges:
 * bounded labels, however many budgets there are. A budget's reading is dropped
 * when its period ends.
 */
export class BudgetUtilisation {
  private readonly seen = new Map<string, { level: BudgetLevel; period: BudgetPeriod; ratio: number; endMs: number }>();

  observe(line: BudgetLine, usedPico: bigint): void {
    const b = line.budget;
    if (line.model || b.amountPico <= 0n) return;
    const ratio = Number((usedPico * 1_000_000n) / b.amountPico) / 1_000_000;
    this.seen.set(line.counterId, { level: b.level, period: b.period, ratio, endMs: line.window.endMs });
  }

  rows(nowMs: number): UtilisationRow[] {
    const rows = new Map<string, UtilisationRow>();
    for (const [id, s] of this.seen) {
      if (s.endMs <= nowMs) {
        this.seen.delete(id);
        continue;
      }
      const key = `${s.level}|${s.period}`;
      const row = rows.get(key) ?? rows.set(key, { level: s.level, period: s.period, max: 0, exhausted: 0 }).get(key)!;
      row.max = Math.max(row.max, s.ratio);
      if (s.ratio >= 1) row.exhausted++;
    }
    return [...rows.values()];
  }
}
