import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { startMockUpstream, type MockUpstream } from '../../apps/mock-upstream/src/mock-upstream.js';
import { createTestDatabase, testNatsUrl, testRedisPrefix, testRedisUrl, uniqueName } from '../support/infra.js';
import { SpanKinds, startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from '../support/otlp-receiver.js';
import { sleep, until } from '../support/wait.js';
import { provisionKey, type ProvisionedKey } from './support/admin-client.js';
import { distributedConfig, migrate } from './support/distributed.js';
import { spawnHelix, type HelixApp, type HelixProcess } from './support/helix-process.js';

const MASTER = `hx-master-${'t'.repeat(40)}`;
const SERVICES: HelixApp[] = ['pii-service', 'cache-service', 'cost-service', 'analytics-service', 'gateway'];
const serviceName = (app: HelixApp) => `helix-${app}`;
const COMPLETED = 'helix.events.request.completed.v1';
/** The request/reply calls of one chat request, and the service answering each. */
const RPCS = [
  { subject: 'helix.pii.redact.v1', service: 'pii-service', step: 'pii redact', attribute: ['helix.pii.entities', (v: unknown) => typeof v === 'number' && v > 0] },
  { subject: 'helix.cache.lookup.v1', service: 'cache-service', step: 'cache lookup', attribute: ['helix.cache.status', (v: unknown) => v === 'miss'] },
  { subject: 'helix.cost.reserve.v1', service: 'cost-service', step: 'budget reserve', attribute: ['helix.budget.verdict', (v: unknown) => v === 'allow'] },
] as const;
const CONSUMERS = [
  { service: 'cost-service', durable: 'cost-ledger' },
  { service: 'analytics-service', durable: 'analytics-requests' },
] as const;
const REGISTER_HOOK = resolve(import.meta.dirname, '../../dist/libs/telemetry/src/tracing/register.js');

let receiver: OtlpReceiver;
let upstream: MockUpstream;
let db: Awaited<ReturnType<typeof createTestDatabase>>;
const procs: HelixProcess[] = [];
let gateway: HelixProcess;
let key: ProvisionedKey;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  upstream = await startMockUpstream();
  db = await createTestDatabase();
  migrate(db.url);
  const base = distributedConfig({ natsUrl: testNatsUrl(), namespace: uniqueName('e2etrace'), redisUrl: testRedisUrl(), redisPrefix: testRedisPrefix(), databaseUrl: db.url, upstream: upstream.baseUrl });
  const config = {
    ...base,
    pipeline: { pii: { enabled: true, timeoutMs: 5_000 }, budget: { enabled: true, timeoutMs: 5_000 }, cache: { enabled: true, timeoutMs: 5_000 } },
    telemetry: { tracing: { enabled: true, sampleRatio: 1, endpoint: receiver.url, exportDelayMs: 100, propagateBus: true } },
  };
  // The gateway runs with the ESM instrumentation hook (as `npm run start:*` does); the services without it.
  const env = (app: HelixApp): Record<string, string> => (app === 'gateway' ? { HELIX_MASTER_KEY: MASTER, NODE_OPTIONS: `--import ${REGISTER_HOOK}` } : {});
  procs.push(...(await Promise.all(SERVICES.map((app) => spawnHelix(app, { config, env: env(app) })))));
  gateway = procs.find((p) => p.app === 'gateway')!;
  key = await provisionKey(gateway.url, MASTER);
}, 120_000);

afterAll(async () => {
  await Promise.all(procs.map((p) => p.dispose()));
  await upstream?.close();
  await receiver?.close();
  await db?.drop();
});

/** Sends one chat request continuing a trace of our own; returns its trace id and our (client) span id. */
async function tracedChat(prompt: string): Promise<{ traceId: string; parentId: string }> {
  const traceId = randomBytes(16).toString('hex');
  const parentId = randomBytes(8).toString('hex');
  const res = await fetch(`${gateway.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key.key}`, traceparent: `00-${traceId}-${parentId}-01` },
    body: JSON.stringify({ model: 'gpt-test', messages: [{ role: 'user', content: prompt }] }),
  });
  expect(res.status).toBe(200);
  await res.json();
  return { traceId, parentId };
}

const ofTrace = (traceId: string) => receiver.spans.filter((s) => s.traceId === traceId);

/**
 * What is wrong with the trace of one chat request: every failure found, none when
 * it is one trace across all five services with the right parents and attributes.
 */
function checkTrace(traceId: string, parentId: string): string[] {
  const spans = ofTrace(traceId);
  const failures: string[] = [];
  const find = (p: (s: ReceivedSpan) => boolean, what: string) => {
    const s = spans.find(p);
    if (!s) failures.push(`no ${what} in the trace`);
    return s;
  };
  for (const app of SERVICES) if (!spans.some((s) => s.service === serviceName(app))) failures.push(`no span of ${serviceName(app)} in the trace`);
  const server = find((s) => s.service === 'helix-gateway' && s.kind === SpanKinds.server, 'gateway server span');
  if (!server) return failures;
  if (server.parentSpanId !== parentId) failures.push(`gateway server span's parent is ${server.parentSpanId}, not the inbound traceparent's ${parentId}`);
  const childOf = (parent: ReceivedSpan | undefined, s: ReceivedSpan | undefined, what: string) => {
    if (parent && s && s.parentSpanId !== parent.spanId) failures.push(`${what}: parent ${s.parentSpanId}, expected ${parent.spanId} (${parent.name})`);
  };
  childOf(server, find((s) => s.service === 'helix-gateway' && s.name === 'auth', 'auth span'), 'auth span');
  for (const rpc of RPCS) {
    const step = find((s) => s.service === 'helix-gateway' && s.name === rpc.step, `${rpc.step} span`);
    childOf(server, step, `${rpc.step} span`);
    const client = find((s) => s.service === 'helix-gateway' && s.kind === SpanKinds.client && s.name === `request ${rpc.subject}`, `client span of ${rpc.subject}`);
    childOf(step, client, `client span of ${rpc.subject}`);
    const handler = find((s) => s.service === serviceName(rpc.service) && s.kind === SpanKinds.server && s.name === `process ${rpc.subject}`, `${rpc.service} handler span of ${rpc.subject}`);
    childOf(client, handler, `${rpc.service} handler span`);
    const [key, ok] = rpc.attribute;
    if (handler && !ok(handler.attributes[key])) failures.push(`${rpc.service} handler span: ${key} = ${JSON.stringify(handler.attributes[key])}`);
    if (step && !ok(step.attributes[key])) failures.push(`${rpc.step} span: ${key} = ${JSON.stringify(step.attributes[key])}`);
  }
  const publish = find((s) => s.service === 'helix-gateway' && s.kind === SpanKinds.producer && s.name === `publish ${COMPLETED}`, 'publish span of the completed event');
  childOf(server, publish, 'publish span');
  for (const c of CONSUMERS) {
    const consumer = find(
      (s) => s.service === serviceName(c.service) && s.kind === SpanKinds.consumer && s.attributes['messaging.consumer.group.name'] === c.durable,
      `${c.durable} consumer span`,
    );
    childOf(publish, consumer, `${c.durable} consumer span`);
  }
  const attempt = find((s) => s.service === 'helix-gateway' && s.kind === SpanKinds.client && s.name === 'chat mock-gpt', 'provider attempt span');
  childOf(server, attempt, 'attempt span');
  const expectAttrs = (s: ReceivedSpan | undefined, want: Record<string, (v: unknown) => boolean>) => {
    for (const [k, ok] of Object.entries(want)) if (s && !ok(s.attributes[k])) failures.push(`${s.name}: ${k} = ${JSON.stringify(s.attributes[k])}`);
  };
  const positive = (v: unknown) => typeof v === 'number' && v > 0;
  const genAi = {
    'gen_ai.operation.name': (v: unknown) => v === 'chat',
    'gen_ai.provider.name': (v: unknown) => v === 'openai-compatible',
    'gen_ai.response.model': (v: unknown) => typeof v === 'string' && v.length > 0,
    'gen_ai.usage.input_tokens': positive,
    'gen_ai.usage.output_tokens': positive,
    'gen_ai.response.finish_reasons': (v: unknown) => Array.isArray(v) && v.includes('stop'),
  };
  expectAttrs(server, {
    ...genAi,
    'gen_ai.request.model': (v) => v === 'gpt-test',
    'helix.cache.status': (v) => v === 'miss',
    'helix.budget.verdict': (v) => v === 'allow',
    'helix.cost.usd': (v) => typeof v === 'number',
    'helix.pii.entities': positive,
  });
  expectAttrs(attempt, { ...genAi, 'gen_ai.request.model': (v) => v === 'mock-gpt' });
  return failures;
}

/** Every string in every attribute of every span received that contains `text`. */
function leaks(text: string): string[] {
  const found: string[] = [];
  const scan = (v: unknown, where: string): void => {
    if (typeof v === 'string' && v.includes(text)) found.push(where);
    else if (Array.isArray(v)) v.forEach((x, i) => scan(x, `${where}[${i}]`));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) scan(x, `${where}.${k}`);
  };
  for (const s of receiver.spans) scan(s.attributes, `${s.service}/${s.name}`);
  return found;
}

/** Waits until the trace's spans stop arriving (an export period with nothing new), after at least `min` came. */
async function settled(traceId: string, min: number): Promise<void> {
  await until(() => ofTrace(traceId).length >= min, `at least ${min} spans of trace ${traceId}`, 20_000);
  for (let last = -1, n = ofTrace(traceId).length; n !== last; last = n, n = ofTrace(traceId).length) await sleep(1_000);
}

/** Rewrites every process's config and waits until each logged the reload. */
async function reconfigureAll(change: (cfg: Record<string, any>) => void): Promise<void> {
  await Promise.all(
    procs.map(async (p) => {
      const file = join(p.dataDir, 'helix.yaml');
      const cfg = parse(readFileSync(file, 'utf8')) as Record<string, any>;
      change(cfg);
      const before = p.logs().split('config reloaded').length;
      writeFileSync(file, stringify(cfg));
      p.process.kill('SIGHUP');
      await until(() => p.logs().split('config reloaded').length > before, `${p.app} reloaded its config`, 30_000);
    }),
  );
}

/** docs/metrics.md's tables: each metric name and the processes it says export it (gw, pii, cache, cost, an, all). */
function documentedMetrics(): { name: string; where: string[] }[] {
  const doc = readFileSync(resolve(import.meta.dirname, '../../docs/metrics.md'), 'utf8');
  return [...doc.matchAll(/^\| `(helix_[a-z_]+)` \|[^|]*\|[^|]*\| ([a-z, ]+) \|/gm)].map((m) => ({ name: m[1]!, where: m[2]!.split(',').map((w) => w.trim()) }));
}
const ABBREVIATION: Record<HelixApp, string> = { gateway: 'gw', 'pii-service': 'pii', 'cache-service': 'cache', 'cost-service': 'cost', 'analytics-service': 'an', standalone: 'all' };

describe('OpenTelemetry: one chat request is one trace across five processes (gateway, pii-, cache-, cost-, analytics-service)', () => {
  it('joins every service under the inbound traceparent with correct parents, GenAI attributes, and no prompt text', async () => {
    const canary = `TRACE_CANARY_${randomBytes(6).toString('hex')}`;
    const email = `ada.${randomBytes(4).toString('hex')}@example.org`;
    const { traceId, parentId } = await tracedChat(`Write to ${email} about ${canary}, please.`);
    await settled(traceId, 20);
    const failures = checkTrace(traceId, parentId);
    expect(failures).toEqual([]);
    const sent = upstream.requests().at(-1)!;
    expect(String(sent.headers.traceparent)).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
    const attempt = ofTrace(traceId).find((s) => s.name === 'chat mock-gpt')!;
    expect(String(sent.headers.traceparent).split('-')[2]).toBe(attempt.spanId);
    expect(leaks(canary)).toEqual([]);
    expect(leaks(email)).toEqual([]);
  }, 60_000);

  it('control: with bus propagation switched off the same check reports the trace split', async () => {
    await reconfigureAll((cfg) => (cfg.telemetry.tracing.propagateBus = false));
    const before = new Map(SERVICES.map((app) => [app, receiver.spans.filter((s) => s.service === serviceName(app)).length]));
    const { traceId, parentId } = await tracedChat('Say hello to the control run.');
    await until(
      () => SERVICES.every((app) => receiver.spans.filter((s) => s.service === serviceName(app)).length > before.get(app)!),
      'new spans from every service',
      20_000,
    );
    await settled(traceId, 5);
    const failures = checkTrace(traceId, parentId);
    for (const app of ['pii-service', 'cache-service', 'cost-service', 'analytics-service'] as const) {
      expect(failures).toContain(`no span of ${serviceName(app)} in the trace`);
    }
    expect(ofTrace(traceId).some((s) => s.service === 'helix-gateway' && s.kind === SpanKinds.server && s.parentSpanId === parentId)).toBe(true);
  }, 90_000);

  it('the /metrics of each service has what docs/metrics.md lists for it, and the process metrics', async () => {
    const docs = documentedMetrics();
    expect(docs.length).toBeGreaterThan(50);
    const missing: string[] = [];
    for (const p of procs) {
      const body = await (await fetch(`${p.url}/metrics`)).text();
      const types = new Set([...body.matchAll(/^# TYPE (\S+) /gm)].map((m) => m[1]!));
      for (const m of docs) if ((m.where.includes('all') || m.where.includes(ABBREVIATION[p.app])) && !types.has(m.name)) missing.push(`${p.app}: ${m.name}`);
      for (const name of ['process_cpu_user_seconds_total', 'process_resident_memory_bytes', 'nodejs_eventloop_lag_seconds']) if (!types.has(name)) missing.push(`${p.app}: ${name}`);
    }
    expect(missing).toEqual([]);
  });
});
