import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { HelixError, Errors } from '@helix/contracts';
import { loadConfig } from '@helix/config';
import { ModelCatalog, type RoutedDeployment } from '../models/model-catalog.js';
import { RequestState } from '../pipeline/request-state.js';
import type { Answer } from '../pipeline/answer.js';
import type { Logger } from '@helix/telemetry';
import { BreakerBoard } from './breaker/breaker-board.js';
import { MemoryBreakerStore } from './breaker/memory.breaker-store.js';
import { DeploymentStats } from './deployment-stats.js';
import { RetryBudget } from './retry-budget.js';
import { Router } from './router.js';
import type { AttemptContext } from './attempt.js';

const dir = mkdtempSync(join(tmpdir(), 'helix-router-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const routing = (extra: object = {}) => ({ strategy: 'ordered', retry: { retries: 2, baseBackoffMs: 100, maxBackoffMs: 1000, maxRetryAfterMs: 5000, budgetMinRetries: 100 }, breaker: { failures: 3, cooldownMs: 1000 }, ...extra });

function catalog(models: object[]): ModelCatalog {
  const file = join(dir, `${Math.random()}.yaml`);
  writeFileSync(file, stringify({ providers: [{ name: 'p', type: 'mock' }], models }));
  return new ModelCatalog(loadConfig({ path: file, env: {} }));
}

const twoDeployments = catalog([
  { name: 'm', fallbacks: ['fb'], contextFallbacks: ['big'], routing: routing(), deployments: [{ id: 'a', provider: 'p', model: 'a', tags: ['eu'] }, { id: 'b', provider: 'p', model: 'b', timeoutMs: 9000 }] },
  { name: 'one', fallbacks: ['fb'], routing: routing(), deployments: [{ id: 'solo', provider: 'p', model: 'solo' }] },
  { name: 'fb', routing: routing({ retry: { retries: 0 } }), deployments: [{ id: 'f', provider: 'p', model: 'f' }] },
  { name: 'big', routing: routing(), deployments: [{ id: 'g', provider: 'p', model: 'g' }] },
]);

const silent = { info() {}, warn() {}, error() {}, debug() {} } as unknown as Logger;

function world(script: Record<string, (ctx: AttemptContext) => Answer | Error>, models = twoDeployments) {
  let now = 1_000_000;
  const clock = { now: () => now };
  const waits: number[] = [];
  const breakers = new BreakerBoard(new MemoryBreakerStore(clock), clock, silent);
  const router = new Router({
    breakers,
    stats: new DeploymentStats(clock),
    budget: new RetryBudget(clock),
    clock,
    random: () => 0.5,
    sleep: async (ms) => {
      waits.push(ms);
      now += ms;
    },
    prices: () => undefined,
  });
  const calls: string[] = [];
  const timeouts: number[] = [];
  const run = async (model: string, headers: Record<string, string> = {}) => {
    const state = new RequestState('chat.completions', 'c', { model, messages: [{ role: 'user', content: 'hi' }] }, headers);
    state.route = models.get(model);
    const answer = await router.route(state, () => models, async (dep: RoutedDeployment, ctx) => {
      calls.push(dep.id);
      timeouts.push(ctx.timeoutMs);
      const out = script[dep.id]?.(ctx) ?? new Error(`unscripted ${dep.id}`);
      if (out instanceof Error) throw out;
      return out;
    });
    return { answer, state };
  };
  return { run, calls, waits, timeouts, breakers, advance: (ms: number) => (now += ms) };
}

const ok = (tag: string) => (): Answer => ({ kind: 'json', status: 200, body: { tag } });
const fail = (status: number, headers: Record<string, string> = {}) => () => new HelixError(status, 'upstream_error', `failed ${status}`, null, null, headers, status >= 500 || status === 429);
const failTimes = (n: number, status: number, then: () => Answer, headers: Record<string, string> = {}) => {
  let left = n;
  return () => (left-- > 0 ? fail(status, headers)() : then());
};

describe('Router', () => {
  it('falls through to the next deployment on a 5xx, then serves; the first success needs no wait', async () => {
    const w = world({ a: fail(503), b: ok('b') });
    const { answer, state } = await w.run('m');
    expect(answer).toMatchObject({ body: { tag: 'b' } });
    expect(w.calls).toEqual(['a', 'b']);
    expect(w.waits).toEqual([]);
    expect(state.responseHeaders['x-helix-fallback']).toBeUndefined();
  });

  it('retries a lone deployment after its Retry-After (not sooner), and after a jittered backoff without one', async () => {
    const w = world({ solo: failTimes(1, 429, ok('solo'), { 'retry-after': '2' }) });
    await w.run('one');
    expect(w.calls).toEqual(['solo', 'solo']);
    expect(w.waits).toEqual([2000]);
    const control = world({ solo: failTimes(2, 500, ok('solo')) });
    await control.run('one');
    expect(control.calls).toEqual(['solo', 'solo', 'solo']);
    expect(control.waits).toEqual([50, 100]);
  });

  it('does not wait for a Retry-After above the maximum: the fallback model serves at once', async () => {
    const w = world({ solo: fail(429, { 'retry-after': '60' }), f: ok('f') });
    const { answer, state } = await w.run('one');
    expect(answer).toMatchObject({ body: { tag: 'f' } });
    expect(w.calls).toEqual(['solo', 'f']);
    expect(w.waits).toEqual([]);
    expect(state.model).toBe('fb');
    expect(state.requestedModel).toBe('one');
    expect(state.responseHeaders['x-helix-fallback']).toBe('one->fb');
  });

  it('goes to the context fallbacks on a context-window error, not to the others', async () => {
    const w = world({ a: () => new HelixError(400, 'invalid_request_error', 'too long', 'context_length_exceeded'), g: ok('g'), f: ok('f') });
    const { answer } = await w.run('m');
    expect(answer).toMatchObject({ body: { tag: 'g' } });
    expect(w.calls).toEqual(['a', 'g']);
  });

  it('answers a client error at once, with no retry and no fallback', async () => {
    const w = world({ a: () => Errors.badRequest('bad temperature', 'temperature'), b: ok('b') });
    await expect(w.run('m')).rejects.toMatchObject({ status: 400, param: 'temperature' });
    expect(w.calls).toEqual(['a']);
  });

  it('gives up after the retry rounds and the fallbacks with the last error', async () => {
    const w = world({ solo: fail(502), f: fail(503) });
    await expect(w.run('one')).rejects.toMatchObject({ status: 503 });
    expect(w.calls).toEqual(['solo', 'solo', 'solo', 'f']);
  });

  it('opens the breaker after N failures: later requests skip the deployment until a probe closes it', async () => {
    const w = world({ a: fail(500), b: ok('b') });
    for (let i = 0; i < 3; i++) await w.run('m');
    expect(w.breakers.state('a')).toBe('open');
    w.calls.length = 0;
    await w.run('m');
    expect(w.calls).toEqual(['b']);
    w.advance(1000);
    expect(w.breakers.state('a')).toBe('half-open');
    w.calls.length = 0;
    await w.run('m');
    expect(w.calls).toEqual(['a', 'b']);
    expect(w.breakers.state('a')).toBe('open');
  });

  it('answers 503 with Retry-After, without calling, while every deployment cools down and nothing falls back', async () => {
    const alone = catalog([{ name: 'one', routing: routing({ retry: { retries: 0 } }), deployments: [{ id: 'solo', provider: 'p', model: 'solo' }] }]);
    const w = world({ solo: fail(500) }, alone);
    for (let i = 0; i < 3; i++) await expect(w.run('one')).rejects.toMatchObject({ status: 500 });
    w.calls.length = 0;
    await expect(w.run('one')).rejects.toMatchObject({ status: 503, code: 'no_deployment_available', headers: { 'retry-after': '1' } });
    expect(w.calls).toEqual([]);
  });

  it('closes the breaker when the half-open probe succeeds', async () => {
    let healthy = false;
    const w = world({ a: () => (healthy ? ok('a')() : fail(500)()), b: ok('b') });
    for (let i = 0; i < 3; i++) await w.run('m');
    w.advance(1000);
    healthy = true;
    const { answer } = await w.run('m');
    expect(answer).toMatchObject({ body: { tag: 'a' } });
    expect(w.breakers.state('a')).toBe('closed');
  });

  it('stops retrying a deployment when its retry budget is spent', async () => {
    const tight = catalog([{ name: 'one', routing: routing({ retry: { retries: 5, budgetMinRetries: 1, budgetRatio: 0 }, breaker: { failures: 100 } }), deployments: [{ id: 'solo', provider: 'p', model: 'solo' }] }]);
    const w = world({ solo: fail(500) }, tight);
    await expect(w.run('one')).rejects.toMatchObject({ status: 500 });
    expect(w.calls).toEqual(['solo', 'solo']);
    const roomy = catalog([{ name: 'one', routing: routing({ retry: { retries: 5, budgetMinRetries: 10, budgetRatio: 0 }, breaker: { failures: 100 } }), deployments: [{ id: 'solo', provider: 'p', model: 'solo' }] }]);
    const control = world({ solo: fail(500) }, roomy);
    await expect(control.run('one')).rejects.toMatchObject({ status: 500 });
    expect(control.calls).toHaveLength(6);
  });

  it('keeps to the deployments with the requested tags, and lowers the timeout on request', async () => {
    const w = world({ a: ok('a'), b: ok('b') });
    await w.run('m', { 'x-helix-route-tags': 'eu', 'x-helix-timeout-ms': '50' });
    expect(w.calls).toEqual(['a']);
    expect(w.timeouts).toEqual([50]);
    await w.run('m', { 'x-helix-timeout-ms': '999999' });
    expect(w.timeouts.at(-1)).toBe(600_000);
    await expect(w.run('m', { 'x-helix-route-tags': 'us' })).rejects.toMatchObject({ status: 400, code: 'no_matching_deployment' });
    await expect(w.run('m', { 'x-helix-timeout-ms': 'soon' })).rejects.toMatchObject({ status: 400, param: 'x-helix-timeout-ms' });
  });
});
