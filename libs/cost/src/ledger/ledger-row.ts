import { CacheStatus, type RequestCompleted } from '@helix/contracts';
import { localDay } from '../budgets/period.js';
import type { LedgerRow } from '../db/pg.ledger-store.js';
import { costOf } from '../prices/cost-of.js';
import type { PriceBook } from '../prices/price-book.js';

const ZERO = { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0, estimated: false };

export const isCacheHit = (e: Pick<RequestCompleted, 'cacheStatus'>): boolean =>
  e.cacheStatus === CacheStatus.HIT_EXACT || e.cacheStatus === CacheStatus.HIT_SEMANTIC;

/** The names a request's price is looked up under: the public model (unless swapped), the served model, the deployment's model. */
export function priceNames(e: Pick<RequestCompleted, 'requestedModel' | 'servedModel' | 'deployment' | 'swappedFromModel'>): string[] {
  const slash = e.deployment.indexOf('/');
  return [e.swappedFromModel ? '' : e.requestedModel, e.servedModel, slash >= 0 ? e.deployment.slice(slash + 1) : ''];
}

/**
 * A completed event → its ledger row. The gateway's price (it set `price_version`
 * or `unpriced`) is kept, so the ledger holds what the caller was told; an event
 * the gateway did not price is priced here as of its start. Cache hits cost 0
 * and record what they saved; swaps record the requested model's cost minus the
 * served one's; prompt caching what the cached tokens saved.
 */
export function ledgerRowOf(e: RequestCompleted, book: PriceBook, timeZone: string): LedgerRow {
  const at = Number(e.startedAtMs);
  const u = e.usage ?? ZERO;
  const hit = isCacheHit(e);
  const price = book.priceAt(priceNames(e), at);
  const full = price ? costOf(u, price, e.durationMs) : undefined;
  const used = u.inputTokens + u.outputTokens > 0;
  const gatewayPriced = e.priceVersion !== '' || e.unpriced;
  const cost = gatewayPriced ? e.costPicoUsd : hit || !full ? 0n : full.total;
  const original = e.swappedFromModel ? book.priceAt([e.swappedFromModel], at) : undefined;
  const t = e.tenant;
  return {
    requestId: e.eventId,
    startedAtMs: at,
    day: localDay(at, timeZone),
    orgId: t?.orgId ?? '',
    teamId: t?.teamId ?? '',
    userId: t?.userId ?? '',
    keyId: t?.keyId ?? '',
    endpoint: e.endpoint,
    requestedModel: e.requestedModel,
    servedModel: e.servedModel,
    provider: e.provider,
    outcome: e.outcome,
    cacheStatus: e.cacheStatus,
    inputTokens: u.inputTokens,
    outputTokens: u.outputTokens,
    cacheReadTokens: u.cacheReadTokens,
    cacheWriteTokens: u.cacheWriteTokens,
    reasoningTokens: u.reasoningTokens,
    costPico: cost,
    cacheSavedPico: hit ? e.savedPicoUsd || (full?.total ?? 0n) : 0n,
    swapSavedPico: original && full && !hit ? costOf(u, original, e.durationMs).total - cost : 0n,
    promptCacheSavedPico: full && !hit ? full.promptCacheSaved : 0n,
    estimated: e.costEstimated || u.estimated,
    unpriced: gatewayPriced ? e.unpriced : used && !price,
    priceVersion: gatewayPriced ? e.priceVersion : (price?.version ?? ''),
    swappedFromModel: e.swappedFromModel,
  };
}
