import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { EVENTS_FILTER } from '@helix/contracts';
import type { ConsumerHandle, ConsumerOptions, Delivery, PublishAck, PublishOptions } from '../bus.port.js';
import type { BusPropagator } from '../bus-context.js';
import type { BusLogger, BusMetrics } from '../bus.options.js';
import { encode, schemaFor } from '../codec.js';
import { consumerDefaults } from '../consumer/consumer-runner.js';
import { checkSize, observed, outgoingCall, outgoingHeaders, publishOverhead } from '../handlers.js';
import type { Namespace } from '../namespace.js';
import { JetStreamPublisher } from './jetstream-publisher.js';
import { NatsConsumer } from './nats-consumer.js';
import { fromNatsError } from './nats-errors.js';
import { toNatsHeaders } from './nats-headers.js';
import { ensureConsumer, ensureStream, isStreamNotFound, streamDefaults } from './nats-streams.js';

/** What the NATS adapter is built from (see `createNatsBus`). */
export interface NatsBusParts {
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
  ns: Namespace;
  streamName: string;
  replicas: number;
  jsTimeoutMs: number;
  propagator: BusPropagator;
  logger: BusLogger;
  metrics?: BusMetrics;
}

/** The JetStream half of the NATS adapter: publish with acks, durable consumers, stream set-up. */
export class NatsJetStream {
  private readonly consumers = new Set<NatsConsumer>();
  private readonly publisher: JetStreamPublisher;

  constructor(
    private readonly p: NatsBusParts,
    private readonly maxPayload: () => number,
  ) {
    this.publisher = new JetStreamPublisher(p.nc);
  }

  async publish(subject: string, msg: unknown, opts: PublishOptions): Promise<PublishAck> {
    const call = { subject, kind: 'publish' as const, headers: opts.headers, msgId: opts.msgId };
    return outgoingCall(this.p.propagator, call, () => observed(this.p.metrics?.observePublish, subject, async () => {
      const timeout = opts.timeoutMs ?? this.p.jsTimeoutMs;
      const data = encode(schemaFor(subject, 'message'), msg);
      const headers = outgoingHeaders(opts.headers, this.p.propagator);
      checkSize(subject, data, headers, this.maxPayload() - publishOverhead(opts.msgId));
      return this.publisher.publish(subject, this.p.ns.wire(subject), data, opts.msgId, toNatsHeaders(headers), timeout).catch((err: unknown) => {
        throw fromNatsError(err, subject, timeout);
      });
    }));
  }

  async consume(opts: ConsumerOptions, handler: (batch: Delivery<any>[]) => Promise<void>): Promise<ConsumerHandle> {
    const stream = opts.stream ? this.p.ns.stream(opts.stream) : this.p.streamName;
    const setUp = () => this.ensureConsumer(stream, opts);
    await setUp();
    const consumer = new NatsConsumer(this.p.js, stream, opts, handler, {
      ns: this.p.ns,
      logger: this.p.logger,
      metrics: this.p.metrics,
      recreate: setUp,
      isClosed: () => this.p.nc.isClosed(),
    });
    await consumer.start();
    this.consumers.add(consumer);
    return {
      stop: async () => {
        this.consumers.delete(consumer);
        await consumer.stop();
      },
    };
  }

  async ensureStreams(opts: { maxAgeMs?: number; duplicateWindowMs?: number } = {}): Promise<void> {
    await ensureStream(this.p.jsm, {
      name: this.p.streamName,
      subjects: [this.p.ns.wire(EVENTS_FILTER)],
      maxAgeMs: opts.maxAgeMs ?? streamDefaults.maxAgeMs,
      duplicateWindowMs: opts.duplicateWindowMs ?? streamDefaults.duplicateWindowMs,
      maxMsgSize: this.maxPayload(),
      replicas: this.p.replicas,
    });
  }

  async deleteStream(): Promise<boolean> {
    return this.p.jsm.streams.delete(this.p.streamName).catch((err: unknown) => {
      if (isStreamNotFound(err)) return false;
      throw err;
    });
  }

  private async ensureConsumer(stream: string, opts: ConsumerOptions): Promise<void> {
    const batch = opts.batch ?? consumerDefaults.batch;
    const spec = {
      durable: opts.durable,
      filter: this.p.ns.wire(opts.filter),
      ackWaitMs: opts.ackWaitMs ?? consumerDefaults.ackWaitMs,
      maxDeliver: opts.maxDeliver ?? consumerDefaults.maxDeliver,
      maxAckPending: Math.max(opts.maxAckPending ?? Math.max(4 * batch, 1_000), batch),
    };
    try {
      await ensureConsumer(this.p.jsm, stream, spec);
    } catch (err) {
      if (!isStreamNotFound(err) || stream !== this.p.streamName) throw err;
      await this.ensureStreams();
      await ensureConsumer(this.p.jsm, stream, spec);
    }
  }

  /** Fails publishes still waiting for their ack; call when the connection is going away. */
  closePublisher(): void {
    this.publisher.close();
  }

  async stopConsumers(): Promise<void> {
    const all = [...this.consumers];
    this.consumers.clear();
    await Promise.all(all.map((c) => c.stop()));
  }
}
