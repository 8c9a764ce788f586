import type { EntryRef } from '../../entry/cache-entry.js';
import type { IndexedVector, VectorHit, VectorIndex } from '../vector-index.js';
import { createIndexArgs, docFields, docKey, isIndexExists, parseNumDocs, parseSearchReply, searchArgs, type Arg } from './redis-search.protocol.js';

/** Sends one raw command (ioredis `redis.call`, or a recorder in tests). */
export type RedisCall = (...args: Arg[]) => Promise<unknown>;

/**
 * Adapter 1 of the semantic index: the Redis Query Engine (Redis Stack, Redis 8,
 * managed Redis). One HNSW index over vector hashes that expire with their
 * entries; every replica reads the same index, so there is nothing to sync.
 */
export class RedisSearchIndex implements VectorIndex {
  readonly kind = 'redis-search';
  private started = false;

  constructor(
    private readonly call: RedisCall,
    private readonly prefix: string,
    private readonly name: string,
    private readonly dims: number,
  ) {}

  ready(): boolean {
    return this.started;
  }

  async start(): Promise<void> {
    try {
      await this.call(...createIndexArgs(this.name, this.prefix, this.dims));
    } catch (err) {
      if (!isIndexExists(err)) throw err;
    }
    this.started = true;
  }

  async add(v: IndexedVector): Promise<void> {
    const key = docKey(this.prefix, v.scope, v.key);
    await this.call('HSET', key, ...docFields(v.partition, v.scope, v.key, v.vector));
    await this.call('PEXPIREAT', key, v.expiresAtMs);
  }

  async remove(refs: readonly EntryRef[]): Promise<void> {
    for (const r of refs) await this.call('DEL', docKey(this.prefix, r.scope, r.key));
  }

  async search(partition: string, vector: Int8Array, k: number, minScore: number): Promise<VectorHit[]> {
    return parseSearchReply(await this.call(...searchArgs(this.name, partition, vector, k))).filter((h) => h.score >= minScore);
  }

  async size(): Promise<number> {
    return parseNumDocs(await this.call('FT.INFO', this.name));
  }

  async close(): Promise<void> {}
}
