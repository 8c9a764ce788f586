import { Redis } from 'ioredis';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestCompleted } from '@helix/contracts';
import { startMockUpstream, type MockUpstream } from '../../apps/mock-upstream/src/mock-upstream.js';
import { testServiceAccount } from '../integration/providers/support/token-endpoint.js';
import { createTestDatabase, testNatsUrl, testRedisPrefix, testRedisUrl, uniqueName } from '../support/infra.js';
import { until } from '../support/wait.js';
import { provisionKey } from './support/admin-client.js';
import { collectEvents, distributedConfig, migrate } from './support/distributed.js';
import { spawnHelix, type HelixProcess } from './support/helix-process.js';

const MASTER = `hx-master-${'r'.repeat(40)}`;
const namespace = uniqueName('e2erouting');
const redisPrefix = testRedisPrefix();
const failKey = uniqueName('fk');
let upstream: MockUpstream;
let gateway: HelixProcess;
let db: Awaited<ReturnType<typeof createTestDatabase>>;
let events: Awaited<ReturnType<typeof collectEvents>>;
let client: OpenAI;
let redis: Redis;

/** spawnHelix starts from the shipped config, which turns on budgets, PII and the cache: no such services run here. */
const OFF = { budget: { enabled: false }, pii: { enabled: false }, cache: { enabled: false } };
const single = (name: string, provider: string, model: string) => ({ name, deployments: [{ id: `${provider}-dep`, provider, model, timeoutMs: 10_000 }] });
const quick = (extra: object = {}) => ({ strategy: 'ordered', retry: { retries: 0, baseBackoffMs: 50, maxBackoffMs: 200 }, breaker: { failures: 3, cooldownMs: 1500 }, ...extra });

beforeAll(async () => {
  upstream = await startMockUpstream({ chunks: 3, chunkDelayMs: 2 });
  db = await createTestDatabase();
  migrate(db.url);
  redis = new Redis(testRedisUrl());
  const vertex = { project: 'helix-test', credentials: testServiceAccount(`${upstream.url}/token`, 'e2e@helix-test.iam.gserviceaccount.com').json };
  const base = distributedConfig({ natsUrl: testNatsUrl(), namespace, redisUrl: testRedisUrl(), redisPrefix, databaseUrl: db.url, upstream: upstream.baseUrl });
  const config = {
    ...base,
    pipeline: OFF,
    providers: [
      ...base.providers,
      { name: 'openai', type: 'openai', baseUrl: upstream.baseUrl, apiKey: 'sk-e2e' },
      { name: 'azure', type: 'azure', baseUrl: upstream.url, apiKey: 'azure-e2e' },
      { name: 'anthropic', type: 'anthropic', baseUrl: upstream.baseUrl, apiKey: 'sk-ant-e2e' },
      { name: 'gemini', type: 'gemini', baseUrl: `${upstream.url}/v1beta`, apiKey: 'AIza-e2e' },
      { name: 'vertex', type: 'vertex', baseUrl: upstream.baseUrl, options: vertex },
      { name: 'bedrock', type: 'bedrock', baseUrl: upstream.url, options: { region: 'us-east-1', accessKeyId: 'AKIDE2E', secretAccessKey: 'e2e-secret' } },
      { name: 'broken', type: 'openai-compatible', baseUrl: upstream.baseUrl, headers: { 'x-mock-status': '503' } },
      { name: 'limited', type: 'openai-compatible', baseUrl: upstream.baseUrl, headers: { 'x-mock-status': '429', 'x-mock-retry-after': '1', 'x-mock-fail-times': '1', 'x-mock-fail-key': `${failKey}-429` } },
      { name: 'flaky', type: 'openai-compatible', baseUrl: upstream.baseUrl, headers: { 'x-mock-status': '500', 'x-mock-fail-times': '3', 'x-mock-fail-key': `${failKey}-cb` } },
    ],
    models: [
      ...base.models,
      single('via-openai', 'openai', 'mock-gpt'),
      single('via-azure', 'azure', 'mock-gpt'),
      single('via-anthropic', 'anthropic', 'claude-mock'),
      single('via-gemini', 'gemini', 'gemini-mock'),
      single('via-vertex', 'vertex', 'gemini-mock'),
      single('via-bedrock', 'bedrock', 'anthropic.claude-mock-v1:0'),
      { name: 'falls-back', fallbacks: ['gpt-test'], routing: quick({ retry: { retries: 1, baseBackoffMs: 20, maxBackoffMs: 50 } }), deployments: [{ id: 'broken-dep', provider: 'broken', model: 'mock-gpt' }] },
      { name: 'rate-limited', routing: quick({ retry: { retries: 2, baseBackoffMs: 10, maxBackoffMs: 20, maxRetryAfterMs: 5000 } }), deployments: [{ id: 'limited-dep', provider: 'limited', model: 'mock-gpt' }] },
      {
        name: 'guarded',
        routing: quick(),
        deployments: [
          { id: 'flaky-dep', provider: 'flaky', model: 'mock-gpt' },
          { id: 'backup-dep', provider: 'upstream', model: 'mock-gpt' },
        ],
      },
    ],
  };
  gateway = await spawnHelix('gateway', { config, env: { HELIX_MASTER_KEY: MASTER } });
  events = await collectEvents(testNatsUrl(), namespace, uniqueName('routing'));
  const { key } = await provisionKey(gateway.url, MASTER);
  client = new OpenAI({ apiKey: key, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
});
afterAll(async () => {
  await events?.close();
  await gateway?.dispose();
  await upstream?.close();
  await db?.drop();
  if (redis) {
    const keys = await redis.keys(`${redisPrefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  }
});

const ask = (model: string, id: string, content = `hello via ${model}`) =>
  client.chat.completions.create({ model, messages: [{ role: 'user', content }] }, { headers: { 'x-request-id': id } }).withResponse();

async function eventOf(correlationId: string): Promise<RequestCompleted> {
  await until(() => events.seen.some((e) => e.correlationId === correlationId), `the event of ${correlationId}`, 10_000);
  return events.seen.find((e) => e.correlationId === correlationId)!;
}

async function circuitState(deployment: string): Promise<number | undefined> {
  const text = await (await fetch(`${gateway.url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`helix_routing_circuit_state{deployment="${deployment}"}`));
  return line ? Number(line.split(' ').at(-1)) : undefined;
}

describe('routing through every provider wire format (openai client → gateway → mock upstream)', () => {
  for (const provider of ['openai', 'azure', 'anthropic', 'gemini', 'vertex', 'bedrock']) {
    it(`${provider}: chat and stream`, async () => {
      const model = `via-${provider}`;
      const { data, response } = await ask(model, uniqueName(provider), `Hello through ${provider}`);
      expect(data.choices[0]!.message.content).toBe(`Mock answer to: Hello through ${provider}`);
      expect(response.headers.get('x-helix-deployment')).toBe(`${provider}-dep`);
      const stream = await client.chat.completions.create({ model, stream: true, stream_options: { include_usage: true }, messages: [{ role: 'user', content: `Stream through ${provider}` }] });
      let text = '';
      let usage = 0;
      for await (const c of stream) {
        text += c.choices[0]?.delta?.content ?? '';
        if (c.usage) usage = c.usage.completion_tokens;
      }
      expect(text).toBe(`Mock answer to: Stream through ${provider}`);
      expect(usage).toBeGreaterThan(0);
    });
  }
});

describe('retries, fallbacks and circuit breakers', () => {
  it('retries a failing deployment, then falls back to the next model; the event records every attempt', async () => {
    const id = uniqueName('fb');
    const { data, response } = await ask('falls-back', id);
    expect(data.choices[0]!.message.content).toContain('hello via falls-back');
    expect(response.headers.get('x-helix-fallback')).toBe('falls-back->gpt-test');
    expect(response.headers.get('x-helix-deployment')).toBe('upstream/mock-gpt');
    const event = await eventOf(id);
    expect(event.attempts.map((a) => [a.deployment, a.httpStatus])).toEqual([
      ['broken-dep', 503],
      ['broken-dep', 503],
      ['upstream/mock-gpt', 200],
    ]);
    expect(event).toMatchObject({ deployment: 'upstream/mock-gpt', requestedModel: 'falls-back', httpStatus: 200 });
  });

  it('waits for Retry-After on a 429 and retries the same deployment', async () => {
    const id = uniqueName('ra');
    const started = Date.now();
    const { data, response } = await ask('rate-limited', id);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(data.choices[0]!.message.content).toContain('hello via rate-limited');
    expect(response.headers.get('x-helix-deployment')).toBe('limited-dep');
    const event = await eventOf(id);
    expect(event.attempts.map((a) => a.httpStatus)).toEqual([429, 200]);
  });

  it('opens the circuit after 3 failures (shared in Redis), skips the deployment, then a probe closes it', async () => {
    const served: string[] = [];
    for (let i = 0; i < 3; i++) served.push((await ask('guarded', uniqueName('cb'))).response.headers.get('x-helix-deployment')!);
    expect(served).toEqual(['backup-dep', 'backup-dep', 'backup-dep']);
    await until(async () => (await redis.hget(`${redisPrefix}cb:{flaky-dep}`, 'status')) === 'open', 'the open breaker in Redis', 5_000);
    expect(await circuitState('flaky-dep')).toBe(2);
    expect(await circuitState('backup-dep')).toBe(0);

    const skipped = uniqueName('cb-open');
    await ask('guarded', skipped);
    expect((await eventOf(skipped)).attempts.map((a) => a.deployment)).toEqual(['backup-dep']);

    await new Promise((r) => setTimeout(r, 1600));
    const probe = uniqueName('cb-probe');
    const { response } = await ask('guarded', probe);
    expect(response.headers.get('x-helix-deployment')).toBe('flaky-dep');
    expect((await eventOf(probe)).attempts.map((a) => [a.deployment, a.httpStatus])).toEqual([['flaky-dep', 200]]);
    await until(async () => (await redis.hget(`${redisPrefix}cb:{flaky-dep}`, 'status')) === 'closed', 'the closed breaker in Redis', 5_000);
    expect(await circuitState('flaky-dep')).toBe(0);
    expect((await ask('guarded', uniqueName('cb-closed'))).response.headers.get('x-helix-deployment')).toBe('flaky-dep');
  });

  it('keeps to the deployments with the requested tags and refuses tags no deployment has', async () => {
    await expect(
      client.chat.completions.create({ model: 'gpt-test', messages: [{ role: 'user', content: 'x' }] }, { headers: { 'x-helix-route-tags': 'eu' } }),
    ).rejects.toMatchObject({ status: 400, code: 'no_matching_deployment' });
    const { data } = await client.chat.completions.create({ model: 'gpt-test', messages: [{ role: 'user', content: 'x' }] }, { headers: { 'x-helix-timeout-ms': '5000' } }).withResponse();
    expect(data.choices[0]!.message.content).toContain('x');
  });
});
