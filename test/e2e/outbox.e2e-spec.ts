import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockUpstream, type MockUpstream } from '../../apps/mock-upstream/src/mock-upstream.js';
import { createTestDatabase, testRedisPrefix, testRedisUrl, uniqueName } from '../support/infra.js';
import { startNats, type PrivateServer } from '../support/servers.js';
import { until } from '../support/wait.js';
import { provisionKey } from './support/admin-client.js';
import { collectEvents, distributedConfig, migrate } from './support/distributed.js';
import { spawnHelix, type HelixProcess } from './support/helix-process.js';

const MASTER = `hx-master-${'o'.repeat(40)}`;
let nats: PrivateServer;
let upstream: MockUpstream;
let gateway: HelixProcess;
let db: Awaited<ReturnType<typeof createTestDatabase>>;
let client: OpenAI;
const namespace = uniqueName('outbox');

beforeAll(async () => {
  nats = await startNats();
  upstream = await startMockUpstream();
  db = await createTestDatabase();
  migrate(db.url);
  const config = {
    ...distributedConfig({ natsUrl: nats.url, namespace, redisUrl: testRedisUrl(), redisPrefix: testRedisPrefix(), databaseUrl: db.url, upstream: upstream.baseUrl }),
    events: { outbox: { maxBytes: 64 * 1024, segmentBytes: 16 * 1024 } },
  };
  gateway = await spawnHelix('gateway', { config, env: { HELIX_MASTER_KEY: MASTER } });
  client = new OpenAI({ apiKey: (await provisionKey(gateway.url, MASTER)).key, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
});
afterAll(async () => {
  await gateway?.dispose();
  await upstream?.close();
  await nats?.dispose();
  await db?.drop();
});

async function metric(name: string): Promise<number> {
  const text = await (await fetch(`${gateway.url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line ? Number(line.split(' ')[1]) : NaN;
}

const ask = async (tag: string) =>
  (await client.chat.completions.create({ model: 'gpt-test', messages: [{ role: 'user', content: tag }] }, { headers: { 'x-request-id': tag } }).withResponse()).response.status;

describe('the event outbox while NATS is away (private nats-server, stopped and started)', () => {
  it('keeps serving, holds every event on disk, and delivers each exactly once when NATS returns', async () => {
    const events = await collectEvents(nats.url, namespace);
    for (let i = 0; i < 5; i++) expect(await ask(`before-${i}`)).toBe(200);
    await until(() => events.seen.length >= 5, 'the expected state', 10_000);
    await events.close();

    await nats.stop();
    for (let i = 0; i < 20; i++) expect(await ask(`during-${i}`)).toBe(200);
    await until(async () => (await metric('helix_outbox_pending_events')) >= 20, 'the expected state', 5_000);
    await until(async () => (await metric('helix_outbox_replaying')) === 1, 'the expected state', 15_000);

    await nats.restart();
    const after = await collectEvents(nats.url, namespace, 'e2e-after');
    await until(() => after.seen.filter((e) => e.correlationId.startsWith('during-')).length >= 20, 'the expected state', 30_000);
    await until(async () => (await metric('helix_outbox_pending_events')) === 0, 'the expected state', 10_000);
    const counts = after.counts();
    const during = after.seen.filter((e) => e.correlationId.startsWith('during-'));
    expect(new Set(during.map((e) => e.correlationId)).size).toBe(20);
    for (const e of during) expect(counts.get(e.eventId)).toBe(1);
    expect(after.seen.filter((e) => e.correlationId.startsWith('before-')).length).toBe(5);
    expect(during.map((e) => e.correlationId)).toEqual(Array.from({ length: 20 }, (_, i) => `during-${i}`));
    await after.close();
  });

  it('refuses new requests with a 503 when the outbox is full, fails readiness, and recovers when NATS returns', async () => {
    await nats.stop();
    let refused: Response | undefined;
    let served = 0;
    for (let i = 0; i < 2000 && !refused; i++) {
      const res = await fetch(`${gateway.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${client.apiKey}`, 'x-request-id': `fill-${i}` },
        body: JSON.stringify({ model: 'gpt-test', messages: [{ role: 'user', content: `fill ${i}` }] }),
      });
      if (res.status === 503) refused = res;
      else served++;
    }
    expect(served).toBeGreaterThan(10);
    expect(refused?.status).toBe(503);
    expect(((await refused!.json()) as { error: { code: string } }).error.code).toBe('events_backpressure');
    expect(await metric('helix_outbox_full')).toBe(1);
    expect(await metric('helix_events_backpressure_refusals_total')).toBeGreaterThanOrEqual(1);
    expect((await fetch(`${gateway.url}/health/ready`)).status).toBe(503);

    await nats.restart();
    const events = await collectEvents(nats.url, namespace, 'e2e-fill');
    await until(() => events.seen.filter((e) => e.correlationId.startsWith('fill-')).length >= served, 'the expected state', 30_000);
    expect(new Set(events.seen.filter((e) => e.correlationId.startsWith('fill-')).map((e) => e.correlationId)).size).toBe(served);
    await until(async () => (await fetch(`${gateway.url}/health/ready`)).status === 200, 'the expected state', 10_000);
    expect(await ask('after-full')).toBe(200);
    await events.close();
  });
});
