import type { CacheEntry } from '../entry/cache-entry.js';

/**
 * An entry as one Redis string (a hash of eleven fields costs several hundred
 * bytes more per entry once the body is past the listpack limit):
 * `[u32 header length][header JSON][u32 body length][body UTF-8][int8 vector]`.
 */
export function encodeEntry(e: CacheEntry): Buffer {
  const header = Buffer.from(JSON.stringify([e.model, e.servedModel, e.namespace, e.partition, e.queryText, e.usage ?? null, e.createdAtMs, e.expiresAtMs, e.embedder]));
  const body = Buffer.from(e.body);
  const out = Buffer.allocUnsafe(8 + header.length + body.length + (e.vector?.length ?? 0));
  out.writeUInt32LE(header.length, 0);
  header.copy(out, 4);
  out.writeUInt32LE(body.length, 4 + header.length);
  body.copy(out, 8 + header.length);
  if (e.vector) Buffer.from(e.vector.buffer, e.vector.byteOffset, e.vector.byteLength).copy(out, 8 + header.length + body.length);
  return out;
}

/** The entry of a GET, or undefined when the key is gone. */
export function decodeEntry(scope: string, key: string, raw: Buffer | null | undefined): CacheEntry | undefined {
  if (!raw || raw.length < 8) return undefined;
  const hl = raw.readUInt32LE(0);
  const [model, servedModel, namespace, partition, queryText, usage, createdAtMs, expiresAtMs, embedder] = JSON.parse(raw.toString('utf8', 4, 4 + hl));
  const bl = raw.readUInt32LE(4 + hl);
  const vStart = 8 + hl + bl;
  const vector = raw.length > vStart ? new Int8Array(raw.buffer.slice(raw.byteOffset + vStart, raw.byteOffset + raw.length)) : undefined;
  return { scope, key, model, servedModel, namespace, partition, queryText, body: raw.toString('utf8', 8 + hl, vStart), usage: usage ?? undefined, createdAtMs, expiresAtMs, embedder, vector };
}
