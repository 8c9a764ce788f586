import type { EntryRef } from '../entry/cache-entry.js';

/** A vector to index: an entry's quantised query embedding, in its semantic partition. */
export interface IndexedVector extends EntryRef {
  partition: string;
  embedder: string;
  expiresAtMs: number;
  vector: Int8Array;
}

/** A nearest neighbour: the entry and its cosine similarity to the query. */
export interface VectorHit extends EntryRef {
  score: number;
}

/**
 * The semantic index port (DESIGN §5): nearest neighbours of a query vector
 * inside one partition only. Adapters: in-process HNSW kept in sync through
 * the store's stream (`local`), Redis Query Engine (`redis-search`) and Qdrant.
 * A hit may name an entry that has since expired: the caller checks the store.
 */
export interface VectorIndex {
  readonly kind: 'local' | 'redis-search' | 'qdrant';
  /** Loads or connects; resolves once the index can serve (readiness waits for it). */
  start(): Promise<void>;
  ready(): boolean;
  add(v: IndexedVector): Promise<void>;
  remove(refs: readonly EntryRef[]): Promise<void>;
  /** Best first, at most `k`, only at least `minScore`. */
  search(partition: string, vector: Int8Array, k: number, minScore: number): Promise<VectorHit[]>;
  /** Vectors held (an estimate for remote indexes). */
  size(): Promise<number>;
  close(): Promise<void>;
}
