import { describe, expect, it } from 'vitest';
import type { Budget } from './budget.js';
import { budgetLines } from './budget-lines.js';

const tenant = { orgId: 'o', teamId: 't', userId: 'u', keyId: 'k' };
const budget = (over: Partial<Budget>): Budget => ({
  id: 'b', orgId: 'o', teamId: null, level: 'org', scopeId: 'o', period: 'daily', amountPico: 100n, thresholds: [], hardLimitPico: null, strict: false, modelCaps: [], createdAt: 0, updatedAt: 0, ...over,
});
const at = Date.parse('2030-01-02T10:00:00Z');

describe('budgetLines', () => {
  it('takes every level that applies, org first, each in its current period, plus the caps of the requested model', () => {
    const lines = budgetLines(
      [
        budget({ id: 'key', level: 'key', scopeId: 'k', teamId: 't', period: 'total', hardLimitPico: 5n, strict: true }),
        budget({ id: 'org', modelCaps: [{ model: 'gpt-4o', limitPico: 7n }, { model: 'other', limitPico: 1n }] }),
        budget({ id: 'team', level: 'team', scopeId: 't', period: 'monthly' }),
        budget({ id: 'user', level: 'user', scopeId: 'u', period: 'weekly' }),
      ],
      tenant,
      'gpt-4o',
      at,
      'UTC',
    );
    expect(lines.map((l) => [l.counterId, l.limitPico, l.strict])).toEqual([
      ['org:d2030-01-02', null, false],
      ['org:d2030-01-02:m:gpt-4o', 7n, false],
      ['team:m2030-01', null, false],
      ['user:w2029-12-31', null, false],
      ['key:total', 5n, true],
    ]);
  });

  it("skips other orgs, other scopes and another team's user and key budgets", () => {
    const lines = budgetLines(
      [
        budget({ id: 'x', orgId: 'other' }),
        budget({ id: 'y', level: 'team', scopeId: 'other-team' }),
        budget({ id: 'z', level: 'user', scopeId: 'u', teamId: 'other-team' }),
        budget({ id: 'ok', level: 'user', scopeId: 'u', teamId: 't' }),
      ],
      tenant,
      'm',
      at,
      'UTC',
    );
    expect(lines.map((l) => l.budget.id)).toEqual(['ok']);
  });
});
