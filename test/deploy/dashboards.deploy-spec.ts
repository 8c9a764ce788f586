import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startMockUpstream, type MockUpstream } from '../../apps/mock-upstream/src/mock-upstream.js';
import { provisionKey, admin } from '../e2e/support/admin-client.js';
import { distributedConfig, migrate } from '../e2e/support/distributed.js';
import { spawnHelix, type HelixProcess } from '../e2e/support/helix-process.js';
import { createTestDatabase, testNatsUrl, testRedisPrefix, testRedisUrl, uniqueName } from '../support/infra.js';
import { ROOT } from './support/dockerfile.js';
import { missingFrom, parseScrape, queryUse, withoutGrafanaVariables, type Scrape } from './support/promql.js';

const DASHBOARDS = join(ROOT, 'docker/grafana/dashboards');

interface Target {
  expr?: string;
  datasource: { type: string; uid: string };
}
interface Panel {
  id: number;
  type: string;
  title: string;
  datasource?: { type: string; uid: string };
  gridPos: { x: number; y: number; w: number; h: number };
  targets?: Target[];
}
interface Dashboard {
  uid: string;
  title: string;
  panels: Panel[];
  templating: { list: { name: string; type: string; query: string }[] };
}

const files = readdirSync(DASHBOARDS).filter((f) => f.endsWith('.json'));
const dashboards = files.map((f) => [f, JSON.parse(readFileSync(join(DASHBOARDS, f), 'utf8')) as Dashboard] as const);

/** Every PromQL query the dashboards and the alert rules run, with where it comes from. */
function queries(): { where: string; expr: string }[] {
  const fromDashboards = dashboards.flatMap(([file, d]) =>
    d.panels.flatMap((p) => (p.targets ?? []).filter((t) => t.datasource.type === 'prometheus').map((t) => ({ where: `${file}: ${p.title}`, expr: withoutGrafanaVariables(t.expr!) }))),
  );
  const rules = parse(readFileSync(join(ROOT, 'docker/prometheus/rules.yml'), 'utf8')) as { groups: { rules: { alert: string; expr: string }[] }[] };
  const fromRules = rules.groups.flatMap((g) => g.rules.map((r) => ({ where: `rules.yml: ${r.alert}`, expr: r.expr })));
  return [...fromDashboards, ...fromRules];
}

describe('the Grafana dashboards (docker/grafana/dashboards)', () => {
  it('are what docker/grafana/build-dashboards.mjs makes', async () => {
    const gen = (await import(pathToFileURL(join(ROOT, 'docker/grafana/build-dashboards.mjs')).href)) as {
      buildDashboards(): Record<string, unknown>;
      dashboardText(json: unknown): string;
    };
    const built = gen.buildDashboards();
    expect(Object.keys(built).sort()).toEqual([...files].sort());
    for (const [file, json] of Object.entries(built)) expect(readFileSync(join(DASHBOARDS, file), 'utf8'), `${file} is stale: run node docker/grafana/build-dashboards.mjs`).toBe(gen.dashboardText(json));
  });

  it('cover overview/SLO, cache, cost, PII, bus and services; unique uids and panel ids; panels inside the grid', () => {
    expect(dashboards.map(([, d]) => d.uid).sort()).toEqual(['helix-bus', 'helix-cache', 'helix-cost', 'helix-overview', 'helix-pii', 'helix-services']);
    for (const [file, d] of dashboards) {
      const ids = d.panels.map((p) => p.id);
      expect(new Set(ids).size, file).toBe(ids.length);
      for (const p of d.panels) expect(p.gridPos.x + p.gridPos.w, `${file}: ${p.title}`).toBeLessThanOrEqual(24);
    }
  });

  it('query only through their own datasource variables, so any Grafana (compose or the chart) can load them', () => {
    for (const [file, d] of dashboards) {
      const vars = new Map(d.templating.list.filter((v) => v.type === 'datasource').map((v) => [`\${${v.name}}`, v.query]));
      for (const p of d.panels.filter((x) => x.type !== 'row')) {
        for (const t of [p.datasource!, ...(p.targets ?? []).map((x) => x.datasource)]) expect(vars.get(t.uid), `${file}: ${p.title} uses ${t.uid}`).toBe(t.type);
        expect(p.targets?.length, `${file}: ${p.title}`).toBeGreaterThan(0);
      }
    }
  });

  it('and the alert rules are valid PromQL (a broken query is caught)', () => {
    const all = queries();
    expect(all.length).toBeGreaterThan(60);
    for (const q of all) expect(() => queryUse(q.expr), q.where).not.toThrow();
    expect(() => queryUse('sum(rate(helix_requests_total[5m])')).toThrow(/syntax error/);
  });
});

describe('every metric the dashboards and alert rules read exists in a real scrape of the services', () => {
  const MASTER = `hx-master-${'d'.repeat(40)}`;
  let upstream: MockUpstream;
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  const procs: HelixProcess[] = [];
  let standalone: HelixProcess;
  let gateway: HelixProcess;

  beforeAll(async () => {
    upstream = await startMockUpstream({});
    db = await createTestDatabase();
    migrate(db.url);
    const base = distributedConfig({ natsUrl: testNatsUrl(), namespace: uniqueName('dash'), redisUrl: testRedisUrl(), redisPrefix: testRedisPrefix(), databaseUrl: db.url, upstream: upstream.baseUrl });
    const steps = { budget: { enabled: true, timeoutMs: 200 }, pii: { enabled: true, timeoutMs: 200 }, cache: { enabled: true, timeoutMs: 200 } };
    const start = async (...steps: (() => Promise<HelixProcess>)[]) => {
      const started = await Promise.all(steps.map((s) => s()));
      procs.push(...started);
      await Promise.all(started.map((p) => ready(p)));
    };
    await start(() =>
      spawnHelix('standalone', {
        waitReady: false,
        config: {
          providers: [
            { name: 'mock', type: 'mock' },
            { name: 'upstream', type: 'openai-compatible', baseUrl: upstream.baseUrl },
          ],
          models: [
            { name: 'mock-gpt', deployments: [{ provider: 'mock', model: 'mock-gpt' }] },
            { name: 'flaky', deployments: [{ provider: 'upstream', model: 'mock-gpt' }], fallbacks: ['mock-gpt'], routing: { retry: { retries: 1, baseBackoffMs: 1, maxBackoffMs: 2 } } },
          ],
          pii: { defaultPolicy: { operators: [{ entity: 'CREDIT_CARD', operator: 'block' }] } },
          cache: { semantic: { rules: [{ model: 'mock-gpt', enabled: true, threshold: 0.5 }] } },
          cost: { prices: { overrides: [{ model: 'mock-gpt', inputPerMTok: 1000, outputPerMTok: 1000 }] } },
        },
      }),
    );
    await start(
      () => spawnHelix('gateway', { waitReady: false, config: { ...base, pipeline: steps }, env: { HELIX_MASTER_KEY: MASTER } }),
      () => spawnHelix('cost-service', { waitReady: false, config: { ...base, nats: { ...base.nats, namespace: uniqueName('dashcost') } } }),
    );
    [standalone, gateway] = procs as [HelixProcess, HelixProcess];
    await traffic();
  }, 360_000);

  afterAll(async () => {
    await Promise.all(procs.map((p) => p.dispose()));
    await upstream?.close();
    await db?.drop();
  });

  /** Waits for /health/ready itself (longer than the harness on a loaded machine), so a slow start still leaves a handle to stop. */
  async function ready(p: HelixProcess, timeoutMs = 150_000) {
    const deadline = Date.now() + timeoutMs;
    while ((await fetch(`${p.url}/health/ready`).then((r) => r.status, () => 0)) !== 200) {
      if (p.process.exitCode !== null) throw new Error(`${p.app} exited with ${p.process.exitCode}:\n${p.logs()}`);
      if (Date.now() > deadline) throw new Error(`${p.app} not ready within ${timeoutMs} ms:\n${p.logs()}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  const chat = (url: string, key: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    fetch(`${url}/v1/chat/completions`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const ask = (content: string, model = 'mock-gpt') => ({ model, messages: [{ role: 'user', content }] });

  /**
   * Requests that make each family of metrics appear: answers, cache hits and bypasses, PII, refusals,
   * retries, fallbacks, a budget spent past 100%, and bus steps failing closed (the distributed gateway
   * has no pii-service, and its cost-service listens in another namespace).
   */
  async function traffic() {
    const url = standalone.url;
    const team = await provisionKey(url, standalone.masterKey());
    const statuses: number[] = [];
    const send = async (...args: Parameters<typeof chat>) => statuses.push((await chat(...args)).status);
    await admin(url, standalone.masterKey(), 'POST', '/admin/budgets', { org_id: team.orgId, level: 'org', scope_id: team.orgId, period: 'monthly', amount_usd: '0.000000001' });
    await send(url, team.key, ask('What is 12 plus 7? My name is John Smith, mail john.smith@example.com'));
    await send(url, team.key, ask('What is 12 plus 7? My name is John Smith, mail john.smith@example.com'));
    await send(url, team.key, ask('What is 12 plus 8? My name is John Smith, mail john.smith@example.com'));
    await send(url, team.key, { ...ask('stream this please'), stream: true });
    await send(url, team.key, ask('no cache for this one'), { 'x-helix-cache': 'no-cache' });
    await send(url, team.key, ask('my card is 4111 1111 1111 1111'));
    await send(url, 'hx-not-a-key', ask('who am I'));
    const limited = await provisionKey(url, standalone.masterKey(), { rpm: 1 });
    await send(url, limited.key, ask('first'));
    await send(url, limited.key, ask('second'));
    upstream.setFaults({ 'x-mock-status': '500' });
    await send(url, team.key, ask('falls back', 'flaky'));
    upstream.setFaults({});
    const distributed = await provisionKey(gateway.url, MASTER);
    await send(gateway.url, distributed.key, ask('refused: no pii-service, no cost-service answers', 'gpt-test'));
    expect(statuses).toEqual(expect.arrayContaining([200, 400, 401, 429, 503]));
  }

  async function scrapeAll(): Promise<Scrape> {
    const scrape = parseScrape('');
    for (const p of procs) {
      const res = await fetch(`${p.url}/metrics`);
      expect(res.status, `${p.app} /metrics`).toBe(200);
      parseScrape(await res.text(), scrape);
    }
    return scrape;
  }

  it('finds every metric name, label and matched label value, polling while periodic gauges appear; a made-up one is reported', async () => {
    const all = queries();
    let missing: string[] = [];
    const deadline = Date.now() + 45_000;
    for (;;) {
      const scrape = await scrapeAll();
      missing = [...new Set(all.flatMap((q) => missingFrom(scrape, queryUse(q.expr)).map((m) => `${m} (${q.where})`)))];
      if (missing.length === 0 || Date.now() > deadline) {
        expect(missingFrom(scrape, queryUse('sum(rate(helix_requests_totl[5m]))'))).toEqual(['helix_requests_totl']);
        expect(missingFrom(scrape, queryUse('sum(rate(helix_requests_total{tenant="a"}[5m]))'))).toEqual(['helix_requests_total{tenant}']);
        expect(missingFrom(scrape, queryUse('sum by (tenant) (rate(helix_requests_total[5m]))'))).toEqual(['by (tenant)']);
        expect(missingFrom(scrape, queryUse('sum(rate(helix_pipeline_dependency_failures_total{policy="closed"}[5m]))'))).toEqual(['helix_pipeline_dependency_failures_total{policy="closed"}']);
        expect(missingFrom(scrape, queryUse('sum(rate(helix_requests_total{status=~"7.."}[5m]))'))).toEqual(['helix_requests_total{status=~"7.."}']);
        expect(missingFrom(scrape, queryUse('histogram_quantile(0.9, sum by (le) (rate(helix_request_duration_seconds_bucket[5m])))'))).toEqual([]);
        break;
      }
      await new Promise((r) => setTimeout(r, 2_000));
    }
    expect(missing).toEqual([]);
  }, 120_000);
});
