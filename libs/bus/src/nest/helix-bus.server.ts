import { Server, type CustomTransportStrategy, type MessageHandler } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import { WorkSubjects } from '@helix/contracts';
import type { Bus, BusContext, BusStatus, ConsumerHandle, ConsumerOptions, Delivery, Subscription } from '../bus.port.js';
import { busContextOf } from '../handlers.js';

/**
 * Extras of `@EventPattern(subject, extras)`. With `durable` the handler is a
 * JetStream consumer filtered on the pattern (tuned by the consumer options);
 * on a work subject it joins a queue group; otherwise it is a broadcast subscriber.
 */
export interface BusEventExtras extends Partial<Pick<ConsumerOptions, 'stream' | 'maxWaitMs' | 'ackWaitMs' | 'maxDeliver' | 'nakDelayMs' | 'maxAckPending'>> {
  /** Durable consumer name. */
  durable?: string;
  /** `true` or a size: the handler gets `Delivery[]`; otherwise it is called once per message with (message, ctx). */
  batch?: boolean | number;
  /** Queue group of a `@MessagePattern` or work-subject handler (default: the server's). */
  queue?: string;
}

const workSubjects: ReadonlySet<string> = new Set(Object.values(WorkSubjects));
const DURABLE_KEY = ' durable=';

/**
 * Nest custom transport over a {@link Bus}: `@MessagePattern(subject)` methods
 * answer requests (a thrown error goes back as a typed BusError), and
 * `@EventPattern(subject, extras)` methods consume events. The bus itself is
 * owned by whoever created it: `close()` only removes this server's handlers.
 */
export class HelixBusServer extends Server<{ status: (s: BusStatus) => void }, BusStatus> implements CustomTransportStrategy {
  override readonly propagatesEventHandlerErrors = true;
  private readonly subs: Subscription[] = [];
  private readonly consumers: ConsumerHandle[] = [];
  private unlisten?: () => void;

  constructor(
    private readonly bus: Bus,
    private readonly defaultQueue: string,
  ) {
    super();
  }

  /**
   * Nest chains every handler of one pattern into the first one's registration;
   * durable handlers are kept apart instead, so two modules of one app (the
   * standalone app) can each have their own durable consumer of a subject.
   */
  override addHandler(pattern: unknown, callback: MessageHandler, isEventHandler = false, extras: Record<string, any> = {}): void {
    if (!isEventHandler || typeof extras.durable !== 'string') return super.addHandler(pattern, callback, isEventHandler, extras);
    const key = this.normalizePattern(pattern as string) + DURABLE_KEY + extras.durable;
    if (this.messageHandlers.has(key)) throw new Error(`two handlers for durable "${extras.durable}" of ${String(pattern)}`);
    Object.assign(callback, { isEventHandler, extras });
    this.messageHandlers.set(key, callback);
  }

  async listen(callback: (err?: unknown) => void): Promise<void> {
    try {
      for (const [key, handler] of this.messageHandlers) await this.register(key.split(DURABLE_KEY)[0]!, handler);
      this.unlisten = this.bus.onStatus((s) => this._status$.next(s));
      this._status$.next('connected');
      callback();
    } catch (err) {
      callback(err);
    }
  }

  async close(): Promise<void> {
    this.unlisten?.();
    const subs = this.subs.splice(0);
    const consumers = this.consumers.splice(0);
    await Promise.all([...subs.map((s) => s.unsubscribe()), ...consumers.map((c) => c.stop())]);
  }

  /** `on('status', listener)`: the bus's connection status (also on the `status` observable). */
  on(event: 'status', callback: (s: BusStatus) => void): () => void {
    if (event !== 'status') throw new Error(`HelixBusServer has no "${String(event)}" event`);
    return this.bus.onStatus(callback);
  }

  unwrap<T>(): T {
    return this.bus as T;
  }

  private async register(subject: string, handler: MessageHandler): Promise<void> {
    const extras = (handler.extras ?? {}) as BusEventExtras;
    const call = (data: unknown, ctx: unknown) => this.run(handler, data, ctx);
    const queue = extras.queue ?? this.defaultQueue;
    if (!handler.isEventHandler) {
      this.subs.push(await this.bus.respond(subject as never, call as never, { queue }));
    } else if (extras.durable) {
      this.consumers.push(await this.consumeDurable(subject, extras.durable, extras, call));
    } else if (workSubjects.has(subject)) {
      this.subs.push(await this.bus.onWork(subject as never, call as never, { queue }));
    } else {
      this.subs.push(await this.bus.subscribe(subject as never, call as never));
    }
  }

  private consumeDurable(subject: string, durable: string, extras: BusEventExtras, call: (data: unknown, ctx: unknown) => Promise<unknown>) {
    const { batch, queue: _q, ...rest } = extras;
    const size = typeof batch === 'number' ? batch : undefined;
    const perMessage = batch === undefined || batch === false;
    return this.bus.consume({ ...rest, durable, filter: subject, batch: size }, async (deliveries: Delivery[]) => {
      const propagator = this.bus.propagator;
      if (!perMessage) {
        const run = () => call(deliveries, undefined);
        await (propagator?.batch ? propagator.batch(durable, deliveries, run) : run());
        return;
      }
      for (const d of deliveries) {
        const ctx: BusContext = busContextOf(d.subject, d.headers, d.deliveryCount);
        const run = () => call(d.message, ctx);
        await (propagator ? propagator.extract(d.headers, run, { subject: d.subject, kind: 'consume', durable }) : run());
      }
    });
  }

  /** Calls a Nest handler and waits for its value, promise or observable; rejects with what the handler threw. */
  private async run(handler: MessageHandler, data: unknown, ctx: unknown): Promise<unknown> {
    const out = await handler(data, ctx);
    return lastValueFrom(this.transformToObservable(out), { defaultValue: undefined });
  }
}
