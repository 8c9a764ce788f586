import type { DescMessage } from '@bufbuild/protobuf';
import { messageSchemas } from '@helix/contracts';
import type { ConsumerOptions, Delivery } from '../bus.port.js';
import type { BusLogger, BusMetrics } from '../bus.options.js';
import { decode } from '../codec.js';
import type { Namespace } from '../namespace.js';
import { Signal } from './signal.js';

/** A message as an adapter pulled it, before decoding. */
export interface RawDelivery {
  /** Subject on the wire (namespaced). */
  subject: string;
  data: Uint8Array;
  headers: Record<string, string>;
  deliveryCount: number;
  seq: number;
}

/** What an adapter provides to run a durable consumer. */
export interface ConsumerDriver<R extends RawDelivery> {
  /** Messages pulled and ready to hand out. */
  available(): number;
  take(max: number): R[];
  ack(batch: R[]): void;
  nak(batch: R[], delayMs: number): void;
  /** Give up on messages that can never be handled (no schema, undecodable). */
  term(batch: R[]): void;
  /** Messages not yet delivered, and delivered but not acked (the stream's view, for the lag gauges). */
  lag?(): Promise<ConsumerLag> | ConsumerLag;
}

export interface ConsumerLag {
  pending: number;
  ackPending: number;
}

export interface RunnerDeps {
  ns: Namespace;
  logger: BusLogger;
  metrics?: BusMetrics;
}

export type BatchHandler = (batch: Delivery<any>[]) => Promise<void>;

const schemas = messageSchemas as Record<string, DescMessage | undefined>;

export const consumerDefaults = { batch: 100, maxWaitMs: 100, ackWaitMs: 30_000, maxDeliver: -1, nakDelayMs: 1_000 };

/**
 * The batching loop both adapters share: wait for a first message, give the
 * batch `maxWaitMs` to fill, decode, call the handler, then ack the batch when
 * it resolves or nak it when it throws. One batch at a time.
 */
export class ConsumerRunner<R extends RawDelivery> {
  private readonly wake = new Signal();
  private stopped = false;
  private loop: Promise<void> | undefined;
  private lagTimer: NodeJS.Timeout | undefined;
  private readonly batch: number;
  private readonly maxWaitMs: number;
  private readonly nakDelayMs: number;

  constructor(
    private readonly driver: ConsumerDriver<R>,
    private readonly opts: ConsumerOptions,
    private readonly handler: BatchHandler,
    private readonly deps: RunnerDeps,
  ) {
    this.batch = opts.batch ?? consumerDefaults.batch;
    this.maxWaitMs = opts.maxWaitMs ?? consumerDefaults.maxWaitMs;
    this.nakDelayMs = opts.nakDelayMs ?? consumerDefaults.nakDelayMs;
  }

  /** Tell the loop that messages may be available. */
  notify(): void {
    this.wake.notify();
  }

  start(): void {
    this.loop ??= this.run();
    const lag = this.deps.metrics?.consumerLag;
    if (lag && this.driver.lag && !this.lagTimer) {
      void this.pollLag();
      this.lagTimer = setInterval(() => void this.pollLag(), lag.intervalMs).unref();
    }
  }

  /** Stop after the batch in hand (if any) is settled. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.lagTimer);
    this.wake.notify();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      if (this.driver.available() === 0) {
        await this.wake.wait();
        continue;
      }
      const deadline = performance.now() + this.maxWaitMs;
      while (!this.stopped && this.driver.available() < this.batch) {
        const left = deadline - performance.now();
        if (left <= 0) break;
        await this.wake.wait(left);
      }
      if (this.stopped) break;
      try {
        await this.handle(this.driver.take(this.batch));
      } catch (err) {
        this.deps.logger.error({ err, durable: this.opts.durable }, 'consumer batch could not be settled; it will be redelivered');
      }
    }
  }

  private async pollLag(): Promise<void> {
    try {
      const { pending, ackPending } = await this.driver.lag!();
      if (!this.stopped) this.deps.metrics?.consumerLag?.observe(this.opts.durable, pending, ackPending);
    } catch (err) {
      this.deps.logger.warn({ err, durable: this.opts.durable }, 'consumer lag not read');
    }
  }

  private async handle(raw: R[]): Promise<void> {
    if (raw.length === 0) return;
    const started = performance.now();
    const { deliveries, good, bad } = this.decode(raw);
    if (bad.length > 0) {
      this.driver.term(bad);
      this.deps.metrics?.observeBatch?.(this.opts.durable, 'term', bad.length, 0);
    }
    if (good.length === 0) return;
    try {
      await this.handler(deliveries);
      this.driver.ack(good);
      this.deps.metrics?.observeBatch?.(this.opts.durable, 'ack', good.length, (performance.now() - started) / 1e3);
    } catch (err) {
      this.deps.logger.warn({ err, durable: this.opts.durable, size: good.length }, 'consumer batch failed; nak');
      this.driver.nak(good, this.nakDelayMs);
      this.deps.metrics?.observeBatch?.(this.opts.durable, 'nak', good.length, (performance.now() - started) / 1e3);
    }
  }

  private decode(raw: R[]): { deliveries: Delivery<any>[]; good: R[]; bad: R[] } {
    const deliveries: Delivery<any>[] = [];
    const good: R[] = [];
    const bad: R[] = [];
    for (const r of raw) {
      const subject = this.deps.ns.plain(r.subject);
      const schema = schemas[subject];
      try {
        if (!schema) throw new Error(`no schema for ${subject}`);
        const message = decode(schema, r.data);
        deliveries.push({ subject, message, headers: r.headers, deliveryCount: r.deliveryCount, seq: r.seq });
        good.push(r);
      } catch (err) {
        this.deps.logger.error({ err, subject, seq: r.seq, durable: this.opts.durable }, 'undecodable event; terminated');
        bad.push(r);
      }
    }
    return { deliveries, good, bad };
  }
}
