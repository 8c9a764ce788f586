import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '@helix/contracts';
import { analyticsDb } from '../analytics/support/analytics-db.js';
import { startAnalyticsApp } from '../analytics/support/analytics-app.js';
import { seed } from '../analytics/support/seed.js';
import { TestIssuer } from './support/jwks-server.js';

const DAY = 86_400_000;
const D = Math.floor(Date.now() / DAY) * DAY - 3 * DAY;
const range = `from=${new Date(D).toISOString()}&to=${new Date(D + 2 * DAY).toISOString()}`;
const ANALYST_KEY = { key: 'k-analyst', role: Role.ANALYST, orgId: 'o1', teamId: 'tA' };

describe('the analytics-service alone takes SSO tokens (the dashboard login) without asking the gateway', () => {
  let db: Awaited<ReturnType<typeof analyticsDb>>;
  let api: Awaited<ReturnType<typeof startAnalyticsApp>>;
  let issuer: TestIssuer;
  const token = (claims: Record<string, unknown>, expiresIn?: number) => issuer.token({ sub: 'sso-user', org_id: 'o1', team_id: 'tA', ...claims }, { expiresIn });

  beforeAll(async () => {
    issuer = await TestIssuer.start();
    db = await analyticsDb();
    const { requests, detections } = seed(D);
    await db.ingest.requests(requests);
    await db.ingest.pii(detections);
    api = await startAnalyticsApp({
      databaseUrl: db.url,
      keys: [ANALYST_KEY],
      config: { auth: { jwt: { issuer: issuer.issuer, audiences: ['helix'] } } },
    });
  });
  afterAll(async () => {
    await api?.close();
    await db?.close();
    await issuer?.close();
  });

  it('an analyst token reads what an analyst key of the same org reads; a team-admin token only its team', async () => {
    const byKey = await api.get(`/v1/analytics/summary?${range}`, ANALYST_KEY.key);
    expect(byKey.statusCode).toBe(200);
    const asked = api.verifications();
    const byToken = await api.get(`/v1/analytics/summary?${range}`, await token({ role: 'analyst' }));
    expect(byToken.statusCode).toBe(200);
    expect(byToken.json()).toEqual(byKey.json());
    expect(api.verifications()).toBe(asked);
    const teamAdmin = await api.get(`/v1/analytics/summary?${range}`, await token({ role: 'team-admin', team_id: 'tB' }));
    expect(teamAdmin.statusCode).toBe(200);
    expect(teamAdmin.json()).not.toEqual(byKey.json());
  });

  it('refuses a member token (403), and an expired or forged one (401)', async () => {
    expect((await api.get(`/v1/analytics/summary?${range}`, await token({ role: 'member' }))).statusCode).toBe(403);
    expect((await api.get(`/v1/analytics/summary?${range}`, await token({ role: 'analyst' }, Math.floor(Date.now() / 1000) - 300))).statusCode).toBe(401);
    const forged = await issuer.token({ sub: 'x', org_id: 'o1', team_id: 'tA', role: 'analyst' }, { key: await issuer.forger() });
    const res = await api.get(`/v1/analytics/summary?${range}`, forged);
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({ type: 'authentication_error' });
  });
});
