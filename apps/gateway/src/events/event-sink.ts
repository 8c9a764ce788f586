import { BusHeaders, EventSubjects, type RequestCompleted } from '@helix/contracts';
import type { Bus } from '@helix/bus';
import { Outbox, type OutboxOptions, type OutboxStats } from './outbox/outbox.js';
import { encodeRequestCompleted } from './request-completed.encoder.js';

/** Where the gateway's completed events go. `full` means: refuse new requests. */
export interface EventSink {
  emit(event: RequestCompleted): void;
  readonly full: boolean;
  stats(): OutboxStats;
  close(timeoutMs?: number): Promise<void>;
}

export const EVENT_SINK = Symbol('EVENT_SINK');

/**
 * Distributed mode: events go through the on-disk outbox to JetStream, so a NATS
 * outage or a gateway crash loses none. The outbox keeps each event encoded (by the
 * hand-written encoder), and those bytes are what the bus publishes (it sends encoded
 * bytes as they are).
 */
export class OutboxEventSink implements EventSink {
  private readonly outbox: Outbox;

  constructor(
    private readonly bus: Bus,
    opts: OutboxOptions,
  ) {
    this.outbox = new Outbox(
      (e) => bus.publish(EventSubjects.requestCompleted, e.payload as never, { msgId: e.msgId, headers: e.headers }),
      opts,
    );
  }

  /** The stored headers carry the request's trace context, so the consumers' spans join its trace whenever the event is published. */
  emit(event: RequestCompleted): void {
    const headers: Record<string, string> = { [BusHeaders.correlationId]: event.correlationId };
    this.bus.propagator?.inject(headers);
    this.outbox.append(EventSubjects.requestCompleted, event.eventId, encodeRequestCompleted(event), headers);
  }

  get full(): boolean {
    return this.outbox.full;
  }

  stats(): OutboxStats {
    return this.outbox.stats();
  }

  close(timeoutMs?: number): Promise<void> {
    return this.outbox.close(timeoutMs);
  }
}

/**
 * Embedded mode: the in-process bus journals its stream to disk on publish, which
 * is the outbox's guarantee already; events go to it directly.
 */
export class DirectEventSink implements EventSink {
  private pending = 0;
  private counts = { appended: 0, acked: 0 };

  constructor(
    private readonly bus: Bus,
    private readonly onError: (err: unknown) => void,
  ) {}

  emit(event: RequestCompleted): void {
    this.pending++;
    this.counts.appended++;
    this.bus
      .publish(EventSubjects.requestCompleted, event, { msgId: event.eventId, headers: { [BusHeaders.correlationId]: event.correlationId } })
      .then(() => this.counts.acked++, this.onError)
      .finally(() => this.pending--);
  }

  readonly full = false;

  stats(): OutboxStats {
    return { pending: this.pending, bytes: 0, full: false, mode: 'live', ...this.counts };
  }

  async close(timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.pending > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  }
}
