import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockUpstream, type MockUpstream } from '../../apps/mock-upstream/src/mock-upstream.js';
import { createTestDatabase, testNatsUrl, testRedisPrefix, testRedisUrl, uniqueName } from '../support/infra.js';
import { until } from '../support/wait.js';
import { admin, provisionKey, type ProvisionedKey } from './support/admin-client.js';
import { distributedConfig, migrate } from './support/distributed.js';
import { spawnHelix, type HelixProcess } from './support/helix-process.js';

/**
 * Tenant isolation on the real stores: the gateway, cache-, cost- and analytics-service as their own
 * processes on NATS, Redis and Postgres. Tenants: org A with teams A1 and A2, org B with team B1.
 * Each row of the matrix (cache exact, cache semantic, budgets, analytics, admin API) shows, in the
 * same test, that a read within the tenant works and a read across tenants finds nothing.
 */
const MASTER = `hx-master-${'i'.repeat(40)}`;
let upstream: MockUpstream;
let db: Awaited<ReturnType<typeof createTestDatabase>>;
let gateway: HelixProcess;
let analytics: HelixProcess;
const services: HelixProcess[] = [];

interface Team {
  name: string;
  member: ProvisionedKey;
  /** Another user's key in the same team. */
  peer: ProvisionedKey;
  teamAdmin: ProvisionedKey;
}
let A1: Team;
let A2: Team;
let B1: Team;
let orgAdminA: ProvisionedKey;
let orgAdminB: ProvisionedKey;

const client = (k: ProvisionedKey) => new OpenAI({ apiKey: k.key, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
const ask = async (k: ProvisionedKey, content: string) => {
  const { response } = await client(k).chat.completions.create({ model: 'gpt-test', messages: [{ role: 'user', content }] }).withResponse();
  return response.headers.get('x-helix-cache');
};
const get = async (base: string, k: ProvisionedKey, path: string) => {
  const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${k.key}` } });
  return { status: res.status, body: (await res.json()) as any };
};
const ids = (body: { data: { id: string }[] }) => body.data.map((r) => r.id);

async function team(name: string, orgId: string): Promise<Team> {
  const teamId = (await admin<{ id: string }>(gateway.url, MASTER, 'POST', '/admin/teams', { name, org_id: orgId })).id;
  const [member, peer, teamAdmin] = await Promise.all([
    provisionKey(gateway.url, MASTER, { orgId, teamId }),
    provisionKey(gateway.url, MASTER, { orgId, teamId }),
    provisionKey(gateway.url, MASTER, { orgId, teamId, role: 'team-admin' }),
  ]);
  return { name, member, peer, teamAdmin };
}

beforeAll(async () => {
  upstream = await startMockUpstream();
  db = await createTestDatabase();
  migrate(db.url);
  const base = distributedConfig({ natsUrl: testNatsUrl(), namespace: uniqueName('iso'), redisUrl: testRedisUrl(), redisPrefix: testRedisPrefix(), databaseUrl: db.url, upstream: upstream.baseUrl });
  const config = {
    ...base,
    pipeline: { budget: { enabled: true, timeoutMs: 5_000 }, pii: { enabled: false }, cache: { enabled: true, timeoutMs: 5_000 } },
    cache: { semantic: { rules: [{ model: 'gpt-test', enabled: true, threshold: 0.75 }], index: 'local' } },
    cost: { prices: { overrides: [{ model: 'gpt-test', inputPerMTok: 2, outputPerMTok: 8 }] } },
  };
  const env = { HELIX_MASTER_KEY: MASTER, LOG_LEVEL: 'warn' };
  for (const app of ['cache-service', 'cost-service', 'analytics-service'] as const) services.push(await spawnHelix(app, { config, env }));
  analytics = services[2]!;
  gateway = await spawnHelix('gateway', { config, env });
  const orgA = (await admin<{ id: string }>(gateway.url, MASTER, 'POST', '/admin/orgs', { name: 'org A' })).id;
  const orgB = (await admin<{ id: string }>(gateway.url, MASTER, 'POST', '/admin/orgs', { name: 'org B' })).id;
  [A1, A2, B1] = await Promise.all([team('A1', orgA), team('A2', orgA), team('B1', orgB)]);
  [orgAdminA, orgAdminB] = await Promise.all([
    provisionKey(gateway.url, MASTER, { orgId: orgA, teamId: A1.member.teamId, role: 'admin' }),
    provisionKey(gateway.url, MASTER, { orgId: orgB, teamId: B1.member.teamId, role: 'admin' }),
  ]);
}, 300_000);
afterAll(async () => {
  await gateway?.dispose();
  for (const s of services) await s.dispose();
  await upstream?.close();
  await db?.drop();
});

describe('tenant isolation: two orgs, two teams in one org; within a tenant reads work, across tenants they find nothing', () => {
  it('cache, exact: another key of the team hits; the other team of the org and the other org miss', async () => {
    const q = 'Which runbook covers the payments failover drill?';
    expect(await ask(A1.member, q)).toBe('miss');
    await until(async () => (await ask(A1.member, q)) === 'hit-exact', 'an exact hit for A1', 20_000);
    expect(await ask(A1.peer, q)).toBe('hit-exact');
    const calls = upstream.requests().length;
    expect(await ask(A2.member, q)).toBe('miss');
    expect(await ask(B1.member, q)).toBe('miss');
    expect(upstream.requests().length).toBe(calls + 2);
  });

  it('cache, semantic: a paraphrase hits within the team only', async () => {
    const q = 'How do I rotate the staging database password?';
    const paraphrase = 'How can I rotate the staging database password?';
    expect(await ask(A1.member, q)).toBe('miss');
    await until(async () => (await ask(A1.member, q)) === 'hit-exact', 'an exact hit for A1', 20_000);
    expect(await ask(A1.peer, paraphrase)).toBe('hit-semantic');
    expect(await ask(A2.member, paraphrase)).toBe('miss');
    expect(await ask(B1.member, paraphrase)).toBe('miss');
  });

  it('analytics: a team-admin sees its team, not the other team; an org sees its own teams, not the other org', async () => {
    for (const t of [A1, A2, B1]) await client(t.member).chat.completions.create({ model: 'gpt-test', messages: [{ role: 'user', content: `analytics of ${t.name}` }] });
    const summary = async (k: ProvisionedKey, teamId: string) => get(analytics.url, k, `/v1/analytics/summary?team_id=${teamId}`);
    await until(async () => ((await summary(A1.teamAdmin, A1.member.teamId)).body.data?.[0]?.requests ?? 0) >= 4, 'A1 requests in analytics', 30_000);
    await until(async () => ((await summary(orgAdminB, B1.member.teamId)).body.data?.[0]?.requests ?? 0) >= 2, 'B1 requests in analytics', 30_000);
    expect((await summary(orgAdminA, A2.member.teamId)).body.data[0].requests).toBeGreaterThan(0);

    const crossTeam = await summary(A1.teamAdmin, A2.member.teamId);
    expect(crossTeam.status === 403 || crossTeam.body.data?.[0]?.requests === 0).toBe(true);
    const crossOrg = await summary(orgAdminB, A1.member.teamId);
    expect(crossOrg.status === 403 || crossOrg.body.data?.[0]?.requests === 0).toBe(true);
    const all = async (k: ProvisionedKey) => (await get(analytics.url, k, '/v1/analytics/summary')).body.data[0].requests as number;
    const [a1, aOrg, bOrg] = [await all(A1.teamAdmin), await all(orgAdminA), await all(orgAdminB)];
    expect(a1).toBeGreaterThan(0);
    expect(aOrg).toBeGreaterThan(a1);
    expect(bOrg).toBeLessThan(aOrg);

    const rows = await fetch(`${analytics.url}/v1/analytics/rows?limit=1000`, { headers: { authorization: `Bearer ${A1.teamAdmin.key}` } });
    expect(rows.status).toBe(200);
    const text = await rows.text();
    expect(text).toContain(A1.member.teamId);
    expect(text).not.toContain(A2.member.teamId);
    expect(text).not.toContain(B1.member.teamId);
  });

  it('admin API: team-admins and org admins list, read and change only their own tenant', async () => {
    const keyIdsSeenBy = async (k: ProvisionedKey) => ids((await get(gateway.url, k, '/admin/keys?limit=100')).body);
    const a1Keys = await keyIdsSeenBy(A1.teamAdmin);
    expect(a1Keys).toEqual(expect.arrayContaining([A1.member.keyId, A1.peer.keyId]));
    expect(a1Keys).not.toContain(A2.member.keyId);
    expect(a1Keys).not.toContain(B1.member.keyId);
    const aKeys = await keyIdsSeenBy(orgAdminA);
    expect(aKeys).toEqual(expect.arrayContaining([A1.member.keyId, A2.member.keyId]));
    expect(aKeys).not.toContain(B1.member.keyId);

    expect((await get(gateway.url, A1.teamAdmin, `/admin/keys/${A1.peer.keyId}`)).status).toBe(200);
    expect((await get(gateway.url, A1.teamAdmin, `/admin/users/${A1.peer.userId}`)).status).toBe(200);
    for (const [who, target] of [
      [A1.teamAdmin, A2.member],
      [A1.teamAdmin, B1.member],
      [orgAdminB, A1.member],
    ] as const) {
      expect((await get(gateway.url, who, `/admin/keys/${target.keyId}`)).status).toBe(404);
      expect((await get(gateway.url, who, `/admin/users/${target.userId}`)).status).toBe(404);
      expect((await get(gateway.url, who, `/admin/teams/${target.teamId}`)).status).toBe(404);
      const revoke = await fetch(`${gateway.url}/admin/keys/${target.keyId}`, { method: 'DELETE', headers: { authorization: `Bearer ${who.key}` } });
      expect(revoke.status).toBe(404);
    }
    expect((await get(gateway.url, orgAdminB, `/admin/orgs/${A1.member.orgId}`)).status).toBe(404);
    for (const k of [A1.member, A2.member, B1.member]) await expect(ask(k, 'still a valid key after the refused revokes')).resolves.toBeDefined();
  });

  it('budgets: a team-admin reads its budget, no other team or org reads it, and a spent budget refuses only its own team', async () => {
    const budget = await admin<{ id: string }>(gateway.url, A2.teamAdmin.key, 'POST', '/admin/budgets', { level: 'team', period: 'daily', amount_usd: '0.0000001', hard_limit_usd: '0.0000001' });
    expect((await get(gateway.url, A2.teamAdmin, `/admin/budgets/${budget.id}`)).status).toBe(200);
    expect(ids((await get(gateway.url, A2.teamAdmin, '/admin/budgets')).body)).toContain(budget.id);
    expect(ids((await get(gateway.url, orgAdminA, '/admin/budgets')).body)).toContain(budget.id);
    for (const outsider of [A1.teamAdmin, B1.teamAdmin, orgAdminB]) {
      expect((await get(gateway.url, outsider, `/admin/budgets/${budget.id}`)).status).toBe(404);
      expect(ids((await get(gateway.url, outsider, '/admin/budgets')).body)).not.toContain(budget.id);
    }
    const standing = (await get(gateway.url, A2.teamAdmin, '/admin/spend/budgets')).body.data as { id?: string; budget_id?: string }[];
    expect(JSON.stringify(standing)).toContain(budget.id);
    expect(JSON.stringify((await get(gateway.url, A1.teamAdmin, '/admin/spend/budgets')).body)).not.toContain(budget.id);
    expect(JSON.stringify((await get(gateway.url, orgAdminB, '/admin/spend/budgets')).body)).not.toContain(budget.id);

    let refused: unknown;
    for (let i = 0; i < 20 && !refused; i++) {
      refused = await client(A2.member).chat.completions.create({ model: 'gpt-test', messages: [{ role: 'user', content: `spend it ${i}` }] }).then(() => undefined, (e: unknown) => e);
      if (!refused) await new Promise((r) => setTimeout(r, 300));
    }
    expect(refused).toMatchObject({ status: 429, code: 'budget_exceeded' });
    await expect(client(A1.member).chat.completions.create({ model: 'gpt-test', messages: [{ role: 'user', content: 'A1 still spends' }] })).resolves.toBeDefined();
    await expect(client(B1.member).chat.completions.create({ model: 'gpt-test', messages: [{ role: 'user', content: 'B1 still spends' }] })).resolves.toBeDefined();
  });
});
