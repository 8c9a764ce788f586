import { describe, expect, it } from 'vitest';
import type { Budget } from './budget.js';
import { BudgetDirectory } from './budget-directory.js';

const budget = (id: string) => ({ id }) as unknown as Budget;

function world() {
  let now = 0;
  let down = false;
  let loads = 0;
  let budgets = [budget('b1')];
  const dir = new BudgetDirectory(
    {
      byOrg: async () => {
        loads++;
        if (down) throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
        return budgets;
      },
    },
    () => 1_000,
    () => now,
  );
  return {
    dir,
    tick: (ms: number) => (now += ms),
    setDown: (v: boolean) => (down = v),
    setBudgets: (b: Budget[]) => (budgets = b),
    loads: () => loads,
  };
}

describe('BudgetDirectory', () => {
  it('caches an org for ttlMs, then reloads it', async () => {
    const w = world();
    expect(await w.dir.forOrg('o')).toEqual([budget('b1')]);
    await w.dir.forOrg('o');
    expect(w.loads()).toBe(1);
    w.setBudgets([budget('b2')]);
    w.tick(1_000);
    expect(await w.dir.forOrg('o')).toEqual([budget('b2')]);
    expect(w.loads()).toBe(2);
  });

  it('keeps the last budgets read while the source fails, retrying once per ttl, and picks up changes after', async () => {
    const w = world();
    await w.dir.forOrg('o');
    w.setDown(true);
    w.tick(1_000);
    expect(await w.dir.forOrg('o')).toEqual([budget('b1')]);
    expect(await w.dir.forOrg('o')).toEqual([budget('b1')]);
    expect(w.loads()).toBe(2);
    w.tick(1_000);
    expect(await w.dir.forOrg('o')).toEqual([budget('b1')]);
    expect(w.loads()).toBe(3);
    w.setDown(false);
    w.setBudgets([budget('b3')]);
    w.tick(1_000);
    expect(await w.dir.forOrg('o')).toEqual([budget('b3')]);
  });

  it('fails for an org it never read, and retries it on the next call', async () => {
    const w = world();
    w.setDown(true);
    await expect(w.dir.forOrg('o')).rejects.toThrow(/ECONNREFUSED/);
    await expect(w.dir.forOrg('o')).rejects.toThrow(/ECONNREFUSED/);
    expect(w.loads()).toBe(2);
    w.setDown(false);
    expect(await w.dir.forOrg('o')).toEqual([budget('b1')]);
  });
});
