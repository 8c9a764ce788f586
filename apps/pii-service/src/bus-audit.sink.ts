import type { Bus } from '@helix/bus';
import { EventSubjects } from '@helix/contracts';
import type { AuditSink, PiiDetectedInit } from '@helix/pii';
import type { Logger } from '@helix/telemetry';

/** Publishes audit events to JetStream off the request path; a failed publish is logged (types only), never the request's problem. */
export class BusAuditSink implements AuditSink {
  constructor(
    private readonly bus: Bus,
    private readonly log: Logger,
    private readonly enabled: () => boolean,
  ) {}

  publish(event: PiiDetectedInit): void {
    if (!this.enabled()) return;
    this.bus.publish(EventSubjects.piiDetected, event, { msgId: event.eventId! }).catch((err: unknown) => {
      this.log.warn({ err, requestId: event.requestId, eventId: event.eventId }, 'pii audit event not published');
    });
  }
}
