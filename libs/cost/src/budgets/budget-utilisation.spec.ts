import { describe, expect, it } from 'vitest';
import type { Budget } from './budget.js';
import type { BudgetLine } from './budget-lines.js';
import { BudgetUtilisation } from './budget-utilisation.js';

const budget = (id: string, level: Budget['level'], amountPico: bigint): Budget => ({
  id,
  orgId: 'o',
  teamId: null,
  level,
  scopeId: id,
  period: 'daily',
  amountPico,
  thresholds: [],
  hardLimitPico: null,
  strict: false,
  modelCaps: [],
  createdAt: 0,
  updatedAt: 0,
});
const line = (b: Budget, endMs = 1_000, model?: string): BudgetLine => ({
  budget: b,
  counterId: `${b.id}:d${endMs}${model ? `:m:${model}` : ''}`,
  limitPico: null,
  strict: false,
  window: { key: `d${endMs}`, startMs: 0, endMs, start: '' },
  model,
});

describe('BudgetUtilisation', () => {
  it('keeps the highest ratio and the count at 100% per level and period, the last reading of each budget winning', () => {
    const u = new BudgetUtilisation();
    u.observe(line(budget('k1', 'key', 100n)), 50n);
    u.observe(line(budget('k2', 'key', 100n)), 120n);
    u.observe(line(budget('k3', 'key', 100n)), 100n);
    u.observe(line(budget('k3', 'key', 100n)), 100n);
    u.observe(line(budget('t1', 'team', 1_000n)), 250n);
    expect(u.rows(0)).toEqual([
      { level: 'key', period: 'daily', max: 1.2, exhausted: 2 },
      { level: 'team', period: 'daily', max: 0.25, exhausted: 0 },
    ]);
  });

  it('ignores model caps and zero budgets, and forgets a budget once its period ended', () => {
    const u = new BudgetUtilisation();
    u.observe(line(budget('k1', 'key', 100n), 1_000, 'gpt'), 500n);
    u.observe(line(budget('k2', 'key', 0n)), 500n);
    expect(u.rows(0)).toEqual([]);
    u.observe(line(budget('k3', 'key', 100n), 1_000), 100n);
    expect(u.rows(999)).toHaveLength(1);
    expect(u.rows(1_000)).toEqual([]);
  });
});
