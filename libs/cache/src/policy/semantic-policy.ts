import type { SemanticCacheConfig } from '@helix/config';

/** Whether a (model, team) gets semantic hits, and from what similarity. */
export interface SemanticDecision {
  enabled: boolean;
  threshold: number;
}

/**
 * The most specific rule that matches wins: team and model, then team, then
 * model, then a rule for everyone. No rule = semantic caching off.
 */
export function semanticFor(cfg: SemanticCacheConfig, model: string, team: string): SemanticDecision {
  let best: { score: number; enabled: boolean; threshold?: number } | undefined;
  for (const r of cfg.rules) {
    if ((r.model !== '*' && r.model !== model) || (r.team !== '*' && r.team !== team)) continue;
    const score = (r.team !== '*' ? 2 : 0) + (r.model !== '*' ? 1 : 0);
    if (!best || score > best.score) best = { score, enabled: r.enabled, threshold: r.threshold };
  }
  return { enabled: best?.enabled ?? false, threshold: best?.threshold ?? cfg.threshold };
}

/** A request may only make the threshold stricter (`x-helix-semantic-threshold`). */
export const effectiveThreshold = (configured: number, requested: number): number => (requested > configured && requested <= 1 ? requested : configured);
