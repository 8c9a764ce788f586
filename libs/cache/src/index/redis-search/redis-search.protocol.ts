/**
 * The Redis Query Engine commands of the semantic index and the replies they
 * get (RESP2, as documented for FT.CREATE, FT.SEARCH and FT.INFO). Pure:
 * tested against recorded replies in test/fixtures/cache/redis-search, so it
 * runs in CI without Redis Stack.
 */
export type Arg = string | number | Buffer;

/** Each vector is a hash `<prefix>cache:vec:{<scope>}:<key>` with fields p (partition tag), s, k and v (float32). */
export const docKey = (prefix: string, scope: string, key: string): string => `${prefix}cache:vec:{${scope}}:${key}`;

export function createIndexArgs(index: string, prefix: string, dims: number): Arg[] {
  return ['FT.CREATE', index, 'ON', 'HASH', 'PREFIX', 1, `${prefix}cache:vec:`, 'SCHEMA', 'p', 'TAG', 'v', 'VECTOR', 'HNSW', 6, 'TYPE', 'FLOAT32', 'DIM', dims, 'DISTANCE_METRIC', 'COSINE'];
}

/** The vector blob: int8 components as float32 (cosine is scale-free). */
export function vectorBlob(v: Int8Array): Buffer {
  const f = Float32Array.from(v);
  return Buffer.from(f.buffer, f.byteOffset, f.byteLength);
}

export function docFields(partition: string, scope: string, key: string, v: Int8Array): Arg[] {
  return ['p', partition, 's', scope, 'k', key, 'v', vectorBlob(v)];
}

/** KNN inside one partition (a TAG filter), nearest first; `d` is the cosine distance. */
export function searchArgs(index: string, partition: string, v: Int8Array, k: number): Arg[] {
  return ['FT.SEARCH', index, `(@p:{${partition}})=>[KNN ${k} @v $q AS d]`, 'PARAMS', 2, 'q', vectorBlob(v), 'SORTBY', 'd', 'ASC', 'RETURN', 3, 's', 'k', 'd', 'LIMIT', 0, k, 'DIALECT', 2];
}

const str = (x: unknown): string => (Buffer.isBuffer(x) ? x.toString('utf8') : String(x));

/** `[total, docKey, [field, value, ...], docKey, [...], ...]` → hits with cosine similarity. */
export function parseSearchReply(reply: unknown): { scope: string; key: string; score: number }[] {
  if (!Array.isArray(reply)) throw new Error(`FT.SEARCH: unexpected reply ${JSON.stringify(reply)}`);
  const out: { scope: string; key: string; score: number }[] = [];
  for (let i = 1; i + 1 < reply.length; i += 2) {
    const fields = reply[i + 1] as unknown[];
    const f = new Map<string, string>();
    for (let j = 0; j + 1 < fields.length; j += 2) f.set(str(fields[j]), str(fields[j + 1]));
    out.push({ scope: f.get('s') ?? '', key: f.get('k') ?? '', score: 1 - Number(f.get('d') ?? 1) });
  }
  return out;
}

/** `num_docs` of an FT.INFO reply (a flat name/value list). */
export function parseNumDocs(reply: unknown): number {
  if (!Array.isArray(reply)) return 0;
  for (let i = 0; i + 1 < reply.length; i += 2) if (str(reply[i]) === 'num_docs') return Number(str(reply[i + 1]));
  return 0;
}

/** FT.CREATE's refusal when the index is there already (another replica made it). */
export const isIndexExists = (err: unknown): boolean => /index already exists/i.test(String((err as Error)?.message ?? err));
