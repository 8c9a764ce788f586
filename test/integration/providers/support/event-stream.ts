import { crc32 } from 'node:zlib';

/** One event of a fixture's `*.events.json`: its `:event-type` and JSON payload. */
export interface FixtureEvent {
  event: string;
  payload: unknown;
  /** `exception` frames carry `:exception-type` instead. */
  messageType?: 'event' | 'exception';
}

/**
 * AWS event-stream framing, written here independently of the AWS SDK (node:zlib's CRC-32), so the
 * SDK codec the adapter uses is checked against the format, not against itself: prelude (total and
 * headers length, prelude CRC), string headers, payload, message CRC.
 */
export function encodeEventStream(events: FixtureEvent[]): Buffer {
  return Buffer.concat(
    events.map((e) => {
      const kind = e.messageType ?? 'event';
      const headers = Buffer.concat([
        header(':message-type', kind),
        header(kind === 'event' ? ':event-type' : ':exception-type', e.event),
        header(':content-type', 'application/json'),
      ]);
      const payload = Buffer.from(JSON.stringify(e.payload), 'utf8');
      const total = 12 + headers.length + payload.length + 4;
      const prelude = Buffer.alloc(12);
      prelude.writeUInt32BE(total, 0);
      prelude.writeUInt32BE(headers.length, 4);
      prelude.writeUInt32BE(crc32(prelude.subarray(0, 8)), 8);
      const body = Buffer.concat([prelude, headers, payload]);
      const crc = Buffer.alloc(4);
      crc.writeUInt32BE(crc32(body), 0);
      return Buffer.concat([body, crc]);
    }),
  );
}

function header(name: string, value: string): Buffer {
  const n = Buffer.from(name, 'utf8');
  const v = Buffer.from(value, 'utf8');
  const out = Buffer.alloc(1 + n.length + 1 + 2 + v.length);
  out.writeUInt8(n.length, 0);
  n.copy(out, 1);
  out.writeUInt8(7, 1 + n.length);
  out.writeUInt16BE(v.length, 2 + n.length);
  v.copy(out, 4 + n.length);
  return out;
}
