import type { Redis } from 'ioredis';
import { RELEASE_LUA, RESERVE_LUA, SEED_LUA, SETTLE_LUA } from './budget.lua.js';
import type { BudgetCounters, CounterReading, CounterSeed, ReserveInput, ReserveResult, SettleInput, SettleResult } from './budget-counters.js';

type Args = (string | number)[];
interface BudgetCommands {
  helixBudgetReserve(keyCount: number, ...keysAndArgs: Args): Promise<(string | number)[]>;
  helixBudgetSettle(keyCount: number, ...keysAndArgs: Args): Promise<string[]>;
  helixBudgetRelease(keyCount: number, ...keysAndArgs: Args): Promise<number>;
  helixBudgetSeed(keyCount: number, ...keysAndArgs: Args): Promise<number>;
}

const SWEEP_PAGE = 200;
const ORG_REFRESH_MS = 60_000;

/**
 * Cluster-wide budget counters: one Lua script per reserve, settle or release,
 * so N gateways and M cost-service replicas never interleave inside one.
 * Keys: `<prefix>budget:{<orgId>}:c:<counterId>` (counters),
 * `...:r:<reservationId>` (reservations), `...:exp` (expiry index) and
 * `<prefix>budget:orgs` (orgs the sweeper visits).
 */
export class RedisBudgetCounters implements BudgetCounters {
  private readonly redis: Redis & BudgetCommands;
  /** When each org was last added to the sweeper's set; re-added after `ORG_REFRESH_MS`, so a Redis that came back empty gets them back. */
  private readonly knownOrgs = new Map<string, number>();

  constructor(
    redis: Redis,
    private readonly prefix: string,
    private readonly now: () => number = Date.now,
  ) {
    if (!('helixBudgetReserve' in redis)) {
      redis.defineCommand('helixBudgetReserve', { lua: RESERVE_LUA });
      redis.defineCommand('helixBudgetSettle', { lua: SETTLE_LUA });
      redis.defineCommand('helixBudgetRelease', { lua: RELEASE_LUA });
      redis.defineCommand('helixBudgetSeed', { lua: SEED_LUA });
    }
    this.redis = redis as Redis & BudgetCommands;
  }

  async reserve(input: ReserveInput): Promise<ReserveResult> {
    const k = this.keys(input.orgId);
    await this.remember(input.orgId);
    const limits = input.counters.flatMap((c) => [c.limit === null ? '-' : c.limit.toString(), c.strict ? 1 : 0, c.expireAtMs]);
    const ttl = Math.max(1_000, input.expireAtMs - input.nowMs) + 86_400_000;
    const raw = await this.redis.helixBudgetReserve(
      input.counters.length + 2,
      k.rec(input.reservationId), k.exp, ...input.counters.map((c) => k.counter(c.id)),
      input.reservationId, input.expireAtMs, input.promptCost.toString(), input.outputPrice.toString(), input.allowance, ttl, ...limits,
      input.requireSeed ? 1 : 0,
    );
    if (raw[0] === 2) return { ok: false, unseeded: raw.slice(1).map((i) => Number(i) - 1) };
    if (raw[0] === 0) return { ok: false, refusedBy: Number(raw[1]) - 1, used: raw.slice(2).map((v) => BigInt(v)) };
    return { ok: true, amount: BigInt(raw[1]!), allowance: Number(raw[2]), duplicate: raw[3] === 1, used: raw.slice(4).map((v) => BigInt(v)) };
  }

  async settle(input: SettleInput): Promise<SettleResult> {
    const k = this.keys(input.orgId);
    const rec = k.rec(input.reservationId);
    for (let attempt = 0; attempt < 3; attempt++) {
      const stored = await this.redis.hget(rec, 'ids');
      const counterKeys = stored !== null ? (stored ? stored.split(' ') : []) : input.fallback.map((c) => k.counter(c.id));
      if (stored === null && counterKeys.length === 0) return { outcome: 'none', counterIds: [], spent: [] };
      const expiries = stored !== null ? [] : input.fallback.map((c) => c.expireAtMs);
      const raw = await this.redis.helixBudgetSettle(
        counterKeys.length + 2,
        rec, k.exp, ...counterKeys,
        input.reservationId, input.cost.toString(), input.doneTtlMs, stored !== null ? 'stored' : 'fallback', ...expiries,
      );
      if (raw[0] === 'missing' || raw[0] === 'retry') continue;
      return { outcome: raw[0] as SettleResult['outcome'], counterIds: counterKeys.map((key) => k.idOf(key)), spent: raw.slice(1).map((v) => BigInt(v)) };
    }
    throw new Error(`settling reservation ${input.reservationId} kept racing with its release`);
  }

  async sweep(nowMs: number, doneTtlMs: number): Promise<number> {
    let released = 0;
    for (const orgId of await this.redis.smembers(this.orgsKey)) {
      const k = this.keys(orgId);
      const due = await this.redis.zrangebyscore(k.exp, '-inf', nowMs, 'LIMIT', 0, SWEEP_PAGE);
      for (const id of due) {
        const ids = (await this.redis.hget(k.rec(id), 'ids')) ?? '';
        const keys = ids ? ids.split(' ') : [];
        released += await this.redis.helixBudgetRelease(keys.length + 2, k.rec(id), k.exp, ...keys, id, nowMs, doneTtlMs);
      }
    }
    return released;
  }

  async read(orgId: string, counterIds: readonly string[]): Promise<CounterReading[]> {
    if (counterIds.length === 0) return [];
    const k = this.keys(orgId);
    const pipeline = this.redis.pipeline();
    for (const id of counterIds) pipeline.hmget(k.counter(id), 'spent', 'reserved');
    const results = (await pipeline.exec()) ?? [];
    return results.map(([err, v]) => {
      if (err) throw err;
      const [spent, reserved] = v as (string | null)[];
      return { spent: BigInt(spent ?? 0), reserved: BigInt(reserved ?? 0) };
    });
  }

  async unseeded(orgId: string, counterIds: readonly string[]): Promise<number[]> {
    if (counterIds.length === 0) return [];
    const k = this.keys(orgId);
    const pipeline = this.redis.pipeline();
    for (const id of counterIds) pipeline.hexists(k.counter(id), 'seeded');
    const results = (await pipeline.exec()) ?? [];
    return results.flatMap(([err, v], i) => {
      if (err) throw err;
      return v === 1 ? [] : [i];
    });
  }

  async seed(orgId: string, seeds: readonly CounterSeed[]): Promise<void> {
    if (seeds.length === 0) return;
    const k = this.keys(orgId);
    await this.redis.helixBudgetSeed(seeds.length, ...seeds.map((s) => k.counter(s.id)), ...seeds.flatMap((s) => [s.spent.toString(), s.expireAtMs]));
  }

  private get orgsKey(): string {
    return `${this.prefix}budget:orgs`;
  }

  private async remember(orgId: string): Promise<void> {
    const now = this.now();
    if (now - (this.knownOrgs.get(orgId) ?? -Infinity) < ORG_REFRESH_MS) return;
    await this.redis.sadd(this.orgsKey, orgId);
    this.knownOrgs.set(orgId, now);
  }

  private keys(orgId: string) {
    const base = `${this.prefix}budget:{${orgId}}:`;
    return {
      counter: (id: string) => `${base}c:${id}`,
      rec: (id: string) => `${base}r:${id}`,
      exp: `${base}exp`,
      idOf: (key: string) => key.slice(base.length + 2),
    };
  }
}

