import { DEFAULT_MAX_PAYLOAD_BYTES } from '@helix/contracts';
import type { Bus, BusContext, BusStatus, ConsumerHandle, ConsumerOptions, Delivery, PublishAck, PublishOptions, Subscription } from '../bus.port.js';
import { correlationPropagator, type BusPropagator } from '../bus-context.js';
import { BusRequestError } from '../bus-error.js';
import { consoleLogger, type BusMetrics } from '../bus.options.js';
import { encode, schemaFor } from '../codec.js';
import { consumerDefaults, ConsumerRunner } from '../consumer/consumer-runner.js';
import {
  answerRequest,
  checkSize,
  deliverMessage,
  InFlight,
  observed,
  outgoingCall,
  outgoingHeaders,
  publishOverhead,
  readReply,
  type HandlerDeps,
} from '../handlers.js';
import { Namespace } from '../namespace.js';
import { StatusEmitter } from '../status-emitter.js';
import { CoreRouter, type Receiver } from './core-router.js';
import { EventStore } from './event-store.js';
import type { InProcessBusOptions } from './in-process.options.js';
import { Journal } from './journal.js';

/**
 * The bus inside one process, with the NATS adapter's semantics: messages are
 * encoded and decoded, queue groups share round-robin, JetStream-like stream
 * and durables (optionally journaled to disk). There is one stream, so
 * `ConsumerOptions.stream` is not used. Build it with `createInProcessBus`.
 */
export class InProcessBus implements Bus {
  readonly kind = 'in-process' as const;
  readonly maxPayload: number;
  readonly propagator: BusPropagator;
  readonly streamName: string;
  private readonly router = new CoreRouter();
  private readonly store: EventStore;
  private readonly deps: HandlerDeps;
  private readonly metrics?: BusMetrics;
  private readonly inflight = new InFlight();
  private readonly status = new StatusEmitter('connected');
  private readonly consumers = new Set<{ stop(): Promise<void> }>();
  private readonly plain = new Namespace();
  private closed = false;

  constructor(opts: InProcessBusOptions = {}) {
    this.maxPayload = opts.maxPayload ?? DEFAULT_MAX_PAYLOAD_BYTES;
    this.propagator = opts.propagator ?? correlationPropagator;
    this.streamName = new Namespace(opts.namespace).stream();
    this.metrics = opts.metrics;
    const logger = opts.logger ?? consoleLogger;
    this.deps = { propagator: this.propagator, logger, metrics: opts.metrics };
    const journal = opts.journalDir ? new Journal(opts.journalDir, opts) : undefined;
    this.store = new EventStore(logger, journal);
    this.store.restore();
  }

  async request(subject: string, msg: unknown, opts: { timeoutMs: number; headers?: Record<string, string> }): Promise<any> {
    const call = { subject, kind: 'request' as const, headers: opts.headers };
    return outgoingCall(this.propagator, call, () => observed(this.metrics?.observeRequest, subject, () => {
      const { data, headers } = this.outgoing(subject, 'request', msg, opts.headers);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(BusRequestError.timeout(subject, opts.timeoutMs)), opts.timeoutMs);
        let answered = false;
        const receivers = this.router.publish(subject, data, headers, (reply, error) => {
          if (answered) return;
          answered = true;
          clearTimeout(timer);
          try {
            resolve(readReply(subject, reply, error));
          } catch (err) {
            reject(err);
          }
        });
        if (receivers === 0) {
          clearTimeout(timer);
          reject(BusRequestError.noResponders(subject));
        }
      });
    }));
  }

  async respond(subject: string, handler: (msg: any, ctx: BusContext) => Promise<any>, opts: { queue: string }): Promise<Subscription> {
    return this.listen(subject, opts.queue, (data, headers, reply) => {
      void this.inflight.track(
        answerRequest(subject, data, headers, handler, this.deps, this.maxPayload).then((r) => reply?.(r.data, r.error)),
      );
    });
  }

  send(subject: string, msg: unknown, opts?: { headers?: Record<string, string> }): void {
    outgoingCall(this.propagator, { subject, kind: 'send', headers: opts?.headers }, () => {
      const { data, headers } = this.outgoing(subject, 'message', msg, opts?.headers);
      this.router.publish(subject, data, headers);
    });
  }

  async onWork(subject: string, handler: (msg: any, ctx: BusContext) => Promise<void>, opts: { queue: string }): Promise<Subscription> {
    return this.listen(subject, opts.queue, (data, headers) => {
      void this.inflight.track(deliverMessage(subject, data, headers, handler, this.deps));
    });
  }

  async publish(subject: string, msg: unknown, opts: PublishOptions): Promise<PublishAck> {
    const call = { subject, kind: 'publish' as const, headers: opts.headers, msgId: opts.msgId };
    return outgoingCall(this.propagator, call, () => observed(this.metrics?.observePublish, subject, async () => {
      const { data, headers } = this.outgoing(subject, 'message', msg, opts.headers, publishOverhead(opts.msgId));
      let ack: PublishAck;
      try {
        ack = this.store.append(subject, data, headers, opts.msgId, Date.now());
      } catch (err) {
        throw BusRequestError.unavailable(`journal write failed: ${(err as Error).message}`, err);
      }
      if (this.router.has(subject)) this.router.publish(subject, data.slice(), headers);
      return ack;
    }));
  }

  async subscribe(subject: string, handler: (msg: any, ctx: BusContext) => void | Promise<void>): Promise<Subscription> {
    return this.listen(subject, undefined, (data, headers) => {
      void this.inflight.track(deliverMessage(subject, data, headers, handler, this.deps));
    });
  }

  async consume(opts: ConsumerOptions, handler: (batch: Delivery<any>[]) => Promise<void>): Promise<ConsumerHandle> {
    this.assertOpen();
    const durable = this.store.durable(opts.durable, opts.filter);
    durable.limits = {
      ackWaitMs: opts.ackWaitMs ?? consumerDefaults.ackWaitMs,
      maxDeliver: opts.maxDeliver ?? consumerDefaults.maxDeliver,
    };
    const runner = new ConsumerRunner(durable, opts, handler, { ns: this.plain, logger: this.deps.logger, metrics: this.metrics });
    const unlisten = durable.listen(() => runner.notify());
    const handle = {
      stop: async () => {
        unlisten();
        this.consumers.delete(handle);
        await runner.stop();
      },
    };
    this.consumers.add(handle);
    runner.start();
    return handle;
  }

  async ensureStreams(opts: { maxAgeMs?: number; duplicateWindowMs?: number } = {}): Promise<void> {
    this.store.limits = {
      maxAgeMs: opts.maxAgeMs ?? this.store.limits.maxAgeMs,
      duplicateWindowMs: opts.duplicateWindowMs ?? this.store.limits.duplicateWindowMs,
    };
  }

  async health(): Promise<{ ok: boolean; detail: string }> {
    return this.closed ? { ok: false, detail: 'in-process bus closed' } : { ok: true, detail: 'in-process bus' };
  }

  onStatus(listener: (s: BusStatus) => void): () => void {
    return this.status.on(listener);
  }

  async drain(): Promise<void> {
    await this.shutdown(true);
  }

  async close(): Promise<void> {
    await this.shutdown(false);
  }

  private async shutdown(finishHandlers: boolean): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.router.clear();
    await Promise.all([...this.consumers].map((c) => c.stop()));
    if (finishHandlers) await this.inflight.idle();
    this.store.close();
    this.status.set('closed');
  }

  private listen(subject: string, queue: string | undefined, receiver: Receiver): Subscription {
    this.assertOpen();
    const remove = this.router.add(subject, queue, receiver);
    return { unsubscribe: async () => remove() };
  }

  private outgoing(subject: string, part: 'request' | 'message', msg: unknown, own: Record<string, string> | undefined, overhead = 0) {
    this.assertOpen();
    const data = encode(schemaFor(subject, part), msg);
    const headers = outgoingHeaders(own, this.propagator);
    checkSize(subject, data, headers, this.maxPayload - overhead);
    return { data, headers };
  }

  private assertOpen(): void {
    if (this.closed) throw BusRequestError.unavailable('in-process bus closed');
  }
}
