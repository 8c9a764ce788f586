import { create } from '@bufbuild/protobuf';
import { AttemptSchema, BudgetSettleSchema, RequestCompletedSchema, TenantSchema, UsageSchema, type RequestCompleted } from '@helix/contracts';
import type { RequestState } from '../pipeline/request-state.js';

/** The completed event of a request, from everything the pipeline recorded. */
export function requestCompleted(s: RequestState): RequestCompleted {
  const id = s.identity!;
  const u = s.usage;
  return create(RequestCompletedSchema, {
    eventId: s.eventId,
    correlationId: s.correlationId,
    startedAtMs: BigInt(s.startedAt),
    completedAtMs: BigInt(Date.now()),
    tenant: create(TenantSchema, { orgId: id.orgId, teamId: id.teamId, userId: id.userId, keyId: id.keyId }),
    endpoint: s.endpoint,
    outcome: s.outcome,
    httpStatus: s.httpStatus,
    errorType: s.errorType,
    errorCode: s.errorCode,
    requestedModel: s.requestedModel,
    servedModel: s.servedModel,
    provider: s.deployment?.provider ?? '',
    deployment: s.deployment?.id ?? '',
    attempts: s.attempts.map((a) => create(AttemptSchema, a)),
    stream: s.stream,
    usage: u
      ? create(UsageSchema, {
          inputTokens: u.inputTokens,
          outputTokens: u.outputTokens,
          cacheReadTokens: u.cacheReadTokens,
          cacheWriteTokens: u.cacheWriteTokens,
          reasoningTokens: u.reasoningTokens,
          estimated: u.estimated,
        })
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
      ? create(BudgetSettleSchema, { reservationId: s.budget.reservationId, reservedPicoUsd: s.budget.reservedPicoUsd, capped: s.budget.cappedMaxTokens > 0 })
      : undefined,
    swappedFromModel: s.swappedFrom,
    durationMs: Math.round(s.elapsedMs()),
    ttfbMs: Math.round(s.ttfbMs),
    droppedParams: s.droppedParams,
  });
}
