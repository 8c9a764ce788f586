import type { CacheEntry } from '../entry/cache-entry.js';

/** Fields of an entry hash, in the order `decodeEntry` reads them. */
export const ENTRY_FIELDS = ['m', 'sm', 'ns', 'p', 'q', 'b', 'u', 'c', 'x', 'em', 'v'] as const;

/** An entry as HSET field/value pairs (the vector as raw int8 bytes). */
export function encodeEntry(e: CacheEntry): (string | Buffer)[] {
  const out: (string | Buffer)[] = ['m', e.model, 'sm', e.servedModel, 'ns', e.namespace, 'p', e.partition, 'q', e.queryText, 'b', e.body];
  out.push('u', e.usage ? JSON.stringify(e.usage) : '', 'c', String(e.createdAtMs), 'x', String(e.expiresAtMs), 'em', e.embedder);
  if (e.vector) out.push('v', Buffer.from(e.vector.buffer, e.vector.byteOffset, e.vector.byteLength));
  return out;
}

/** The entry of an HMGET of {@link ENTRY_FIELDS}, or undefined when the hash is gone. */
export function decodeEntry(scope: string, key: string, f: (Buffer | null)[]): CacheEntry | undefined {
  if (f[5] === null || f[5] === undefined) return undefined;
  const s = (i: number) => f[i]?.toString('utf8') ?? '';
  const v = f[10];
  return {
    scope,
    key,
    model: s(0),
    servedModel: s(1),
    namespace: s(2),
    partition: s(3),
    queryText: s(4),
    body: s(5),
    usage: s(6) ? JSON.parse(s(6)) : undefined,
    createdAtMs: Number(s(7)),
    expiresAtMs: Number(s(8)),
    embedder: s(9),
    vector: v && v.length ? new Int8Array(v.buffer.slice(v.byteOffset, v.byteOffset + v.byteLength)) : undefined,
  };
}
