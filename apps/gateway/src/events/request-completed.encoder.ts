import type { RequestCompleted } from '@helix/contracts';
import { ProtoWriter } from './proto-writer.js';

const w = new ProtoWriter();

/**
 * The protobuf bytes of a RequestCompleted, as `toBinary(RequestCompletedSchema, e)` makes them,
 * written field by field instead of by reflection (about a fifth of the CPU per event). The spec holds
 * it byte-equal to `toBinary` for any event and fails when the proto gains a field this does not write.
 */
export function encodeRequestCompleted(e: RequestCompleted): Uint8Array {
  w.string(1, e.eventId);
  w.string(2, e.correlationId);
  w.int64(3, e.startedAtMs);
  w.int64(4, e.completedAtMs);
  const t = e.tenant;
  if (t) {
    w.message(5, () => {
      w.string(1, t.orgId);
      w.string(2, t.teamId);
      w.string(3, t.userId);
      w.string(4, t.keyId);
    });
  }
  w.string(6, e.endpoint);
  w.int32(7, e.outcome);
  w.uint32(8, e.httpStatus);
  w.string(9, e.errorType);
  w.string(10, e.errorCode);
  w.string(11, e.requestedModel);
  w.string(12, e.servedModel);
  w.string(13, e.provider);
  w.string(14, e.deployment);
  for (const a of e.attempts) {
    w.message(15, () => {
      w.string(1, a.deployment);
      w.string(2, a.provider);
      w.string(3, a.model);
      w.uint32(4, a.httpStatus);
      w.string(5, a.errorType);
      w.uint32(6, a.durationMs);
    });
  }
  w.bool(16, e.stream);
  const u = e.usage;
  if (u) {
    w.message(17, () => {
      w.uint32(1, u.inputTokens);
      w.uint32(2, u.outputTokens);
      w.uint32(3, u.cacheReadTokens);
      w.uint32(4, u.cacheWriteTokens);
      w.uint32(5, u.reasoningTokens);
      w.bool(6, u.estimated);
    });
  }
  w.int64(18, e.costPicoUsd);
  w.int64(19, e.savedPicoUsd);
  w.bool(20, e.costEstimated);
  w.bool(21, e.unpriced);
  w.string(22, e.priceVersion);
  w.int32(23, e.cacheStatus);
  w.float(24, e.cacheSimilarity);
  w.string(25, e.cacheVerdict);
  for (const p of e.pii) {
    w.message(26, () => {
      w.string(1, p.entityType);
      w.uint32(2, p.count);
      w.string(3, p.operator);
    });
  }
  w.bool(27, e.piiBlocked);
  const b = e.budget;
  if (b) {
    w.message(28, () => {
      w.string(1, b.reservationId);
      w.int64(2, b.reservedPicoUsd);
      w.bool(3, b.capped);
    });
  }
  w.string(29, e.swappedFromModel);
  w.uint32(30, e.durationMs);
  w.uint32(31, e.ttfbMs);
  for (const d of e.droppedParams) w.string(32, d, true);
  return w.finish();
}
