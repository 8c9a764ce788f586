import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BudgetCounters, CounterSpec, ReserveInput } from '@helix/cost';

/** One isolated store world: `counters()` called twice = two replicas / connections on the same store. */
export interface CountersTarget {
  counters(): BudgetCounters;
  cleanup(): Promise<void>;
}

const DONE_TTL = 60_000;
const hard = (id: string, limit: bigint, strict = false): CounterSpec => ({ id, limit, strict, expireAtMs: 0 });
const soft = (id: string): CounterSpec => ({ id, limit: null, strict: false, expireAtMs: 0 });

/** The budget-counter contract: Redis and in-memory stores pass the same suite. */
export function budgetCountersContract(name: string, factory: () => Promise<CountersTarget>): void {
  describe(`budget counters contract: ${name}`, () => {
    let target: CountersTarget;
    let store: BudgetCounters;
    let org: string;
    const now = Date.now();
    const input = (counters: CounterSpec[], over: Partial<ReserveInput> = {}): ReserveInput => ({
      orgId: org,
      reservationId: randomUUID(),
      counters,
      promptCost: 100n,
      outputPrice: 10n,
      allowance: 50,
      nowMs: now,
      expireAtMs: now + 60_000,
      ...over,
    });

    beforeEach(async () => {
      target = await factory();
      store = target.counters();
      org = randomUUID();
    });
    afterEach(() => target.cleanup());

    it('reserves prompt cost + allowance × output price on every counter, and reports what each had used', async () => {
      const r = await store.reserve(input([hard('a', 10_000n), soft('b')]));
      expect(r).toEqual({ ok: true, amount: 600n, allowance: 50, used: [0n, 0n], duplicate: false });
      const again = await store.reserve(input([hard('a', 10_000n), soft('b')]));
      expect(again).toMatchObject({ ok: true, used: [600n, 600n] });
      expect(await store.read(org, ['a', 'b', 'nothing'])).toEqual([
        { spent: 0n, reserved: 1_200n },
        { spent: 0n, reserved: 1_200n },
        { spent: 0n, reserved: 0n },
      ]);
    });

    it('with requireSeed, names the counters never seeded and changes nothing; once seeded, reserves against the seeded spend', async () => {
      await store.seed(org, [{ id: 'seeded', spent: 0n, expireAtMs: 0 }]);
      const first = await store.reserve(input([hard('seeded', 10_000n), hard('new', 1_000n)], { requireSeed: true }));
      expect(first).toEqual({ ok: false, unseeded: [1] });
      expect(await store.unseeded(org, ['seeded', 'new'])).toEqual([1]);
      expect(await store.read(org, ['seeded', 'new'])).toEqual([{ spent: 0n, reserved: 0n }, { spent: 0n, reserved: 0n }]);
      await store.seed(org, [{ id: 'new', spent: 700n, expireAtMs: 0 }]);
      expect(await store.unseeded(org, ['seeded', 'new'])).toEqual([]);
      expect(await store.reserve(input([hard('seeded', 10_000n), hard('new', 1_000n)], { requireSeed: true }))).toEqual({ ok: false, refusedBy: 1, used: [0n, 700n] });
      // control: the same reservation on a counter nobody seeded, without requireSeed, goes through from zero
      expect(await store.reserve(input([hard('other', 1_000n)]))).toMatchObject({ ok: true, used: [0n] });
    });

    it('seeds a counter once, to the larger of its spent and the ledger; a later seed (another replica) leaves it', async () => {
      const charged = await store.settle({ orgId: org, reservationId: randomUUID(), cost: 300n, fallback: [soft('a'), soft('b')], doneTtlMs: DONE_TTL });
      expect(charged.outcome).toBe('charged');
      await store.seed(org, [{ id: 'a', spent: 1_000n, expireAtMs: 0 }, { id: 'b', spent: 100n, expireAtMs: 0 }]);
      expect(await store.read(org, ['a', 'b'])).toEqual([{ spent: 1_000n, reserved: 0n }, { spent: 300n, reserved: 0n }]);
      await store.seed(org, [{ id: 'a', spent: 5_000n, expireAtMs: 0 }]);
      expect(await store.read(org, ['a'])).toEqual([{ spent: 1_000n, reserved: 0n }]);
      expect(await store.reserve(input([soft('a'), soft('b')], { requireSeed: true }))).toMatchObject({ ok: true, used: [1_000n, 300n] });
    });

    it('refuses a reservation that would pass any hard limit, and then reserves on none of the counters', async () => {
      await store.reserve(input([hard('team', 1_000n)]));
      const refused = await store.reserve(input([soft('org'), hard('team', 1_000n)]));
      expect(refused).toEqual({ ok: false, refusedBy: 1, used: [0n, 600n] });
      expect(await store.read(org, ['org', 'team'])).toEqual([{ spent: 0n, reserved: 0n }, { spent: 0n, reserved: 600n }]);
      expect((await store.reserve(input([hard('team', 1_200n)]))).ok).toBe(true);
    });

    it('a strict counter lowers the allowance to what it can pay for, and refuses when not one output token fits', async () => {
      const capped = await store.reserve(input([hard('s', 455n, true)]));
      expect(capped).toMatchObject({ ok: true, amount: 450n, allowance: 35 });
      expect(await store.reserve(input([hard('s', 455n, true)]))).toEqual({ ok: false, refusedBy: 0, used: [450n] });
      const roomy = await store.reserve(input([hard('t', 1_000_000n, true)]));
      expect(roomy).toMatchObject({ ok: true, allowance: 50, amount: 600n });
    });

    it('settles a reservation into spend once, however often the event comes', async () => {
      const r = input([hard('a', 10_000n), soft('b')]);
      await store.reserve(r);
      const settle = { orgId: org, reservationId: r.reservationId, cost: 420n, fallback: [], doneTtlMs: DONE_TTL };
      expect(await store.settle(settle)).toEqual({ outcome: 'settled', counterIds: ['a', 'b'], spent: [420n, 420n] });
      expect(await store.settle(settle)).toEqual({ outcome: 'duplicate', counterIds: ['a', 'b'], spent: [420n, 420n] });
      expect(await store.read(org, ['a', 'b'])).toEqual([{ spent: 420n, reserved: 0n }, { spent: 420n, reserved: 0n }]);
    });

    it('charges the fallback counters when nothing was reserved, once; with none, touches nothing', async () => {
      const settle = { orgId: org, reservationId: randomUUID(), cost: 77n, fallback: [soft('a')], doneTtlMs: DONE_TTL };
      expect(await store.settle(settle)).toEqual({ outcome: 'charged', counterIds: ['a'], spent: [77n] });
      expect((await store.settle(settle)).outcome).toBe('duplicate');
      expect(await store.settle({ ...settle, reservationId: randomUUID(), fallback: [] })).toEqual({ outcome: 'none', counterIds: [], spent: [] });
      expect(await store.read(org, ['a'])).toEqual([{ spent: 77n, reserved: 0n }]);
    });

    it('releases expired reservations (a dead gateway), leaves live ones, and a late settlement still charges the spend', async () => {
      const dead = input([hard('a', 10_000n)], { expireAtMs: now - 1 });
      const live = input([hard('a', 10_000n)], { expireAtMs: now + 60_000 });
      await store.reserve(dead);
      await store.reserve(live);
      expect(await store.sweep(now, DONE_TTL)).toBeGreaterThanOrEqual(1);
      expect(await store.read(org, ['a'])).toEqual([{ spent: 0n, reserved: 600n }]);
      expect(await store.sweep(now, DONE_TTL)).toBe(0);
      const late = await store.settle({ orgId: org, reservationId: dead.reservationId, cost: 300n, fallback: [], doneTtlMs: DONE_TTL });
      expect(late.outcome).toBe('settled');
      expect(await store.read(org, ['a'])).toEqual([{ spent: 300n, reserved: 600n }]);
    });

    it('a repeated reservation id changes nothing', async () => {
      const r = input([hard('a', 10_000n)]);
      await store.reserve(r);
      expect(await store.reserve(r)).toMatchObject({ ok: true, amount: 600n, duplicate: true });
      expect(await store.read(org, ['a'])).toEqual([{ spent: 0n, reserved: 600n }]);
    });

    it('is exact far above 2^53 pico-USD, up to the int64 counters (budgets of millions of dollars)', async () => {
      const big = 9n * 10n ** 18n;
      const limit = big + 7n;
      const price = 3n * 10n ** 11n;
      const first = await store.reserve(input([hard('big', limit, true)], { promptCost: big - 3n * 10n ** 14n, outputPrice: price, allowance: 2_000 }));
      expect(first).toMatchObject({ ok: true, allowance: 1_000, amount: big });
      const second = await store.reserve(input([hard('big', limit)], { promptCost: 7n, outputPrice: 1n, allowance: 0 }));
      expect(second).toMatchObject({ ok: true, amount: 7n, used: [big] });
      expect(await store.reserve(input([hard('big', limit)], { promptCost: 1n, outputPrice: 1n, allowance: 0 }))).toMatchObject({ ok: false, used: [limit] });
      expect(await store.read(org, ['big'])).toEqual([{ spent: 0n, reserved: limit }]);
    });

    it('admits exactly what fits under a hard limit from concurrent reservations of two replicas (and all of them with room)', async () => {
      const other = target.counters();
      const burst = (limit: bigint) =>
        Promise.all(Array.from({ length: 100 }, (_, i) => (i % 2 ? other : store).reserve(input([hard(`c${limit}`, limit)]))));
      expect((await burst(30_000n)).filter((r) => r.ok)).toHaveLength(50);
      expect((await burst(60_000n)).filter((r) => r.ok)).toHaveLength(100);
    });
  });
}
