import { randomBytes } from 'node:crypto';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { Redis } from 'ioredis';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockUpstream, type MockUpstream } from '../../apps/mock-upstream/src/mock-upstream.js';
import { rawValuesIn } from '../integration/pii/support/raw-values.js';
import { createTestDatabase, testNatsUrl, testRedisPrefix, testRedisUrl, uniqueName } from '../support/infra.js';
import { until } from '../support/wait.js';
import { admin, provisionKey, type ProvisionedKey } from './support/admin-client.js';
import { distributedConfig, migrate } from './support/distributed.js';
import { spawnHelix, type HelixProcess } from './support/helix-process.js';
import { reconfigure } from './support/reconfigure.js';
import { postgresDump, redisDump } from './support/store-dump.js';

const MASTER = `hx-master-${'p'.repeat(40)}`;
const CANARY = `HELIX_CANARY_${randomBytes(6).toString('hex').toUpperCase()}`;
const V = {
  name: 'Grace Hopper',
  email: 'grace.hopper@navy.example.org',
  phone: '+44 20 7946 0958',
  card: '4111 1111 1111 1111',
  ssn: '536-22-8726',
  iban: 'GB82 WEST 1234 5698 7654 32',
  token: 'ghp_aBcD1234EfGh5678IjKl9012MnOp3456QrSt',
  address: '221 Baker Street, London NW1 6XE',
};
const VALUES = Object.values(V);
const PROMPTS = [
  `My name is ${V.name}. Mail me at ${V.email} or call ${V.phone}.`,
  `Charge card ${V.card}; my SSN is ${V.ssn}. Ship to ${V.address}.`,
  `Wire it to IBAN ${V.iban}. The deploy token is ${V.token}.`,
];

const namespace = uniqueName('piie2e');
const redisPrefix = testRedisPrefix();
let upstream: MockUpstream;
let db: Awaited<ReturnType<typeof createTestDatabase>>;
let gateway: HelixProcess;
let piiService: HelixProcess;
let closed: ProvisionedKey;
let open: ProvisionedKey;
let nats: NatsConnection;
/** Every message published under `helix.events.>` in the namespace: subject, headers and protobuf bytes. */
const events: { subject: string; bytes: Uint8Array }[] = [];
const eventBytes = () => Buffer.concat(events.map((e) => e.bytes));

const client = (k: ProvisionedKey) => new OpenAI({ apiKey: k.key, baseURL: `${gateway.url}/v1`, maxRetries: 0 });

beforeAll(async () => {
  upstream = await startMockUpstream();
  db = await createTestDatabase();
  migrate(db.url);
  nats = await connect({ servers: testNatsUrl() });
  nats.subscribe(`${namespace}.helix.events.>`, {
    callback: (_err, msg) => void events.push({ subject: msg.subject, bytes: Buffer.concat([Buffer.from(JSON.stringify(msg.headers ? [...msg.headers] : [])), msg.data]) }),
  });
  const config = {
    ...distributedConfig({ natsUrl: testNatsUrl(), namespace, redisUrl: testRedisUrl(), redisPrefix, databaseUrl: db.url, upstream: upstream.baseUrl }),
    pipeline: { pii: { enabled: true, timeoutMs: 5000 }, budget: { enabled: false }, cache: { enabled: false } },
  };
  [piiService, gateway] = await Promise.all([spawnHelix('pii-service', { config, env: { LOG_LEVEL: 'debug' } }), spawnHelix('gateway', { config, env: { HELIX_MASTER_KEY: MASTER, LOG_LEVEL: 'debug' } })]);
  [closed, open] = await Promise.all([provisionKey(gateway.url, MASTER), provisionKey(gateway.url, MASTER)]);
  await reconfigure(gateway, (cfg) => (cfg.pipeline.pii.failOpenTeams = [open.teamId]));
});
afterAll(async () => {
  await nats?.drain();
  await Promise.all([gateway?.dispose(), piiService?.dispose()]);
  await upstream?.close();
  await db?.drop();
});

describe('PII with the pii-service as its own process (NATS, Redis, Postgres)', () => {
  it('redacts before the upstream and restores for the caller, streamed and not', async () => {
    upstream.reset();
    const res = await client(closed).chat.completions.create({ model: 'gpt-test', messages: [{ role: 'user', content: PROMPTS[0]! }] });
    expect(res.choices[0]!.message.content).toContain(PROMPTS[0]);
    const stream = await client(closed).chat.completions.create({ model: 'gpt-test', messages: [{ role: 'user', content: PROMPTS[1]! }], stream: true });
    let text = '';
    for await (const c of stream) text += c.choices[0]?.delta?.content ?? '';
    expect(text).toContain(PROMPTS[1]);
    const sent = JSON.stringify(upstream.requests().map((r) => r.body));
    expect(sent).toMatch(/<EMAIL_ADDRESS_1>.*<CREDIT_CARD_1>/s);
    expect(rawValuesIn(sent, VALUES)).toEqual([]);
  });

  it('leaves no raw value in Redis, Postgres, the logs or the published events, where a planted canary is found', async () => {
    for (const [i, content] of PROMPTS.entries()) {
      await client(closed).chat.completions.create({ model: 'gpt-test', messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content }], stream: i % 2 === 1 });
      await client(closed).chat.completions.create({ model: 'gpt-test', messages: [{ role: 'user', content: `Again: ${content}` }] });
    }
    const analyzed = await fetch(`${gateway.url}/v1/pii/analyze`, { method: 'POST', headers: { authorization: `Bearer ${closed.key}`, 'content-type': 'application/json' }, body: JSON.stringify({ text: PROMPTS.join(' '), language: 'en' }) });
    expect(analyzed.status).toBe(200);

    const redis = new Redis(testRedisUrl());
    await redis.set(`${redisPrefix}e2e:canary`, CANARY).finally(() => redis.disconnect());
    await admin(gateway.url, MASTER, 'POST', '/admin/keys', { name: CANARY, user_id: closed.userId, role: 'member' });
    await client(closed).chat.completions.create({ model: 'gpt-test', messages: [{ role: 'user', content: 'canary request' }] }, { headers: { 'x-request-id': CANARY } });
    await reconfigure(piiService, (cfg) => (cfg.pii = { ...cfg.pii, defaultPolicy: { entities: [CANARY] } }), 'config reload refused');

    await until(() => rawValuesIn(eventBytes(), [CANARY]).length === 1, 'the canary request event', 20_000);
    expect(events.filter((e) => e.subject.endsWith('.pii.detected.v1')).length).toBeGreaterThanOrEqual(PROMPTS.length);
    expect(events.filter((e) => e.subject.endsWith('.request.completed.v1')).length).toBeGreaterThanOrEqual(PROMPTS.length);
    const pgDump = await postgresDump(db.url);
    expect(pgDump.tables).toBeGreaterThan(3);
    const stores: [string, string | Uint8Array][] = [
      ['redis', (await redisDump(testRedisUrl(), redisPrefix)).text],
      ['postgres', pgDump.text],
      ['logs', gateway.logs() + piiService.logs()],
      ['events', eventBytes()],
    ];
    for (const [where, bytes] of stores) {
      expect({ where, canary: rawValuesIn(bytes, [CANARY]) }).toEqual({ where, canary: [CANARY] });
      expect({ where, leaked: rawValuesIn(bytes, VALUES) }).toEqual({ where, leaked: [] });
    }
  });

  it('fails closed when the pii-service dies (503 pii_unavailable), and a fail-open team goes through, counted', async () => {
    const failOpen = async () => {
      const text = await (await fetch(`${gateway.url}/metrics`)).text();
      return Number(/^helix_pipeline_dependency_failures_total\{[^}]*step="pii"[^}]*policy="fail_open"[^}]*\} (\d+)/m.exec(text)?.[1] ?? 0);
    };
    const prompt = { model: 'gpt-test', messages: [{ role: 'user' as const, content: PROMPTS[0]! }] };
    await expect(client(open).chat.completions.create(prompt)).resolves.toBeDefined();
    const counted = await failOpen();
    await piiService.stop('SIGKILL');
    const err = await client(closed).chat.completions.create(prompt).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 503, code: 'pii_unavailable' });
    upstream.reset();
    const res = await client(open).chat.completions.create(prompt);
    expect(res.choices[0]!.message.content).toContain('Mock answer to:');
    expect(upstream.requests()).toHaveLength(1);
    expect(await failOpen()).toBe(counted + 1);
  });
});
