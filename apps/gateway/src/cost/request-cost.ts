import { CacheStatus } from '@helix/contracts';
import { costOf, picoToUsd, type PriceBook } from '@helix/cost';
import type { RequestState } from '../pipeline/request-state.js';
import { usageOrEstimate } from './usage-estimate.js';

export const isCacheHit = (s: RequestState): boolean => s.cache.status === CacheStatus.HIT_EXACT || s.cache.status === CacheStatus.HIT_SEMANTIC;

/**
 * Prices a request from its usage (the provider's, or counted locally from
 * `generated` and marked estimated), at the price in force when it started:
 * the served public model first, then the deployment's and the reported model.
 * A cache hit costs 0 and saves what it would have cost. A model without a
 * price is `unpriced`, never $0. Writes the result on the state (the completed
 * event carries it) and returns it.
 */
export function priceRequest(state: RequestState, book: PriceBook, generated: string): void {
  const usage = usageOrEstimate(state.usage, state.body, generated);
  state.usage = usage;
  const names = [state.model, state.deployment?.model ?? state.route?.deployments[0]?.model ?? '', state.servedModel];
  const price = book.priceAt(names, state.startedAt);
  state.costEstimated = usage.estimated;
  if (!price) {
    state.unpriced = usage.inputTokens + usage.outputTokens > 0;
    state.costPicoUsd = 0n;
    return;
  }
  const total = costOf(usage, price, state.elapsedMs()).total;
  state.priceVersion = price.version;
  state.costPicoUsd = isCacheHit(state) ? 0n : total;
  state.savedPicoUsd = isCacheHit(state) ? total : 0n;
}

/** `x-helix-cost` (USD, exact) and `x-helix-cost-status` (exact | estimated | unpriced); `x-helix-cost-saved` on a cache hit. */
export function costHeaders(state: RequestState): Record<string, string> {
  if (state.unpriced) return { 'x-helix-cost-status': 'unpriced' };
  const headers: Record<string, string> = { 'x-helix-cost': picoToUsd(state.costPicoUsd), 'x-helix-cost-status': state.costEstimated ? 'estimated' : 'exact' };
  if (state.savedPicoUsd > 0n) headers['x-helix-cost-saved'] = picoToUsd(state.savedPicoUsd);
  return headers;
}

/** The cost as `usage.cost` of a stream's final chunk: USD as a JSON number (its shortest form is the exact decimal). */
export const usageCost = (state: RequestState): number | null => (state.unpriced ? null : Number(picoToUsd(state.costPicoUsd)));
