import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CacheStatus } from '@helix/contracts';
import type { StreamSyncedIndex } from '@helix/cache';
import { testRedisPrefix } from '../../support/infra.js';
import { until } from '../../support/wait.js';
import { lookupMsg, startNode, storeMsg, type CacheNode } from './support/cache-node.js';

const QUESTION = 'How do I reset the admin password of the billing portal?';
const PARAPHRASE = 'How can I reset the billing portal admin password?';

/** Two cache-service replicas on the real Redis, each with its in-process index kept in sync by the Redis stream. */
describe('cache-service replicas on Redis', () => {
  let prefix: string;
  const nodes: CacheNode[] = [];
  const start = async (opts: Parameters<typeof startNode>[1] = {}) => {
    const n = await startNode(prefix, opts);
    nodes.push(n);
    return n;
  };
  const status = async (n: CacheNode, q: string, team = 't1') => (await n.core.lookup.execute(lookupMsg(q, team))).status;

  beforeEach(() => {
    prefix = testRedisPrefix();
  });
  afterEach(async () => {
    for (const n of nodes.splice(0)) await n.close().catch(() => {});
    const r = (await import('ioredis')).Redis;
    const c = new r((await import('../../support/infra.js')).testRedisUrl());
    const keys = await c.keys(`${prefix}*`);
    if (keys.length) await c.del(...keys);
    c.disconnect();
  });

  it('an insert in one replica is found by the other, exactly and by paraphrase, for the same team only', async () => {
    const [a, b] = [await start(), await start()];
    expect(await status(b, PARAPHRASE)).toBe(CacheStatus.MISS);
    expect(await a.core.store.execute(storeMsg(QUESTION))).toBe('stored');
    expect(await status(b, QUESTION)).toBe(CacheStatus.HIT_EXACT);
    await until(async () => (await status(b, PARAPHRASE)) === CacheStatus.HIT_SEMANTIC, 'the paraphrase to hit on the other replica', 5_000);
    expect(await status(b, PARAPHRASE, 't2')).toBe(CacheStatus.MISS);
    expect(await status(b, QUESTION, 't2')).toBe(CacheStatus.MISS);
  });

  it('evictions (per-tenant limit, TTL) and invalidations reach the other replica’s index', async () => {
    const [a, b] = [await start({ cache: { maxEntriesPerTenant: 2 } }), await start({ cache: { maxEntriesPerTenant: 2 } })];
    const idx = b.core.deps.index;
    await a.core.store.execute(storeMsg('What is the refund policy for annual plans?'));
    await a.core.store.execute(storeMsg('Which regions does the storage service run in?'));
    await until(async () => (await idx.size()) === 2, 'two vectors on the other replica', 5_000);
    await a.core.store.execute(storeMsg('How do I rotate an API token for the reporting service?'));
    await until(async () => (await idx.size()) === 2 && (await status(b, 'What is the refund policy for annual plans?')) === CacheStatus.MISS, 'the LRU eviction to reach the index', 5_000);
    expect(await status(b, 'How do I rotate an API token for the reporting service?')).toBe(CacheStatus.HIT_EXACT);

    await a.core.store.execute(storeMsg('Where are the audit logs of the billing portal kept?', 't1', 1));
    await until(async () => (await idx.size()) === 2, 'the short-lived entry indexed (it evicted one)', 5_000);
    await new Promise((r) => setTimeout(r, 1_100));
    expect(await a.core.sweep.execute()).toBe(1);
    await until(async () => (await idx.size()) === 1, 'the TTL eviction to reach the index', 5_000);

    expect(Number((await a.core.invalidate.execute({ filter: { orgId: 'org1', teamId: 't1' }, all: false } as never)).removed)).toBe(1);
    await until(async () => (await idx.size()) === 0, 'the invalidation to reach the index', 5_000);
  });

  it('a restart loads the snapshot and replays the stream after it; without a snapshot it rebuilds from the entries', async () => {
    const a = await start();
    const b = await start();
    await a.core.store.execute(storeMsg(QUESTION));
    await until(async () => (await a.core.deps.index.size()) === 1, 'the first vector', 5_000);
    await a.close();
    nodes.splice(nodes.indexOf(a), 1);
    await b.core.store.execute(storeMsg('Which regions does the storage service run in?'));

    const a2 = await start({ dataDir: a.dataDir });
    expect((a2.core.deps.index as StreamSyncedIndex).loadedFrom).toBe('snapshot');
    expect(await a2.core.deps.index.size()).toBe(2);
    expect(await status(a2, PARAPHRASE)).toBe(CacheStatus.HIT_SEMANTIC);
    expect(await status(a2, 'In which regions does the storage service run?')).toBe(CacheStatus.HIT_SEMANTIC);

    await a2.close();
    nodes.splice(nodes.indexOf(a2), 1);
    rmSync(`${a.dataDir}/cache-index`, { recursive: true, force: true });
    const a3 = await start({ dataDir: a.dataDir });
    expect((a3.core.deps.index as StreamSyncedIndex).loadedFrom).toBe('rebuild');
    expect(await a3.core.deps.index.size()).toBe(2);
    expect(await status(a3, PARAPHRASE)).toBe(CacheStatus.HIT_SEMANTIC);
  });
});
