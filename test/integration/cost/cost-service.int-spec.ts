import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NatsBus } from '@helix/bus';
import { BudgetVerdict, RequestOutcome, RpcSubjects, uuidv7 } from '@helix/contracts';
import { until } from '../../support/wait.js';
import { completed, costOf, costWorld, INPUT_PICO, newTenant, OUTPUT_PICO, publishCompleted, type Tenant } from './support/cost-world.js';

const PROMPT = 100;
const DEFAULT_ALLOWANCE = 1_024;
type World = Awaited<ReturnType<typeof costWorld>>;

describe('cost-service: budgets under concurrency, on real NATS, Redis and Postgres, two instances', () => {
  let world: World;
  let gateways: NatsBus[];

  beforeAll(async () => {
    world = await costWorld({ HELIX__COST__RESERVATIONTTLMS: '4000' });
    await Promise.all([world.instance(), world.instance()]);
    gateways = [await world.gateway(), await world.gateway()];
  }, 90_000);
  afterAll(() => world?.close());

  const reserve = (i: number, tenant: Tenant, maxTokens: number, reservationId = uuidv7()) =>
    gateways[i % 2]!.request(RpcSubjects.costReserve, { reservationId, tenant, model: 'test-model', promptTokens: PROMPT, maxTokens }, { timeoutMs: 10_000 }).then((reply) => ({ reply, reservationId, maxTokens }));
  const spendOf = async (tenant: Tenant) => (await gateways[0]!.request(RpcSubjects.costSpend, { orgId: tenant.orgId, tenant }, { timeoutMs: 5_000 })).budgets;

  it('500 concurrent reservations against a hard limit: never over it, at least the limit minus the largest request, and the ledger equals the counters after settlement', async () => {
    const tenant = newTenant();
    const limit = 200_000_000_000n;
    await world.createBudget(gateways[0]!, { orgId: tenant.orgId, level: 'team', scopeId: tenant.teamId, period: 'daily', amountPicoUsd: limit, hardLimitPicoUsd: limit });
    const sizes = Array.from({ length: 500 }, (_, i) => 50 + ((i * 37) % 950));
    const results = await Promise.all(sizes.map((max, i) => reserve(i, tenant, max)));
    const admitted = results.filter((r) => r.reply.verdict === BudgetVerdict.ALLOW);
    const refused = results.filter((r) => r.reply.verdict === BudgetVerdict.REFUSE);
    const largest = costOf(PROMPT, Math.max(...sizes));
    const reserved = admitted.reduce((s, r) => s + r.reply.reservedPicoUsd, 0n);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0]!.reply).toMatchObject({ level: 'team', scopeId: tenant.teamId });
    expect(reserved).toBeLessThanOrEqual(limit);
    expect(reserved).toBeGreaterThanOrEqual(limit - largest);
    for (const r of admitted) expect(r.reply.reservedPicoUsd).toBe(costOf(PROMPT, r.maxTokens));

    const events = results.map((r, i) =>
      r.reply.verdict === BudgetVerdict.ALLOW
        ? completed(tenant, { reservationId: r.reservationId, reserved: r.reply.reservedPicoUsd, input: PROMPT, output: Math.floor(r.maxTokens * (0.5 + (i % 5) / 10)) })
        : completed(tenant, { input: 0, output: 0, outcome: RequestOutcome.REFUSED }),
    );
    await Promise.all(events.map((e, i) => publishCompleted(gateways[i % 2]!, e)));
    await until(async () => (await world.ledgerTotal(tenant.orgId)).rows === 500, 'all 500 events in the ledger', 30_000);
    const ledger = await world.ledgerTotal(tenant.orgId);
    const expected = events.reduce((s, e) => s + (e.budget ? costOf(e.usage!.inputTokens, e.usage!.outputTokens) : 0n), 0n);
    expect(ledger.cost).toBe(expected);
    expect(ledger.cost).toBeLessThanOrEqual(limit);
    await until(async () => (await spendOf(tenant))[0]!.spentPicoUsd === ledger.cost, 'counters settled', 10_000);
    expect((await spendOf(tenant))[0]).toMatchObject({ spentPicoUsd: ledger.cost, reservedPicoUsd: 0n, remainingPicoUsd: limit - ledger.cost });
  });

  it('a soft budget is passed by no more than what in-flight requests generate beyond their allowance', async () => {
    const tenant = newTenant();
    const limit = 50_000_000_000n;
    await world.createBudget(gateways[0]!, { orgId: tenant.orgId, level: 'key', scopeId: tenant.keyId, teamId: tenant.teamId, period: 'monthly', amountPicoUsd: limit, hardLimitPicoUsd: limit });
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => reserve(i, tenant, 0)));
    const admitted = results.filter((r) => r.reply.verdict === BudgetVerdict.ALLOW);
    expect(admitted.length).toBeGreaterThan(0);
    expect(admitted.length).toBeLessThan(100);
    const outputs = admitted.map((_, i) => DEFAULT_ALLOWANCE + (i % 3) * 400);
    const excess = outputs.reduce((s, out) => s + BigInt(Math.max(0, out - DEFAULT_ALLOWANCE)) * OUTPUT_PICO, 0n);
    expect(excess).toBeGreaterThan(0n);
    await Promise.all(admitted.map((r, i) => publishCompleted(gateways[0]!, completed(tenant, { reservationId: r.reservationId, input: PROMPT, output: outputs[i]! }))));
    await until(async () => (await world.ledgerTotal(tenant.orgId)).rows === admitted.length, 'ledger', 20_000);
    const { cost } = await world.ledgerTotal(tenant.orgId);
    expect(cost).toBeGreaterThan(limit);
    expect(cost).toBeLessThanOrEqual(limit + excess);
    expect((await reserve(0, tenant, 1)).reply.verdict).toBe(BudgetVerdict.REFUSE);
  });

  it('a strict budget caps max_tokens to what it can pay for and is never exceeded', async () => {
    const tenant = newTenant();
    const limit = 10_000_000_000n;
    await world.createBudget(gateways[0]!, { orgId: tenant.orgId, level: 'user', scopeId: tenant.userId, teamId: tenant.teamId, period: 'weekly', amountPicoUsd: limit, hardLimitPicoUsd: limit, strict: true });
    const results = await Promise.all(Array.from({ length: 60 }, (_, i) => reserve(i, tenant, 0)));
    const admitted = results.filter((r) => r.reply.verdict === BudgetVerdict.ALLOW);
    expect(admitted.every((r) => r.reply.cappedMaxTokens > 0 && r.reply.cappedMaxTokens <= DEFAULT_ALLOWANCE)).toBe(true);
    expect(admitted.some((r) => r.reply.cappedMaxTokens < DEFAULT_ALLOWANCE)).toBe(true);
    await Promise.all(admitted.map((r) => publishCompleted(gateways[1]!, completed(tenant, { reservationId: r.reservationId, input: PROMPT, output: r.reply.cappedMaxTokens }))));
    await until(async () => (await world.ledgerTotal(tenant.orgId)).rows === admitted.length, 'ledger', 20_000);
    const { cost } = await world.ledgerTotal(tenant.orgId);
    expect(cost).toBeLessThanOrEqual(limit);
    expect(cost).toBeGreaterThan(limit - costOf(PROMPT, 1) - PROMPT_ROOM);
  });

  it('a redelivered event is recorded and charged once', async () => {
    const tenant = newTenant();
    await world.createBudget(gateways[0]!, { orgId: tenant.orgId, level: 'org', scopeId: tenant.orgId, period: 'total', amountPicoUsd: 10n ** 15n });
    const { reply, reservationId } = await reserve(0, tenant, 100);
    const e = completed(tenant, { reservationId, reserved: reply.reservedPicoUsd, input: PROMPT, output: 40 });
    await publishCompleted(gateways[0]!, e, `${e.eventId}-a`);
    await publishCompleted(gateways[1]!, e, `${e.eventId}-b`);
    await publishCompleted(gateways[0]!, completed(tenant, { input: 10, output: 0 }));
    await until(async () => (await world.ledgerTotal(tenant.orgId)).rows === 2, 'ledger', 20_000);
    await new Promise((r) => setTimeout(r, 500));
    expect(await world.ledgerTotal(tenant.orgId)).toEqual({ rows: 2, cost: costOf(PROMPT, 40) + costOf(10, 0) });
    expect((await spendOf(tenant))[0]).toMatchObject({ spentPicoUsd: costOf(PROMPT, 40) + costOf(10, 0), reservedPicoUsd: 0n });
  });

  it('a hard limit holds after Redis lost the counters in the middle of the period: they are seeded again from the ledger', async () => {
    const tenant = newTenant();
    const limit = 3n * costOf(PROMPT, 300) + costOf(PROMPT, 50);
    await world.createBudget(gateways[0]!, { orgId: tenant.orgId, level: 'team', scopeId: tenant.teamId, period: 'daily', amountPicoUsd: limit, hardLimitPicoUsd: limit });
    for (let i = 0; i < 3; i++) {
      const r = await reserve(i, tenant, 300);
      expect(r.reply.verdict).toBe(BudgetVerdict.ALLOW);
      await publishCompleted(gateways[0]!, completed(tenant, { reservationId: r.reservationId, reserved: r.reply.reservedPicoUsd, input: PROMPT, output: 300 }));
    }
    const spent = 3n * costOf(PROMPT, 300);
    await until(async () => (await world.ledgerTotal(tenant.orgId)).cost === spent, 'three requests in the ledger', 10_000);
    await until(async () => (await spendOf(tenant))[0]!.spentPicoUsd === spent, 'counters settled', 10_000);
    expect((await reserve(0, tenant, 300)).reply.verdict).toBe(BudgetVerdict.REFUSE);

    const counterKey = (await world.redis.keys(`${world.prefix}budget:{${tenant.orgId}}:c:*`))[0]!;
    const loseRedis = async () => {
      const keys = await world.redis.keys(`${world.prefix}budget:*`);
      await world.redis.del(...keys);
      expect(await world.redis.hget(counterKey, 'spent')).toBeNull(); // the loss is real: the counter is gone
    };
    expect(await world.redis.hget(counterKey, 'spent')).toBe(spent.toString());

    await loseRedis();
    expect((await spendOf(tenant))[0]!.spentPicoUsd).toBe(spent); // the spend view seeds it
    await loseRedis();
    expect((await reserve(1, tenant, 300)).reply).toMatchObject({ verdict: BudgetVerdict.REFUSE, level: 'team', scopeId: tenant.teamId });
    expect(await world.redis.hget(counterKey, 'spent')).toBe(spent.toString()); // and so does a reservation
    expect((await reserve(0, tenant, 50)).reply.verdict).toBe(BudgetVerdict.ALLOW); // exactly the room left: seeded, not double-counted
  });

  it('releases the reservation of a request whose gateway died, and only after it expired', async () => {
    const tenant = newTenant();
    const limit = costOf(PROMPT, 100);
    await world.createBudget(gateways[0]!, { orgId: tenant.orgId, level: 'team', scopeId: tenant.teamId, period: 'daily', amountPicoUsd: limit, hardLimitPicoUsd: limit });
    expect((await reserve(0, tenant, 100)).reply.verdict).toBe(BudgetVerdict.ALLOW);
    expect((await reserve(1, tenant, 100)).reply.verdict).toBe(BudgetVerdict.REFUSE);
    await new Promise((r) => setTimeout(r, 1_000));
    expect((await spendOf(tenant))[0]!.reservedPicoUsd).toBe(limit);
    await until(async () => (await spendOf(tenant))[0]!.reservedPicoUsd === 0n, 'the orphaned reservation released', 10_000);
    expect((await reserve(1, tenant, 100)).reply.verdict).toBe(BudgetVerdict.ALLOW);
  });
});

/** Strict caps leave at most one output token's price of room per admitted request, and the prompt of a refused one. */
const PROMPT_ROOM = BigInt(PROMPT) * INPUT_PICO + OUTPUT_PICO;
