import type { RequestCompleted } from '@helix/contracts';
import { tenantIds, type TenantIds } from './tenant-ids.js';

/** One completed request as `analytics.requests` keeps it. Money in pico-USD. */
export interface RequestRow extends TenantIds {
  eventId: string;
  startedAtMs: number;
  correlationId: string;
  endpoint: string;
  /** The public model name the client asked for (the one of the config, which filters and reports use), else the one that answered. */
  model: string;
  requestedModel: string;
  servedModel: string;
  provider: string;
  deployment: string;
  outcome: number;
  httpStatus: number;
  errorType: string;
  stream: boolean;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  reasoningTokens: number;
  costPico: bigint;
  savedPico: bigint;
  estimated: boolean;
  unpriced: boolean;
  cacheStatus: number;
  cacheSimilarity: number;
  piiCount: number;
  piiBlocked: boolean;
  swappedFromModel: string;
  durationMs: number;
  ttfbMs: number;
  attempts: number;
}

/** A `RequestCompleted` event → its analytics row (the gateway's price and savings, as it charged them). */
export function requestRowOf(e: RequestCompleted): RequestRow {
  const t = e.tenant;
  const u = e.usage;
  return {
    eventId: e.eventId,
    startedAtMs: Number(e.startedAtMs),
    correlationId: e.correlationId,
    ...tenantIds(t),
    endpoint: e.endpoint,
    model: e.requestedModel || e.servedModel,
    requestedModel: e.requestedModel,
    servedModel: e.servedModel,
    provider: e.provider,
    deployment: e.deployment,
    outcome: e.outcome,
    httpStatus: e.httpStatus,
    errorType: e.errorType,
    stream: e.stream,
    inputTokens: u?.inputTokens ?? 0,
    outputTokens: u?.outputTokens ?? 0,
    cacheReadTokens: u?.cacheReadTokens ?? 0,
    reasoningTokens: u?.reasoningTokens ?? 0,
    costPico: e.costPicoUsd,
    savedPico: e.savedPicoUsd,
    estimated: e.costEstimated || (u?.estimated ?? false),
    unpriced: e.unpriced,
    cacheStatus: e.cacheStatus,
    cacheSimilarity: e.cacheSimilarity,
    piiCount: e.pii.reduce((s, p) => s + p.count, 0),
    piiBlocked: e.piiBlocked,
    swappedFromModel: e.swappedFromModel,
    durationMs: e.durationMs,
    ttfbMs: e.ttfbMs,
    attempts: e.attempts.length,
  };
}
