import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { gunzipSync } from 'node:zlib';
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
import { jetstreamDump, postgresDump, redisDump } from './support/store-dump.js';

/**
 * No raw personal data at rest: prompts full of PII go through the five services as separate processes
 * (redaction on, cache, budgets, analytics, tracing to an OTLP receiver). Then Redis (keys and values),
 * every Postgres table (every column as text, bytea as bytes), every process's log output, every message
 * kept in the namespace's JetStream streams and every exported span are searched for each raw value as
 * plain UTF-8 (which is also its protobuf form), JSON-escaped, base64 and base64url. A canary planted in
 * each of them on purpose is found, so the search sees what is there.
 */
const MASTER = `hx-master-${'n'.repeat(40)}`;
const CANARY = `helix-canary-${randomBytes(6).toString('hex')}`;
const V = {
  name: 'Margaret Hamilton',
  email: `margaret.hamilton.${randomBytes(3).toString('hex')}@apollo.example.org`,
  phone: '+1 415 555 0132',
  phoneUk: '+44 20 7946 0958',
  card: '4111 1111 1111 1111',
  cardDigits: '5500005555555559',
  iban: 'GB82 WEST 1234 5698 7654 32',
  ibanCompact: 'DE89370400440532013000',
  ssn: '536-22-8726',
  githubToken: 'ghp_aBcD1234EfGh5678IjKl9012MnOp3456QrSt',
  openaiKey: 'sk-proj-Zx81Qa0Lk2Pm9Wv7Bn4Rt6Yc3Hd5Jf1Gs8Ue0IoT3BlbkFJq7Mw2Ne4Rb6Tc8Vd0Xf2Hg4Jk6Lm8Np',
  awsKey: 'AKIAIOSFODNN7EXAMPLE',
};
const VALUES = Object.values(V);
const PROMPTS = [
  `My name is ${V.name}. Mail me at ${V.email} or call ${V.phone}.`,
  `Charge card ${V.card} (backup ${V.cardDigits}); my SSN is ${V.ssn}.`,
  `Wire it to IBAN ${V.iban} or ${V.ibanCompact}, and ring ${V.phoneUk} when done.`,
  `The deploy tokens are ${V.githubToken}, ${V.openaiKey} and ${V.awsKey}; ${V.name} owns them.`,
];

const namespace = uniqueName('nopii');
const redisPrefix = testRedisPrefix();
let upstream: MockUpstream;
let db: Awaited<ReturnType<typeof createTestDatabase>>;
let otlp: { url: string; bodies: Buffer[]; close(): Promise<void> };
const procs: Record<string, HelixProcess> = {};
let member: ProvisionedKey;

const gatewayUrl = () => procs.gateway!.url;
const client = () => new OpenAI({ apiKey: member.key, baseURL: `${gatewayUrl()}/v1`, maxRetries: 0 });
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${gatewayUrl()}${path}`, { method: 'POST', headers: { authorization: `Bearer ${member.key}`, 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

/** An OTLP/HTTP traces endpoint that keeps every export body as it came (gunzipped): the spans' protobuf bytes. */
async function startRawOtlpReceiver() {
  const bodies: Buffer[] = [];
  const server: Server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (b: Buffer) => parts.push(b));
    req.on('end', () => {
      const body = Buffer.concat(parts);
      bodies.push(req.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body);
      res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, bodies, close: () => new Promise<void>((r) => server.close(() => r())) };
}

beforeAll(async () => {
  upstream = await startMockUpstream();
  otlp = await startRawOtlpReceiver();
  db = await createTestDatabase();
  migrate(db.url);
  const config = {
    ...distributedConfig({ natsUrl: testNatsUrl(), namespace, redisUrl: testRedisUrl(), redisPrefix, databaseUrl: db.url, upstream: upstream.baseUrl }),
    pipeline: { pii: { enabled: true, timeoutMs: 5_000 }, budget: { enabled: true, timeoutMs: 5_000 }, cache: { enabled: true, timeoutMs: 5_000 } },
    cache: { semantic: { rules: [{ model: 'gpt-test', enabled: true, threshold: 0.9 }], index: 'local' } },
    cost: { prices: { overrides: [{ model: 'gpt-test', inputPerMTok: 2, outputPerMTok: 8 }] } },
    telemetry: { tracing: { enabled: true, sampleRatio: 1, endpoint: otlp.url, exportDelayMs: 200 } },
  };
  const env = { HELIX_MASTER_KEY: MASTER, LOG_LEVEL: 'debug' };
  const services = ['pii-service', 'cache-service', 'cost-service', 'analytics-service'] as const;
  for (const app of services) procs[app] = await spawnHelix(app, { config, env });
  procs.gateway = await spawnHelix('gateway', { config, env });
  member = await provisionKey(gatewayUrl(), MASTER);
  await admin(gatewayUrl(), MASTER, 'POST', '/admin/budgets', { org_id: member.orgId, level: 'team', scope_id: member.teamId, period: 'monthly', amount_usd: '100' });
}, 300_000);
afterAll(async () => {
  await procs.gateway?.dispose();
  for (const [name, p] of Object.entries(procs)) if (name !== 'gateway') await p.dispose();
  await upstream?.close();
  await otlp?.close();
  await db?.drop();
});

describe('no raw PII at rest after a run of PII-laden prompts through the five services', () => {
  it('redacts before the upstream on every endpoint and still answers the caller with the originals', async () => {
    upstream.reset();
    const res = await client().chat.completions.create({ model: 'gpt-test', messages: [{ role: 'user', content: PROMPTS[0]! }] });
    expect(res.choices[0]!.message.content).toContain(V.email);
    const sent = JSON.stringify(upstream.requests().map((r) => r.body));
    expect(sent).toContain('<EMAIL_ADDRESS_1>');
    expect(rawValuesIn(sent, VALUES)).toEqual([]);
  });

  it('leaves none in Redis, Postgres, logs, JetStream or spans, where a planted canary is found in each', async () => {
    for (const [i, content] of PROMPTS.entries()) {
      const messages = [{ role: 'system' as const, content: `You help ${V.name}.` }, { role: 'user' as const, content }];
      await client().chat.completions.create({ model: 'gpt-test', messages });
      await client().chat.completions.create({ model: 'gpt-test', messages });
      const stream = await client().chat.completions.create({ model: 'gpt-test', messages: [{ role: 'user', content: `Again, ${content}` }], stream: true, stream_options: { include_usage: true } });
      for await (const _ of stream) void _;
      expect((await post('/v1/messages', { model: 'gpt-test', max_tokens: 64, messages: [{ role: 'user', content }] })).status).toBe(200);
      expect((await post('/v1/responses', { model: 'gpt-test', input: content, stream: i % 2 === 0 })).status).toBe(200);
      expect((await post('/v1/embeddings', { model: 'emb-test', input: [content, `${V.email} ${V.card}`] })).status).toBe(200);
    }
    expect((await post('/v1/pii/analyze', { text: PROMPTS.join(' '), language: 'en' })).status).toBe(200);
    const refused = await client().chat.completions.create({ model: 'no-such-model', messages: [{ role: 'user', content: PROMPTS[1]! }] }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ status: 404 });

    const redis = new Redis(testRedisUrl());
    await redis.set(`${redisPrefix}canary`, CANARY).finally(() => redis.disconnect());
    await admin(gatewayUrl(), MASTER, 'POST', '/admin/keys', { name: CANARY, user_id: member.userId, role: 'member' });
    await post('/v1/chat/completions', { model: 'gpt-test', messages: [{ role: 'user', content: 'the canary request' }] }, { 'x-request-id': CANARY });
    expect((await post('/v1/chat/completions', { model: CANARY, messages: [{ role: 'user', content: 'a span names the model' }] })).status).toBe(404);
    await reconfigure(procs['pii-service']!, (cfg) => (cfg.pii = { ...cfg.pii, defaultPolicy: { entities: [CANARY] } }), 'config reload refused');

    await until(async () => rawValuesIn((await jetstreamDump(testNatsUrl(), namespace)).bytes, [CANARY]).length === 1, 'the canary request event in JetStream', 30_000);
    await until(() => rawValuesIn(Buffer.concat(otlp.bodies), [CANARY]).length === 1, 'the canary span at the OTLP receiver', 30_000);
    let rows = -1;
    await until(async () => {
      const now = (await postgresDump(db.url)).rows;
      const settled = now === rows;
      rows = now;
      if (!settled) await new Promise((r) => setTimeout(r, 1_500));
      return settled;
    }, 'the ledger and analytics to take every event', 60_000);

    const [redisStore, pgStore, streams] = await Promise.all([redisDump(testRedisUrl(), redisPrefix), postgresDump(db.url), jetstreamDump(testNatsUrl(), namespace)]);
    expect(redisStore.keys).toBeGreaterThan(5);
    expect(pgStore.tables).toBeGreaterThan(5);
    expect(streams.messages).toBeGreaterThan(PROMPTS.length * 6);
    expect(otlp.bodies.length).toBeGreaterThan(0);
    const logs = Object.values(procs).map((p) => p.logs()).join('\n');
    const stores: [string, string | Uint8Array][] = [
      ['redis', redisStore.text],
      ['postgres', pgStore.text],
      ['logs', logs],
      ['jetstream', streams.bytes],
      ['spans', Buffer.concat(otlp.bodies)],
    ];
    for (const [where, bytes] of stores) {
      expect({ where, canary: rawValuesIn(bytes, [CANARY]) }).toEqual({ where, canary: [CANARY] });
      expect({ where, leaked: rawValuesIn(bytes, VALUES) }).toEqual({ where, leaked: [] });
    }
    console.log(
      `[no-pii] searched redis ${redisStore.keys} keys, postgres ${pgStore.tables} tables / ${pgStore.rows} rows, logs ${logs.length} chars of ${Object.keys(procs).length} processes, ` +
        `jetstream ${streams.messages} messages in ${streams.streams.join(', ')}, ${otlp.bodies.length} OTLP exports`,
    );
  });
});
