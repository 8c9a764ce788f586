import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '@helix/contracts';
import { analyticsDb } from './support/analytics-db.js';
import { startAnalyticsApp } from './support/analytics-app.js';
import { seed } from './support/seed.js';

const DAY = 86_400_000;
const D = Math.floor(Date.now() / DAY) * DAY - 3 * DAY;
const iso = (ms: number) => new Date(ms).toISOString();
const range = `from=${iso(D)}&to=${iso(D + 2 * DAY)}`;
const KEYS = {
  admin: { key: 'k-admin', role: Role.ADMIN, orgId: 'o1', teamId: 'tA' },
  analyst: { key: 'k-analyst', role: Role.ANALYST, orgId: 'o1', teamId: 'tA' },
  teamAdmin: { key: 'k-team-admin', role: Role.TEAM_ADMIN, orgId: 'o1', teamId: 'tB' },
  member: { key: 'k-member', role: Role.MEMBER, orgId: 'o1', teamId: 'tA' },
  master: { key: 'k-master', role: Role.ADMIN },
};

describe('the analytics API answers seeded events with the hand-computed numbers', () => {
  let db: Awaited<ReturnType<typeof analyticsDb>>;
  let api: Awaited<ReturnType<typeof startAnalyticsApp>>;
  const get = async (path: string, key = KEYS.admin.key) => {
    const res = await api.get(path, key);
    return { status: res.statusCode, body: res.headers['content-type']?.toString().startsWith('application/json') ? res.json() : res.body, headers: res.headers };
  };

  beforeAll(async () => {
    db = await analyticsDb();
    const { requests, detections } = seed(D);
    await db.ingest.requests(requests);
    await db.ingest.pii(detections);
    const budget = (teamId: string, amountPicoUsd: bigint) => ({ id: `b-${teamId}`, orgId: 'o1', teamId, level: 'team', scopeId: teamId, period: 'monthly', amountPicoUsd, thresholds: [50, 100] });
    api = await startAnalyticsApp({
      databaseUrl: db.url,
      keys: Object.values(KEYS),
      spend: (orgId) => (orgId === 'o1' ? [
        { budget: budget('tA', 10n ** 13n) as never, periodStart: '2030-01-01', spentPicoUsd: 5n * 10n ** 12n, reservedPicoUsd: 10n ** 12n, remainingPicoUsd: 4n * 10n ** 12n },
        { budget: budget('tB', 10n ** 12n) as never, periodStart: '2030-01-01', spentPicoUsd: 10n ** 12n, reservedPicoUsd: 0n, remainingPicoUsd: 0n },
      ] : []),
    });
  }, 60_000);
  afterAll(async () => {
    await api?.close();
    await db?.close();
  });

  it('summary: totals of the org over whole days (daily rollups)', async () => {
    const { status, body } = await get(`/v1/analytics/summary?${range}`);
    expect(status).toBe(200);
    expect(body.data).toHaveLength(1);
    expect(body.data[0]).toMatchObject({
      requests: 7, errors: 2, error_rate: 0.285714, input_tokens: 420, output_tokens: 140, total_tokens: 560,
      cost_usd: '1.51', saved_usd: '0.51', hits_exact: 1, hits_semantic: 1, misses: 4, hit_rate: 0.333333, exact_hit_rate: 0.166667,
      latency_p50_ms: 62.5, latency_p95_ms: 912.5, latency_p99_ms: 982.5, ttfb_p50_ms: 37.5,
    });
  });

  it('the same numbers from hourly rollups and from request rows', async () => {
    const hourly = await get(`/v1/analytics/summary?from=${iso(D)}&to=${iso(D + 30 * 3_600_000)}`);
    expect(hourly.body.data[0]).toMatchObject({ requests: 7, cost_usd: '1.51', latency_p50_ms: 62.5 });
    const raw = await get(`/v1/analytics/cost?from=${iso(D + 75 * 60_000)}&to=${iso(D + 130 * 60_000)}`);
    expect(raw.body.data[0]).toMatchObject({ requests: 3, cost_usd: '1.01' });
  });

  it('time series per day and team, per hour, per minute (empty buckets are zeros)', async () => {
    const daily = await get(`/v1/analytics/cost?${range}&interval=day&group_by=team`);
    expect(daily.body.data).toEqual([
      { bucket: iso(D).replace('.000', ''), team_id: 'tA', cost_usd: '1.5', requests: 3, unpriced: 0 },
      { bucket: iso(D).replace('.000', ''), team_id: 'tB', cost_usd: '0.01', requests: 2, unpriced: 0 },
      { bucket: iso(D + DAY).replace('.000', ''), team_id: 'tA', cost_usd: '0', requests: 1, unpriced: 0 },
      { bucket: iso(D + DAY).replace('.000', ''), team_id: 'tB', cost_usd: '0', requests: 1, unpriced: 0 },
    ]);
    const hourly = await get(`/v1/analytics/requests?${range}&interval=hour`);
    expect(hourly.body.data).toHaveLength(48);
    expect(hourly.body.data.slice(0, 4).map((r: { requests: number }) => r.requests)).toEqual([0, 3, 2, 0]);
    const minutes = await get(`/v1/analytics/requests?from=${iso(D + 3_600_000)}&to=${iso(D + 7_200_000)}&interval=minute`);
    expect(minutes.body.data).toHaveLength(60);
    expect(minutes.body.data.filter((r: { requests: number }) => r.requests > 0).map((r: { bucket: string }) => r.bucket.slice(11, 16))).toEqual(['01:10', '01:20', '01:40']);
  });

  it('filters by model, provider, status, key and user; groups by status', async () => {
    expect((await get(`/v1/analytics/requests?${range}&model=small`)).body.data[0].requests).toBe(3);
    expect((await get(`/v1/analytics/requests?${range}&provider=openai&status=success`)).body.data[0].requests).toBe(3);
    expect((await get(`/v1/analytics/requests?${range}&key_id=kB&user_id=uB`)).body.data[0].requests).toBe(3);
    expect((await get(`/v1/analytics/requests?from=${iso(D)}&to=${iso(D + 30 * 3_600_000)}&key_id=kB`)).body.data[0].requests).toBe(3);
    expect((await get(`/v1/analytics/requests?from=${iso(D)}&to=${iso(D + 30 * 3_600_000)}&group_by=user`)).body.data.map((r: { user_id: string }) => r.user_id)).toEqual(['uA', 'uB']);
    const byStatus = await get(`/v1/analytics/requests?${range}&group_by=status`);
    expect(byStatus.body.data.map((r: { status: string; requests: number }) => [r.status, r.requests])).toEqual([['success', 5], ['upstream_error', 1], ['client_error', 1]]);
  });

  it('cache, latency, tokens and savings endpoints', async () => {
    expect((await get(`/v1/analytics/cache?${range}&group_by=team`)).body.data).toEqual([
      { team_id: 'tA', requests: 4, hits_exact: 1, hits_semantic: 0, misses: 2, bypass: 0, hit_rate: 0.333333, exact_hit_rate: 0.333333, semantic_hit_rate: 0, saved_usd: '0.5' },
      { team_id: 'tB', requests: 3, hits_exact: 0, hits_semantic: 1, misses: 2, bypass: 0, hit_rate: 0.333333, exact_hit_rate: 0, semantic_hit_rate: 0.333333, saved_usd: '0.01' },
    ]);
    expect((await get(`/v1/analytics/latency?${range}&model=small`)).body.data[0]).toMatchObject({ latency_avg_ms: 324, latency_p50_ms: 62.5 });
    expect((await get(`/v1/analytics/latency?${range}&key_id=kB`)).body.data[0]).toMatchObject({ latency_avg_ms: 324, latency_p50_ms: 62.5 });
    expect((await get(`/v1/analytics/tokens?${range}&team_id=tB`)).body.data[0]).toEqual({ input_tokens: 20, output_tokens: 10, total_tokens: 30 });
    expect((await get(`/v1/analytics/savings?${range}`)).body.data[0]).toEqual({ saved_usd: '0.51', hits_exact: 1, hits_semantic: 1 });
  });

  it('errors by type, with their share of requests', async () => {
    const { body } = await get(`/v1/analytics/errors?${range}`);
    expect(body.data).toEqual([
      { error_type: 'invalid_request_error', errors: 1, requests: 7, error_rate: 0.142857 },
      { error_type: 'upstream_error', errors: 1, requests: 7, error_rate: 0.142857 },
    ]);
    const byTeam = await get(`/v1/analytics/errors?${range}&group_by=team`);
    expect(byTeam.body.data).toContainEqual({ team_id: 'tB', error_type: 'upstream_error', errors: 1, requests: 3, error_rate: 0.333333 });
  });

  it('top teams, models and keys by spend', async () => {
    expect((await get(`/v1/analytics/top/teams?${range}`)).body.data.map((r: { team_id: string; cost_usd: string }) => [r.team_id, r.cost_usd])).toEqual([['tA', '1.5'], ['tB', '0.01']]);
    expect((await get(`/v1/analytics/top/models?${range}&limit=1`)).body.data).toEqual([{ model: 'big', cost_usd: '1.5', requests: 4, total_tokens: 530, saved_usd: '0.5' }]);
    expect((await get(`/v1/analytics/top/keys?${range}`, KEYS.master.key)).body.data[0]).toMatchObject({ key_id: 'kC', cost_usd: '5' });
  });

  it('PII detections by entity and action, and blocked requests', async () => {
    const { body } = await get(`/v1/analytics/pii?${range}`);
    expect(body.data).toEqual([
      { entity: 'CREDIT_CARD', action: 'block', detections: 1, scans: 1, blocked_requests: 1 },
      { entity: 'EMAIL_ADDRESS', action: 'replace', detections: 3, scans: 2, blocked_requests: 0 },
      { entity: 'PERSON', action: 'replace', detections: 1, scans: 1, blocked_requests: 0 },
    ]);
    expect((await get(`/v1/analytics/pii?${range}&group_by=team`)).body.data).toEqual([
      { team_id: 'tA', detections: 4, scans: 2, blocked_requests: 0 },
      { team_id: 'tB', detections: 1, scans: 1, blocked_requests: 1 },
    ]);
  });

  it('access: analyst and admin see their org, master all, a team-admin only its team; others 401/403', async () => {
    expect((await get(`/v1/analytics/requests?${range}`, KEYS.analyst.key)).body.data[0].requests).toBe(7);
    expect((await get(`/v1/analytics/requests?${range}`, KEYS.master.key)).body.data[0].requests).toBe(8);
    expect((await get(`/v1/analytics/requests?${range}`, KEYS.teamAdmin.key)).body.data[0].requests).toBe(3);
    expect((await get(`/v1/analytics/requests?${range}&group_by=team`, KEYS.teamAdmin.key)).body.data.map((r: { team_id: string }) => r.team_id)).toEqual(['tB']);
    expect((await get(`/v1/analytics/requests?${range}&team_id=tA`, KEYS.teamAdmin.key)).status).toBe(403);
    expect((await get(`/v1/analytics/requests?${range}&org_id=o2`)).status).toBe(403);
    expect((await get(`/v1/analytics/pii?${range}`, KEYS.teamAdmin.key)).body.data.map((r: { entity: string }) => r.entity)).toEqual(['CREDIT_CARD']);
    expect((await get(`/v1/analytics/requests?${range}`, KEYS.member.key)).status).toBe(403);
    expect((await get(`/v1/analytics/requests?${range}`, 'k-unknown')).status).toBe(401);
    expect((await get(`/v1/analytics/requests?${range}`, '')).status).toBe(401);
  });

  it('400s name the bad parameter', async () => {
    const bad = async (query: string) => (await get(`/v1/analytics/requests?${query}`)).body.error.param;
    expect(await bad('from=yesterday')).toBe('from');
    expect(await bad(`from=${iso(D + DAY)}&to=${iso(D)}`)).toBe('from');
    expect(await bad('interval=week')).toBe('interval');
    expect(await bad(`from=${iso(D)}&to=${iso(D + 3 * DAY)}&interval=minute`)).toBe('interval');
    expect(await bad('group_by=planet')).toBe('group_by');
    expect(await bad('status=fine')).toBe('status');
    expect(await bad('limit=0')).toBe('limit');
    expect(await bad('format=xml')).toBe('format');
    expect(await bad('colour=red')).toBe('colour');
    expect((await get(`/v1/analytics/top/planets?${range}`)).body.error.param).toBe('dimension');
    expect((await get(`/v1/analytics/pii?${range}&model=big`)).body.error.param).toBe('model');
  });

  it('CSV of any query, and the request rows streamed as CSV and JSON', async () => {
    const csv = await get(`/v1/analytics/cost?${range}&group_by=team&format=csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="helix-cost-.*\.csv"$/);
    expect(csv.body).toBe('team_id,cost_usd,requests,unpriced\r\ntA,1.5,4,0\r\ntB,0.01,3,0\r\n');
    const rows = await get(`/v1/analytics/rows?${range}&format=csv`);
    const lines = (rows.body as string).trim().split('\r\n');
    expect(lines).toHaveLength(8);
    expect(lines[0]).toContain('event_id,started_at');
    const json = await get(`/v1/analytics/rows?${range}&team_id=tB`);
    expect(json.body.map((r: { cost_usd: string; status: string }) => [r.status, r.cost_usd])).toEqual([['success', '0.01'], ['upstream_error', '0'], ['success', '0']]);
  });

  it('budget utilisation from the cost-service, and the read-only settings, within the scope', async () => {
    const { body } = await get(`/v1/analytics/budgets?${range}`);
    expect(body.data.map((b: { scope_id: string; amount_usd: string; spent_usd: string; utilisation: number }) => [b.scope_id, b.amount_usd, b.spent_usd, b.utilisation])).toEqual([['tA', '10', '5', 0.6], ['tB', '1', '1', 1]]);
    expect((await get(`/v1/analytics/budgets?${range}`, KEYS.teamAdmin.key)).body.data.map((b: { scope_id: string }) => b.scope_id)).toEqual(['tB']);
    const settings = await get('/v1/analytics/settings');
    expect(settings.body).toMatchObject({ object: 'analytics.settings', budgets: [{ scope_id: 'tA' }, { scope_id: 'tB' }], policies: { cache: { scope: 'team' } } });
    expect(JSON.stringify(settings.body)).not.toMatch(/apiKey|hashSecret|encryptionKeys/);
  });

  it('serves its OpenAPI document and Swagger UI', async () => {
    const doc = await get('/v1/analytics/docs/openapi.json', '');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/v1/analytics/summary', '/v1/analytics/cost', '/v1/analytics/top/{dimension}', '/v1/analytics/anomalies', '/v1/analytics/rows']));
    expect(doc.body.paths['/v1/analytics/cost'].get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['from', 'to', 'interval', 'group_by', 'team_id', 'status', 'format']));
    const ui = await get('/v1/analytics/docs', '');
    expect(ui.status).toBe(200);
    expect(ui.body).toContain('swagger-ui-bundle.js');
    expect((await get('/v1/analytics/docs/swagger-ui-bundle.js', '')).status).toBe(200);
  });
});
