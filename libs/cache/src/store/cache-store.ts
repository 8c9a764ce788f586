import type { CacheEntry, EntryRef } from '../entry/cache-entry.js';
import type { ScopeInfo } from '../scope/tenant-scope.js';

/** A change to the semantic index, carried by the store's index stream to every replica. */
export type IndexEvent =
  | { op: 'add'; scope: string; key: string; partition: string; embedder: string; expiresAtMs: number; vector: Int8Array }
  | { op: 'del'; scope: string; key: string };

/** An index event with its position in the stream. */
export interface StreamedEvent {
  offset: string;
  event: IndexEvent;
}

/** What one entry costs and says, without loading it (for invalidation filters and stats). */
export interface EntryMeta {
  key: string;
  bytes: number;
  model: string;
  namespace: string;
}

/** Where the stream stands: offsets are opaque strings, `'0'` is before the first event. */
export interface StreamBounds {
  /** Offset of the oldest event still kept ('0' when empty). */
  first: string;
  /** Offset of the newest event ('0' when empty). */
  last: string;
}

/**
 * Cache entries, per tenant scope (DESIGN §5). Two adapters, Redis and in
 * memory, pass one contract suite (test/integration/cache/store.contract.ts):
 * TTL, per-scope LRU eviction, the memory budget, and the index stream that
 * keeps every replica's semantic index in sync.
 */
export interface CacheStore {
  readonly kind: 'redis' | 'memory';

  /** The entry, or undefined when absent or expired. */
  get(ref: EntryRef): Promise<CacheEntry | undefined>;
  getMany(refs: readonly EntryRef[]): Promise<(CacheEntry | undefined)[]>;

  /**
   * Stores (or replaces) an entry until `entry.expiresAtMs`. When the scope then
   * holds more than `maxEntries`, its least recently used entries are removed
   * and returned (never the one just stored).
   */
  put(scope: ScopeInfo, entry: CacheEntry, maxEntries: number): Promise<EntryRef[]>;

  /** Marks entries as used now (approximate LRU; may be batched). */
  touch(refs: readonly EntryRef[]): void;

  /** Removes entries; returns those that were there. */
  delete(refs: readonly EntryRef[]): Promise<EntryRef[]>;

  /** Every scope that has held an entry. */
  scopes(): Promise<ScopeInfo[]>;

  /** Every live entry's key and meta in a scope. */
  metas(scope: string): Promise<EntryMeta[]>;

  /** Entries and bytes of a scope. */
  usage(scope: string): Promise<{ entries: number; bytes: number }>;

  /**
   * Removes what has expired (TTL) and, while all scopes together hold more
   * than `maxBytes`, the least recently used entries of the largest scopes.
   * Returns what it removed, so the index can follow.
   */
  sweep(nowMs: number, maxBytes: number): Promise<EntryRef[]>;

  /** Appends index events to the stream. */
  appendIndex(events: readonly IndexEvent[]): Promise<void>;

  /** Events after `after` (at most `count`), waiting up to `blockMs` for the first one. */
  readIndex(after: string, count: number, blockMs: number): Promise<StreamedEvent[]>;

  streamBounds(): Promise<StreamBounds>;

  /** Stops background work and blocked reads. */
  close(): Promise<void>;
}

/** Compares two stream offsets (`<ms>-<seq>`). */
export function compareOffsets(a: string, b: string): number {
  const [am = 0, as = 0] = a.split('-').map(Number);
  const [bm = 0, bs = 0] = b.split('-').map(Number);
  return am - bm || as - bs;
}
