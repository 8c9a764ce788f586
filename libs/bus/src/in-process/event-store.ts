import type { PublishAck } from '../bus.port.js';
import type { BusLogger } from '../bus.options.js';
import { Durable, type DurableHost } from './durable.js';
import type { StoredMsg } from './frames.js';
import type { Journal } from './journal.js';

export interface StoreLimits {
  maxAgeMs: number;
  duplicateWindowMs: number;
}

/**
 * The in-process stream: messages in sequence, msgId de-duplication within a
 * window, durables, and retention. A message leaves memory (and its journal
 * segment the disk) once every durable settled it, or when it is older than
 * `maxAgeMs`; with no durable yet, messages wait for one.
 */
export class EventStore implements DurableHost {
  private msgs: StoredMsg[] = [];
  private head = 0;
  lastSeq = 0;
  private readonly dedup = new Map<string, { seq: number; time: number }>();
  readonly durables = new Map<string, Durable>();
  limits: StoreLimits = { maxAgeMs: 7 * 24 * 3_600_000, duplicateWindowMs: 120_000 };

  constructor(
    readonly logger: BusLogger,
    private readonly journal?: Journal,
  ) {}

  /** Restores the journal's state and starts a fresh segment. */
  restore(): void {
    if (!this.journal) return;
    const state = this.journal.load();
    this.msgs = state.msgs;
    this.lastSeq = Math.max(state.lastSeq, state.msgs.at(-1)?.seq ?? 0);
    const since = Date.now() - this.limits.duplicateWindowMs;
    for (const m of state.msgs) if (m.msgId && m.time >= since) this.dedup.set(m.msgId, { seq: m.seq, time: m.time });
    for (const [name, c] of state.consumers) {
      const d = new Durable(name, c.filter, c.floor, this);
      d.reset(c.filter, this.msgs, c.settled, c.counts);
      this.durables.set(name, d);
    }
    this.roll();
    this.retain();
  }

  append(subject: string, data: Uint8Array, headers: Record<string, string>, msgId: string, now: number): PublishAck {
    this.expireDedup(now);
    const seen = this.dedup.get(msgId);
    if (seen) return { seq: seen.seq, duplicate: true };
    const m: StoredMsg = { seq: this.lastSeq + 1, time: now, subject, msgId, headers, data };
    this.journal?.appendMsg(m);
    this.lastSeq = m.seq;
    this.msgs.push(m);
    this.dedup.set(msgId, { seq: m.seq, time: now });
    for (const d of this.durables.values()) d.offer(m);
    if (this.journal?.full) this.roll();
    if (this.msgs[this.head]!.time < now - this.limits.maxAgeMs) this.retain();
    return { seq: m.seq, duplicate: false };
  }

  get(seq: number): StoredMsg | undefined {
    const first = this.msgs[this.head]?.seq;
    if (first === undefined || seq < first) return undefined;
    const m = this.msgs[this.head + seq - first];
    return m?.seq === seq ? m : undefined;
  }

  /** The named durable, created (from the first retained message) or re-filtered. */
  durable(name: string, filter: string): Durable {
    let d = this.durables.get(name);
    if (!d) {
      d = new Durable(name, filter, this.firstSeq() - 1, this);
      d.reset(filter, this.retained());
      this.durables.set(name, d);
      this.checkpoint(d);
    } else if (d.filter !== filter) {
      d.reset(filter, this.retained(), new Set(d.settledAboveFloor()));
      this.checkpoint(d);
    }
    return d;
  }

  settled(durable: string, seqs: readonly number[]): void {
    this.journal?.appendSettled(durable, seqs);
    this.retain();
  }

  delivered(durable: string, seqs: readonly number[]): void {
    this.journal?.appendDelivered(durable, seqs);
  }

  close(): void {
    this.journal?.close();
  }

  private firstSeq(): number {
    return this.msgs[this.head]?.seq ?? this.lastSeq + 1;
  }

  private *retained(): Iterable<StoredMsg> {
    for (let i = this.head; i < this.msgs.length; i++) yield this.msgs[i]!;
  }

  private retain(): void {
    const minTime = Date.now() - this.limits.maxAgeMs;
    let through = this.durables.size > 0 ? Infinity : 0;
    for (const d of this.durables.values()) through = Math.min(through, d.floor);
    let aged = 0;
    while (this.head < this.msgs.length) {
      const m = this.msgs[this.head]!;
      if (m.seq > through && m.time >= minTime) break;
      if (m.seq > through) aged = m.seq;
      this.head++;
    }
    if (this.head > 1024 && this.head * 2 > this.msgs.length) {
      this.msgs = this.msgs.slice(this.head);
      this.head = 0;
    }
    if (aged > 0) for (const d of this.durables.values()) d.forgetThrough(aged);
    this.journal?.prune(through, minTime);
  }

  private roll(): void {
    if (!this.journal) return;
    this.journal.roll();
    this.journal.appendLastSeq(this.lastSeq);
    for (const d of this.durables.values()) this.checkpoint(d);
  }

  /** A durable's whole state: on load, a consumer frame resets what earlier frames said. */
  private checkpoint(d: Durable): void {
    if (!this.journal) return;
    this.journal.appendConsumer(d.name, d.filter, d.floor);
    const settled = d.settledAboveFloor();
    if (settled.length > 0) this.journal.appendSettled(d.name, settled);
    const deliveries = d.deliveries();
    if (deliveries.length > 0) this.journal.appendDelivered(d.name, deliveries);
  }

  private expireDedup(now: number): void {
    const since = now - this.limits.duplicateWindowMs;
    for (const [id, e] of this.dedup) {
      if (e.time >= since) break;
      this.dedup.delete(id);
    }
  }
}
