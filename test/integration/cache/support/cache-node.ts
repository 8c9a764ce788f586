import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { create } from '@bufbuild/protobuf';
import { Redis } from 'ioredis';
import { cacheKeys } from '@helix/cache';
import { ConfigStore } from '@helix/config';
import { CacheLookupRequestSchema, CacheStoreSchema, TenantSchema } from '@helix/contracts';
import { createLogger } from '@helix/telemetry';
import { createCacheCore, type CacheCore } from '../../../../apps/cache-service/src/cache-core.js';
import { testRedisUrl } from '../../../support/infra.js';

/** One cache-service replica's core on the real Redis: what apps/cache-service runs, without the bus. */
export interface CacheNode {
  core: CacheCore;
  redis: Redis;
  dataDir: string;
  close(): Promise<void>;
}

export async function startNode(prefix: string, opts: { dataDir?: string; cache?: Record<string, unknown> } = {}): Promise<CacheNode> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'helix-cache-'));
  const store = new ConfigStore({
    env: {},
    overrides: {
      mode: 'distributed',
      service: 'cache-service',
      dataDir,
      log: { level: 'fatal' },
      redis: { url: testRedisUrl(), keyPrefix: prefix },
      database: { url: 'postgres://unused@127.0.0.1:1/unused' },
      cache: { semantic: { rules: [{ model: 'm', enabled: true, threshold: 0.6 }], index: 'local', snapshotIntervalSeconds: 0 }, ...opts.cache },
    },
  });
  const redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: 1 });
  const core = await createCacheCore({ redis, store, log: createLogger(store.current) });
  await core.start();
  return {
    core,
    redis,
    dataDir,
    async close() {
      await core.close();
      redis.disconnect();
    },
  };
}

export const tenant = (teamId: string) => create(TenantSchema, { orgId: 'org1', teamId, keyId: 'key1' });

const keys = (q: string) => cacheKeys({ scope: '', model: 'm', namespace: '', messages: [{ role: 'user', content: q }], params: {} });

export function storeMsg(q: string, team = 't1', ttlSeconds = 0) {
  const body = { object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: `answer to ${q}` }, finish_reason: 'stop' }] };
  return create(CacheStoreSchema, { tenant: tenant(team), model: 'm', servedModel: 'm', ...keys(q), body: Buffer.from(JSON.stringify(body)), ttlSeconds });
}

export const lookupMsg = (q: string, team = 't1') => create(CacheLookupRequestSchema, { tenant: tenant(team), model: 'm', ...keys(q), semantic: true });
