import { createInbox, headers as natsHeaders, type Msg, type MsgHdrs, type NatsConnection, type Subscription } from '@nats-io/transport-node';
import type { PublishAck } from '../bus.port.js';
import { BusRequestError } from '../bus-error.js';

interface Waiting {
  subject: string;
  resolve(ack: PublishAck): void;
  reject(err: unknown): void;
  deadline: number;
  timeoutMs: number;
}

interface StreamAck {
  stream?: string;
  seq?: number;
  duplicate?: boolean;
  error?: { code?: number; err_code?: number; description?: string };
}

const SWEEP_MS = 100;
const text = new TextDecoder();

/**
 * JetStream publish without a request per message. Each message goes out as a core publish whose reply
 * subject is `<inbox>.<token>` under one inbox of this connection; the stream's acks come back to a
 * single wildcard subscription and settle their publish by token, and a sweep every 100 ms fails the
 * publishes whose ack is late. The wire is the same as `js.publish` (the `Nats-Msg-Id` header
 * de-duplicates, the ack says the stream stored it, messages leave in call order); per message it saves
 * nats.js's request machinery: a mux entry, a timer, and two Error objects with stack traces.
 */
export class JetStreamPublisher {
  private readonly prefix: string;
  private readonly waiting = new Map<string, Waiting>();
  private readonly sub: Subscription;
  private readonly sweeper: NodeJS.Timeout;
  private next = 0;

  constructor(private readonly nc: NatsConnection) {
    const inboxPrefix = (nc as unknown as { options?: { inboxPrefix?: string } }).options?.inboxPrefix;
    this.prefix = `${createInbox(inboxPrefix)}.`;
    this.sub = nc.subscribe(`${this.prefix}*`, { callback: (err, m) => (err ? this.failAll(err) : this.settle(m)) });
    this.sweeper = setInterval(() => this.sweep(), SWEEP_MS);
    this.sweeper.unref();
  }

  /** Resolves with the stream's ack; rejects with a BusRequestError (timeout, no stream, stream error). */
  publish(subject: string, wireSubject: string, data: Uint8Array, msgId: string, headers: MsgHdrs | undefined, timeoutMs: number): Promise<PublishAck> {
    const h = headers ?? natsHeaders();
    h.set('Nats-Msg-Id', msgId);
    const token = (this.next++).toString(36);
    return new Promise<PublishAck>((resolve, reject) => {
      this.waiting.set(token, { subject, resolve, reject, deadline: Date.now() + timeoutMs, timeoutMs });
      try {
        this.nc.publish(wireSubject, data, { reply: this.prefix + token, headers: h });
      } catch (err) {
        this.waiting.delete(token);
        reject(err);
      }
    });
  }

  /** Fails what is still waiting and stops listening for acks. */
  close(): void {
    clearInterval(this.sweeper);
    this.failAll(new Error('bus closed'));
    if (!this.sub.isClosed()) this.sub.unsubscribe();
  }

  private settle(m: Msg): void {
    const token = m.subject.slice(this.prefix.length);
    const w = this.waiting.get(token);
    if (!w) return;
    this.waiting.delete(token);
    if (m.data.length === 0 && m.headers?.code === 503) {
      w.reject(BusRequestError.unavailable(`JetStream on ${w.subject}: no stream captures it (jetstream is not enabled)`));
      return;
    }
    let ack: StreamAck;
    try {
      ack = JSON.parse(text.decode(m.data)) as StreamAck;
    } catch (err) {
      w.reject(BusRequestError.unavailable(`JetStream on ${w.subject}: unreadable ack`, err));
      return;
    }
    if (ack.error) w.reject(BusRequestError.unavailable(`JetStream on ${w.subject}: ${ack.error.description ?? `error ${ack.error.err_code ?? ack.error.code}`}`));
    else if (!ack.stream) w.reject(BusRequestError.unavailable(`JetStream on ${w.subject}: invalid ack response`));
    else w.resolve({ seq: ack.seq ?? 0, duplicate: ack.duplicate === true });
  }

  private sweep(): void {
    const now = Date.now();
    for (const [token, w] of this.waiting) {
      if (w.deadline > now) continue;
      this.waiting.delete(token);
      w.reject(BusRequestError.timeout(w.subject, w.timeoutMs));
    }
  }

  private failAll(err: unknown): void {
    const all = [...this.waiting.values()];
    this.waiting.clear();
    for (const w of all) w.reject(err instanceof BusRequestError ? err : BusRequestError.unavailable(`JetStream on ${w.subject}: ${(err as Error).message}`, err));
  }
}
