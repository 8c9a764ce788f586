import { create } from '@bufbuild/protobuf';
import { CacheConfig, SemanticCacheConfig } from '@helix/config';
import { cacheKeys, cacheMetrics, LookupUseCase, MemoryCacheStore, MemoryStatsStore, StoreUseCase, StreamSyncedIndex, type CacheDeps, type Embedder } from '@helix/cache';
import { CacheLookupRequestSchema, CacheStatus, CacheStoreSchema, TenantSchema } from '@helix/contracts';
import type { Pair } from './pairs.js';

/** What the cache did with one pair: the best candidate's similarity and the verifier's verdict on it. */
export interface PairResult {
  pair: Pair;
  similarity: number;
  verdict: string;
}

const tenant = create(TenantSchema, { orgId: 'bench', teamId: 'bench', keyId: 'k' });

/**
 * Through the real use cases: stores `a` (answer = a marker) in its own
 * namespace, then looks up `b` with a threshold of 0, so one pass gives the
 * similarity and the verdict; thresholds are applied afterwards.
 */
export async function runPairs(pairs: readonly Pair[], embedder: Embedder): Promise<PairResult[]> {
  const store = new MemoryCacheStore();
  const index = new StreamSyncedIndex(store, { dims: embedder.dimensions, flatMax: 512, snapshotIntervalMs: 0, onError: () => {} });
  await index.start();
  const config = Object.assign(new CacheConfig(), {
    semantic: Object.assign(new SemanticCacheConfig(), { rules: [{ model: '*', team: '*', enabled: true, threshold: 0 }], candidates: 1 }),
  });
  const d: CacheDeps = { store, index, embedder, stats: new MemoryStatsStore(), config: () => config, metrics: cacheMetrics(), now: Date.now, onError: () => {} };
  const put = new StoreUseCase(d);
  const lookup = new LookupUseCase(d);
  const out: PairResult[] = [];
  for (const p of pairs) {
    const ka = keysOf(p.a, p.context, p.id);
    const body = JSON.stringify({ object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: p.id }, finish_reason: 'stop' }] });
    await put.execute(create(CacheStoreSchema, { tenant, model: 'bench', servedModel: 'bench', namespace: p.id, ...ka, body: Buffer.from(body) }));
    const kb = keysOf(p.b, p.context_b ?? p.context, p.id);
    const r = await lookup.execute(create(CacheLookupRequestSchema, { tenant, model: 'bench', namespace: p.id, ...kb, semantic: true }));
    const exact = r.status === CacheStatus.HIT_EXACT;
    out.push({ pair: p, similarity: exact ? 1 : (r.similarity ?? 0), verdict: exact ? 'accepted' : r.verdict || 'none' });
  }
  await index.close();
  return out;
}

function keysOf(text: string, context: Pair['context'], namespace: string) {
  return cacheKeys({ scope: '', model: 'bench', namespace, messages: [...(context ?? []), { role: 'user', content: text }], params: {} });
}
