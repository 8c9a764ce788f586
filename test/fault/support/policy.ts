import type { Outcome } from './load.js';

/**
 * The documented failure policy as outcome keys (`status code`, the code empty for a clean answer):
 * PII and budget fail closed with a 503 `pii_unavailable` / `budget_unavailable` (config
 * `pipeline.{pii,budget}.failOpen` false, the default); the cache fails open (a 200, `x-helix-cache:
 * bypass`); a team at its hard limit gets a 429 `budget_exceeded`; an upstream that fails before the
 * answer starts is retried and then replaced by the model's fallback (a 200); a stream the upstream
 * cuts after it started ends with an SSE error event (`200 upstream_error`, the client already has part of it).
 */
export const OK = '200 ';
export const BUDGET_EXCEEDED = '429 budget_exceeded';
export const PII_UNAVAILABLE = '503 pii_unavailable';
export const BUDGET_UNAVAILABLE = '503 budget_unavailable';
export const STREAM_CUT = '200 upstream_error';

export const outcomeKey = (o: Outcome): string => (o.failure ? `failed: ${o.failure}` : `${o.status} ${o.errorCode ?? ''}`);

/** Outcomes that break the policy: not in `allowed` (plus a clean 200 always, and budget_exceeded for the capped client), or a wrong echoed id. */
export function violations(outcomes: readonly Outcome[], allowed: readonly string[], cappedClient = 'capped'): Outcome[] {
  const ok = new Set([OK, ...allowed]);
  return outcomes.filter((o) => {
    if (o.status > 0 && o.echoedId !== o.id) return true;
    const key = outcomeKey(o);
    if (key === BUDGET_EXCEEDED) return o.client !== cappedClient;
    return !ok.has(key);
  });
}

/** Error outcomes (not a clean 200 and not the capped team's 429) with their first and last send times, ms after the load start. */
export function errorSpan(outcomes: readonly Outcome[]): { errors: number; firstAt?: number; lastAt?: number } {
  const errs = outcomes.filter((o) => outcomeKey(o) !== OK && outcomeKey(o) !== BUDGET_EXCEEDED).sort((a, b) => a.sentAt - b.sentAt);
  return { errors: errs.length, firstAt: errs[0]?.sentAt, lastAt: errs.at(-1)?.sentAt };
}
