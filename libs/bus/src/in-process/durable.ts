import type { BusLogger } from '../bus.options.js';
import type { ConsumerDriver, ConsumerLag, RawDelivery } from '../consumer/consumer-runner.js';
import { SeqQueue } from './seq-queue.js';
import { subjectMatcher } from './subject-match.js';
import type { StoredMsg } from './frames.js';

export interface InProcessDelivery extends RawDelivery {
  gen: number;
  timer: NodeJS.Timeout;
}

/** What a durable needs from the stream that holds it. */
export interface DurableHost {
  get(seq: number): StoredMsg | undefined;
  readonly lastSeq: number;
  /** Record settled sequences (journal) and let the stream drop what every durable settled. */
  settled(durable: string, seqs: readonly number[]): void;
  /** Record sequences handed to a handler (journal), so delivery counts survive a crash. */
  delivered(durable: string, seqs: readonly number[]): void;
  readonly logger: BusLogger;
}

export interface DurableLimits {
  ackWaitMs: number;
  maxDeliver: number;
}

/**
 * One durable consumer's state, JetStream-like: `floor` (every sequence up to it
 * is settled), the unsettled matching sequences, deliveries in flight with an
 * ack-wait timer, and redeliveries. Any number of `consume` loops share it.
 */
export class Durable implements ConsumerDriver<InProcessDelivery> {
  private matches: (subject: string) => boolean;
  private readonly unsettled = new Set<number>();
  private readonly fresh = new SeqQueue();
  private readonly ready = new SeqQueue();
  private readonly inflight = new Map<number, number>();
  private readonly counts = new Map<number, number>();
  private readonly listeners = new Set<() => void>();
  private gen = 0;
  limits: DurableLimits = { ackWaitMs: 30_000, maxDeliver: -1 };

  constructor(
    readonly name: string,
    public filter: string,
    public floor: number,
    private readonly host: DurableHost,
  ) {
    this.matches = subjectMatcher(filter);
  }

  /** Rebuilds the unsettled set from the stream: matching messages above the floor not in `settled`. */
  reset(filter: string, msgs: Iterable<StoredMsg>, settled: ReadonlySet<number> = new Set(), counts?: Map<number, number>): void {
    this.filter = filter;
    this.matches = subjectMatcher(filter);
    this.unsettled.clear();
    this.fresh.clear();
    this.ready.clear();
    if (counts) for (const [seq, n] of counts) this.counts.set(seq, n);
    for (const m of msgs) if (m.seq > this.floor && !settled.has(m.seq)) this.offer(m, false);
    this.advance();
  }

  /** A new message in the stream. */
  offer(m: StoredMsg, notify = true): void {
    if (!this.matches(m.subject)) return;
    this.unsettled.add(m.seq);
    this.fresh.push(m.seq);
    if (notify) this.notify();
  }

  listen(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  available(): number {
    return this.ready.length + this.fresh.length;
  }

  lag(): ConsumerLag {
    return { pending: this.available(), ackPending: this.inflight.size };
  }

  take(max: number): InProcessDelivery[] {
    const out: InProcessDelivery[] = [];
    const timer = setTimeout(() => this.expire(out), this.limits.ackWaitMs).unref();
    while (out.length < max) {
      const seq = this.ready.length > 0 ? this.ready.shift()! : this.fresh.shift();
      if (seq === undefined) break;
      const m = this.unsettled.has(seq) && !this.inflight.has(seq) ? this.host.get(seq) : undefined;
      if (!m) continue;
      const count = (this.counts.get(seq) ?? 0) + 1;
      this.counts.set(seq, count);
      const gen = ++this.gen;
      this.inflight.set(seq, gen);
      out.push({ subject: m.subject, data: m.data, headers: { ...m.headers }, deliveryCount: count, seq, gen, timer });
    }
    if (out.length === 0) clearTimeout(timer);
    else this.host.delivered(this.name, out.map((d) => d.seq));
    return out;
  }

  ack(batch: InProcessDelivery[]): void {
    if (batch.length > 0) clearTimeout(batch[0]!.timer);
    this.settle(batch.filter((d) => this.unsettled.has(d.seq)).map((d) => d.seq));
  }

  nak(batch: InProcessDelivery[], delayMs: number): void {
    if (batch.length > 0) clearTimeout(batch[0]!.timer);
    this.retry(batch, delayMs);
  }

  term(batch: InProcessDelivery[]): void {
    this.settle(batch.map((d) => d.seq));
  }

  private expire(batch: InProcessDelivery[]): void {
    this.retry(batch, 0);
  }

  private retry(batch: InProcessDelivery[], delayMs: number): void {
    const again: number[] = [];
    const dropped: number[] = [];
    for (const d of batch) {
      if (this.inflight.get(d.seq) !== d.gen) continue;
      this.inflight.delete(d.seq);
      const { maxDeliver } = this.limits;
      (maxDeliver > 0 && (this.counts.get(d.seq) ?? 0) >= maxDeliver ? dropped : again).push(d.seq);
    }
    if (dropped.length > 0) {
      this.host.logger.warn({ durable: this.name, seqs: dropped }, 'max deliveries reached; messages given up');
      this.settle(dropped);
    }
    if (again.length === 0) return;
    const requeue = () => {
      for (const s of again) this.ready.push(s);
      this.notify();
    };
    if (delayMs > 0) setTimeout(requeue, delayMs).unref();
    else requeue();
  }

  private settle(seqs: number[]): void {
    if (seqs.length === 0) return;
    for (const s of seqs) {
      this.unsettled.delete(s);
      this.inflight.delete(s);
      this.counts.delete(s);
    }
    this.advance();
    this.host.settled(this.name, seqs);
  }

  /** The stream dropped every message up to `seq` (max age): nothing to wait for there. */
  forgetThrough(seq: number): void {
    for (const s of this.unsettled) if (s <= seq) this.unsettled.delete(s);
    if (this.floor < seq) this.floor = seq;
    this.advance();
  }

  /** Each unsettled sequence once per delivery so far (for a journal checkpoint). */
  deliveries(): number[] {
    const out: number[] = [];
    for (const [seq, n] of this.counts) for (let i = 0; i < n; i++) out.push(seq);
    return out;
  }

  /** Settled sequences above the floor (for a journal checkpoint). */
  settledAboveFloor(): number[] {
    const out: number[] = [];
    for (let s = this.floor + 1; s <= this.host.lastSeq; s++) {
      const m = this.host.get(s);
      if (m && this.matches(m.subject) && !this.unsettled.has(s)) out.push(s);
    }
    return out;
  }

  private advance(): void {
    while (this.floor < this.host.lastSeq && !this.unsettled.has(this.floor + 1)) this.floor++;
  }

  private notify(): void {
    for (const l of this.listeners) l();
  }
}
