/** A message of the in-process stream. */
export interface StoredMsg {
  seq: number;
  time: number;
  subject: string;
  msgId: string;
  headers: Record<string, string>;
  data: Uint8Array;
}

export const FrameType = { msg: 1, ack: 2, consumer: 3, lastSeq: 4, delivered: 5 } as const;

export type Frame =
  | { type: typeof FrameType.msg; msg: StoredMsg }
  | { type: typeof FrameType.ack; durable: string; seqs: number[] }
  | { type: typeof FrameType.delivered; durable: string; seqs: number[] }
  | { type: typeof FrameType.consumer; durable: string; filter: string; floor: number }
  | { type: typeof FrameType.lastSeq; seq: number };

/**
 * Length-prefixed binary frames: `u32 body length, u8 type, body`. Strings are
 * `u16 byte length + UTF-8`, numbers f64. Encoding reuses one growing buffer.
 */
export class FrameWriter {
  private buf = Buffer.allocUnsafe(64 * 1024);
  private off = 0;

  /** The encoded frame; valid until the next call. */
  msg(m: StoredMsg): Buffer {
    let bound = 32 + 3 * (m.subject.length + m.msgId.length) + m.data.length;
    for (const k in m.headers) bound += 4 + 3 * (k.length + m.headers[k]!.length);
    this.begin(FrameType.msg, bound);
    this.f64(m.seq).f64(m.time).str(m.subject).str(m.msgId);
    const countAt = this.off;
    this.off += 2;
    let n = 0;
    for (const k in m.headers) {
      this.str(k).str(m.headers[k]!);
      n++;
    }
    this.buf.writeUInt16LE(n, countAt);
    this.buf.set(m.data, this.off);
    this.off += m.data.length;
    return this.end();
  }

  /** Sequences a durable settled (acked, or given up). */
  ack(durable: string, seqs: readonly number[]): Buffer {
    return this.seqs(FrameType.ack, durable, seqs);
  }

  /** Sequences handed to a durable's handler; a sequence listed n times was delivered n times. */
  delivered(durable: string, seqs: readonly number[]): Buffer {
    return this.seqs(FrameType.delivered, durable, seqs);
  }

  private seqs(type: number, durable: string, seqs: readonly number[]): Buffer {
    this.begin(type, 16 + 3 * durable.length + 8 * seqs.length);
    this.str(durable);
    this.buf.writeUInt32LE(seqs.length, this.off);
    this.off += 4;
    for (const s of seqs) this.f64(s);
    return this.end();
  }

  consumer(durable: string, filter: string, floor: number): Buffer {
    this.begin(FrameType.consumer, 24 + 3 * (durable.length + filter.length));
    return this.str(durable).str(filter).f64(floor).end();
  }

  /** The stream's last sequence, so numbering continues after every message was pruned. */
  lastSeq(seq: number): Buffer {
    this.begin(FrameType.lastSeq, 8);
    return this.f64(seq).end();
  }

  private begin(type: number, bound: number): void {
    if (this.buf.length < bound + 5) this.buf = Buffer.allocUnsafe(Math.max(bound + 5, this.buf.length * 2));
    this.buf[4] = type;
    this.off = 5;
  }

  private end(): Buffer {
    this.buf.writeUInt32LE(this.off - 5, 0);
    return this.buf.subarray(0, this.off);
  }

  private f64(n: number): this {
    this.buf.writeDoubleLE(n, this.off);
    this.off += 8;
    return this;
  }

  private str(s: string): this {
    const n = this.buf.write(s, this.off + 2, 'utf8');
    this.buf.writeUInt16LE(n, this.off);
    this.off += 2 + n;
    return this;
  }
}

/** Reads the frames of one segment; `end` is where the last whole frame ends (a torn tail is ignored). */
export function readFrames(buf: Buffer): { frames: Frame[]; end: number } {
  const frames: Frame[] = [];
  let at = 0;
  while (at + 5 <= buf.length) {
    const len = buf.readUInt32LE(at);
    const bodyEnd = at + 5 + len;
    if (bodyEnd > buf.length) break;
    const frame = parse(buf, buf[at + 4]!, at + 5, bodyEnd);
    if (!frame) break;
    frames.push(frame);
    at = bodyEnd;
  }
  return { frames, end: at };
}

function parse(buf: Buffer, type: number, start: number, end: number): Frame | undefined {
  let off = start;
  const f64 = () => ((off += 8), buf.readDoubleLE(off - 8));
  const str = () => {
    const n = buf.readUInt16LE(off);
    off += 2 + n;
    return buf.toString('utf8', off - n, off);
  };
  switch (type) {
    case FrameType.msg: {
      const seq = f64();
      const time = f64();
      const subject = str();
      const msgId = str();
      const n = buf.readUInt16LE(off);
      off += 2;
      const headers: Record<string, string> = {};
      for (let i = 0; i < n; i++) headers[str()] = str();
      return { type: FrameType.msg, msg: { seq, time, subject, msgId, headers, data: new Uint8Array(buf.subarray(off, end)) } };
    }
    case FrameType.ack:
    case FrameType.delivered: {
      const durable = str();
      const count = buf.readUInt32LE(off);
      off += 4;
      const seqs: number[] = [];
      for (let i = 0; i < count; i++) seqs.push(f64());
      return type === FrameType.ack ? { type: FrameType.ack, durable, seqs } : { type: FrameType.delivered, durable, seqs };
    }
    case FrameType.consumer:
      return { type: FrameType.consumer, durable: str(), filter: str(), floor: f64() };
    case FrameType.lastSeq:
      return { type: FrameType.lastSeq, seq: f64() };
    default:
      return undefined;
  }
}
