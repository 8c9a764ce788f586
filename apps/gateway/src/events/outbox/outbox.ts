import type { OutboxEntry } from './frame.js';
import { SegmentLog } from './segment-log.js';

/** Sends one encoded event to the stream; resolves on the stream's ack. */
export type Publish = (entry: OutboxEntry) => Promise<unknown>;

export interface OutboxOptions {
  dir: string;
  /** Unacked bytes at which the outbox is full and the gateway refuses requests. */
  maxBytes: number;
  segmentBytes?: number;
  fsyncIntervalMs?: number;
  /** Publishes in flight at once while replaying. */
  replayWindow?: number;
  /** Wait between replay attempts while the stream is away. */
  retryDelayMs?: number;
  onError?: (err: unknown) => void;
}

export interface OutboxStats {
  /** Appended but not yet acked by the stream. */
  pending: number;
  bytes: number;
  full: boolean;
  mode: 'live' | 'replay';
  appended: number;
  acked: number;
}

/**
 * The gateway's event outbox (DESIGN §4): every event is written to an on-disk
 * log before it is published, and stays there until the stream acks it. While
 * the stream answers, events are published as they come ("live"). When a
 * publish fails, the outbox switches to "replay": new events only go to disk,
 * and a single loop publishes the log in order from the first unacked event,
 * retrying until the stream is back, then returns to live. Events published
 * twice (a lost ack) carry the same id, so the stream and the consumers drop
 * the copy. When unacked bytes reach `maxBytes`, `full` turns true and the
 * gateway refuses new requests rather than lose a billable event.
 */
export class Outbox {
  private readonly log: SegmentLog;
  private mode: 'live' | 'replay' = 'live';
  private ackedThrough: number;
  private readonly ackedAbove = new Set<number>();
  private replaying?: Promise<void>;
  private closed = false;
  private cursorTimer: NodeJS.Timeout;
  private lastPersisted: number;
  private persisting?: Promise<void>;
  private counts = { appended: 0, acked: 0 };

  constructor(
    private readonly publish: Publish,
    private readonly opts: OutboxOptions,
  ) {
    this.log = new SegmentLog(opts.dir, opts.segmentBytes ?? 16 * 1024 * 1024, opts.fsyncIntervalMs ?? 1000);
    this.ackedThrough = this.log.readCursor();
    this.lastPersisted = this.ackedThrough;
    this.cursorTimer = setInterval(() => this.persistInBackground(), 200);
    this.cursorTimer.unref();
    if (this.log.lastSeq > this.ackedThrough) this.startReplay();
  }

  get full(): boolean {
    return this.log.bytes >= this.opts.maxBytes && this.pending > 0;
  }

  get pending(): number {
    return this.log.lastSeq - this.ackedThrough - this.ackedAbove.size;
  }

  stats(): OutboxStats {
    return { pending: this.pending, bytes: this.log.bytes, full: this.full, mode: this.mode, ...this.counts };
  }

  /** Writes the event to disk, then publishes it when live. Never throws for a stream outage. */
  append(subject: string, msgId: string, payload: Uint8Array, headers: Record<string, string> = {}): void {
    if (this.closed) throw new Error('outbox is closed');
    const entry = this.log.append({ subject, msgId, headers, payload });
    this.counts.appended++;
    if (this.mode === 'live') this.send(entry);
  }

  /** Waits until every appended event is acked, or `timeoutMs` passes. */
  async flush(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.pending > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    this.persist();
    return this.pending === 0;
  }

  async close(timeoutMs = 5000): Promise<void> {
    await this.flush(timeoutMs);
    this.closed = true;
    clearInterval(this.cursorTimer);
    await this.replaying;
    await this.persisting;
    this.persist();
    this.log.close();
  }

  private send(entry: OutboxEntry): void {
    this.publish(entry).then(
      () => this.ack(entry.seq),
      (err) => {
        this.opts.onError?.(err);
        this.startReplay();
      },
    );
  }

  private ack(seq: number): void {
    if (seq <= this.ackedThrough) return;
    this.counts.acked++;
    if (seq !== this.ackedThrough + 1) {
      this.ackedAbove.add(seq);
      return;
    }
    this.ackedThrough = seq;
    while (this.ackedAbove.delete(this.ackedThrough + 1)) this.ackedThrough++;
  }

  private startReplay(): void {
    this.mode = 'replay';
    this.replaying ??= this.replay().finally(() => (this.replaying = undefined));
  }

  private async replay(): Promise<void> {
    const window = this.opts.replayWindow ?? 256;
    while (!this.closed) {
      try {
        let from = this.ackedThrough + 1;
        while (from <= this.log.lastSeq) {
          const batch: OutboxEntry[] = [];
          for (const e of this.log.readFrom(from)) {
            if (!this.ackedAbove.has(e.seq)) batch.push(e);
            from = e.seq + 1;
            if (batch.length >= window) break;
          }
          await Promise.all(batch.map((e) => this.publish(e).then(() => this.ack(e.seq))));
        }
        if (this.pending === 0) {
          this.mode = 'live';
          this.persist();
          return;
        }
      } catch (err) {
        this.opts.onError?.(err);
        await new Promise((r) => setTimeout(r, this.opts.retryDelayMs ?? 500));
      }
    }
  }

  private persist(): void {
    if (this.ackedThrough === this.lastPersisted || this.persisting) return;
    this.lastPersisted = this.ackedThrough;
    this.log.release(this.ackedThrough);
  }

  /** The timer's persist: the cursor file is written off the event loop, one write at a time. */
  private persistInBackground(): void {
    if (this.ackedThrough === this.lastPersisted || this.persisting || this.closed) return;
    const through = this.ackedThrough;
    this.persisting = this.log
      .releaseAsync(through)
      .then(() => {
        this.lastPersisted = Math.max(this.lastPersisted, through);
      }, (err: unknown) => this.opts.onError?.(err))
      .finally(() => (this.persisting = undefined));
  }
}
