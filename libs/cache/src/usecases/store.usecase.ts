import type { CacheStore as CacheStoreMessage } from '@helix/contracts';
import { uncacheableReason } from '../entry/cacheable.js';
import type { CacheEntry } from '../entry/cache-entry.js';
import { semanticFor } from '../policy/semantic-policy.js';
import { scopeOf, semanticPartition } from '../scope/tenant-scope.js';
import { quantize } from '../vector/quantize.js';
import type { CacheDeps } from './cache-deps.js';

/** What became of an answer offered to the cache. */
export type StoreResult = 'stored' | 'no_key' | 'fallback' | 'too_large' | 'invalid_json' | string;

/**
 * helix.cache.store.v1 (after the response, off the caller's path): stores a
 * redacted answer under its exact key, with the embedding of its question when
 * the team and model have semantic caching, then brings the index up to date
 * (the new vector, and whatever the per-tenant limit evicted). Errors, refusals,
 * truncated answers and n > 1 are never stored.
 */
export class StoreUseCase {
  constructor(private readonly d: CacheDeps) {}

  async execute(msg: CacheStoreMessage): Promise<StoreResult> {
    const result = await this.store(msg);
    this.d.metrics.stores.inc({ result });
    return result;
  }

  private async store(msg: CacheStoreMessage): Promise<StoreResult> {
    const cfg = this.d.config();
    if (!msg.tenant || !msg.exactKey) return 'no_key';
    if (msg.fallback && !cfg.cacheFallbackAnswers) return 'fallback';
    if (msg.body.length > cfg.maxEntryBytes) return 'too_large';
    const body = Buffer.from(msg.body).toString('utf8');
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return 'invalid_json';
    }
    const why = uncacheableReason(parsed);
    if (why) return why;
    const scope = scopeOf(msg.tenant, cfg.scope);
    const now = this.d.now();
    const ttl = msg.ttlSeconds ? Math.min(msg.ttlSeconds, cfg.maxTtlSeconds) : cfg.ttlSeconds;
    const sem = semanticFor(cfg.semantic, msg.model, msg.tenant.teamId);
    const vector = sem.enabled && msg.queryText ? quantize((await this.d.embedder.embed([msg.queryText]))[0]!) : undefined;
    const entry: CacheEntry = {
      scope: scope.id,
      key: msg.exactKey,
      model: msg.model,
      servedModel: msg.servedModel,
      namespace: msg.namespace,
      partition: vector ? semanticPartition(scope.id, msg.partitionKey, this.d.embedder.id) : '',
      queryText: msg.queryText,
      body,
      usage: msg.usage ? { inputTokens: msg.usage.inputTokens, outputTokens: msg.usage.outputTokens, cacheReadTokens: msg.usage.cacheReadTokens, cacheWriteTokens: msg.usage.cacheWriteTokens, reasoningTokens: msg.usage.reasoningTokens, estimated: msg.usage.estimated } : undefined,
      createdAtMs: now,
      expiresAtMs: now + ttl * 1000,
      embedder: vector ? this.d.embedder.id : '',
      vector,
    };
    const evicted = await this.d.store.put(scope, entry, cfg.maxEntriesPerTenant);
    if (evicted.length) this.d.metrics.evictions.inc({ reason: 'lru' }, evicted.length);
    if (vector) await this.d.index.add({ scope: scope.id, key: entry.key, partition: entry.partition, embedder: entry.embedder, expiresAtMs: entry.expiresAtMs, vector });
    if (evicted.length) await this.d.index.remove(evicted);
    return 'stored';
  }
}
