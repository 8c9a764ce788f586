import type { ConsumerMessages, JetStreamClient, JsMsg } from '@nats-io/jetstream';
import type { ConsumerHandle, ConsumerOptions } from '../bus.port.js';
import { ConsumerRunner, type BatchHandler, type ConsumerDriver, type ConsumerLag, type RawDelivery, type RunnerDeps } from '../consumer/consumer-runner.js';
import { fromNatsHeaders } from './nats-headers.js';

interface NatsDelivery extends RawDelivery {
  msg: JsMsg;
}

const RESTART_DELAY_MS = 1_000;

/**
 * A durable pull consumer: `consume()` keeps pull requests open (and survives
 * reconnects); pulled messages wait in a buffer that the shared batching loop
 * drains. When the pull ends for any other reason than `stop` (consumer or
 * stream deleted), `recreate` runs and pulling starts again.
 */
export class NatsConsumer implements ConsumerDriver<NatsDelivery>, ConsumerHandle {
  private buffer: JsMsg[] = [];
  private messages: ConsumerMessages | undefined;
  private stopped = false;
  private readonly runner: ConsumerRunner<NatsDelivery>;

  constructor(
    private readonly js: JetStreamClient,
    private readonly stream: string,
    private readonly opts: ConsumerOptions,
    handler: BatchHandler,
    private readonly deps: RunnerDeps & { recreate(): Promise<void>; isClosed(): boolean },
  ) {
    this.runner = new ConsumerRunner(this, opts, handler, deps);
  }

  async start(): Promise<void> {
    await this.pull();
    this.runner.start();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.messages?.close();
    await this.runner.stop();
    const left = this.buffer;
    this.buffer = [];
    for (const m of left) m.nak();
  }

  available(): number {
    return this.buffer.length;
  }

  take(max: number): NatsDelivery[] {
    return this.buffer.splice(0, max).map((msg) => ({
      msg,
      subject: msg.subject,
      data: msg.data,
      headers: fromNatsHeaders(msg.headers),
      deliveryCount: msg.info.deliveryCount,
      seq: msg.seq,
    }));
  }

  ack(batch: NatsDelivery[]): void {
    for (const d of batch) d.msg.ack();
  }

  nak(batch: NatsDelivery[], delayMs: number): void {
    for (const d of batch) d.msg.nak(delayMs);
  }

  term(batch: NatsDelivery[]): void {
    for (const d of batch) d.msg.term('undecodable');
  }

  /** From the server's consumer info: not yet delivered (pulled but unhandled ones count as delivered). */
  async lag(): Promise<ConsumerLag> {
    const info = await this.js.consumers.get(this.stream, this.opts.durable).then((c) => c.info(true));
    return { pending: info.num_pending, ackPending: info.num_ack_pending };
  }

  private async pull(): Promise<void> {
    const consumer = await this.js.consumers.get(this.stream, this.opts.durable);
    const messages = await consumer.consume({
      max_messages: this.opts.batch ?? 100,
      abort_on_missing_resource: true,
      callback: (m) => {
        this.buffer.push(m);
        this.runner.notify();
      },
    });
    this.messages = messages;
    void messages.closed().then((err) => this.restart(err));
  }

  private async restart(err: void | Error): Promise<void> {
    while (!this.stopped && !this.deps.isClosed()) {
      this.deps.logger.warn({ err, durable: this.opts.durable }, 'consumer pull ended; recreating');
      await new Promise((r) => setTimeout(r, RESTART_DELAY_MS));
      if (this.stopped || this.deps.isClosed()) return;
      try {
        await this.deps.recreate();
        await this.pull();
        return;
      } catch (e) {
        err = e as Error;
      }
    }
  }
}
