import { CacheStatus, RequestOutcome } from '@helix/contracts';
import { metrics } from '@helix/telemetry';
import type { RequestState } from '../pipeline/request-state.js';

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];
/** Registered at import, so `/metrics` lists it (at zero) before its first use. */
const registered = <T>(make: () => T) => {
  const v = make();
  return () => v;
};

const requests = registered(() => metrics.counter('helix_requests_total', 'Requests answered by the gateway.', ['endpoint', 'model', 'status', 'outcome', 'cache_status']));
const duration = registered(() => metrics.histogram('helix_request_duration_seconds', 'Time from request to the end of the answer.', ['endpoint', 'model', 'cache_status'], SECONDS));
const ttfb = registered(() => metrics.histogram('helix_request_ttfb_seconds', 'Time to the first byte of the answer.', ['endpoint', 'model', 'cache_status'], SECONDS));
const cost = registered(() => metrics.counter('helix_cost_usd_total', 'Cost of answered requests as the gateway priced them, USD (cache hits cost 0).', ['model']));
const tokens = registered(() => metrics.counter('helix_tokens_total', 'Tokens by model and kind (input, output, cache_read, cache_write, reasoning).', ['model', 'kind']));

const CACHE: Record<number, string> = {
  [CacheStatus.MISS]: 'miss',
  [CacheStatus.HIT_EXACT]: 'hit_exact',
  [CacheStatus.HIT_SEMANTIC]: 'hit_semantic',
  [CacheStatus.BYPASS]: 'bypass',
};
const OUTCOME: Record<number, string> = {
  [RequestOutcome.SUCCESS]: 'success',
  [RequestOutcome.UPSTREAM_ERROR]: 'upstream_error',
  [RequestOutcome.REFUSED]: 'refused',
  [RequestOutcome.CLIENT_ERROR]: 'client_error',
  [RequestOutcome.CLIENT_ABORTED]: 'client_aborted',
};

/** One request's metrics. Model is the public model name (bounded by config), never free text. */
export function recordRequest(s: RequestState): void {
  const model = s.route?.configName ?? 'unknown';
  const cache = CACHE[s.cache.status] ?? 'bypass';
  requests().inc({ endpoint: s.endpoint, model, status: String(s.httpStatus), outcome: OUTCOME[s.outcome] ?? 'unknown', cache_status: cache });
  duration().observe({ endpoint: s.endpoint, model, cache_status: cache }, s.elapsedMs() / 1000);
  if (s.ttfbMs) ttfb().observe({ endpoint: s.endpoint, model, cache_status: cache }, s.ttfbMs / 1000);
  if (s.costPicoUsd > 0n) cost().inc({ model }, Number(s.costPicoUsd) / 1e12);
  const u = s.usage;
  if (!u || cache === 'hit_exact' || cache === 'hit_semantic') return;
  if (u.inputTokens) tokens().inc({ model, kind: 'input' }, u.inputTokens);
  if (u.outputTokens) tokens().inc({ model, kind: 'output' }, u.outputTokens);
  if (u.cacheReadTokens) tokens().inc({ model, kind: 'cache_read' }, u.cacheReadTokens);
  if (u.cacheWriteTokens) tokens().inc({ model, kind: 'cache_write' }, u.cacheWriteTokens);
  if (u.reasoningTokens) tokens().inc({ model, kind: 'reasoning' }, u.reasoningTokens);
}
