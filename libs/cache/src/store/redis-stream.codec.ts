import type { IndexEvent, StreamedEvent } from './cache-store.js';

/** An index event as XADD field/value pairs. */
export function encodeIndexEvent(e: IndexEvent): (string | Buffer)[] {
  if (e.op === 'del') return ['op', 'del', 's', e.scope, 'k', e.key];
  const v = Buffer.from(e.vector.buffer, e.vector.byteOffset, e.vector.byteLength);
  return ['op', 'add', 's', e.scope, 'k', e.key, 'p', e.partition, 'em', e.embedder, 'x', String(e.expiresAtMs), 'v', v];
}

/** The events of an `XREAD` reply (buffers): `[[stream, [[id, [field, value, ...]], ...]]]`, or null. */
export function decodeStreamReply(reply: unknown): StreamedEvent[] {
  if (!Array.isArray(reply) || !reply.length) return [];
  const entries = (reply[0] as [Buffer, [Buffer, Buffer[]][]])[1];
  return entries.map(([id, flat]) => {
    const f = new Map<string, Buffer>();
    for (let i = 0; i < flat.length; i += 2) f.set(flat[i]!.toString(), flat[i + 1]!);
    const s = (name: string) => f.get(name)?.toString('utf8') ?? '';
    const offset = id.toString();
    if (s('op') === 'del') return { offset, event: { op: 'del', scope: s('s'), key: s('k') } };
    const v = f.get('v') ?? Buffer.alloc(0);
    return {
      offset,
      event: { op: 'add', scope: s('s'), key: s('k'), partition: s('p'), embedder: s('em'), expiresAtMs: Number(s('x')), vector: new Int8Array(v.buffer.slice(v.byteOffset, v.byteOffset + v.byteLength)) },
    };
  });
}
