import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NatsBus } from '@helix/bus';
import { RpcSubjects } from '@helix/contracts';
import { until } from '../../support/wait.js';
import { completed, costOf, costWorld, newTenant, publishCompleted } from './support/cost-world.js';

const EVENTS = 4_000;

describe('cost ledger: a killed consumer loses nothing and counts nothing twice', () => {
  let world: Awaited<ReturnType<typeof costWorld>>;
  let gateway: NatsBus;

  beforeAll(async () => {
    world = await costWorld();
    gateway = await world.gateway();
  }, 60_000);
  afterAll(() => world?.close());

  it('SIGKILL mid-stream, then another instance: every event once in the ledger, and the counters equal it', async () => {
    const tenant = newTenant();
    const first = await world.instance();
    await world.createBudget(gateway, { orgId: tenant.orgId, level: 'org', scopeId: tenant.orgId, period: 'monthly', amountPicoUsd: 10n ** 17n });
    await first.kill('SIGTERM');
    const events = Array.from({ length: EVENTS }, (_, i) => completed(tenant, { input: 10 + (i % 7), output: i % 13 }));
    for (let i = 0; i < events.length; i += 500) await Promise.all(events.slice(i, i + 500).map((e) => publishCompleted(gateway, e)));

    const victim = await world.instance();
    await until(async () => (await world.ledgerTotal(tenant.orgId)).rows >= 500, 'the first batches', 30_000);
    await victim.kill('SIGKILL');
    const atKill = (await world.ledgerTotal(tenant.orgId)).rows;
    expect(atKill).toBeLessThan(EVENTS);

    await world.instance();
    await until(async () => (await world.ledgerTotal(tenant.orgId)).rows === EVENTS, 'every event after the restart', 45_000);
    const expected = events.reduce((s, e) => s + costOf(e.usage!.inputTokens, e.usage!.outputTokens), 0n);
    expect(await world.ledgerTotal(tenant.orgId)).toEqual({ rows: EVENTS, cost: expected });
    const { budgets } = await gateway.request(RpcSubjects.costSpend, { orgId: tenant.orgId, tenant }, { timeoutMs: 5_000 });
    expect(budgets[0]).toMatchObject({ spentPicoUsd: expected, reservedPicoUsd: 0n });
    const { rows } = await world.sql.query('SELECT sum(requests)::int AS n, sum(cost_pico)::text AS cost FROM cost.daily_rollup WHERE org_id = $1', [tenant.orgId]);
    expect(rows[0]).toEqual({ n: EVENTS, cost: expected.toString() });
  });
});
