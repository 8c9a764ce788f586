import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { FrameType, FrameWriter, readFrames, type StoredMsg } from './frames.js';
import { DirLock } from './dir-lock.js';

/** A durable as the journal knows it. */
export interface ConsumerState {
  filter: string;
  floor: number;
  settled: Set<number>;
  /** Deliveries so far of unsettled sequences. */
  counts: Map<number, number>;
}

/** The state a journal directory holds: stream messages and what each durable settled. */
export interface JournalState {
  msgs: StoredMsg[];
  lastSeq: number;
  consumers: Map<string, ConsumerState>;
}

export interface JournalOptions {
  /** fsync after every write: survives power loss, costs a disk flush per publish (default false). */
  fsync?: boolean;
  /** Roll to a new segment past this size (default 64 MiB). */
  segmentBytes?: number;
}

interface Segment {
  path: string;
  lastSeq: number;
  lastTime: number;
}

const SUFFIX = '.seg';

/**
 * Append-only segments of length-prefixed frames. A publish is one `writeSync`
 * (no fsync unless asked), so a process crash after it returned loses nothing.
 * A new segment starts with a checkpoint of every durable; a closed segment is
 * deleted once every durable settled its last message (or it aged out).
 */
export class Journal {
  private readonly writer = new FrameWriter();
  private readonly lock: DirLock;
  private readonly segments: Segment[] = [];
  private fd = -1;
  private size = 0;
  private nextIndex = 0;
  private readonly segmentBytes: number;

  constructor(
    private readonly dir: string,
    private readonly opts: JournalOptions = {},
  ) {
    mkdirSync(dir, { recursive: true });
    this.lock = new DirLock(dir);
    this.segmentBytes = opts.segmentBytes ?? 64 * 1024 * 1024;
  }

  /** Reads every segment (up to a torn tail, which is left alone: writing goes on in a fresh segment). */
  load(): JournalState {
    const state: JournalState = { msgs: [], lastSeq: 0, consumers: new Map() };
    const files = readdirSync(this.dir).filter((f) => f.endsWith(SUFFIX)).sort();
    for (const file of files) {
      const path = join(this.dir, file);
      const buf = readFileSync(path);
      const { frames } = readFrames(buf);
      const prev = this.segments.at(-1);
      const seg: Segment = { path, lastSeq: prev?.lastSeq ?? 0, lastTime: prev?.lastTime ?? 0 };
      for (const f of frames) {
        if (f.type === FrameType.msg) {
          state.msgs.push(f.msg);
          state.lastSeq = seg.lastSeq = f.msg.seq;
          seg.lastTime = f.msg.time;
        } else if (f.type === FrameType.lastSeq) {
          state.lastSeq = Math.max(state.lastSeq, f.seq);
        } else if (f.type === FrameType.ack) {
          const c = state.consumers.get(f.durable);
          if (c) for (const s of f.seqs) c.settled.add(s);
        } else if (f.type === FrameType.delivered) {
          const c = state.consumers.get(f.durable);
          if (c) for (const s of f.seqs) c.counts.set(s, (c.counts.get(s) ?? 0) + 1);
        } else {
          state.consumers.set(f.durable, { filter: f.filter, floor: f.floor, settled: new Set(), counts: new Map() });
        }
      }
      this.segments.push(seg);
      this.nextIndex = Math.max(this.nextIndex, Number.parseInt(file, 10) + 1);
    }
    return state;
  }

  /** Starts a new segment; the caller writes a checkpoint (last sequence, every durable's state) first thing. */
  roll(): void {
    if (this.fd >= 0) closeSync(this.fd);
    const path = join(this.dir, String(this.nextIndex++).padStart(12, '0') + SUFFIX);
    const last = this.segments.at(-1);
    this.segments.push({ path, lastSeq: last?.lastSeq ?? 0, lastTime: last?.lastTime ?? 0 });
    this.fd = openSync(path, 'a');
    this.size = 0;
  }

  appendLastSeq(seq: number): void {
    this.write(this.writer.lastSeq(seq));
  }

  appendMsg(m: StoredMsg): void {
    this.write(this.writer.msg(m));
    const seg = this.segments.at(-1)!;
    seg.lastSeq = m.seq;
    seg.lastTime = m.time;
  }

  appendSettled(durable: string, seqs: readonly number[]): void {
    this.write(this.writer.ack(durable, seqs));
  }

  appendDelivered(durable: string, seqs: readonly number[]): void {
    this.write(this.writer.delivered(durable, seqs));
  }

  appendConsumer(durable: string, filter: string, floor: number): void {
    this.write(this.writer.consumer(durable, filter, floor));
  }

  /** True when the current segment is full and the caller should `roll`. */
  get full(): boolean {
    return this.size >= this.segmentBytes;
  }

  /** Deletes closed segments whose messages are all settled (`seq <= settledThrough`) or older than `minTime`. */
  prune(settledThrough: number, minTime: number): void {
    while (this.segments.length > 1) {
      const seg = this.segments[0]!;
      if (seg.lastSeq > settledThrough && seg.lastTime >= minTime) return;
      unlinkSync(seg.path);
      this.segments.shift();
    }
  }

  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
    this.lock.release();
  }

  private write(b: Buffer): void {
    writeSync(this.fd, b);
    if (this.opts.fsync) fsyncSync(this.fd);
    this.size += b.length;
  }
}
