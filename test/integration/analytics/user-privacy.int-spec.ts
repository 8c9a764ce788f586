import { beforeAll, describe, expect, it } from 'vitest';
import { analyticsMigrationSet, IngestUseCase, Partitions, PgRequestStore, PgSideStore, sqlDatabase, UserDataUseCase as AnalyticsUserData } from '@helix/analytics';
import { RpcSubjects } from '@helix/contracts';
import { costMigrationSet, PgLedgerStore, UserDataUseCase as CostUserData } from '@helix/cost';
import { createDataSource } from '@helix/persistence';
import { AdminModule } from '../../../apps/gateway/src/admin/admin.module.js';
import { PrivacyModule } from '../../../apps/gateway/src/privacy/privacy.module.js';
import { call, createTenant, type Tenant } from '../identity/support/tenant.js';
import { gatewaySuite, MASTER_KEY } from '../identity/support/suite.js';
import { completed } from './support/analytics-db.js';

const ctx = gatewaySuite({ imports: [AdminModule, PrivacyModule], microservice: true });
const sum = async (db: { query(sql: string, p?: unknown[]): Promise<any> }, sql: string, params: unknown[] = []) => (await db.query(sql, params))[0];

describe('GDPR/CCPA: export and erasure of a user across the gateway, the ledger and analytics', () => {
  let acme: Tenant;
  let other: Tenant;
  let analytics: ReturnType<typeof sqlDatabase>;
  let cost: ReturnType<typeof sqlDatabase>;

  beforeAll(async () => {
    const [a, c] = await Promise.all([createDataSource({ url: ctx.databaseUrl }, analyticsMigrationSet, { runMigrations: true }), createDataSource({ url: ctx.databaseUrl }, costMigrationSet, { runMigrations: true })]);
    analytics = sqlDatabase(a);
    cost = sqlDatabase(c);
    const analyticsData = new AnalyticsUserData(analytics);
    const costData = new CostUserData(cost);
    await ctx.bus.respond(RpcSubjects.analyticsExport, async (r) => {
      const page = await analyticsData.exportPage({ userId: r.userId, keyIds: r.keyIds, scope: { orgId: r.scope?.orgId || undefined } }, r.cursor || undefined, r.limit || 500);
      return { recordsJson: page.records.map((x) => JSON.stringify(x)), nextCursor: page.next ?? '' };
    }, { queue: 'analytics-service' });
    await ctx.bus.respond(RpcSubjects.analyticsErase, async (r) => ({ records: BigInt(await analyticsData.erase({ userId: r.userId, keyIds: r.keyIds, scope: { orgId: r.scope?.orgId || undefined } }, r.pseudonym)) }), { queue: 'analytics-service' });
    await ctx.bus.respond(RpcSubjects.costExport, (r) => costData.exportPage(r), { queue: 'cost-service' });
    await ctx.bus.respond(RpcSubjects.costErase, (r) => costData.erase(r), { queue: 'cost-service' });

    acme = await createTenant(ctx.app, MASTER_KEY, 'acme');
    other = await createTenant(ctx.app, MASTER_KEY, 'other');
    await call(ctx.app, MASTER_KEY, 'PATCH', `/admin/users/${acme.userId}`, { email: 'jane@acme.example' }, 200);
    const ingest = new IngestUseCase({ partitions: new Partitions(analytics), requests: new PgRequestStore(analytics), side: new PgSideStore(analytics), retentionDays: () => 90 });
    const events = [acme, acme, acme, other].map((t, i) => completed({ at: Date.now() - i * 1_000, org: t.orgId, team: t.teamId, user: t.userId, key: t.keyIds.member, costPico: 1_000n * BigInt(i + 1) }));
    await ingest.requests(events);
    await new PgLedgerStore(cost).insert(events.map((e) => ({
      requestId: e.eventId, startedAtMs: Number(e.startedAtMs), day: new Date(Number(e.startedAtMs)).toISOString().slice(0, 10), orgId: e.tenant!.orgId, teamId: e.tenant!.teamId, userId: e.tenant!.userId, keyId: e.tenant!.keyId,
      endpoint: 'chat.completions', requestedModel: 'gpt-test', servedModel: 'gpt-test', provider: 'openai', outcome: 1, cacheStatus: 1, inputTokens: 10, outputTokens: 20, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0,
      costPico: e.costPicoUsd, cacheSavedPico: 0n, swapSavedPico: 0n, promptCacheSavedPico: 0n, estimated: false, unpriced: false, priceVersion: 'test', swappedFromModel: '',
    })));
  });

  it('exports everything about the user as one JSON document, for an admin of its org only', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: `/admin/users/${acme.userId}/export`, headers: { authorization: `Bearer ${acme.keys.admin}` } });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.user).toMatchObject({ id: acme.userId, email: 'jane@acme.example' });
    expect(doc.keys.map((k: { id: string }) => k.id).sort()).toEqual(Object.values(acme.keyIds).sort());
    expect(JSON.stringify(doc.keys)).not.toMatch(/sha256|hx-[A-Za-z0-9_-]{20}/);
    expect(doc.audit.length).toBeGreaterThan(0);
    expect(doc.cost).toHaveLength(3);
    expect(doc.analytics.filter((r: { type: string }) => r.type === 'request')).toHaveLength(3);
    expect((await ctx.app.inject({ method: 'GET', url: `/admin/users/${acme.userId}/export`, headers: { authorization: `Bearer ${other.keys.admin}` } })).statusCode).toBe(404);
    expect((await ctx.app.inject({ method: 'GET', url: `/admin/users/${acme.userId}/export`, headers: { authorization: `Bearer ${acme.keys['team-admin']}` } })).statusCode).toBe(403);
  });

  it('erases: revoked, one pseudonym everywhere, amounts kept, audited; another user untouched; a retry keeps the pseudonym', async () => {
    const totals = (db: typeof analytics, table: string, col: string) => sum(db, `SELECT count(*)::int AS n, sum(${col})::text AS total FROM ${table} WHERE org_id = $1`, [acme.orgId]);
    const before = { requests: await totals(analytics, 'analytics.requests', 'cost_pico'), daily: await totals(analytics, 'analytics.rollup_day_key', 'cost_pico'), ledger: await totals(cost, 'cost.ledger', 'cost_pico'), costDaily: await totals(cost, 'cost.daily_rollup', 'cost_pico') };
    const erased = await call(ctx.app, acme.keys.admin, 'POST', `/admin/users/${acme.userId}/erase`, undefined, 201);
    expect(erased).toMatchObject({ object: 'user.erasure', user_id: acme.userId, pseudonym: expect.stringMatching(/^erased-/), records: { cost: 3 } });
    expect(erased.records.analytics).toBeGreaterThanOrEqual(3);
    const p = erased.pseudonym;
    expect(await totals(analytics, 'analytics.requests', 'cost_pico')).toEqual(before.requests);
    expect(await totals(analytics, 'analytics.rollup_day_key', 'cost_pico')).toEqual({ ...before.daily, n: expect.any(Number) });
    expect(await totals(cost, 'cost.ledger', 'cost_pico')).toEqual(before.ledger);
    expect((await totals(cost, 'cost.daily_rollup', 'cost_pico')).total).toEqual(before.costDaily.total);
    for (const [db, table] of [[analytics, 'analytics.requests'], [analytics, 'analytics.rollup_day_key'], [cost, 'cost.ledger'], [cost, 'cost.daily_rollup']] as const) {
      expect(await sum(db, `SELECT count(*)::int AS n FROM ${table} WHERE user_id = $1 OR key_id = $2`, [acme.userId, acme.keyIds.member]), table).toEqual({ n: 0 });
      expect((await sum(db, `SELECT count(*)::int AS n FROM ${table} WHERE user_id = $1`, [p])).n, table).toBeGreaterThan(0);
      expect((await sum(db, `SELECT count(*)::int AS n FROM ${table} WHERE user_id = $1`, [other.userId])).n, `${table} keeps another user`).toBeGreaterThan(0);
    }
    const user = await call(ctx.app, MASTER_KEY, 'GET', `/admin/users/${acme.userId}`, undefined, 200);
    expect(user).toMatchObject({ name: p, email: null });
    expect(user.revoked_at).not.toBeNull();
    expect((await ctx.app.inject({ method: 'GET', url: '/admin/users', headers: { authorization: `Bearer ${acme.keys.member}` } })).statusCode).toBe(401);
    const audit = await call(ctx.app, MASTER_KEY, 'GET', `/admin/audit?entity_id=${acme.userId}`, undefined, 200);
    expect(audit.data.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['create', 'update', 'revoke']));
    expect(audit.data.at(-1)).toMatchObject({ action: 'update', actor_key_id: acme.keyIds.admin, after: { erasure: { pseudonym: p, records: { cost: 3 } } } });
    expect(JSON.stringify(audit.data)).not.toContain('jane@acme.example');
    expect(JSON.stringify(audit.data)).not.toContain('acme-user');
    const again = await call(ctx.app, MASTER_KEY, 'POST', `/admin/users/${acme.userId}/erase`, undefined, 201);
    expect(again.pseudonym).toBe(p);
  });
});
