import { describe, expect, it } from 'vitest';
import { AdminModule } from '../../../apps/gateway/src/admin/admin.module.js';
import { keySha256 } from '../../../apps/gateway/src/identity/key-material.js';
import { gatewaySuite, MASTER_KEY } from './support/suite.js';
import { call, createTenant } from './support/tenant.js';

const ctx = gatewaySuite({ imports: [AdminModule] });
const master = MASTER_KEY;

const error = async (key: string, method: string, url: string, payload: unknown, status: number) =>
  (await call(ctx.app, key, method, url, payload, status)).error;

describe('admin API: keys', () => {
  it('shows a new key once, stores only its SHA-256, and accepts it at once', async () => {
    const t = await createTenant(ctx.app, master);
    const created = await call(ctx.app, master, 'POST', '/admin/keys', { user_id: t.userId, role: 'member', models: ['gpt-4o'], rpm: 60 }, 201);
    expect(created.key).toMatch(/^hx-[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({ object: 'api_key', role: 'member', team_id: t.teamId, org_id: t.orgId, models: ['gpt-4o'], rpm: 60, tpm: null, created_by: 'master' });
    expect(created.redacted_key).toBe(`hx-...${created.key.slice(-4)}`);

    const fetched = await call(ctx.app, master, 'GET', `/admin/keys/${created.id}`, undefined, 200);
    const listed = await call(ctx.app, master, 'GET', `/admin/keys?user_id=${t.userId}&limit=100`, undefined, 200);
    for (const view of [fetched, ...listed.data]) expect(JSON.stringify(view)).not.toContain(created.key);
    expect(fetched).toEqual({ ...created, key: undefined });

    const [row] = await ctx.app.dataSource.query('SELECT * FROM gateway.api_keys WHERE id = $1', [created.id]);
    expect(row.key_sha256).toBe(keySha256(created.key));
    expect(JSON.stringify(row)).not.toContain(created.key.slice(3));

    await call(ctx.app, t.keys.admin, 'GET', `/admin/keys/${created.id}`, undefined, 200);
  });

  it('names the bad field in every 400', async () => {
    const t = await createTenant(ctx.app, master);
    const cases: [object, string, string][] = [
      [{ role: 'member' }, 'user_id', 'missing_required_parameter'],
      [{ user_id: t.userId, role: 'boss' }, 'role', 'invalid_value'],
      [{ user_id: t.userId, role: 'member', rmp: 5 }, 'rmp', 'unknown_parameter'],
      [{ user_id: t.userId, role: 'member', rpm: 0 }, 'rpm', 'invalid_value'],
      [{ user_id: t.userId, role: 'member', models: [] }, 'models', 'invalid_value'],
      [{ user_id: t.userId, role: 'member', expires_at: 1_000 }, 'expires_at', 'invalid_value'],
      [{ user_id: '01900000-0000-7000-8000-000000000000', role: 'member' }, 'user_id', 'invalid_value'],
    ];
    for (const [body, param, code] of cases) {
      expect(await error(master, 'POST', '/admin/keys', body, 400)).toMatchObject({ type: 'invalid_request_error', param, code });
    }
    expect(await error(master, 'POST', '/admin/teams', { name: 'no org' }, 400)).toMatchObject({ param: 'org_id' });
    expect(await error(master, 'POST', '/admin/users', { team_id: t.teamId, name: 'x', email: 'not-an-email' }, 400)).toMatchObject({ param: 'email' });
    expect(await error(master, 'GET', '/admin/keys?limit=1000', undefined, 400)).toMatchObject({ param: 'limit' });
  });

  it('pages with limit and after, in creation order, and says when there is more', async () => {
    const t = await createTenant(ctx.app, master);
    const ids = [t.userId];
    for (let i = 0; i < 4; i++) ids.push((await call(ctx.app, master, 'POST', '/admin/users', { team_id: t.teamId, name: `u${i}` }, 201)).id);
    const seen: string[] = [];
    let after = '';
    for (let pages = 0; pages < 5; pages++) {
      const page = await call(ctx.app, master, 'GET', `/admin/users?team_id=${t.teamId}&limit=2${after && `&after=${after}`}`, undefined, 200);
      seen.push(...page.data.map((u: { id: string }) => u.id));
      expect(page.has_more).toBe(seen.length < 5);
      if (!page.has_more) break;
      after = page.last_id;
    }
    expect(seen).toEqual(ids);
  });

  it('revokes softly with who and when; the key stops working, stays listed on request, and cannot change', async () => {
    const t = await createTenant(ctx.app, master);
    await call(ctx.app, t.keys.member, 'GET', '/admin/keys', undefined, 403);
    const revoked = await call(ctx.app, t.keys.admin, 'DELETE', `/admin/keys/${t.keyIds.member}`, undefined, 200);
    expect(revoked).toMatchObject({ id: t.keyIds.member, revoked_by: t.keyIds.admin });
    expect(revoked.revoked_at).toBeGreaterThan(Date.now() / 1000 - 60);
    expect((await error(t.keys.member, 'GET', '/admin/keys', undefined, 401)).code).toBe('invalid_api_key');

    const live = await call(ctx.app, master, 'GET', `/admin/keys?team_id=${t.teamId}`, undefined, 200);
    const all = await call(ctx.app, master, 'GET', `/admin/keys?team_id=${t.teamId}&include_revoked=true`, undefined, 200);
    expect(live.data.map((k: { id: string }) => k.id)).not.toContain(t.keyIds.member);
    expect(all.data.map((k: { id: string }) => k.id)).toContain(t.keyIds.member);
    expect((await error(master, 'PATCH', `/admin/keys/${t.keyIds.member}`, { name: 'again' }, 409)).code).toBe('revoked');
    await call(ctx.app, master, 'DELETE', `/admin/keys/${t.keyIds.member}`, undefined, 200);
  });

  it('refuses every key of a revoked user, team or org', async () => {
    for (const [path, id] of [['users', 'userId'], ['teams', 'teamId'], ['orgs', 'orgId']] as const) {
      const t = await createTenant(ctx.app, master);
      await call(ctx.app, t.keys.admin, 'GET', '/admin/keys', undefined, 200);
      await call(ctx.app, master, 'DELETE', `/admin/${path}/${t[id]}`, undefined, 200);
      await call(ctx.app, t.keys.admin, 'GET', '/admin/keys', undefined, 401);
    }
  });

  it('refuses a key after it expires', async () => {
    const t = await createTenant(ctx.app, master);
    const expiresAt = Math.floor(Date.now() / 1000) + 2;
    const key = (await call(ctx.app, master, 'POST', '/admin/keys', { user_id: t.userId, role: 'admin', expires_at: expiresAt }, 201)).key;
    await call(ctx.app, key, 'GET', '/admin/orgs', undefined, 200);
    await new Promise((r) => setTimeout(r, expiresAt * 1000 - Date.now() + 50));
    expect((await error(key, 'GET', '/admin/orgs', undefined, 401)).message).toMatch(/expired/);
  });
});

describe('admin API: tenancy', () => {
  it('keeps an org admin inside its org', async () => {
    const a = await createTenant(ctx.app, master, 'a');
    const b = await createTenant(ctx.app, master, 'b');
    const mine = await call(ctx.app, a.keys.admin, 'GET', '/admin/teams?limit=100', undefined, 200);
    expect(mine.data.map((t: { id: string }) => t.id)).toEqual([a.teamId]);
    await call(ctx.app, a.keys.admin, 'GET', `/admin/teams/${a.teamId}`, undefined, 200);
    await call(ctx.app, a.keys.admin, 'GET', `/admin/teams/${b.teamId}`, undefined, 404);
    await call(ctx.app, master, 'GET', `/admin/teams/${b.teamId}`, undefined, 200);
    await call(ctx.app, a.keys.admin, 'DELETE', `/admin/keys/${b.keyIds.member}`, undefined, 404);
    await call(ctx.app, a.keys.admin, 'POST', '/admin/teams', { org_id: b.orgId, name: 'intruder' }, 400);
    await call(ctx.app, a.keys.admin, 'POST', '/admin/teams', { name: 'second' }, 201);
    await call(ctx.app, a.keys.admin, 'POST', '/admin/orgs', { name: 'new org' }, 403);
    await call(ctx.app, a.keys.admin, 'PATCH', `/admin/orgs/${a.orgId}`, { name: 'renamed' }, 200);
  });

  it('keeps a team admin inside its team, without admin powers', async () => {
    const t = await createTenant(ctx.app, master, 'c');
    const other = await call(ctx.app, master, 'POST', '/admin/teams', { org_id: t.orgId, name: 'other' }, 201);
    const ta = t.keys['team-admin'];
    await call(ctx.app, ta, 'POST', '/admin/users', { team_id: t.teamId, name: 'new hire' }, 201);
    await call(ctx.app, ta, 'POST', '/admin/users', { team_id: other.id, name: 'elsewhere' }, 400);
    await call(ctx.app, ta, 'POST', '/admin/keys', { user_id: t.userId, role: 'team-admin' }, 201);
    expect((await error(ta, 'POST', '/admin/keys', { user_id: t.userId, role: 'admin' }, 403)).code).toBe('permission_denied');
    await call(ctx.app, ta, 'PATCH', `/admin/keys/${t.keyIds.member}`, { role: 'admin' }, 403);
    await call(ctx.app, ta, 'DELETE', `/admin/keys/${t.keyIds.admin}`, undefined, 403);
    await call(ctx.app, ta, 'PATCH', `/admin/teams/${t.teamId}`, { rpm: 1_000_000 }, 403);
    await call(ctx.app, ta, 'GET', `/admin/teams/${other.id}`, undefined, 404);
    await call(ctx.app, ta, 'DELETE', `/admin/keys/${t.keyIds.analyst}`, undefined, 200);
  });
});

describe('admin API: audit log', () => {
  it('records who changed what, before and after, never a key or its hash; org admins see their org only', async () => {
    const a = await createTenant(ctx.app, master, 'audited');
    const b = await createTenant(ctx.app, master, 'elsewhere');
    const created = await call(ctx.app, a.keys.admin, 'POST', '/admin/keys', { user_id: a.userId, role: 'member', name: 'ci' }, 201);
    await call(ctx.app, a.keys.admin, 'PATCH', `/admin/keys/${created.id}`, { name: 'ci-2', tpm: 5000 }, 200);
    await call(ctx.app, a.keys.admin, 'PATCH', `/admin/keys/${created.id}`, { name: 'ci-2' }, 200);
    await call(ctx.app, a.keys['team-admin'], 'DELETE', `/admin/keys/${created.id}`, undefined, 200);

    const trail = await call(ctx.app, a.keys.admin, 'GET', `/admin/audit?entity_id=${created.id}`, undefined, 200);
    expect(trail.data.map((e: { action: string; actor_key_id: string }) => [e.action, e.actor_key_id])).toEqual([
      ['create', a.keyIds.admin],
      ['update', a.keyIds.admin],
      ['revoke', a.keyIds['team-admin']],
    ]);
    const [create, update, revoke] = trail.data;
    expect(create).toMatchObject({ entity_type: 'key', org_id: a.orgId, team_id: a.teamId, before: null, after: { name: 'ci', tpm: null } });
    expect(update).toMatchObject({ before: { name: 'ci', tpm: null }, after: { name: 'ci-2', tpm: 5000 } });
    expect(revoke.after.revoked_by).toBe(a.keyIds['team-admin']);

    const everything = JSON.stringify(await ctx.app.dataSource.query('SELECT * FROM gateway.audit_log'));
    expect(everything).toContain(created.id);
    expect(everything).not.toContain(created.key.slice(3));
    expect(everything).not.toContain(keySha256(created.key));

    const orgsSeenBy = async (key: string) => new Set((await call(ctx.app, key, 'GET', '/admin/audit?limit=100', undefined, 200)).data.map((e: { org_id: string }) => e.org_id));
    expect(await orgsSeenBy(a.keys.admin)).toEqual(new Set([a.orgId]));
    const aboutB = `/admin/audit?entity_id=${b.orgId}`;
    expect((await call(ctx.app, master, 'GET', aboutB, undefined, 200)).data).toHaveLength(1);
    expect((await call(ctx.app, a.keys.admin, 'GET', aboutB, undefined, 200)).data).toHaveLength(0);
    await call(ctx.app, a.keys['team-admin'], 'GET', '/admin/audit', undefined, 403);
  });
});
