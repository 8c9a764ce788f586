import type { Redis } from 'ioredis';
import type { AtRest } from '@helix/persistence';
import { entryBytes, type CacheEntry, type EntryRef } from '../entry/cache-entry.js';
import type { ScopeInfo } from '../scope/tenant-scope.js';
import { type CacheStore, type EntryMeta, type IndexEvent, type StreamBounds, type StreamedEvent } from './cache-store.js';
import { decodeEntry, encodeEntry } from './redis-entry.codec.js';
import { DELETE_LUA, EVICT_LUA, EXPIRE_LUA, PUT_LUA } from './redis-scripts.js';
import { decodeStreamReply, encodeIndexEvent } from './redis-stream.codec.js';

interface StoreCommands {
  helixCachePut(n: number, ...args: (string | number | Buffer)[]): Promise<string[]>;
  helixCacheDelete(n: number, ...args: (string | number)[]): Promise<string[]>;
  helixCacheExpire(n: number, ...args: (string | number)[]): Promise<string[]>;
  helixCacheEvict(n: number, ...args: (string | number)[]): Promise<[string | null, string[]]>;
}

const SWEEP_PAGE = 500;
const TOUCH_FLUSH_MS = 1_000;

/**
 * Cache entries in Redis (DESIGN §5): keys `<prefix>cache:{<scope id>}:…`, one
 * hash tag per scope so every script runs on one Cluster slot. Lookups are one
 * GET; puts, deletes and sweeps are Lua scripts; LRU touches are batched.
 * The index stream is `<prefix>cache:index` (XADD with an approximate MAXLEN),
 * read on a second connection so blocking reads never delay lookups.
 * With `atRest` sealing, each entry's answer and query text are encrypted
 * (`encryption` in config); an entry that does not open is a miss.
 */
export class RedisCacheStore implements CacheStore {
  readonly kind = 'redis';
  private readonly redis: Redis & StoreCommands;
  private readonly reader: Redis;
  private readonly known = new Set<string>();
  private touches = new Map<string, Set<string>>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    redis: Redis,
    private readonly prefix: string,
    private readonly opts: { streamMaxLen: number; now?: () => number; atRest?: AtRest },
  ) {
    if (!('helixCachePut' in redis)) {
      redis.defineCommand('helixCachePut', { lua: PUT_LUA });
      redis.defineCommand('helixCacheDelete', { lua: DELETE_LUA });
      redis.defineCommand('helixCacheExpire', { lua: EXPIRE_LUA });
      redis.defineCommand('helixCacheEvict', { lua: EVICT_LUA });
    }
    this.redis = redis as Redis & StoreCommands;
    this.reader = redis.duplicate({ commandTimeout: undefined, connectionName: 'helix-cache-index-reader' });
    this.reader.on('error', () => {});
    this.timer = setInterval(() => void this.flushTouches().catch(() => {}), TOUCH_FLUSH_MS);
    this.timer.unref();
  }

  private get now(): number {
    return (this.opts.now ?? Date.now)();
  }

  async get(ref: EntryRef): Promise<CacheEntry | undefined> {
    const e = decodeEntry(ref.scope, ref.key, await this.redis.getBuffer(this.entryKey(ref)), this.opts.atRest);
    return e && e.expiresAtMs > this.now ? e : undefined;
  }

  async getMany(refs: readonly EntryRef[]): Promise<(CacheEntry | undefined)[]> {
    if (refs.length <= 1) return Promise.all(refs.map((r) => this.get(r)));
    const p = this.redis.pipeline();
    for (const r of refs) p.getBuffer(this.entryKey(r));
    const res = (await p.exec()) ?? [];
    const now = this.now;
    return refs.map((r, i) => {
      const [err, raw] = res[i] ?? [];
      if (err) throw err;
      const e = decodeEntry(r.scope, r.key, raw as Buffer | null, this.opts.atRest);
      return e && e.expiresAtMs > now ? e : undefined;
    });
  }

  async put(scope: ScopeInfo, entry: CacheEntry, maxEntries: number): Promise<EntryRef[]> {
    await this.register(scope);
    const k = this.keys(scope.id);
    const ttlMs = Math.max(1, entry.expiresAtMs - this.now);
    const meta = `${entryBytes(entry)}\t${entry.model}\t${entry.namespace}`;
    const evicted = await this.redis.helixCachePut(
      5, k.lru, k.exp, k.meta, k.info, k.entry(entry.key),
      k.eprefix, entry.key, this.now, entry.expiresAtMs, ttlMs, maxEntries, meta, entryBytes(entry), encodeEntry(entry, this.opts.atRest),
    );
    return evicted.map((key) => ({ scope: scope.id, key }));
  }

  touch(refs: readonly EntryRef[]): void {
    for (const r of refs) {
      let set = this.touches.get(r.scope);
      if (!set) this.touches.set(r.scope, (set = new Set()));
      set.add(r.key);
    }
  }

  async delete(refs: readonly EntryRef[]): Promise<EntryRef[]> {
    const byScope = groupByScope(refs);
    const out: EntryRef[] = [];
    for (const [scope, keys] of byScope) {
      const k = this.keys(scope);
      for (let i = 0; i < keys.length; i += SWEEP_PAGE) {
        const removed = await this.redis.helixCacheDelete(4, k.lru, k.exp, k.meta, k.info, k.eprefix, ...keys.slice(i, i + SWEEP_PAGE));
        out.push(...removed.map((key) => ({ scope, key })));
      }
    }
    return out;
  }

  async scopes(): Promise<ScopeInfo[]> {
    const ids = await this.redis.smembers(`${this.prefix}cache:scopes`);
    const p = this.redis.pipeline();
    for (const id of ids) p.hmget(this.keys(id).info, 'label', 'org', 'team', 'key');
    const res = (await p.exec()) ?? [];
    return ids.map((id, i) => {
      const [label, orgId, teamId, keyId] = (res[i]?.[1] as (string | null)[]) ?? [];
      return { id, label: label ?? '', orgId: orgId ?? '', teamId: teamId ?? '', keyId: keyId ?? '' };
    });
  }

  async metas(scope: string): Promise<EntryMeta[]> {
    const k = this.keys(scope);
    const [all, live] = await Promise.all([this.redis.hgetall(k.meta), this.redis.zrangebyscore(k.exp, this.now + 1, '+inf')]);
    return live.flatMap((key) => {
      const m = all[key];
      if (!m) return [];
      const [bytes, model = '', namespace = ''] = m.split('\t');
      return [{ key, bytes: Number(bytes), model, namespace }];
    });
  }

  async usage(scope: string): Promise<{ entries: number; bytes: number }> {
    const k = this.keys(scope);
    const [entries, bytes] = await Promise.all([this.redis.zcard(k.lru), this.redis.hget(k.info, 'bytes')]);
    return { entries, bytes: Number(bytes ?? 0) };
  }

  async sweep(nowMs: number, maxBytes: number): Promise<EntryRef[]> {
    const removed: EntryRef[] = [];
    const ids = await this.redis.smembers(`${this.prefix}cache:scopes`);
    const bytes = new Map<string, number>();
    for (const id of ids) {
      const k = this.keys(id);
      for (;;) {
        const gone = await this.redis.helixCacheExpire(4, k.lru, k.exp, k.meta, k.info, k.eprefix, nowMs, SWEEP_PAGE);
        removed.push(...gone.map((key) => ({ scope: id, key })));
        if (gone.length < SWEEP_PAGE) break;
      }
      bytes.set(id, Number((await this.redis.hget(k.info, 'bytes')) ?? 0));
    }
    let total = [...bytes.values()].reduce((a, b) => a + b, 0);
    while (total > maxBytes && bytes.size) {
      const [id, size] = [...bytes].reduce((a, b) => (b[1] > a[1] ? b : a));
      const k = this.keys(id);
      const [left, gone] = await this.redis.helixCacheEvict(4, k.lru, k.exp, k.meta, k.info, k.eprefix, 64);
      removed.push(...gone.map((key) => ({ scope: id, key })));
      total -= size - Number(left ?? 0);
      if (!gone.length) bytes.delete(id);
      else bytes.set(id, Number(left ?? 0));
    }
    return removed;
  }

  async appendIndex(events: readonly IndexEvent[]): Promise<void> {
    if (!events.length) return;
    const p = this.redis.pipeline();
    for (const e of events) p.xadd(this.streamKey, 'MAXLEN', '~', this.opts.streamMaxLen, '*', ...encodeIndexEvent(e));
    const res = (await p.exec()) ?? [];
    for (const [err] of res) if (err) throw err;
  }

  async readIndex(after: string, count: number, blockMs: number): Promise<StreamedEvent[]> {
    const reply = blockMs > 0
      ? await this.reader.xreadBuffer('COUNT', count, 'BLOCK', blockMs, 'STREAMS', this.streamKey, after)
      : await this.reader.xreadBuffer('COUNT', count, 'STREAMS', this.streamKey, after);
    return decodeStreamReply(reply as unknown);
  }

  async streamBounds(): Promise<StreamBounds> {
    const [first, last] = await Promise.all([this.redis.xrange(this.streamKey, '-', '+', 'COUNT', 1), this.redis.xrevrange(this.streamKey, '+', '-', 'COUNT', 1)]);
    return { first: first[0]?.[0] ?? '0', last: last[0]?.[0] ?? '0' };
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flushTouches().catch(() => {});
    this.reader.disconnect();
  }

  /** Writes the batched LRU touches: `ZADD lru XX <now>` (an evicted entry is not brought back). */
  async flushTouches(): Promise<void> {
    if (!this.touches.size) return;
    const batch = this.touches;
    this.touches = new Map();
    const p = this.redis.pipeline();
    const now = this.now;
    for (const [scope, keys] of batch) p.zadd(this.keys(scope).lru, 'XX', ...[...keys].flatMap((k) => [now, k]));
    await p.exec();
  }

  private async register(scope: ScopeInfo): Promise<void> {
    if (this.known.has(scope.id)) return;
    await this.redis
      .multi()
      .sadd(`${this.prefix}cache:scopes`, scope.id)
      .hset(this.keys(scope.id).info, 'label', scope.label, 'org', scope.orgId, 'team', scope.teamId, 'key', scope.keyId)
      .exec();
    this.known.add(scope.id);
  }

  private get streamKey(): string {
    return `${this.prefix}cache:index`;
  }

  private entryKey(ref: EntryRef): string {
    return `${this.prefix}cache:{${ref.scope}}:e:${ref.key}`;
  }

  private keys(scope: string) {
    const base = `${this.prefix}cache:{${scope}}:`;
    return {
      eprefix: `${base}e:`,
      entry: (key: string) => `${base}e:${key}`,
      lru: `${base}lru`,
      exp: `${base}exp`,
      meta: `${base}meta`,
      info: `${base}info`,
    };
  }
}

function groupByScope(refs: readonly EntryRef[]): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const r of refs) (m.get(r.scope) ?? m.set(r.scope, []).get(r.scope)!).push(r.key);
  return m;
}

