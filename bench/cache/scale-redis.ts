/**
 * The Redis side of the scale bench, in its own process against a private
 * redis-server: N entries stored as the store use case stores them (entry hash,
 * LRU/expiry/meta structures, index stream event with the int8 vector), then
 * used_memory per entry. Prints one JSON line.
 */
import { Redis } from 'ioredis';
import { quantize, RedisCacheStore, scopeOf, type CacheEntry } from '@helix/cache';
import { startRedis } from '../../test/support/servers.js';

const size = Number(process.argv[2]);
const DIMS = 384;
const server = await startRedis();
const redis = new Redis(server.url, { maxRetriesPerRequest: 1 });
const store = new RedisCacheStore(redis, 'helix:', { streamMaxLen: 250_000 });
const used = async () => Number(/used_memory:(\d+)/.exec(await redis.info('memory'))![1]);
try {
  const before = await used();
  const scopes = Array.from({ length: 100 }, (_, i) => scopeOf({ orgId: 'o', teamId: `t${i}`, keyId: 'k' }, 'team'));
  const body = JSON.stringify({ id: 'chatcmpl-x', object: 'chat.completion', created: 1, model: 'm', choices: [{ index: 0, message: { role: 'assistant', content: 'a'.repeat(300) }, finish_reason: 'stop' }] });
  const now = Date.now();
  const t0 = performance.now();
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < size; i = next++) {
      const scope = scopes[i % scopes.length]!;
      const vector = quantize(Float32Array.from({ length: DIMS }, () => Math.random() - 0.5));
      const e: CacheEntry = { scope: scope.id, key: i.toString(16).padStart(64, '0'), model: 'gpt-4o-mini', servedModel: 'gpt-4o-mini', namespace: '', partition: 'p'.repeat(32), queryText: 'q'.repeat(80), body, createdAtMs: now, expiresAtMs: now + 86_400_000, embedder: 'model-x-384', vector };
      await store.put(scope, e, 1_000_000);
      await store.appendIndex([{ op: 'add', scope: scope.id, key: e.key, partition: e.partition, embedder: e.embedder, expiresAtMs: e.expiresAtMs, vector }]);
    }
  };
  await Promise.all(Array.from({ length: 32 }, worker));
  const stream = await redis.xlen('helix:cache:index');
  console.log(JSON.stringify({ size, redisBytesPerEntry: ((await used()) - before) / size, streamEvents: stream, putsPerS: size / ((performance.now() - t0) / 1000) }));
} finally {
  await store.close();
  redis.disconnect();
  await server.dispose();
}
