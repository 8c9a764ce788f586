import { headers as natsHeaders, type Msg, type NatsConnection, type Subscription as NatsSub } from '@nats-io/transport-node';
import { BusHeaders } from '@helix/contracts';
import type { Bus, BusContext, BusStatus, ConsumerHandle, ConsumerOptions, Delivery, PublishAck, PublishOptions, Subscription } from '../bus.port.js';
import type { BusPropagator } from '../bus-context.js';
import { encode, schemaFor } from '../codec.js';
import {
  answerRequest,
  checkSize,
  deliverMessage,
  InFlight,
  observed,
  outgoingCall,
  outgoingHeaders,
  readReply,
  type HandlerDeps,
} from '../handlers.js';
import { fromNatsError } from './nats-errors.js';
import { fromNatsHeaders, toNatsHeaders } from './nats-headers.js';
import { StatusEmitter } from '../status-emitter.js';
import { NatsJetStream, type NatsBusParts } from './nats-jetstream.js';

const errorHeaders = natsHeaders();
errorHeaders.set(BusHeaders.error, '1');

/** The NATS + JetStream adapter of {@link Bus}. Build it with `createNatsBus`. */
export class NatsBus implements Bus {
  readonly kind = 'nats' as const;
  readonly propagator: BusPropagator;
  /** The events stream's name on the server (namespaced). */
  readonly streamName: string;
  private readonly nc: NatsConnection;
  private readonly deps: HandlerDeps;
  private readonly subs = new Set<NatsSub>();
  private readonly jetstream: NatsJetStream;
  private readonly inflight = new InFlight();
  private readonly status = new StatusEmitter('connected');
  private knownMaxPayload: number;

  constructor(private readonly p: NatsBusParts) {
    this.nc = p.nc;
    this.streamName = p.streamName;
    this.propagator = p.propagator;
    this.deps = { propagator: p.propagator, logger: p.logger, metrics: p.metrics };
    this.knownMaxPayload = p.nc.info?.max_payload ?? 0;
    this.jetstream = new NatsJetStream(p, () => this.maxPayload);
    void this.watchStatus();
  }

  get maxPayload(): number {
    this.knownMaxPayload = this.nc.info?.max_payload ?? this.knownMaxPayload;
    return this.knownMaxPayload;
  }

  async request(subject: string, msg: unknown, opts: { timeoutMs: number; headers?: Record<string, string> }): Promise<any> {
    const call = { subject, kind: 'request' as const, headers: opts.headers };
    return outgoingCall(this.p.propagator, call, () => observed(this.p.metrics?.observeRequest, subject, async () => {
      const data = encode(schemaFor(subject, 'request'), msg);
      const headers = outgoingHeaders(opts.headers, this.p.propagator);
      checkSize(subject, data, headers, this.maxPayload);
      const reply = await this.nc
        .request(this.p.ns.wire(subject), data, { timeout: opts.timeoutMs, headers: toNatsHeaders(headers) })
        .catch((err: unknown) => {
          throw fromNatsError(err, subject, opts.timeoutMs);
        });
      return readReply(subject, reply.data, reply.headers?.has(BusHeaders.error) === true);
    }));
  }

  async respond(subject: string, handler: (msg: any, ctx: BusContext) => Promise<any>, opts: { queue: string }): Promise<Subscription> {
    return this.listen(subject, opts.queue, (m) => this.answer(subject, m, handler));
  }

  send(subject: string, msg: unknown, opts?: { headers?: Record<string, string> }): void {
    outgoingCall(this.p.propagator, { subject, kind: 'send', headers: opts?.headers }, () => {
      const data = encode(schemaFor(subject, 'message'), msg);
      const headers = outgoingHeaders(opts?.headers, this.p.propagator);
      checkSize(subject, data, headers, this.maxPayload);
      try {
        this.nc.publish(this.p.ns.wire(subject), data, { headers: toNatsHeaders(headers) });
      } catch (err) {
        throw fromNatsError(err, subject, 0);
      }
    });
  }

  async onWork(subject: string, handler: (msg: any, ctx: BusContext) => Promise<void>, opts: { queue: string }): Promise<Subscription> {
    return this.listen(subject, opts.queue, (m) => deliverMessage(subject, m.data, fromNatsHeaders(m.headers), handler, this.deps));
  }

  async publish(subject: string, msg: unknown, opts: PublishOptions): Promise<PublishAck> {
    return this.jetstream.publish(subject, msg, opts);
  }

  async subscribe(subject: string, handler: (msg: any, ctx: BusContext) => void | Promise<void>): Promise<Subscription> {
    return this.listen(subject, undefined, (m) => deliverMessage(subject, m.data, fromNatsHeaders(m.headers), handler, this.deps));
  }

  async consume(opts: ConsumerOptions, handler: (batch: Delivery<any>[]) => Promise<void>): Promise<ConsumerHandle> {
    return this.jetstream.consume(opts, handler);
  }

  async ensureStreams(opts: { maxAgeMs?: number; duplicateWindowMs?: number } = {}): Promise<void> {
    await this.jetstream.ensureStreams(opts);
  }

  /** Deletes the events stream (tests clean up with it); false when there was none. */
  async deleteStreamForTests(): Promise<boolean> {
    return this.jetstream.deleteStream();
  }

  async health(): Promise<{ ok: boolean; detail: string }> {
    if (this.nc.isClosed()) return { ok: false, detail: 'connection closed' };
    if (this.status.current !== 'connected') return { ok: false, detail: `NATS ${this.status.current}` };
    try {
      const rtt = await Promise.race([this.nc.rtt(), new Promise<never>((_, rej) => setTimeout(() => rej(new Error('no pong in 2000 ms')), 2_000).unref())]);
      return { ok: true, detail: `connected to ${this.nc.getServer()} (rtt ${rtt.toFixed(1)} ms)` };
    } catch (err) {
      return { ok: false, detail: `NATS ${(err as Error).message}` };
    }
  }

  onStatus(listener: (s: BusStatus) => void): () => void {
    return this.status.on(listener);
  }

  async drain(): Promise<void> {
    if (this.nc.isClosed()) return;
    await Promise.all([...this.subs].map((s) => s.drain().catch(() => undefined)));
    await this.jetstream.stopConsumers();
    await this.inflight.idle();
    if (!this.nc.isClosed() && !this.nc.isDraining()) await this.nc.drain();
    this.jetstream.closePublisher();
  }

  async close(): Promise<void> {
    await this.jetstream.stopConsumers();
    this.jetstream.closePublisher();
    if (!this.nc.isClosed()) await this.nc.close();
  }

  private listen(subject: string, queue: string | undefined, handle: (m: Msg) => Promise<void>): Subscription {
    const sub = this.nc.subscribe(this.p.ns.wire(subject), {
      queue,
      callback: (err, m) => {
        if (err) this.p.logger.error({ err, subject }, 'subscription failed');
        else void this.inflight.track(handle(m));
      },
    });
    this.subs.add(sub);
    return {
      unsubscribe: async () => {
        this.subs.delete(sub);
        if (sub.isClosed()) return;
        await sub.drain().catch(() => (sub.isClosed() ? undefined : sub.unsubscribe()));
      },
    };
  }

  private async answer(subject: string, m: Msg, handler: (msg: any, ctx: BusContext) => Promise<any>): Promise<void> {
    const reply = await answerRequest(subject, m.data, fromNatsHeaders(m.headers), handler, this.deps, this.maxPayload);
    if (!m.reply || this.nc.isClosed()) return;
    try {
      this.nc.publish(m.reply, reply.data, reply.error ? { headers: errorHeaders } : undefined);
    } catch (err) {
      this.p.logger.warn({ err, subject }, 'reply not sent');
    }
  }

  private async watchStatus(): Promise<void> {
    void this.nc.closed().then(() => this.status.set('closed'));
    for await (const s of this.nc.status()) {
      if (s.type === 'disconnect') this.status.set('disconnected');
      else if (s.type === 'reconnect') this.status.set('connected');
    }
  }
}
