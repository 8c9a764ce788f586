import { isSealed, PLAIN_AT_REST, type AtRest } from '@helix/persistence';
import type { CacheEntry } from '../entry/cache-entry.js';

/**
 * An entry as one Redis string (a hash of eleven fields costs several hundred
 * bytes more per entry once the body is past the listpack limit):
 * `[u32 header length][header JSON][u32 body length][body][int8 vector]`.
 * With encryption at rest the body part is the sealed `[u32 query length][query text][answer]`
 * (bound to the entry's scope and key) and the header's query text is empty;
 * the vector and the metadata stay plain.
 */
export function encodeEntry(e: CacheEntry, atRest: AtRest = PLAIN_AT_REST): Buffer {
  const queryText = atRest.sealing ? '' : e.queryText;
  const header = Buffer.from(JSON.stringify([e.model, e.servedModel, e.namespace, e.partition, queryText, e.usage ?? null, e.createdAtMs, e.expiresAtMs, e.embedder]));
  const body = atRest.sealing ? atRest.seal(secretPart(e), sealContext(e.scope, e.key)) : Buffer.from(e.body);
  const out = Buffer.allocUnsafe(8 + header.length + body.length + (e.vector?.length ?? 0));
  out.writeUInt32LE(header.length, 0);
  header.copy(out, 4);
  out.writeUInt32LE(body.length, 4 + header.length);
  body.copy(out, 8 + header.length);
  if (e.vector) Buffer.from(e.vector.buffer, e.vector.byteOffset, e.vector.byteLength).copy(out, 8 + header.length + body.length);
  return out;
}

/**
 * The entry of a GET, or undefined when the key is gone, or when its sealed part
 * does not open (altered, moved, or sealed with a key no longer configured):
 * such an entry is a miss and is never served.
 */
export function decodeEntry(scope: string, key: string, raw: Buffer | null | undefined, atRest: AtRest = PLAIN_AT_REST): CacheEntry | undefined {
  if (!raw || raw.length < 8) return undefined;
  const hl = raw.readUInt32LE(0);
  const [model, servedModel, namespace, partition, plainQuery, usage, createdAtMs, expiresAtMs, embedder] = JSON.parse(raw.toString('utf8', 4, 4 + hl));
  const bl = raw.readUInt32LE(4 + hl);
  const vStart = 8 + hl + bl;
  const bodyPart = raw.subarray(8 + hl, vStart);
  let queryText = plainQuery as string;
  let body: string;
  if (isSealed(bodyPart)) {
    let secret: Buffer;
    try {
      secret = atRest.open(bodyPart, sealContext(scope, key));
    } catch {
      return undefined;
    }
    const ql = secret.readUInt32LE(0);
    queryText = secret.toString('utf8', 4, 4 + ql);
    body = secret.toString('utf8', 4 + ql);
  } else {
    body = bodyPart.toString('utf8');
  }
  const vector = raw.length > vStart ? new Int8Array(raw.buffer.slice(raw.byteOffset + vStart, raw.byteOffset + raw.length)) : undefined;
  return { scope, key, model, servedModel, namespace, partition, queryText, body, usage: usage ?? undefined, createdAtMs, expiresAtMs, embedder, vector };
}

function secretPart(e: CacheEntry): Buffer {
  const q = Buffer.from(e.queryText);
  const len = Buffer.allocUnsafe(4);
  len.writeUInt32LE(q.length, 0);
  return Buffer.concat([len, q, Buffer.from(e.body)]);
}

const sealContext = (scope: string, key: string) => `helix-cache-entry\n${scope}\n${key}`;
