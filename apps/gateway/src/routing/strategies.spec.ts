import { describe, expect, it } from 'vitest';
import type { RoutedDeployment } from '../models/model-catalog.js';
import { orderDeployments, weightedOrder, type StrategyContext } from './strategies.js';

const dep = (id: string, extra: Partial<RoutedDeployment> = {}): RoutedDeployment => ({ id, configId: id, provider: 'mock', model: id, baseUrl: '', timeoutMs: 1000, weight: 1, tags: [], ...extra });
const seq = (...xs: number[]) => {
  let i = 0;
  return () => xs[i++ % xs.length]!;
};
const ids = (ds: RoutedDeployment[]) => ds.map((d) => d.id);
const ctx = (over: Partial<StrategyContext> = {}): StrategyContext => ({ load: () => ({ inFlight: 0 }), price: () => undefined, random: seq(0.5), ...over });

describe('weighted', () => {
  it('picks by weight, without replacement, zero weights last', () => {
    const deps = [dep('a', { weight: 1 }), dep('b', { weight: 3 }), dep('z', { weight: 0 })];
    expect(ids(weightedOrder(deps, seq(0.1, 0.1)))).toEqual(['a', 'b', 'z']);
    expect(ids(weightedOrder(deps, seq(0.3, 0.1)))).toEqual(['b', 'a', 'z']);
  });

  it('spreads traffic in proportion to the weights', () => {
    const deps = [dep('a', { weight: 1 }), dep('b', { weight: 3 })];
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const first = { a: 0, b: 0 } as Record<string, number>;
    for (let i = 0; i < 4000; i++) first[weightedOrder(deps, random)[0]!.id]! += 1;
    expect(first.b! / 4000).toBeGreaterThan(0.71);
    expect(first.b! / 4000).toBeLessThan(0.79);
  });
});

describe('orderDeployments', () => {
  const deps = [dep('a'), dep('b'), dep('c')];

  it('ordered keeps config order', () => {
    expect(ids(orderDeployments('ordered', deps, ctx()))).toEqual(['a', 'b', 'c']);
  });

  it('least-busy puts the fewest in flight first; ties at random', () => {
    const inFlight: Record<string, number> = { a: 3, b: 0, c: 1 };
    expect(ids(orderDeployments('least-busy', deps, ctx({ load: (id) => ({ inFlight: inFlight[id]! }) })))).toEqual(['b', 'c', 'a']);
    const tie = ctx({ random: seq(0.9, 0.1, 0.5) });
    expect(ids(orderDeployments('least-busy', deps, tie))).toEqual(['b', 'c', 'a']);
  });

  it('latency tries unsampled deployments first, then the lowest average', () => {
    const latency: Record<string, number | undefined> = { a: 300, b: undefined, c: 120 };
    expect(ids(orderDeployments('latency', deps, ctx({ load: (id) => ({ inFlight: 0, latencyMs: latency[id] }) })))).toEqual(['b', 'c', 'a']);
  });

  it('cost puts the cheapest first and unpriced ones last', () => {
    const price: Record<string, number | undefined> = { a: 5, b: undefined, c: 2 };
    expect(ids(orderDeployments('cost', deps, ctx({ price: (d) => price[d.id] })))).toEqual(['c', 'a', 'b']);
  });
});
