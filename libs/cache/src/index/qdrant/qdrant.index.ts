import { createHash } from 'node:crypto';
import { QdrantClient } from '@qdrant/js-client-rest';
import type { EntryRef } from '../../entry/cache-entry.js';
import type { IndexedVector, VectorHit, VectorIndex } from '../vector-index.js';

/** A point id (Qdrant takes UUIDs) from an entry's scope and key. */
const pointId = (r: EntryRef): string => {
  const h = createHash('sha256').update(`${r.scope}:${r.key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
};

/**
 * Adapter 3 of the semantic index: Qdrant. One collection per embedder
 * dimension, cosine distance, a keyword payload index on the partition, which
 * every search filters on. Entries expire in the store; the sweep removes their points.
 */
export class QdrantIndex implements VectorIndex {
  readonly kind = 'qdrant';
  private readonly client: QdrantClient;
  private started = false;

  constructor(
    opts: { url: string; apiKey?: string },
    private readonly collection: string,
    private readonly dims: number,
  ) {
    this.client = new QdrantClient({ url: opts.url, apiKey: opts.apiKey || undefined, checkCompatibility: false });
  }

  ready(): boolean {
    return this.started;
  }

  async start(): Promise<void> {
    if (!(await this.client.collectionExists(this.collection)).exists) {
      try {
        await this.client.createCollection(this.collection, { vectors: { size: this.dims, distance: 'Cosine' } });
      } catch (err) {
        if (!(await this.client.collectionExists(this.collection)).exists) throw err;
      }
      await this.client.createPayloadIndex(this.collection, { field_name: 'p', field_schema: 'keyword', wait: true });
    }
    this.started = true;
  }

  async add(v: IndexedVector): Promise<void> {
    await this.client.upsert(this.collection, {
      wait: true,
      points: [{ id: pointId(v), vector: Array.from(v.vector), payload: { p: v.partition, s: v.scope, k: v.key, x: v.expiresAtMs } }],
    });
  }

  async remove(refs: readonly EntryRef[]): Promise<void> {
    if (refs.length) await this.client.delete(this.collection, { wait: true, points: refs.map(pointId) });
  }

  async search(partition: string, vector: Int8Array, k: number, minScore: number): Promise<VectorHit[]> {
    const hits = await this.client.search(this.collection, {
      vector: Array.from(vector),
      limit: k,
      filter: { must: [{ key: 'p', match: { value: partition } }] },
      score_threshold: minScore,
      with_payload: true,
    });
    return hits.map((h) => ({ scope: String(h.payload?.s ?? ''), key: String(h.payload?.k ?? ''), score: h.score }));
  }

  async size(): Promise<number> {
    return (await this.client.count(this.collection, { exact: false })).count;
  }

  async close(): Promise<void> {}
}
