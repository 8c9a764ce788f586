const WIRE_VARINT = 0;
const WIRE_LEN = 2;
const WIRE_FIXED32 = 5;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Protobuf wire primitives on one growing buffer, for hand-written encoders of hot messages.
 * Fields follow proto3's implicit presence: a zero, empty or false value writes nothing.
 */
export class ProtoWriter {
  private buf = Buffer.allocUnsafe(1024);
  private pos = 0;

  /** The bytes written, copied out of the working buffer. */
  finish(): Uint8Array {
    const out = new Uint8Array(this.pos);
    out.set(this.buf.subarray(0, this.pos));
    this.pos = 0;
    return out;
  }

  /** `always`: an element of a repeated field, written even when empty. */
  string(field: number, s: string, always = false): void {
    if (s.length === 0 && !always) return;
    this.tag(field, WIRE_LEN);
    const n = s.length;
    this.room(n * 3 + 5);
    const start = this.pos;
    this.varint(n);
    const at = this.pos;
    const buf = this.buf;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c > 0x7f) {
        this.pos = start;
        this.varint(Buffer.byteLength(s));
        this.pos += this.buf.write(s, this.pos, 'utf8');
        return;
      }
      buf[at + i] = c;
    }
    this.pos = at + n;
  }

  uint32(field: number, v: number): void {
    if (v === 0) return;
    this.tag(field, WIRE_VARINT);
    this.varint(v >>> 0);
  }

  /** An enum or int32: negative values take ten bytes, as in every protobuf encoder. */
  int32(field: number, v: number): void {
    if (v === 0) return;
    this.tag(field, WIRE_VARINT);
    if (v >= 0) this.varint(v);
    else this.varint64(BigInt.asUintN(64, BigInt(v)));
  }

  int64(field: number, v: bigint): void {
    if (v === 0n) return;
    this.tag(field, WIRE_VARINT);
    if (v > 0n && v <= MAX_SAFE) this.varint(Number(v));
    else this.varint64(BigInt.asUintN(64, v));
  }

  bool(field: number, v: boolean): void {
    if (!v) return;
    this.tag(field, WIRE_VARINT);
    this.room(1);
    this.buf[this.pos++] = 1;
  }

  /** -0 is written, as protobuf-es writes it: only +0 is the zero value. */
  float(field: number, v: number): void {
    if (Object.is(v, 0)) return;
    this.tag(field, WIRE_FIXED32);
    this.room(4);
    this.pos = this.buf.writeFloatLE(v, this.pos);
  }

  /** A nested message: `write` fills its fields, the length prefix is set after. */
  message(field: number, write: () => void): void {
    this.tag(field, WIRE_LEN);
    this.room(1);
    const lenAt = this.pos++;
    write();
    const len = this.pos - lenAt - 1;
    if (len < 0x80) {
      this.buf[lenAt] = len;
      return;
    }
    const extra = varintSize(len) - 1;
    this.room(extra);
    this.buf.copyWithin(lenAt + 1 + extra, lenAt + 1, this.pos);
    const end = this.pos + extra;
    this.pos = lenAt;
    this.varint(len);
    this.pos = end;
  }

  private tag(field: number, wire: number): void {
    this.varint((field << 3) | wire);
  }

  private varint(v: number): void {
    this.room(10);
    const buf = this.buf;
    while (v > 0x7f) {
      buf[this.pos++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    buf[this.pos++] = v;
  }

  private varint64(v: bigint): void {
    this.room(10);
    while (v > 0x7fn) {
      this.buf[this.pos++] = Number(v & 0x7fn) | 0x80;
      v >>= 7n;
    }
    this.buf[this.pos++] = Number(v);
  }

  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }
}

function varintSize(v: number): number {
  let n = 1;
  while (v > 0x7f) {
    v = Math.floor(v / 0x80);
    n++;
  }
  return n;
}
