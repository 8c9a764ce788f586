import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockUpstream, type MockUpstream } from '../../apps/mock-upstream/src/mock-upstream.js';
import { createTestDatabase, testNatsUrl, testRedisPrefix, testRedisUrl, uniqueName } from '../support/infra.js';
import { until } from '../support/wait.js';
import { provisionKey } from './support/admin-client.js';
import { collectEvents, distributedConfig, migrate } from './support/distributed.js';
import { spawnHelix, type HelixProcess } from './support/helix-process.js';

const MASTER = `hx-master-${'m'.repeat(40)}`;
let upstream: MockUpstream;
let gateway: HelixProcess;
let db: Awaited<ReturnType<typeof createTestDatabase>>;
let events: Awaited<ReturnType<typeof collectEvents>>;
let client: OpenAI;
const namespace = uniqueName('e2e');

beforeAll(async () => {
  upstream = await startMockUpstream({ chunkDelayMs: 5 });
  db = await createTestDatabase();
  migrate(db.url);
  const config = distributedConfig({ natsUrl: testNatsUrl(), namespace, redisUrl: testRedisUrl(), redisPrefix: testRedisPrefix(), databaseUrl: db.url, upstream: upstream.baseUrl });
  gateway = await spawnHelix('gateway', { config, env: { HELIX_MASTER_KEY: MASTER } });
  events = await collectEvents(testNatsUrl(), namespace);
  const { key } = await provisionKey(gateway.url, MASTER);
  client = new OpenAI({ apiKey: key, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
});
afterAll(async () => {
  await events?.close();
  await gateway?.dispose();
  await upstream?.close();
  await db?.drop();
});

describe('the gateway as its own process (NATS, Redis, Postgres) before an OpenAI-compatible upstream', () => {
  it('answers chat and stream through the upstream, asking it for stream usage', async () => {
    upstream.reset();
    const res = await client.chat.completions.create({ model: 'gpt-test', messages: [{ role: 'user', content: 'ping over the wire' }] });
    expect(res.choices[0]!.message.content).toContain('ping over the wire');
    const stream = await client.chat.completions.create({ model: 'gpt-test', messages: [{ role: 'user', content: 'stream it' }], stream: true });
    let text = '';
    let usage = 0;
    for await (const c of stream) {
      text += c.choices[0]?.delta?.content ?? '';
      if (c.usage) usage++;
    }
    expect(text).toContain('stream it');
    expect(usage).toBe(0);
    const sent = upstream.requests().map((r) => r.body as { stream?: boolean; stream_options?: { include_usage?: boolean }; model: string });
    expect(sent.map((b) => b.model)).toEqual(['mock-gpt', 'mock-gpt']);
    expect(sent[1]).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    const emb = await client.embeddings.create({ model: 'emb-test', input: 'vector please' });
    expect(emb.data[0]!.embedding.length).toBeGreaterThan(0);
  });

  it('aborts the upstream call when the client goes away mid-stream', async () => {
    upstream.reset();
    const controller = new AbortController();
    const res = await fetch(`${gateway.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${client.apiKey}` },
      body: JSON.stringify({ model: 'gpt-test', stream: true, messages: [{ role: 'user', content: 'a long answer please '.repeat(20) }] }),
      signal: controller.signal,
    });
    const reader = res.body!.getReader();
    await reader.read();
    expect(upstream.aborts()).toHaveLength(0);
    controller.abort();
    await until(() => upstream.aborts().length === 1, 'the expected state', 5000);
    expect(upstream.aborts()[0]!.path).toBe('/v1/chat/completions');
  });

  it('publishes one completed event per request to JetStream, with a server-made id', async () => {
    const before = events.seen.length;
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { response } = await client.chat.completions
        .create({ model: 'gpt-test', messages: [{ role: 'user', content: `event ${i}` }] }, { headers: { 'x-request-id': 'same-client-id' } })
        .withResponse();
      made.push(response.headers.get('x-request-id')!);
    }
    await until(() => events.seen.filter((e) => e.correlationId === 'same-client-id').length >= 5, 'the expected state', 10_000);
    const mine = events.seen.slice(before).filter((e) => e.correlationId === 'same-client-id');
    expect(new Set(mine.map((e) => e.eventId)).size).toBe(5);
    expect(mine.every((e) => e.requestedModel === 'gpt-test' && e.usage!.inputTokens > 0 && e.httpStatus === 200)).toBe(true);
    expect(mine.every((e) => e.eventId !== 'same-client-id')).toBe(true);
    expect(made).toEqual(Array(5).fill('same-client-id'));
  });

  it('records refusals and upstream errors as events too', async () => {
    await expect(client.chat.completions.create({ model: 'gpt-nope', messages: [{ role: 'user', content: 'x' }] })).rejects.toMatchObject({ status: 404 });
    await until(() => events.seen.some((e) => e.requestedModel === 'gpt-nope'), 'the expected state', 10_000);
    expect(events.seen.find((e) => e.requestedModel === 'gpt-nope')).toMatchObject({ httpStatus: 404, errorCode: 'model_not_found' });
  });
});
