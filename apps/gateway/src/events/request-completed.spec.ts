import { describe, expect, it } from 'vitest';
import { create, fromBinary, isMessage, toBinary } from '@bufbuild/protobuf';
import { CacheStatus, EntityCountSchema, RequestCompletedSchema, RequestOutcome } from '@helix/contracts';
import { RequestState } from '../pipeline/request-state.js';
import { requestCompleted } from './request-completed.js';

function served(): RequestState {
  const s = new RequestState('chat.completions', 'corr-1', { model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }], stream: true }, {});
  s.identity = { keyId: 'k', userId: 'u', teamId: 't', orgId: 'o', role: 'member', models: null, expiresAt: null, keyLimits: {}, teamLimits: {}, master: false };
  s.attempts.push({ deployment: 'openai/gpt-4o', provider: 'openai', model: 'gpt-4o', httpStatus: 200, errorType: '', durationMs: 12 });
  s.usage = { inputTokens: 3, outputTokens: 5, cacheReadTokens: 1, cacheWriteTokens: 0, reasoningTokens: 2, estimated: false };
  s.budget = { reservationId: 'r', reservedPicoUsd: 7n, cappedMaxTokens: 10 };
  s.pii = { replacements: [], restore: false, detections: [create(EntityCountSchema, { entityType: 'EMAIL_ADDRESS', count: 1, operator: 'replace' })], blocked: false };
  s.cache.status = CacheStatus.MISS;
  s.outcome = RequestOutcome.SUCCESS;
  s.httpStatus = 200;
  s.costPicoUsd = 42n;
  return s;
}

describe('requestCompleted', () => {
  it('builds a complete RequestCompleted message: it survives an encode and decode unchanged', () => {
    const e = requestCompleted(served());
    expect(isMessage(e, RequestCompletedSchema)).toBe(true);
    expect(fromBinary(RequestCompletedSchema, toBinary(RequestCompletedSchema, e))).toEqual(e);
    expect(e).toMatchObject({ eventId: expect.any(String), tenant: { orgId: 'o', keyId: 'k' }, usage: { reasoningTokens: 2 }, budget: { capped: true }, stream: true });
  });

  it('leaves the optional parts out when the request had none (control: usage and budget absent)', () => {
    const s = served();
    s.usage = undefined;
    s.budget = undefined;
    const e = requestCompleted(s);
    expect(e.usage).toBeUndefined();
    expect(fromBinary(RequestCompletedSchema, toBinary(RequestCompletedSchema, e))).toEqual(e);
  });
});
