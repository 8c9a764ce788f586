import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { create as message } from '@bufbuild/protobuf';
import { AdminOp, AlertChannelCommandSchema, BudgetCommandSchema, uuidv7 } from '@helix/contracts';
import { BudgetAdminUseCase, BudgetDirectory, ChannelAdminUseCase, PgBudgetStore, PgChannelStore, costMigrationSet } from '@helix/cost';
import { createDataSource } from '@helix/persistence';
import type { DataSource } from 'typeorm';
import { createTestDatabase } from '../../support/infra.js';

describe('budget and alert-channel admin on real Postgres: scopes', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let ds: DataSource;
  let budgets: BudgetAdminUseCase;
  let channels: ChannelAdminUseCase;
  const orgA = uuidv7();
  const orgB = uuidv7();
  const teamA1 = uuidv7();
  const teamA2 = uuidv7();

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await createDataSource({ url: db.url }, costMigrationSet, { runMigrations: true });
    const store = new PgBudgetStore(ds);
    budgets = new BudgetAdminUseCase(store, new BudgetDirectory(store, () => 0), () => [50, 80, 100]);
    channels = new ChannelAdminUseCase(new PgChannelStore(ds));
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  const run = (cmd: Record<string, unknown>) => budgets.execute(message(BudgetCommandSchema, cmd));
  const channel = (cmd: Record<string, unknown>) => channels.execute(message(AlertChannelCommandSchema, cmd));
  const create = (scope: { orgId?: string; teamId?: string }, budget: Record<string, unknown>) =>
    run({ op: AdminOp.CREATE, scope, budget: { period: 'daily', amountPicoUsd: 1_000n, ...budget } });

  it('creates with the default thresholds, reads, updates by mask and deletes within a scope', async () => {
    const [b] = (await create({ orgId: orgA }, { level: 'team', scopeId: teamA1, hardLimitPicoUsd: 2_000n, strict: true })).budgets!;
    expect(b).toMatchObject({ orgId: orgA, teamId: teamA1, level: 'team', thresholds: [50, 80, 100], hardLimitPicoUsd: 2_000n, strict: true });
    const updated = await run({ op: AdminOp.UPDATE, scope: { orgId: orgA }, id: b!.id, budget: { amountPicoUsd: 5_000n, thresholds: [90] }, updateMask: ['amount_pico_usd', 'thresholds'] });
    expect(updated.budgets![0]).toMatchObject({ amountPicoUsd: 5_000n, thresholds: [90], hardLimitPicoUsd: 2_000n });
    await expect(run({ op: AdminOp.GET, scope: { orgId: orgB }, id: b!.id })).rejects.toMatchObject({ status: 404 });
    expect((await run({ op: AdminOp.DELETE, scope: { orgId: orgA }, id: b!.id })).budgets![0]!.id).toBe(b!.id);
    await expect(run({ op: AdminOp.GET, scope: { orgId: orgA }, id: b!.id })).rejects.toMatchObject({ status: 404 });
  });

  it('keeps a team-admin to their own team, and an admin to their own org (with a same-scope control)', async () => {
    await expect(create({ orgId: orgA, teamId: teamA1 }, { level: 'org' })).rejects.toMatchObject({ status: 403 });
    await expect(create({ orgId: orgA, teamId: teamA1 }, { level: 'team', scopeId: teamA2 })).rejects.toMatchObject({ status: 403 });
    const own = (await create({ orgId: orgA, teamId: teamA1 }, { level: 'user', scopeId: uuidv7() })).budgets![0]!;
    expect(own.teamId).toBe(teamA1);
    await create({ orgId: orgA }, { level: 'team', scopeId: teamA2 });
    await create({ orgId: orgB }, { level: 'org' });
    const seenBy = async (scope: { orgId?: string; teamId?: string }) =>
      (await run({ op: AdminOp.LIST, scope: scope, limit: 100 })).budgets!.map((b) => `${b.orgId === orgA ? 'A' : 'B'}:${b.teamId === teamA1 ? 'A1' : b.teamId === teamA2 ? 'A2' : '-'}`).sort();
    expect(await seenBy({ orgId: orgA, teamId: teamA1 })).toEqual(['A:A1']);
    expect(await seenBy({ orgId: orgA })).toEqual(['A:A1', 'A:A2']);
    expect(await seenBy({ orgId: orgB })).toEqual(['B:-']);
    expect(await create({ orgId: orgA }, { orgId: orgB, level: 'org' }).catch((e: { status: number }) => e.status)).toBe(403);
  });

  it('refuses bad budgets, naming the field', async () => {
    await expect(create({ orgId: orgA }, { level: 'planet', scopeId: 'x' })).rejects.toMatchObject({ status: 400, param: 'level' });
    await expect(create({ orgId: orgA }, { level: 'team', scopeId: teamA1, period: 'hourly' })).rejects.toMatchObject({ status: 400, param: 'period' });
    await expect(create({ orgId: orgA }, { level: 'team', scopeId: teamA1, strict: true })).rejects.toMatchObject({ status: 400, param: 'strict' });
    await expect(create({ orgId: orgA }, { level: 'team', scopeId: teamA1, thresholds: [0] })).rejects.toMatchObject({ status: 400, param: 'thresholds' });
  });

  it('alert channels: a webhook gets a signing secret shown once; other orgs see nothing', async () => {
    const created = await channel({ op: AdminOp.CREATE, scope: { orgId: orgA }, channel: { kind: 'webhook', target: 'https://hooks.example.test/x' } });
    expect(created.channels![0]!.secret).toMatch(/^[0-9a-f]{64}$/);
    const listed = await channel({ op: AdminOp.LIST, scope: { orgId: orgA } });
    expect(listed.channels!.map((c) => c.secret)).toEqual(['']);
    expect((await channel({ op: AdminOp.LIST, scope: { orgId: orgB } })).channels).toEqual([]);
    await expect(channel({ op: AdminOp.CREATE, scope: { orgId: orgA }, channel: { kind: 'email', target: 'not-an-address' } })).rejects.toMatchObject({ status: 400, param: 'target' });
  });
});
