import type { MessageInitShape } from '@bufbuild/protobuf';
import type { EntityCount, PiiDetectedSchema, PiiDirection, Tenant } from '@helix/contracts';
import { uuidv7 } from '@helix/contracts';

export type PiiDetectedInit = MessageInitShape<typeof PiiDetectedSchema>;

/** Where audit events go (the service publishes them on the bus). Must not block the request. */
export interface AuditSink {
  publish(event: PiiDetectedInit): void;
}

/** A finding as the audit trail keeps it: where and what kind, never the value. */
export interface AuditFinding {
  entityType: string;
  path: string;
  start: number;
  end: number;
  score: number;
  operator: string;
}

/** The `helix.events.pii.detected.v1` event: types, counts, offsets and operators; no values and no hashes of them. */
export function detectedEvent(input: {
  requestId: string;
  tenant?: Tenant;
  direction: PiiDirection;
  findings: AuditFinding[];
  counts: EntityCount[];
  blocked: boolean;
  now: number;
}): PiiDetectedInit {
  return {
    eventId: uuidv7(input.now),
    requestId: input.requestId,
    timestampMs: BigInt(input.now),
    tenant: input.tenant,
    direction: input.direction,
    findings: input.findings,
    counts: input.counts,
    blocked: input.blocked,
  };
}
