import { create } from '@bufbuild/protobuf';
import { AttemptSchema, CacheStatus, RequestCompletedSchema, RequestOutcome, TenantSchema, UsageSchema, type RequestCompleted } from '@helix/contracts';

/** A request.completed event shaped like the gateway's for a plain chat request (ids, tenant, one attempt, usage). */
export function typicalEvent(id: string): RequestCompleted {
  const now = BigInt(Date.now());
  return create(RequestCompletedSchema, {
    eventId: id,
    correlationId: id,
    startedAtMs: now,
    completedAtMs: now + 2n,
    tenant: create(TenantSchema, { orgId: '0196a5e0-0000-7000-8000-000000000001', teamId: '0196a5e0-0000-7000-8000-000000000002', userId: '0196a5e0-0000-7000-8000-000000000003', keyId: '0196a5e0-0000-7000-8000-000000000004' }),
    endpoint: 'chat.completions',
    outcome: RequestOutcome.SUCCESS,
    httpStatus: 200,
    requestedModel: 'bench-model',
    servedModel: 'mock-gpt',
    provider: 'upstream',
    deployment: 'upstream/mock-gpt',
    attempts: [create(AttemptSchema, { deployment: 'upstream/mock-gpt', provider: 'upstream', model: 'mock-gpt', httpStatus: 200, durationMs: 1 })],
    usage: create(UsageSchema, { inputTokens: 13, outputTokens: 11 }),
    cacheStatus: CacheStatus.BYPASS,
    durationMs: 2,
    ttfbMs: 2,
  });
}
