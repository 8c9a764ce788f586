import { writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin } from '../e2e/support/admin-client.js';
import { account, balanced, budgetSpend, overspent } from './support/accounting.js';
import { Cluster, MASTER, type BackendApp } from './support/cluster.js';
import { BUDGET_EXCEEDED, BUDGET_UNAVAILABLE, OK, outcomeKey, PII_UNAVAILABLE, STREAM_CUT, violations } from './support/policy.js';
import { figures, LONG, RATE, runPhase, WINDOW_MS, type Phase, type PhaseResult } from './support/phases.js';

let cluster: Cluster;
const results: PhaseResult[] = [];

beforeAll(async () => {
  cluster = await Cluster.start();
});
afterAll(async () => {
  const rows = results.map(figures);
  console.log(`[faults] ${RATE} req/s, windows of ${WINDOW_MS / 1000} s\n${JSON.stringify(rows, null, 1)}`);
  if (process.env.HELIX_FAULT_REPORT) writeFileSync(process.env.HELIX_FAULT_REPORT, JSON.stringify({ rate: RATE, windowMs: WINDOW_MS, phases: rows }, null, 2));
  await cluster?.dispose();
});

/** Every request answered within the policy, the gateway up, every response in analytics and the ledger once, the capped team at (not past) its hard limit. */
function expectHeld(r: PhaseResult, allowed: string[]): void {
  results.push(r);
  expect(r.gatewayUp).toBe(true);
  const bad = violations(r.outcomes, allowed);
  expect(bad.map((o) => `${outcomeKey(o)} (${o.client}, ${o.stream ? 'stream' : 'json'}, at ${o.sentAt} ms)`).slice(0, 10), JSON.stringify(r.tally)).toEqual([]);
  expect(r.books, `books of ${r.name}`).toMatchObject({ lost: [], doubled: [], unledgered: [], overLedgered: [], unexplained: 0 });
  expect(r.books.analyticsRows).toBe(r.outcomes.length);
  expect(r.outcomes.filter((o) => o.client === 'capped' && outcomeKey(o) === BUDGET_EXCEEDED).length, 'the capped team reached its hard limit').toBeGreaterThan(0);
  expect(overspent(r.budget), `spent ${r.budget.spent} of ${r.budget.limit}`).toBe(false);
  const afterRecovery = r.outcomes.filter((o) => o.sentAt > r.recoveredAt + 2_000);
  expect(afterRecovery.length).toBeGreaterThan(0);
  expect(afterRecovery.filter((o) => ![OK, BUDGET_EXCEEDED].includes(outcomeKey(o))).map(outcomeKey), 'answers 2 s after recovery').toEqual([]);
}

const count = (r: PhaseResult, key: string) => r.outcomes.filter((o) => outcomeKey(o) === key).length;

const kill = (app: BackendApp): Phase => ({
  name: `kill -9 ${app}`,
  windowMs: WINDOW_MS,
  faultAtMs: LONG ? 5_000 : 2_000,
  async inject(c) {
    await c.backend(app).stop('SIGKILL');
    await c.backend(app).restart();
  },
});

/** A server of the suite stopped (SIGTERM) for `downMs`, then started on the same port and data. */
const stopFor = (name: string, server: 'nats' | 'redis' | 'postgres', downMs: number): Phase => ({
  name,
  windowMs: Math.max(WINDOW_MS, downMs + 5_000),
  faultAtMs: 1_000,
  async inject(c) {
    await c[server].stop();
    await sleep(downMs);
    await c[server].restart();
  },
});

/** The primary upstream answers with `faults` (x-mock-* switches) for most of the window; the backup is healthy. */
const upstream = (name: string, faults: Record<string, string>): Phase => ({
  name,
  windowMs: LONG ? 30_000 : 6_000,
  faultAtMs: 1_000,
  async inject(c) {
    await c.primary.setFaults(faults);
    await sleep((LONG ? 30_000 : 6_000) - 2_500);
    await c.primary.setFaults({});
  },
});

describe(`faults under a steady load (${RATE} req/s, five services as processes, private NATS, Redis and Postgres)`, () => {
  it('kill -9 of the pii-service: PII fails closed (503 pii_unavailable) until it is back', async () => {
    const r = await runPhase(cluster, kill('pii-service'));
    expectHeld(r, [PII_UNAVAILABLE]);
    expect(count(r, PII_UNAVAILABLE)).toBeGreaterThan(0);
  });

  it('positive controls: the books catch a lost and a doubled event, the budget check an overspend', async () => {
    const r = results[0]!;
    const query = <T>(sql: string, p?: unknown[]) => cluster.query<T>(sql, p);
    const phantom = { ...r.outcomes[0]!, id: '00000000-0000-4000-8000-000000000000' };
    const withLost = await account(query, r.orgId, [...r.outcomes, phantom]);
    expect(withLost.lost).toEqual([phantom.id]);
    expect(balanced(withLost)).toBe(false);

    const twice = r.outcomes.find((o) => o.status === 200)!.id;
    await cluster.query(
      `INSERT INTO analytics.requests SELECT (jsonb_populate_record(r, jsonb_build_object('event_id', r.event_id || '-again'))).* FROM analytics.requests r WHERE correlation_id = $1`,
      [twice],
    );
    const withDouble = await account(query, r.orgId, r.outcomes);
    await cluster.query(`DELETE FROM analytics.requests WHERE event_id LIKE '%-again'`);
    expect(withDouble.doubled).toEqual([twice]);
    expect(balanced(await account(query, r.orgId, r.outcomes))).toBe(true);

    const loose = await admin<{ id: string }>(cluster.gateway.url, MASTER, 'POST', '/admin/budgets', {
      org_id: r.orgId,
      level: 'team',
      scope_id: r.loadTeamId,
      period: 'total',
      amount_usd: '0.001',
      hard_limit_usd: '0.001',
    });
    const spend = await budgetSpend(query, loose.id);
    expect(spend.spent).toBeGreaterThan(spend.limit);
    expect(overspent(spend)).toBe(true);
  });

  it('kill -9 of the cache-service: the cache is bypassed, every answer still served', async () => {
    const r = await runPhase(cluster, kill('cache-service'));
    expectHeld(r, []);
    expect(r.outcomes.filter((o) => o.cache === 'bypass').length).toBeGreaterThan(0);
  });

  it('kill -9 of the cost-service: budgets fail closed (503 budget_unavailable); the ledger catches up', async () => {
    const r = await runPhase(cluster, kill('cost-service'));
    expectHeld(r, [BUDGET_UNAVAILABLE]);
    expect(count(r, BUDGET_UNAVAILABLE)).toBeGreaterThan(0);
  });

  it('kill -9 of the analytics-service: nothing visible to clients; analytics catches up', async () => {
    const r = await runPhase(cluster, kill('analytics-service'));
    expectHeld(r, []);
  });

  it('nats-server restarted: bus steps fail as documented, events wait in the outbox', async () => {
    const r = await runPhase(cluster, stopFor('restart nats-server', 'nats', 0));
    expectHeld(r, [PII_UNAVAILABLE, BUDGET_UNAVAILABLE]);
  });

  it('Redis stopped for 10 s: budgets fail closed, the cache is bypassed, rate limits fail open', async () => {
    const r = await runPhase(cluster, stopFor('stop Redis 10 s', 'redis', 10_000));
    expectHeld(r, [BUDGET_UNAVAILABLE]);
    expect(count(r, BUDGET_UNAVAILABLE) + r.outcomes.filter((o) => o.cache === 'bypass').length).toBeGreaterThan(0);
  });

  it('Postgres stopped for 10 s: answers go on from caches (keys, budgets), ledger and analytics catch up', async () => {
    const r = await runPhase(cluster, stopFor('stop Postgres 10 s', 'postgres', 10_000));
    expectHeld(r, []);
  });

  it('upstream 500s: the fallback model answers', async () => {
    const r = await runPhase(cluster, upstream('upstream 500', { 'x-mock-status': '500' }));
    expectHeld(r, []);
    expect(r.outcomes.filter((o) => o.deployment?.startsWith('backup/')).length).toBeGreaterThan(0);
  });

  it('upstream 429s with Retry-After: retried, then the fallback answers', async () => {
    const r = await runPhase(cluster, upstream('upstream 429 + Retry-After', { 'x-mock-status': '429', 'x-mock-retry-after': '1' }));
    expectHeld(r, []);
    expect(r.outcomes.filter((o) => o.deployment?.startsWith('backup/')).length).toBeGreaterThan(0);
  });

  it('upstream timeouts: the attempt times out, the fallback answers', async () => {
    const r = await runPhase(cluster, upstream('upstream timeouts', { 'x-mock-latency-ms': '3000' }));
    expectHeld(r, []);
    expect(r.outcomes.filter((o) => o.deployment?.startsWith('backup/')).length).toBeGreaterThan(0);
  });

  it('slow upstream streams: every stream completes', async () => {
    const r = await runPhase(cluster, upstream('slow streams', { 'x-mock-slow-chunk-ms': '300' }));
    expectHeld(r, []);
    const streams = r.outcomes.filter((o) => o.stream && o.status === 200 && o.deployment?.startsWith('upstream/') && o.sentAt > 1_500 && o.sentAt < 3_000);
    expect(streams.length).toBeGreaterThan(0);
    expect(Math.min(...streams.map((o) => o.doneAt - o.sentAt))).toBeGreaterThan(1_000);
  });

  it('upstream streams cut mid-way: those streams end with an upstream_error event, JSON answers are whole', async () => {
    const r = await runPhase(cluster, upstream('streams cut mid-way', { 'x-mock-cut-after-chunks': '2' }));
    expectHeld(r, [STREAM_CUT]);
    const cut = r.outcomes.filter((o) => outcomeKey(o) === STREAM_CUT);
    expect(cut.length).toBeGreaterThan(0);
    expect(cut.every((o) => o.stream)).toBe(true);
  });
});
