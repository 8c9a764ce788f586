import { crc32 } from 'node:zlib';

/** One event as the outbox keeps it: already encoded, ready to publish again. */
export interface OutboxEntry {
  seq: number;
  subject: string;
  msgId: string;
  headers: Record<string, string>;
  payload: Uint8Array;
}

// Frame: u32 length of the rest | u32 crc32 of the rest | f64 seq | u16 subject | u16 id | u32 headers(JSON) | payload
const FIXED = 4 + 4 + 8 + 2 + 2 + 4;

export function encodeFrame(e: OutboxEntry): Buffer {
  const subject = Buffer.from(e.subject);
  const id = Buffer.from(e.msgId);
  const headers = Buffer.from(JSON.stringify(e.headers));
  const size = FIXED + subject.length + id.length + headers.length + e.payload.length;
  const buf = Buffer.allocUnsafe(size);
  buf.writeUInt32LE(size - 4, 0);
  buf.writeDoubleLE(e.seq, 8);
  buf.writeUInt16LE(subject.length, 16);
  buf.writeUInt16LE(id.length, 18);
  buf.writeUInt32LE(headers.length, 20);
  let at = FIXED;
  at += subject.copy(buf, at);
  at += id.copy(buf, at);
  at += headers.copy(buf, at);
  buf.set(e.payload, at);
  buf.writeUInt32LE(crc32(buf.subarray(8)), 4);
  return buf;
}

/**
 * Decodes the frame at `offset`. Returns null when the bytes there are not a
 * whole, intact frame: the torn tail of a write cut short by a crash.
 */
export function decodeFrame(buf: Buffer, offset: number): { entry: OutboxEntry; size: number } | null {
  if (buf.length - offset < FIXED) return null;
  const size = buf.readUInt32LE(offset) + 4;
  if (size < FIXED || buf.length - offset < size) return null;
  const frame = buf.subarray(offset, offset + size);
  if (crc32(frame.subarray(8)) !== frame.readUInt32LE(4)) return null;
  const subjectLen = frame.readUInt16LE(16);
  const idLen = frame.readUInt16LE(18);
  const headersLen = frame.readUInt32LE(20);
  let at = FIXED;
  const subject = frame.toString('utf8', at, (at += subjectLen));
  const msgId = frame.toString('utf8', at, (at += idLen));
  const headers = JSON.parse(frame.toString('utf8', at, (at += headersLen))) as Record<string, string>;
  const payload = new Uint8Array(frame.subarray(at));
  return { entry: { seq: frame.readDoubleLE(8), subject, msgId, headers, payload }, size };
}
