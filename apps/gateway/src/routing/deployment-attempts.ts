import { Errors, HelixError } from '@helix/contracts';
import type { PriceBook } from '@helix/cost';
import type { Answer } from '../pipeline/answer.js';
import type { RequestState } from '../pipeline/request-state.js';
import { ModelRoutingConfig } from '@helix/config';
import { routingKey, type ResolvedModel, type RoutedDeployment } from '../models/model-catalog.js';
import type { Clock } from '../identity/clock.js';
import type { Attempt } from './attempt.js';
import type { BreakerBoard } from './breaker/breaker-board.js';
import type { DeploymentStats } from './deployment-stats.js';
import { backoffMs, classifyFailure, retryAfterMs } from './failure.js';
import { estimatedPrice } from './deployment-price.js';
import type { RetryBudget } from './retry-budget.js';
import { hasTags, type RouteOverrides } from './route-overrides.js';
import { routingMetrics } from './routing.metrics.js';
import { orderDeployments, type Random } from './strategies.js';

/** What routing needs from the process: shared state, time, chance and prices. */
export interface RoutingDeps {
  breakers: BreakerBoard;
  stats: DeploymentStats;
  budget: RetryBudget;
  clock: Clock;
  random: Random;
  /** Waits `ms`; rejects with an AbortError when the client leaves. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  prices(): PriceBook | undefined;
}

const DEFAULT_ROUTING = new ModelRoutingConfig();

/** The model's routing settings (defaults for a hand-built route). */
export const routingOf = (route: ResolvedModel): ModelRoutingConfig => route.routing ?? DEFAULT_ROUTING;

/** No deployment of the model carries the requested route tags. */
export class NoTaggedDeployment extends Error {}

/**
 * Serves a request from one model's deployments: in the strategy's order, skipping open
 * breakers and deployments that asked to be left alone (`Retry-After`), falling through to
 * the next deployment on a retryable failure; then up to `retries` more rounds after a
 * jittered backoff, each retry of a deployment paid from its retry budget. A final or
 * context-window failure ends it at once (the router decides what follows).
 */
export async function serveFromModel(route: ResolvedModel, state: RequestState, overrides: RouteOverrides, attempt: Attempt, deps: RoutingDeps): Promise<Answer> {
  const candidates = route.deployments.filter((d) => hasTags(d, overrides.tags));
  if (!candidates.length) throw new NoTaggedDeployment();
  const routing = routingOf(route);
  const retry = routing.retry;
  const price = estimatedPrice(deps.prices(), state);
  const tried = new Set<string>();
  const spent = new Set<string>();
  const notBefore = new Map<string, number>();
  let last: unknown;
  for (let round = 0; round <= retry.retries; round++) {
    if (round > 0) {
      const waiting = candidates.filter((d) => tried.has(routingKey(d)) && !spent.has(routingKey(d))).map((d) => notBefore.get(routingKey(d)) ?? 0);
      if (!waiting.length) break;
      const wait = Math.max(backoffMs(round, retry.baseBackoffMs, retry.maxBackoffMs, deps.random), Math.min(...waiting) - deps.clock.now());
      await deps.sleep(wait, state.abort.signal);
    }
    const order = byCapacity(orderDeployments(routing.strategy, candidates, { load: (id) => deps.stats.load(id), price, random: deps.random }), deps);
    for (const dep of order) {
      const id = routingKey(dep);
      if (spent.has(id) || (notBefore.get(id) ?? 0) > deps.clock.now()) continue;
      const probe = await admitted(dep, route, deps);
      if (probe === undefined) continue;
      if (tried.has(id) && !deps.budget.tryRetry(id, retry)) {
        routingMetrics.budgetExhausted(id);
        spent.add(id);
        continue;
      }
      if (tried.has(id)) routingMetrics.retry(id);
      else deps.budget.recordRequest(id, retry);
      tried.add(id);
      try {
        return await attemptOn(dep, probe, route, state, overrides, attempt, deps);
      } catch (err) {
        if (state.abort.signal.aborted || classifyFailure(err) !== 'retry') throw err;
        last = err;
        const after = retryAfterMs(err instanceof HelixError ? err.headers : {}, deps.clock.now());
        if (after !== undefined && after > retry.maxRetryAfterMs) spent.add(id);
        else if (after !== undefined) notBefore.set(id, deps.clock.now() + after);
      }
    }
  }
  throw last ?? unavailable(route);
}

/** Deployments at their RPM/TPM go last, in the same relative order. */
function byCapacity(order: RoutedDeployment[], deps: RoutingDeps): RoutedDeployment[] {
  const full = order.filter((d) => deps.stats.full(routingKey(d), d));
  return full.length ? [...order.filter((d) => !full.includes(d)), ...full] : order;
}

/** false = may pass; true = passes as the half-open probe; undefined = stays out. */
async function admitted(dep: RoutedDeployment, route: ResolvedModel, deps: RoutingDeps): Promise<boolean | undefined> {
  const admission = deps.breakers.admit(routingKey(dep));
  if (admission === 'pass') return false;
  if (admission === 'blocked') return undefined;
  const ttl = Math.min(dep.timeoutMs, routingOf(route).breaker.cooldownMs);
  return (await deps.breakers.claimProbe(routingKey(dep), ttl)) ? true : undefined;
}

async function attemptOn(
  dep: RoutedDeployment,
  probe: boolean,
  route: ResolvedModel,
  state: RequestState,
  overrides: RouteOverrides,
  attempt: Attempt,
  deps: RoutingDeps,
): Promise<Answer> {
  const id = routingKey(dep);
  const end = deps.stats.begin(id, state.estimatedPromptTokens);
  const onAbort = () => end();
  state.abort.signal.addEventListener('abort', onAbort, { once: true });
  const finish = () => {
    end();
    state.abort.signal.removeEventListener('abort', onAbort);
  };
  const done = (error?: unknown) => {
    if (state.usage) deps.stats.addTokens(id, state.usage.outputTokens);
    finish();
    if (error === undefined || state.abort.signal.aborted) return;
    routingMetrics.attempt(id, 'stream_error');
    deps.breakers.failure(id, false, routingOf(route).breaker);
  };
  const started = performance.now();
  try {
    const answer = await attempt(dep, { timeoutMs: Math.min(dep.timeoutMs, overrides.timeoutMs ?? Infinity), done });
    deps.stats.observeLatency(id, performance.now() - started);
    deps.breakers.success(id, probe);
    routingMetrics.attempt(id, 'success');
    if (answer.kind === 'json') done();
    return answer;
  } catch (err) {
    finish();
    if (state.abort.signal.aborted) throw err;
    const kind = classifyFailure(err);
    routingMetrics.attempt(id, kind === 'retry' ? 'retryable' : kind);
    if (kind === 'retry') deps.breakers.failure(id, probe, routingOf(route).breaker);
    else deps.breakers.success(id, probe);
    throw err;
  }
}

/** Every deployment is cooling down: 503, with the time until the first probe. */
function unavailable(route: ResolvedModel): HelixError {
  const err = Errors.unavailable(`Every deployment of \`${route.name}\` is failing and cooling down; try again shortly.`, 'no_deployment_available');
  const waitS = Math.ceil(routingOf(route).breaker.cooldownMs / 1000);
  return new HelixError(err.status, err.type, err.message, err.code, null, { 'retry-after': String(Math.max(1, waitS)) }, true);
}
