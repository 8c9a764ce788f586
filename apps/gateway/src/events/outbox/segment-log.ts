import { writeFile, rename } from 'node:fs/promises';
import { closeSync, fdatasync, fstatSync, ftruncateSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { decodeFrame, encodeFrame, type OutboxEntry } from './frame.js';

interface Segment {
  file: string;
  firstSeq: number;
  lastSeq: number;
  bytes: number;
}

const name = (firstSeq: number) => `${String(firstSeq).padStart(16, '0')}.seg`;

/**
 * An append-only log of outbox entries in segment files. Appends are one
 * synchronous write each, so an entry is in the OS once `append` returns and a
 * process crash loses nothing; `fsyncIntervalMs` bounds what a power loss can.
 * A torn frame at the tail (a crash mid-write) is cut off when the log opens.
 */
export class SegmentLog {
  private readonly segments: Segment[] = [];
  private fd = -1;
  private dirty = false;
  private syncTimer?: NodeJS.Timeout;
  /** Sequence of the last appended entry (0 = none ever). */
  lastSeq = 0;

  constructor(
    private readonly dir: string,
    private readonly segmentBytes: number,
    fsyncIntervalMs: number,
  ) {
    mkdirSync(dir, { recursive: true });
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.seg')).sort()) this.recover(file);
    this.lastSeq = Math.max(this.readCursor(), this.segments.at(-1)?.lastSeq ?? 0);
    if (fsyncIntervalMs > 0) {
      this.syncTimer = setInterval(() => this.sync(), fsyncIntervalMs);
      this.syncTimer.unref();
    }
  }

  /** Bytes of every segment still on disk. */
  get bytes(): number {
    return this.segments.reduce((sum, s) => sum + s.bytes, 0);
  }

  append(entry: Omit<OutboxEntry, 'seq'>): OutboxEntry {
    const full = { ...entry, seq: this.lastSeq + 1 };
    const frame = encodeFrame(full);
    let seg = this.segments.at(-1);
    if (!seg || this.fd < 0 || seg.bytes + frame.length > this.segmentBytes) seg = this.rotate(full.seq);
    writeSync(this.fd, frame);
    seg.bytes += frame.length;
    seg.lastSeq = full.seq;
    this.lastSeq = full.seq;
    this.dirty = true;
    return full;
  }

  /** Entries with seq ≥ `fromSeq`, in order, read from disk one segment at a time. */
  *readFrom(fromSeq: number, toSeq = this.lastSeq): Generator<OutboxEntry> {
    for (const seg of this.segments) {
      if (seg.lastSeq < fromSeq || seg.firstSeq > toSeq) continue;
      const buf = readFileSync(join(this.dir, seg.file));
      for (let at = 0; at < buf.length; ) {
        const frame = decodeFrame(buf, at);
        if (!frame) break;
        at += frame.size;
        if (frame.entry.seq > toSeq) return;
        if (frame.entry.seq >= fromSeq) yield frame.entry;
      }
    }
  }

  /** Deletes segments whose entries are all ≤ `ackedThrough`, and records it. */
  release(ackedThrough: number): void {
    this.writeCursor(ackedThrough);
    this.drop(ackedThrough);
  }

  /** {@link release} with the cursor written asynchronously, so a slow disk never stalls the event loop. */
  async releaseAsync(ackedThrough: number): Promise<void> {
    const tmp = join(this.dir, 'cursor.json.next');
    await writeFile(tmp, JSON.stringify({ ackedThrough }));
    await rename(tmp, join(this.dir, 'cursor.json'));
    if (this.fd >= 0) this.drop(ackedThrough);
  }

  private drop(ackedThrough: number): void {
    while (this.segments.length > 1 && this.segments[0]!.lastSeq <= ackedThrough) {
      unlinkSync(join(this.dir, this.segments.shift()!.file));
    }
    const only = this.segments[0];
    if (only && this.segments.length === 1 && only.lastSeq <= ackedThrough && only.bytes >= this.segmentBytes / 2) {
      this.rotate(this.lastSeq + 1);
      unlinkSync(join(this.dir, this.segments.shift()!.file));
    }
  }

  readCursor(): number {
    try {
      return (JSON.parse(readFileSync(join(this.dir, 'cursor.json'), 'utf8')) as { ackedThrough: number }).ackedThrough;
    } catch {
      return 0;
    }
  }

  sync(): void {
    if (this.dirty && this.fd >= 0) {
      this.dirty = false;
      fdatasync(this.fd, () => {});
    }
  }

  close(): void {
    clearInterval(this.syncTimer);
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }

  private writeCursor(ackedThrough: number): void {
    const tmp = join(this.dir, 'cursor.json.tmp');
    writeFileSync(tmp, JSON.stringify({ ackedThrough }));
    renameSync(tmp, join(this.dir, 'cursor.json'));
  }

  private rotate(firstSeq: number): Segment {
    if (this.fd >= 0) closeSync(this.fd);
    const seg: Segment = { file: name(firstSeq), firstSeq, lastSeq: firstSeq - 1, bytes: 0 };
    this.fd = openSync(join(this.dir, seg.file), 'a');
    this.segments.push(seg);
    return seg;
  }

  private recover(file: string): void {
    const path = join(this.dir, file);
    const buf = readFileSync(path);
    const seg: Segment = { file, firstSeq: Number(file.slice(0, 16)), lastSeq: Number(file.slice(0, 16)) - 1, bytes: 0 };
    for (let at = 0; at < buf.length; ) {
      const frame = decodeFrame(buf, at);
      if (!frame) break;
      at += frame.size;
      seg.bytes = at;
      seg.lastSeq = frame.entry.seq;
    }
    if (seg.bytes < buf.length) {
      const fd = openSync(path, 'r+');
      ftruncateSync(fd, seg.bytes);
      closeSync(fd);
    }
    if (seg.bytes === 0) {
      unlinkSync(path);
      return;
    }
    this.segments.push(seg);
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = openSync(path, 'a');
    if (fstatSync(this.fd).size !== seg.bytes) throw new Error(`outbox segment ${file} did not truncate`);
  }
}
