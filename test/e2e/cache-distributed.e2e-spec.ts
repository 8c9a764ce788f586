import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockUpstream, type MockUpstream } from '../../apps/mock-upstream/src/mock-upstream.js';
import { createTestDatabase, testNatsUrl, testRedisPrefix, testRedisUrl, uniqueName } from '../support/infra.js';
import { until } from '../support/wait.js';
import { admin, provisionKey } from './support/admin-client.js';
import { distributedConfig, migrate } from './support/distributed.js';
import { spawnHelix, type HelixProcess } from './support/helix-process.js';

const MASTER = `hx-master-${'c'.repeat(40)}`;
let upstream: MockUpstream;
let gateway: HelixProcess;
const caches: HelixProcess[] = [];
let db: Awaited<ReturnType<typeof createTestDatabase>>;
let config: ReturnType<typeof distributedConfig> & Record<string, unknown>;

const ask = async (c: OpenAI, content: string) => {
  const { data, response } = await c.chat.completions.create({ model: 'gpt-test', messages: [{ role: 'user', content }] }).withResponse();
  return { text: data.choices[0]!.message.content ?? '', cache: response.headers.get('x-helix-cache') };
};

beforeAll(async () => {
  upstream = await startMockUpstream({ chunkDelayMs: 1 });
  db = await createTestDatabase();
  migrate(db.url);
  const base = distributedConfig({ natsUrl: testNatsUrl(), namespace: uniqueName('e2ecache'), redisUrl: testRedisUrl(), redisPrefix: testRedisPrefix(), databaseUrl: db.url, upstream: upstream.baseUrl });
  config = { ...base, pipeline: { ...base.pipeline, cache: { enabled: true, timeoutMs: 2_000 } as { enabled: boolean } }, cache: { semantic: { rules: [{ model: 'gpt-test', enabled: true, threshold: 0.75 }], index: 'local' } } };
  caches.push(await spawnHelix('cache-service', { config }), await spawnHelix('cache-service', { config }));
  gateway = await spawnHelix('gateway', { config, env: { HELIX_MASTER_KEY: MASTER } });
});
afterAll(async () => {
  await gateway?.dispose();
  for (const c of caches) await c.dispose();
  await upstream?.close();
  await db?.drop();
});

describe('the cache-service as its own processes (two replicas on NATS and Redis) behind the gateway', () => {
  it('hits exactly and by paraphrase whichever replica answers, for the same team only, and skips the upstream on a hit', async () => {
    const team = await provisionKey(gateway.url, MASTER);
    const c = new OpenAI({ apiKey: team.key, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
    upstream.reset();
    expect((await ask(c, 'How do I request access to the analytics warehouse?')).cache).toBe('miss');
    await until(async () => (await ask(c, 'How do I request access to the analytics warehouse?')).cache === 'hit-exact', 'an exact hit', 15_000);
    const calls = upstream.requests().length;
    for (let i = 0; i < 6; i++) expect((await ask(c, 'How do I request access to the analytics warehouse?')).cache).toBe('hit-exact');
    expect((await ask(c, 'How can I request access to the analytics warehouse?')).cache).toBe('hit-semantic');
    for (let i = 0; i < 6; i++) expect((await ask(c, 'How can I request access to the analytics warehouse?')).cache).toBe('hit-semantic');
    expect(upstream.requests()).toHaveLength(calls);
    const other = new OpenAI({ apiKey: (await provisionKey(gateway.url, MASTER, { orgId: team.orgId })).key, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
    expect((await ask(other, 'How can I request access to the analytics warehouse?')).cache).toBe('miss');
  });

  it('serves the admin API over the bus and fails open when every cache-service is gone', async () => {
    const team = await provisionKey(gateway.url, MASTER, { role: 'team-admin' });
    const c = new OpenAI({ apiKey: team.key, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
    await ask(c, 'Who signs off production deploys on Fridays?');
    await until(async () => (await ask(c, 'Who signs off production deploys on Fridays?')).cache === 'hit-exact', 'an exact hit', 15_000);
    expect(await admin(gateway.url, team.key, 'GET', '/v1/cache/health')).toMatchObject({ ready: true, store: 'redis', index: 'local' });
    expect((await admin<{ removed: number }>(gateway.url, team.key, 'POST', '/v1/cache/invalidate', { all: true })).removed).toBe(1);
    expect((await ask(c, 'Who signs off production deploys on Fridays?')).cache).toBe('miss');
    for (const p of caches) await p.stop();
    const down = await ask(c, 'Who signs off production deploys on Fridays?');
    expect(down.cache).toBe('bypass');
    expect(down.text).toContain('Who signs off production deploys on Fridays?');
  });
});
