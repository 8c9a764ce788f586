import type { TokenUsage } from '@helix/providers';

/** Token usage of a cached answer, as the provider reported it. */
export type EntryUsage = TokenUsage;

/** One cached answer, as stored. Text is redacted: the cache never holds raw personal data. */
export interface CacheEntry {
  /** Scope id (see `scopeOf`). */
  scope: string;
  /** The gateway's exact key (SHA-256 hex over the canonical request). */
  key: string;
  /** The requested model (after any swap policy). */
  model: string;
  /** The model that answered. */
  servedModel: string;
  namespace: string;
  /** Semantic partition (`semanticPartition`), or '' when the entry is exact-only. */
  partition: string;
  /** The last user turn, redacted: what the verifier compares a semantic query with. */
  queryText: string;
  /** The answer: `chat.completion` JSON, redacted. */
  body: string;
  usage?: EntryUsage;
  createdAtMs: number;
  expiresAtMs: number;
  /** Which embedder produced `vector`. */
  embedder: string;
  /** Quantised, normalised embedding of `queryText` (semantic entries only). */
  vector?: Int8Array;
}

/** Where an entry lives. */
export interface EntryRef {
  scope: string;
  key: string;
}

/** Size of an entry for the memory budget: its strings and vector, plus a fixed overhead for the key structures. */
export function entryBytes(e: CacheEntry): number {
  return 256 + e.body.length + e.queryText.length + e.model.length * 2 + e.namespace.length + (e.vector?.length ?? 0);
}
