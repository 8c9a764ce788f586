import { once } from 'node:events';
import { connect, type Socket } from 'node:net';

/** One backend message: its type letter and body. */
export interface WireMessage {
  type: string;
  body: Buffer;
}

const frame = (type: string, body: Buffer): Buffer => {
  const header = Buffer.alloc(5);
  header.write(type, 0);
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
};
const cstring = (s: string) => Buffer.from(`${s}\0`);
const int16 = (n: number) => Buffer.from([n >> 8, n & 0xff]);

/** Frontend messages of the extended query protocol, unnamed statement and portal, no parameters. */
export const wire = {
  parse: (sql: string) => frame('P', Buffer.concat([cstring(''), cstring(sql), int16(0)])),
  bind: () => frame('B', Buffer.concat([cstring(''), cstring(''), int16(0), int16(0), int16(0)])),
  execute: () => frame('E', Buffer.concat([cstring(''), Buffer.alloc(4)])),
  sync: () => frame('S', Buffer.alloc(0)),
};

/**
 * A bare Postgres wire-protocol client, for sending a batch in pieces, as a slow network or a large Bind
 * would arrive, which `pg` never does on purpose.
 */
export class RawWire {
  private buffer = Buffer.alloc(0);
  private readonly messages: WireMessage[] = [];

  private constructor(private readonly socket: Socket) {
    socket.on('data', (data: Buffer) => this.take(data));
  }

  static async connect(port: number): Promise<RawWire> {
    const socket = connect(port, '127.0.0.1');
    await once(socket, 'connect');
    const raw = new RawWire(socket);
    const params = Buffer.concat([cstring('user'), cstring('postgres'), cstring('database'), cstring('postgres'), cstring('')]);
    const startup = Buffer.alloc(8);
    startup.writeInt32BE(params.length + 8, 0);
    startup.writeInt32BE(196608, 4);
    raw.send(Buffer.concat([startup, params]));
    await raw.untilReady();
    return raw;
  }

  send(...messages: Buffer[]): void {
    this.socket.write(Buffer.concat(messages));
  }

  /** The messages received up to and including the next ReadyForQuery. */
  async untilReady(timeoutMs = 5_000): Promise<WireMessage[]> {
    const signal = AbortSignal.timeout(timeoutMs);
    for (;;) {
      const end = this.messages.findIndex((m) => m.type === 'Z');
      if (end >= 0) return this.messages.splice(0, end + 1);
      await once(this.socket, 'data', { signal });
    }
  }

  close(): void {
    this.socket.destroy();
  }

  private take(data: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, data]);
    while (this.buffer.length >= 5 && this.buffer.length >= 1 + this.buffer.readInt32BE(1)) {
      const length = this.buffer.readInt32BE(1);
      this.messages.push({ type: String.fromCharCode(this.buffer[0]!), body: this.buffer.subarray(5, 1 + length) });
      this.buffer = this.buffer.subarray(1 + length);
    }
  }
}

/** The human-readable text of an ErrorResponse, or the first column of a DataRow. */
export function messageText(m: WireMessage): string {
  if (m.type === 'E') return m.body.toString().split('\0').find((f) => f.startsWith('M'))?.slice(1) ?? '';
  if (m.type === 'D') return m.body.subarray(6, 6 + m.body.readInt32BE(2)).toString();
  return '';
}
