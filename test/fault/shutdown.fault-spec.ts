import { once } from 'node:events';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provisionKey } from '../e2e/support/admin-client.js';
import { spawnHelix, type HelixProcess } from '../e2e/support/helix-process.js';
import { account, balanced } from './support/accounting.js';
import { BACKENDS, Cluster, MASTER } from './support/cluster.js';
import { startLoad, tally, timeline } from './support/load.js';
import { outcomeKey, violations } from './support/policy.js';
import { LONG, RATE } from './support/phases.js';
import { startProxy } from './support/proxy.js';

let cluster: Cluster;
/** While one replica restarts its twin carries the whole load: in CI half the fault suite's rate, so one gateway on the shared 2-core box keeps up. */
const ROLL_RATE = LONG ? RATE : RATE / 2;

beforeAll(async () => {
  cluster = await Cluster.start({ replicas: 2, config: { http: { shutdownGraceMs: 20_000, shutdownDelayMs: 3_000 } } });
});
afterAll(async () => {
  await cluster?.dispose();
});

/** A streamed chat request whose first bytes have arrived; `rest` reads it to the end. */
async function openStream(url: string, key: string, id: string) {
  const res = await request(`${url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, 'x-request-id': id },
    body: JSON.stringify({ model: 'gpt-test', stream: true, max_tokens: 16, messages: [{ role: 'user', content: `a slow stream ${id}` }] }),
  });
  const it = res.body[Symbol.asyncIterator]();
  const first = await it.next();
  const rest = (async () => {
    let text = first.done ? '' : String(first.value);
    try {
      for (let c = await it.next(); !c.done; c = await it.next()) text += String(c.value);
      return { status: res.statusCode, text, error: undefined as string | undefined };
    } catch (err) {
      return { status: res.statusCode, text, error: (err as Error).message };
    }
  })();
  return { status: res.statusCode, rest };
}

const exited = (p: HelixProcess) => (p.process.exitCode !== null || p.process.signalCode !== null ? Promise.resolve() : once(p.process, 'exit').then(() => undefined));

async function refusedOrUnavailable(url: string): Promise<string> {
  try {
    const res = await request(`${url}/health/ready`, { reset: true, headersTimeout: 5_000 });
    await res.body.text();
    return String(res.statusCode);
  } catch (err) {
    return (err as { code?: string }).code ?? (err as Error).message;
  }
}

describe('graceful shutdown: SIGTERM lets streams finish, refuses new work, flushes events', () => {
  it('SIGTERM of a gateway during slow streams: not ready at once, new connections refused after the delay, every stream completes, every event arrives', async () => {
    const k = await provisionKey(cluster.gateway.url, MASTER);
    const gw = await spawnHelix('gateway', { config: cluster.config, env: { HELIX_MASTER_KEY: MASTER } });
    await cluster.primary.setFaults({ 'x-mock-slow-chunk-ms': '300', 'x-mock-chunks': '12' });
    try {
      const ids = Array.from({ length: 8 }, (_, i) => `sigterm-${Date.now()}-${i}`);
      const streams = await Promise.all(ids.map((id) => openStream(gw.url, k.key, id)));
      expect(streams.map((s) => s.status)).toEqual(ids.map(() => 200));
      const t0 = Date.now();
      gw.process.kill('SIGTERM');
      await expect.poll(() => refusedOrUnavailable(gw.url), { timeout: 5_000, interval: 50 }).toBe('503');
      await expect.poll(() => refusedOrUnavailable(gw.url), { timeout: 10_000, interval: 50 }).toBe('ECONNREFUSED');
      const done = await Promise.all(streams.map((s) => s.rest));
      await exited(gw);
      const tookMs = Date.now() - t0;
      expect(done.map((d) => d.error ?? (d.text.trimEnd().endsWith('data: [DONE]') ? 'complete' : 'cut'))).toEqual(ids.map(() => 'complete'));
      expect(tookMs).toBeGreaterThan(2_500);
      expect(tookMs).toBeLessThan(20_000);
      expect(gw.logs()).toContain('shutting down');
      const rows = async () => cluster.query<{ n: string }>('SELECT count(*)::text AS n FROM analytics.requests WHERE correlation_id = ANY($1)', [ids]);
      await expect.poll(async () => Number((await rows())[0]!.n), { timeout: 30_000, interval: 250 }).toBe(ids.length);
      console.log(`[shutdown] SIGTERM with ${ids.length} streams in flight: all complete, process gone after ${tookMs} ms`);
    } finally {
      await cluster.primary.setFaults({});
      await gw.dispose();
    }
  });

  it('a stream longer than http.shutdownGraceMs is closed when the grace period ends, and the process exits', async () => {
    const k = await provisionKey(cluster.gateway.url, MASTER);
    const config = { ...cluster.config, http: { ...(cluster.config.http as object), shutdownGraceMs: 1_500 } };
    const gw = await spawnHelix('gateway', { config, env: { HELIX_MASTER_KEY: MASTER } });
    await cluster.primary.setFaults({ 'x-mock-slow-chunk-ms': '500', 'x-mock-chunks': '60' });
    try {
      const s = await openStream(gw.url, k.key, `grace-${Date.now()}`);
      const t0 = Date.now();
      gw.process.kill('SIGTERM');
      const d = await s.rest;
      await exited(gw);
      const tookMs = Date.now() - t0;
      expect(d.text.includes('data: [DONE]')).toBe(false);
      expect(tookMs).toBeGreaterThan(1_400);
      expect(tookMs).toBeLessThan(15_000);
      expect(gw.logs()).toContain('grace period over');
    } finally {
      await cluster.primary.setFaults({});
      await gw.dispose();
    }
  });

  it(`rolling restart under load (${ROLL_RATE} req/s): two gateways behind a round-robin proxy, then each backend service with two replicas; no request dropped`, async () => {
    const proxy = await startProxy(cluster.gateways.map((g) => g.port));
    const load = await provisionKey(cluster.gateway.url, MASTER);
    const run = startLoad({ url: proxy.url, clients: [{ name: 'load', key: load.key, weight: 1 }], rate: ROLL_RATE, durationMs: 240_000, streamShare: 0.25 });
    const restarts: { name: string; at: number; ms: number }[] = [];
    const lag = monitorEventLoopDelay({ resolution: 20 });
    lag.enable();
    const probes: string[] = [];
    const probe = setInterval(() => {
      const t = Math.round((Date.now() - run.startedAt) / 1000);
      for (const [i, g] of cluster.gateways.entries()) {
        const t0 = Date.now();
        void refusedOrUnavailable(g.url).then((r) => probes.push(`${t}s g${i} ${r} ${Date.now() - t0}ms`));
      }
    }, 2_000);
    const roll = async (name: string, p: HelixProcess) => {
      const t = Date.now();
      await p.restart();
      restarts.push({ name, at: t - run.startedAt, ms: Date.now() - t });
    };
    try {
      await sleep(1_000);
      for (const [i, g] of cluster.gateways.entries()) await roll(`gateway ${i}`, g);
      for (const app of BACKENDS) for (const [i, p] of cluster.backends.get(app)!.entries()) if (LONG || i === 0) await roll(`${app} ${i}`, p);
      await sleep(1_000);
    } finally {
      run.stop();
    }
    const outcomes = await run.done;
    lag.disable();
    clearInterval(probe);
    await proxy.close();
    console.log(`[shutdown] test process event-loop delay: p99 ${(lag.percentile(99) / 1e6).toFixed(0)} ms, max ${(lag.max / 1e6).toFixed(0)} ms`);
    const bad = violations(outcomes, [], 'none');
    console.log(`[shutdown] rolling restart: ${outcomes.length} requests, restarts ${JSON.stringify(restarts)}, proxy ${JSON.stringify(proxy.stats())}`);
    if (bad.length) console.log(`[shutdown] gateway readiness probes: ${probes.join(', ')}`);
    if (bad.length) console.log(`[shutdown] rolling restart failures by second: ${JSON.stringify(timeline(outcomes, (o) => bad.includes(o)))}`);
    expect(bad.map((o) => `${outcomeKey(o)} (${o.stream ? 'stream' : 'json'}, at ${o.sentAt} ms)`).slice(0, 10), JSON.stringify(tally(outcomes))).toEqual([]);
    let books = await account((sql, p) => cluster.query(sql, p), load.orgId, outcomes);
    const deadline = Date.now() + 60_000;
    while (!balanced(books) && Date.now() < deadline) {
      await sleep(500);
      books = await account((sql, p) => cluster.query(sql, p), load.orgId, outcomes);
    }
    expect(books).toMatchObject({ lost: [], doubled: [], unledgered: [], overLedgered: [], unexplained: 0 });
    expect(Object.values(proxy.stats().takenOut).every((n) => n >= 1), 'each gateway left the rotation while it restarted').toBe(true);
    expect(Object.values(proxy.stats().sent).every((n) => n > outcomes.length / 4), 'both gateways served').toBe(true);
  });

  it('positive control: the same check counts the requests a kill -9 of a gateway (no graceful stop) drops', async () => {
    const proxy = await startProxy(cluster.gateways.map((g) => g.port));
    const load = await provisionKey(cluster.gateway.url, MASTER);
    await cluster.primary.setFaults({ 'x-mock-slow-chunk-ms': '200' });
    const run = startLoad({ url: proxy.url, clients: [{ name: 'load', key: load.key, weight: 1 }], rate: ROLL_RATE, durationMs: 60_000, streamShare: 0.5 });
    try {
      await sleep(2_000);
      await cluster.gateways[0]!.stop('SIGKILL');
      await sleep(1_000);
    } finally {
      run.stop();
    }
    const outcomes = await run.done;
    await proxy.close();
    await cluster.primary.setFaults({});
    await cluster.gateways[0]!.restart();
    expect(violations(outcomes, [], 'none').length, JSON.stringify(tally(outcomes))).toBeGreaterThan(0);
  });
});
