import type { RoutingStrategy } from '@helix/config';
import { routingKey, type RoutedDeployment } from '../models/model-catalog.js';
import type { DeploymentLoad } from './deployment-stats.js';

/** A number in [0, 1). */
export type Random = () => number;

/** What a strategy may read about the candidates. */
export interface StrategyContext {
  load(id: string): DeploymentLoad;
  /** Estimated cost of this request on the deployment (any unit, compared only); undefined = unpriced. */
  price(dep: RoutedDeployment): number | undefined;
  random: Random;
}

/**
 * The order in which to try a model's deployments. Every strategy is a total order, so the
 * router falls through to the next one on failure; ties are broken at random, so equal
 * deployments share the load. O(n log n) in the deployments of one model, no I/O.
 */
export function orderDeployments(strategy: RoutingStrategy, deps: readonly RoutedDeployment[], ctx: StrategyContext): RoutedDeployment[] {
  switch (strategy) {
    case 'ordered':
      return [...deps];
    case 'weighted':
      return weightedOrder(deps, ctx.random);
    case 'least-busy':
      return sortBy(deps, (d) => ctx.load(routingKey(d)).inFlight, ctx.random);
    case 'latency':
      return sortBy(deps, (d) => ctx.load(routingKey(d)).latencyMs ?? -1, ctx.random);
    case 'cost':
      return sortBy(deps, (d) => ctx.price(d) ?? Number.POSITIVE_INFINITY, ctx.random);
  }
}

const weightOf = (d: RoutedDeployment) => d.weight ?? 1;

/** Weighted random sampling without replacement; zero-weight deployments come last, in config order. */
export function weightedOrder(deps: readonly RoutedDeployment[], random: Random): RoutedDeployment[] {
  const pool = deps.filter((d) => weightOf(d) > 0);
  const out: RoutedDeployment[] = [];
  while (pool.length) {
    const total = pool.reduce((sum, d) => sum + weightOf(d), 0);
    let r = random() * total;
    let i = 0;
    while (i < pool.length - 1 && r >= weightOf(pool[i]!)) r -= weightOf(pool[i++]!);
    out.push(...pool.splice(i, 1));
  }
  return [...out, ...deps.filter((d) => weightOf(d) <= 0)];
}

/** Ascending by `key`; equal keys in random order (unknown latency, -1, goes first to get a sample). */
function sortBy(deps: readonly RoutedDeployment[], key: (d: RoutedDeployment) => number, random: Random): RoutedDeployment[] {
  return deps
    .map((d) => ({ d, k: key(d), tie: random() }))
    .sort((a, b) => a.k - b.k || a.tie - b.tie)
    .map((x) => x.d);
}
