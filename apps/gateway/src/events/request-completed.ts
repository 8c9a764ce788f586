import type { RequestCompleted } from '@helix/contracts';
import type { RequestState } from '../pipeline/request-state.js';

/**
 * The completed event of a request, from everything the pipeline recorded. Built as the plain
 * objects protobuf-es messages are (`$typeName` and every field), without `create()`'s reflection.
 */
export function requestCompleted(s: RequestState): RequestCompleted {
  const id = s.identity!;
  const u = s.usage;
  return {
    $typeName: 'helix.v1.RequestCompleted',
    eventId: s.eventId,
    correlationId: s.correlationId,
    startedAtMs: BigInt(s.startedAt),
    completedAtMs: BigInt(Date.now()),
    tenant: { $typeName: 'helix.v1.Tenant', orgId: id.orgId, teamId: id.teamId, userId: id.userId, keyId: id.keyId },
    endpoint: s.endpoint,
    outcome: s.outcome,
    httpStatus: s.httpStatus,
    errorType: s.errorType,
    errorCode: s.errorCode,
    requestedModel: s.requestedModel,
    servedModel: s.servedModel,
    provider: s.deployment?.provider ?? '',
    deployment: s.deployment?.id ?? '',
    attempts: s.attempts.map((a) => ({
      $typeName: 'helix.v1.Attempt',
      deployment: a.deployment,
      provider: a.provider,
      model: a.model,
      httpStatus: a.httpStatus,
      errorType: a.errorType,
      durationMs: a.durationMs,
    })),
    stream: s.stream,
    usage: u
      ? {
          $typeName: 'helix.v1.Usage',
          inputTokens: u.inputTokens,
          outputTokens: u.outputTokens,
          cacheReadTokens: u.cacheReadTokens,
          cacheWriteTokens: u.cacheWriteTokens,
          reasoningTokens: u.reasoningTokens,
          estimated: u.estimated,
        }
      : undefined,
    costPicoUsd: s.costPicoUsd,
    savedPicoUsd: s.savedPicoUsd,
    costEstimated: s.costEstimated,
    unpriced: s.unpriced,
    priceVersion: s.priceVersion,
    cacheStatus: s.cache.status,
    cacheSimilarity: s.cache.similarity,
    cacheVerdict: s.cache.verdict,
    pii: s.pii?.detections ?? [],
    piiBlocked: s.pii?.blocked ?? false,
    budget: s.budget
      ? { $typeName: 'helix.v1.BudgetSettle', reservationId: s.budget.reservationId, reservedPicoUsd: s.budget.reservedPicoUsd, capped: s.budget.cappedMaxTokens > 0 }
      : undefined,
    swappedFromModel: s.swappedFrom,
    durationMs: Math.round(s.elapsedMs()),
    ttfbMs: Math.round(s.ttfbMs),
    droppedParams: s.droppedParams,
  };
}
