import { randomFillSync } from 'node:crypto';

const pool = new Uint8Array(16 * 256);
let poolOffset = pool.length;
let lastMs = 0;
let seq = 0;

/**
 * A UUIDv7 (RFC 9562): 48-bit Unix milliseconds, then a 12-bit counter that keeps
 * ids from one process monotonic within a millisecond, then random bits.
 */
export function uuidv7(now: number = Date.now()): string {
  if (poolOffset >= pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const b = pool.subarray(poolOffset, poolOffset + 16);
  poolOffset += 16;
  if (now > lastMs) {
    lastMs = now;
    seq = b[6]! & 0x07;
  } else {
    seq = (seq + 1) & 0xfff;
    if (seq === 0) lastMs += 1;
  }
  const ms = lastMs;
  const h = (ms / 0x10000) >>> 0;
  const l = ms & 0xffff;
  const hex = (n: number, w: number) => n.toString(16).padStart(w, '0');
  const r = (i: number) => hex(b[i]!, 2);
  return (
    hex(h, 8) + '-' + hex(l, 4) + '-' + hex(0x7000 | seq, 4) + '-' +
    hex(0x80 | (b[8]! & 0x3f), 2) + r(9) + '-' + r(10) + r(11) + r(12) + r(13) + r(14) + r(15)
  );
}

/** Milliseconds encoded in a UUIDv7. */
export function uuidv7Time(id: string): number {
  return parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}
