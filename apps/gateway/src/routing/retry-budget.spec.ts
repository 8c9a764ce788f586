import { describe, expect, it } from 'vitest';
import { RetryConfig } from '@helix/config';
import { RetryBudget } from './retry-budget.js';

const cfg = Object.assign(new RetryConfig(), { budgetRatio: 0.2, budgetMinRetries: 2, budgetWindowMs: 10_000 });

describe('RetryBudget', () => {
  it('allows the minimum when idle, then 20% of requests, per deployment', () => {
    let now = 1_000_000;
    const budget = new RetryBudget({ now: () => now });
    expect([1, 2, 3].map(() => budget.tryRetry('a', cfg))).toEqual([true, true, false]);
    for (let i = 0; i < 20; i++) budget.recordRequest('a', cfg);
    expect(budget.tryRetry('a', cfg)).toBe(true);
    expect(budget.tryRetry('a', cfg)).toBe(true);
    expect(budget.tryRetry('a', cfg)).toBe(false);
    expect(budget.tryRetry('b', cfg)).toBe(true);
    now += 11_000;
    expect(budget.tryRetry('a', cfg)).toBe(true);
  });

  it('forgets slot by slot as the window slides', () => {
    let now = 0;
    const budget = new RetryBudget({ now: () => now });
    for (let i = 0; i < 50; i++) budget.recordRequest('a', cfg);
    for (let i = 0; i < 10; i++) expect(budget.tryRetry('a', cfg)).toBe(true);
    expect(budget.tryRetry('a', cfg)).toBe(false);
    now += 5_000;
    for (let i = 0; i < 50; i++) budget.recordRequest('a', cfg);
    expect(budget.tryRetry('a', cfg)).toBe(true);
    now += 5_500;
    expect(budget.tryRetry('a', cfg)).toBe(true);
  });
});
