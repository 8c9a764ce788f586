import type { ConfigStore } from '@helix/config';
import type { RecommendationContext, TokenPrice } from '@helix/analytics';
import { semanticFor } from '@helix/cache';
import { LivePrices } from '@helix/cost';
import type { Logger } from '@helix/telemetry';

/**
 * What recommendations need from outside the analytics tables, from the live
 * config: whether semantic caching is on for a team and model (the cache
 * policy), model prices (the cost price book, public names through their
 * deployments) and the configured chat models.
 */
export function recommendationContext(store: ConfigStore, log: Logger, now: () => number): RecommendationContext {
  const prices = new LivePrices(store, log);
  return {
    semanticEnabled: (teamId, model) => store.current.pipeline.cache.enabled && semanticFor(store.current.cache.semantic, model, teamId).enabled,
    priceOf(model): TokenPrice | undefined {
      const upstream = store.current.models.find((m) => m.name === model)?.deployments.map((d) => d.model) ?? [];
      const price = prices.current().priceAt([model, ...upstream], now());
      return price && { inputPico: price.input, outputPico: price.output };
    },
    models: () => store.current.models.filter((m) => m.kind !== 'embeddings' && m.name !== '*').map((m) => m.name),
  };
}
