import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedLoop } from '../../bench/gateway/load/closed-loop.js';
import { HttpTarget } from '../../bench/gateway/load/http-target.js';
import { rssMb } from '../../bench/gateway/proc-stats.js';
import { provisionKey } from '../e2e/support/admin-client.js';
import { distributedConfig, migrate } from '../e2e/support/distributed.js';
import { spawnHelix, type HelixProcess } from '../e2e/support/helix-process.js';
import { createTestDatabase, testNatsUrl, testRedisPrefix, testRedisUrl, uniqueName } from '../support/infra.js';
import { spawnUpstream, type UpstreamProcess } from './support/upstream-process.js';

/** The load promise: 1,000 connections, closed loop, 60 s, upstream latency 50 ms, client timeout 30 s. */
const CONNECTIONS = 1000;
const SECONDS = Number(process.env.HELIX_LOAD_SECONDS ?? 60);
const TIMEOUT_MS = 30_000;
const UPSTREAM_LATENCY_MS = 50;

const MASTER = `hx-master-${'l'.repeat(40)}`;
/** `distributed` (default): apps/gateway on NATS, Redis and Postgres; `standalone`: the embedded default, every step in one process. */
const TARGET = process.env.HELIX_LOAD_TARGET === 'standalone' ? 'standalone' : 'distributed';
let upstream: UpstreamProcess;
let helix: HelixProcess;
let db: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
let key: string;

/** A chat request with a prompt of its own, so the cache misses and every answer comes from the upstream. */
const chatBody = () =>
  JSON.stringify({ model: 'mock-gpt', max_tokens: 64, messages: [{ role: 'user', content: `Summarise ticket ${randomBytes(8).toString('hex')} for the on-call engineer.` }] });

const target = (connections: number, timeoutMs: number) =>
  new HttpTarget({ origin: helix.url, path: '/v1/chat/completions', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: chatBody }, connections, timeoutMs);

async function answeredByGateway(): Promise<number> {
  const text = await (await fetch(`${helix.url}/metrics`)).text();
  return [...text.matchAll(/^helix_requests_total\{[^}]*endpoint="chat.completions"[^}]*\} (\d+)/gm)].reduce((s, m) => s + Number(m[1]), 0);
}

/**
 * The gateway's count once it stops moving: the positive control's clients gave up on requests
 * that still sit in the gateway's accept queue, and the gateway answers (and counts) them after.
 */
async function settledAnswered(): Promise<number> {
  let last = await answeredByGateway();
  for (;;) {
    await new Promise((r) => setTimeout(r, 500));
    const now = await answeredByGateway();
    if (now === last) return now;
    last = now;
  }
}

async function startGateway(): Promise<HelixProcess> {
  const upstreamConfig = {
    providers: [{ name: 'upstream', type: 'openai-compatible', baseUrl: upstream.baseUrl }],
    models: [{ name: 'mock-gpt', deployments: [{ provider: 'upstream', model: 'mock-gpt' }] }],
  };
  if (TARGET === 'standalone') return spawnHelix('standalone', { config: upstreamConfig, env: { LOG_LEVEL: 'warn', HELIX_MASTER_KEY: MASTER } });
  db = await createTestDatabase();
  migrate(db.url);
  const base = distributedConfig({ natsUrl: testNatsUrl(), namespace: uniqueName('load'), redisUrl: testRedisUrl(), redisPrefix: testRedisPrefix(), databaseUrl: db.url, upstream: upstream.baseUrl });
  return spawnHelix('gateway', { config: { ...base, ...upstreamConfig, database: { url: db.url, poolSize: 10 } }, env: { LOG_LEVEL: 'warn', HELIX_MASTER_KEY: MASTER } });
}

beforeAll(async () => {
  upstream = await spawnUpstream({ latencyMs: UPSTREAM_LATENCY_MS });
  helix = await startGateway();
  key = (await provisionKey(helix.url, MASTER)).key;
});
afterAll(async () => {
  await helix?.dispose();
  await upstream?.stop();
  await db?.drop();
});

const described =
  TARGET === 'standalone' ? 'the standalone embedded default (every step in one process)' : 'apps/gateway on NATS (events to JetStream), Redis (rate limits) and Postgres (keys)';

describe(`load: ${CONNECTIONS} connections in a closed loop for ${SECONDS} s through ${described}, upstream latency ${UPSTREAM_LATENCY_MS} ms`, () => {
  it('counts a request that outlives the client timeout as an error (positive control)', async () => {
    const short = target(20, UPSTREAM_LATENCY_MS / 2);
    try {
      const res = await closedLoop(short, 20, 1);
      expect(res.errors).toBeGreaterThan(0);
      expect(res.statuses['0']).toBe(res.errors);
    } finally {
      await short.close();
    }
  });

  it(`answers every request 200 for ${SECONDS} s, none over ${TIMEOUT_MS / 1000} s`, async () => {
    const load = target(CONNECTIONS, TIMEOUT_MS);
    const before = await settledAnswered();
    let peakRss = 0;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb([helix.process.pid!]))), 1000);
    try {
      const res = await closedLoop(load, CONNECTIONS, SECONDS);
      const summary = {
        target: TARGET,
        connections: CONNECTIONS,
        seconds: Number(res.seconds.toFixed(1)),
        sent: res.sent,
        ok: res.ok,
        errors: res.errors,
        statuses: res.statuses,
        reqPerS: Math.round(res.throughput),
        latencyMs: Object.fromEntries(Object.entries(res.latency).map(([k, v]) => [k, Math.round(v * 10) / 10])),
        gatewayPeakRssMb: Math.round(peakRss),
        machineLoadAvg1m: Number(loadavg()[0]!.toFixed(1)),
      };
      console.log(`[load] ${JSON.stringify(summary)}`);
      if (process.env.HELIX_LOAD_RESULT) writeFileSync(process.env.HELIX_LOAD_RESULT, JSON.stringify(summary, null, 2));
      expect(res.statuses).toEqual({ '200': res.sent });
      expect(res.errors).toBe(0);
      expect(res.latency.max).toBeLessThan(TIMEOUT_MS);
      expect(res.latency.p50).toBeGreaterThanOrEqual(UPSTREAM_LATENCY_MS);
      expect(res.sent).toBeGreaterThanOrEqual(CONNECTIONS * 2);
      expect((await answeredByGateway()) - before).toBe(res.sent);
      expect(helix.process.exitCode).toBeNull();
    } finally {
      clearInterval(sampler);
      await load.close();
    }
  });
});
