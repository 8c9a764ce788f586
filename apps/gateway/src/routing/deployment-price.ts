import { pricesFor, type PriceBook } from '@helix/cost';
import type { RoutedDeployment } from '../models/model-catalog.js';
import type { RequestState } from '../pipeline/request-state.js';

/** Completion tokens assumed when the request sets no limit, to weigh output prices against input prices. */
const ASSUMED_COMPLETION_TOKENS = 256;

/**
 * The `cost` strategy's yardstick: this request's estimated price (pico-USD) on a deployment,
 * from the cost catalogue and config overrides under the deployment's upstream model name.
 * Undefined = unpriced (tried after every priced deployment).
 */
export function estimatedPrice(book: PriceBook | undefined, state: RequestState): (dep: RoutedDeployment) => number | undefined {
  if (!book) return () => undefined;
  const prompt = state.estimatedPromptTokens;
  const completion = state.body.max_completion_tokens ?? state.body.max_tokens ?? ASSUMED_COMPLETION_TOKENS;
  return (dep) => {
    const price = book.priceAt([dep.model], state.startedAt);
    if (!price) return undefined;
    const p = pricesFor(price, prompt);
    return Number(p.input) * prompt + Number(p.output) * completion;
  };
}
