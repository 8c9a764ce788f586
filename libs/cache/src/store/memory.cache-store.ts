import { entryBytes, type CacheEntry, type EntryRef } from '../entry/cache-entry.js';
import type { ScopeInfo } from '../scope/tenant-scope.js';
import { type CacheStore, type EntryMeta, type IndexEvent, type StreamBounds, type StreamedEvent } from './cache-store.js';

interface Scope {
  info: ScopeInfo;
  /** Insertion order = LRU order: a touch moves an entry to the end. */
  entries: Map<string, { entry: CacheEntry; bytes: number }>;
  bytes: number;
}

/**
 * The embedded default's store: entries in this process's memory, with the
 * same TTL, LRU, memory-budget and stream semantics as the Redis store.
 */
export class MemoryCacheStore implements CacheStore {
  readonly kind = 'memory';
  private readonly byScope = new Map<string, Scope>();
  private readonly stream: StreamedEvent[] = [];
  private seq = 0;
  private trimmed = 0;
  private waiters: (() => void)[] = [];

  constructor(
    private readonly now: () => number = Date.now,
    private readonly streamMaxLen = 1_000_000,
  ) {}

  async get(ref: EntryRef): Promise<CacheEntry | undefined> {
    const s = this.byScope.get(ref.scope);
    const hit = s?.entries.get(ref.key);
    if (!s || !hit) return undefined;
    if (hit.entry.expiresAtMs <= this.now()) return undefined;
    return hit.entry;
  }

  async getMany(refs: readonly EntryRef[]): Promise<(CacheEntry | undefined)[]> {
    return Promise.all(refs.map((r) => this.get(r)));
  }

  async put(info: ScopeInfo, entry: CacheEntry, maxEntries: number): Promise<EntryRef[]> {
    const s = this.scopeOf(info);
    this.remove(s, entry.key);
    const bytes = entryBytes(entry);
    s.entries.set(entry.key, { entry, bytes });
    s.bytes += bytes;
    const evicted: EntryRef[] = [];
    for (const key of s.entries.keys()) {
      if (s.entries.size <= maxEntries) break;
      if (key === entry.key) continue;
      this.remove(s, key);
      evicted.push({ scope: info.id, key });
    }
    return evicted;
  }

  touch(refs: readonly EntryRef[]): void {
    for (const r of refs) {
      const s = this.byScope.get(r.scope);
      const hit = s?.entries.get(r.key);
      if (!s || !hit) continue;
      s.entries.delete(r.key);
      s.entries.set(r.key, hit);
    }
  }

  async delete(refs: readonly EntryRef[]): Promise<EntryRef[]> {
    return refs.filter((r) => {
      const s = this.byScope.get(r.scope);
      return !!s && this.remove(s, r.key);
    });
  }

  async scopes(): Promise<ScopeInfo[]> {
    return [...this.byScope.values()].map((s) => s.info);
  }

  async metas(scope: string): Promise<EntryMeta[]> {
    const now = this.now();
    const s = this.byScope.get(scope);
    if (!s) return [];
    return [...s.entries.values()]
      .filter(({ entry }) => entry.expiresAtMs > now)
      .map(({ entry, bytes }) => ({ key: entry.key, bytes, model: entry.model, namespace: entry.namespace }));
  }

  async usage(scope: string): Promise<{ entries: number; bytes: number }> {
    const s = this.byScope.get(scope);
    return { entries: s?.entries.size ?? 0, bytes: s?.bytes ?? 0 };
  }

  async sweep(nowMs: number, maxBytes: number): Promise<EntryRef[]> {
    const removed: EntryRef[] = [];
    for (const s of this.byScope.values()) {
      for (const [key, { entry }] of s.entries) {
        if (entry.expiresAtMs <= nowMs && this.remove(s, key)) removed.push({ scope: s.info.id, key });
      }
    }
    let total = [...this.byScope.values()].reduce((n, s) => n + s.bytes, 0);
    while (total > maxBytes) {
      const largest = [...this.byScope.values()].reduce((a, b) => (b.bytes > a.bytes ? b : a));
      const oldest = largest.entries.keys().next().value;
      if (oldest === undefined) break;
      total -= largest.entries.get(oldest)!.bytes;
      this.remove(largest, oldest);
      removed.push({ scope: largest.info.id, key: oldest });
    }
    return removed;
  }

  async appendIndex(events: readonly IndexEvent[]): Promise<void> {
    for (const event of events) this.stream.push({ offset: `${++this.seq}-0`, event });
    const over = this.stream.length - this.streamMaxLen;
    if (over > 0) {
      this.stream.splice(0, over);
      this.trimmed += over;
    }
    const waiters = this.waiters.splice(0);
    for (const w of waiters) w();
  }

  async readIndex(after: string, count: number, blockMs: number): Promise<StreamedEvent[]> {
    const from = Number(after.split('-')[0]);
    const read = () => this.stream.slice(Math.max(0, from - this.trimmed), Math.max(0, from - this.trimmed) + count);
    const now = read();
    if (now.length || blockMs <= 0) return now;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters = this.waiters.filter((w) => w !== done);
        resolve();
      };
      const timer = setTimeout(done, blockMs);
      this.waiters.push(done);
    });
    return read();
  }

  async streamBounds(): Promise<StreamBounds> {
    return { first: this.stream[0]?.offset ?? '0', last: this.stream.at(-1)?.offset ?? '0' };
  }

  async close(): Promise<void> {
    for (const w of this.waiters.splice(0)) w();
  }

  private scopeOf(info: ScopeInfo): Scope {
    let s = this.byScope.get(info.id);
    if (!s) this.byScope.set(info.id, (s = { info, entries: new Map(), bytes: 0 }));
    return s;
  }

  private remove(s: Scope, key: string): boolean {
    const hit = s.entries.get(key);
    if (!hit) return false;
    s.entries.delete(key);
    s.bytes -= hit.bytes;
    return true;
  }
}
