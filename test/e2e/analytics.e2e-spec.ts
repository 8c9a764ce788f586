import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { picoToUsd } from '@helix/analytics';
import { startMockUpstream, type MockUpstream } from '../../apps/mock-upstream/src/mock-upstream.js';
import { createTestDatabase, testNatsUrl, testRedisPrefix, testRedisUrl, uniqueName } from '../support/infra.js';
import { until } from '../support/wait.js';
import { provisionKey, type ProvisionedKey } from './support/admin-client.js';
import { distributedConfig, migrate } from './support/distributed.js';
import { spawnHelix, type HelixProcess } from './support/helix-process.js';

const MASTER = `hx-${'a'.repeat(43)}`;
const usdToPico = (usd: string) => BigInt(usd.replace('.', '').padEnd(usd.split('.')[0]!.length + 12, '0'));

describe('analytics e2e: traffic through the gateway appears in the analytics-service API (separate processes on NATS and Postgres)', () => {
  let upstream: MockUpstream;
  let gateway: HelixProcess;
  let analytics: HelixProcess;
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let member: ProvisionedKey;
  let analyst: ProvisionedKey;
  let other: ProvisionedKey;
  const namespace = uniqueName('e2ean');

  beforeAll(async () => {
    upstream = await startMockUpstream();
    db = await createTestDatabase();
    migrate(db.url);
    const config = {
      ...distributedConfig({ natsUrl: testNatsUrl(), namespace, redisUrl: testRedisUrl(), redisPrefix: testRedisPrefix(), databaseUrl: db.url, upstream: upstream.baseUrl }),
      pipeline: { budget: { enabled: false }, pii: { enabled: false }, cache: { enabled: false } },
      cost: { prices: { overrides: [{ model: 'gpt-test', inputPerMTok: 2, outputPerMTok: 8 }] } },
    };
    [gateway, analytics] = await Promise.all([
      spawnHelix('gateway', { config, env: { HELIX_MASTER_KEY: MASTER } }),
      spawnHelix('analytics-service', { config, env: { HELIX_MASTER_KEY: MASTER } }),
    ]);
    member = await provisionKey(gateway.url, MASTER);
    analyst = await provisionKey(gateway.url, MASTER, { role: 'analyst', orgId: member.orgId });
    other = await provisionKey(gateway.url, MASTER);
  }, 240_000);
  afterAll(async () => {
    await Promise.all([gateway?.dispose(), analytics?.dispose()]);
    await upstream?.close();
    await db?.drop();
  });

  const api = async (path: string, key: string) => {
    const res = await fetch(`${analytics.url}/v1/analytics/${path}`, { headers: { authorization: `Bearer ${key}` } });
    return { status: res.status, body: (await res.json()) as any };
  };

  it('counts, tokens and cost match what the gateway answered', async () => {
    const client = new OpenAI({ apiKey: member.key, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
    let input = 0;
    let output = 0;
    let cost = 0n;
    for (let i = 0; i < 8; i++) {
      const { data, response } = await client.chat.completions.create({ model: 'gpt-test', messages: [{ role: 'user', content: `question number ${i} ${'x'.repeat(i * 5)}` }] }).withResponse();
      input += data.usage!.prompt_tokens;
      output += data.usage!.completion_tokens;
      cost += usdToPico(response.headers.get('x-helix-cost')!);
    }
    await client.chat.completions.create({ model: 'no-such-model', messages: [{ role: 'user', content: 'fails' }] }).catch(() => undefined);
    expect(cost).toBeGreaterThan(0n);
    const path = `summary?team_id=${member.teamId}`;
    await until(async () => (await api(path, analyst.key)).body.data?.[0]?.requests === 9, 'the 9 requests in analytics', 30_000);
    const { body } = await api(path, analyst.key);
    expect(body.data[0]).toMatchObject({ requests: 9, errors: 1, input_tokens: input, output_tokens: output, cost_usd: picoToUsd(cost) });
    const byModel = await api(`cost?team_id=${member.teamId}&group_by=model`, analyst.key);
    expect(byModel.body.data).toContainEqual({ model: 'gpt-test', cost_usd: picoToUsd(cost), requests: 8, unpriced: 0 });
  });

  it('checks keys with the gateway: an analyst of another org sees none of it, a member is refused', async () => {
    const outsider = await provisionKey(gateway.url, MASTER, { role: 'analyst', orgId: other.orgId });
    expect((await api(`summary?team_id=${member.teamId}`, outsider.key)).body.data[0].requests).toBe(0);
    expect((await api('summary', member.key)).status).toBe(403);
    expect((await api('summary', 'hx-not-a-key')).status).toBe(401);
    const dashboard = await fetch(`${analytics.url}/dashboard`);
    expect(dashboard.status).toBe(200);
    expect(dashboard.headers.get('content-security-policy')).toContain("default-src 'self'");
  });
});
