import { admit } from './admit.js';
import type { BudgetCounters, CounterReading, CounterSeed, CounterSpec, ReserveInput, ReserveResult, SettleInput, SettleResult } from './budget-counters.js';

interface Counter extends CounterReading {
  expireAtMs: number;
  seeded: boolean;
}

interface Reservation {
  counterIds: string[];
  amount: bigint;
  allowance: number;
  state: 'held' | 'released' | 'done';
  expireAtMs: number;
  forgetAtMs: number;
}

/** Embedded mode's budget counters: the Redis semantics in one process's memory (JS is single-threaded, so each call is atomic). */
export class MemoryBudgetCounters implements BudgetCounters {
  private readonly counters = new Map<string, Counter>();
  private readonly reservations = new Map<string, Reservation>();

  constructor(private readonly now: () => number = Date.now) {}

  async reserve(input: ReserveInput): Promise<ReserveResult> {
    const recKey = `${input.orgId}/${input.reservationId}`;
    const ids = input.counters.map((c) => c.id);
    const used = ids.map((id) => this.usedOf(input.orgId, id));
    const existing = this.live(recKey);
    if (existing) return { ok: true, amount: existing.amount, allowance: existing.allowance, used, duplicate: true };
    if (input.requireSeed) {
      const unseeded = await this.unseeded(input.orgId, ids);
      if (unseeded.length) return { ok: false, unseeded };
    }
    const verdict = admit(input.counters, used, input.promptCost, input.outputPrice, input.allowance);
    if (!verdict.ok) return { ok: false, refusedBy: verdict.refusedBy, used };
    for (const c of input.counters) this.counter(input.orgId, c).reserved += verdict.amount;
    this.reservations.set(recKey, { counterIds: ids, amount: verdict.amount, allowance: verdict.allowance, state: 'held', expireAtMs: input.expireAtMs, forgetAtMs: Number.POSITIVE_INFINITY });
    return { ...verdict, used, duplicate: false };
  }

  async settle(input: SettleInput): Promise<SettleResult> {
    const recKey = `${input.orgId}/${input.reservationId}`;
    const rec = this.live(recKey);
    if (rec?.state === 'done') return { outcome: 'duplicate', counterIds: rec.counterIds, spent: this.spentOf(input.orgId, rec.counterIds) };
    if (!rec && input.fallback.length === 0) return { outcome: 'none', counterIds: [], spent: [] };
    const ids = rec ? rec.counterIds : input.fallback.map((c) => c.id);
    for (const [i, id] of ids.entries()) {
      const c = rec ? this.counters.get(`${input.orgId}/${id}`) ?? this.counter(input.orgId, { id, expireAtMs: 0 }) : this.counter(input.orgId, input.fallback[i]!);
      if (rec?.state === 'held') c.reserved -= rec.amount;
      c.spent += input.cost;
    }
    const outcome = rec ? 'settled' : 'charged';
    this.reservations.set(recKey, { counterIds: ids, amount: 0n, allowance: 0, state: 'done', expireAtMs: 0, forgetAtMs: this.now() + input.doneTtlMs });
    return { outcome, counterIds: ids, spent: this.spentOf(input.orgId, ids) };
  }

  async sweep(nowMs: number, doneTtlMs: number): Promise<number> {
    let released = 0;
    for (const [key, rec] of this.reservations) {
      if (rec.state !== 'held' || rec.expireAtMs > nowMs) continue;
      const orgId = key.slice(0, key.indexOf('/'));
      for (const id of rec.counterIds) {
        const c = this.counters.get(`${orgId}/${id}`);
        if (c) c.reserved -= rec.amount;
      }
      Object.assign(rec, { state: 'released', amount: 0n, forgetAtMs: nowMs + doneTtlMs });
      released++;
    }
    this.forget();
    return released;
  }

  async read(orgId: string, counterIds: readonly string[]): Promise<CounterReading[]> {
    return counterIds.map((id) => {
      const c = this.counters.get(`${orgId}/${id}`);
      return { spent: c?.spent ?? 0n, reserved: c?.reserved ?? 0n };
    });
  }

  async unseeded(orgId: string, counterIds: readonly string[]): Promise<number[]> {
    return counterIds.flatMap((id, i) => (this.counters.get(`${orgId}/${id}`)?.seeded ? [] : [i]));
  }

  async seed(orgId: string, seeds: readonly CounterSeed[]): Promise<void> {
    for (const s of seeds) {
      const c = this.counter(orgId, s);
      if (c.seeded) continue;
      if (s.spent > c.spent) c.spent = s.spent;
      c.seeded = true;
    }
  }

  private counter(orgId: string, spec: Pick<CounterSpec, 'id' | 'expireAtMs'>): Counter {
    const key = `${orgId}/${spec.id}`;
    return this.counters.get(key) ?? this.counters.set(key, { spent: 0n, reserved: 0n, expireAtMs: spec.expireAtMs, seeded: false }).get(key)!;
  }

  private usedOf(orgId: string, id: string): bigint {
    const c = this.counters.get(`${orgId}/${id}`);
    return c ? c.spent + c.reserved : 0n;
  }

  private spentOf(orgId: string, ids: readonly string[]): bigint[] {
    return ids.map((id) => this.counters.get(`${orgId}/${id}`)?.spent ?? 0n);
  }

  private live(recKey: string): Reservation | undefined {
    const rec = this.reservations.get(recKey);
    return rec && rec.forgetAtMs > this.now() ? rec : undefined;
  }

  /** Drops settled reservations past their memory and counters past their expiry. */
  private forget(): void {
    const now = this.now();
    for (const [key, rec] of this.reservations) if (rec.forgetAtMs <= now) this.reservations.delete(key);
    for (const [key, c] of this.counters) if (c.expireAtMs && c.expireAtMs <= now && c.reserved === 0n) this.counters.delete(key);
  }
}
