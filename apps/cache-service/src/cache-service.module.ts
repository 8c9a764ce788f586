import { Module, type DynamicModule } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { ServiceInfra } from '@helix/platform';
import { HealthRegistry } from '@helix/telemetry';
import { createCacheCore, type CacheCore } from './cache-core.js';
import { CacheEventsController } from './cache-events.controller.js';
import { CacheJobs } from './cache-jobs.js';
import { CacheRpcController } from './cache-rpc.controller.js';
import { CACHE_CORE } from './cache.tokens.js';

/**
 * The cache-service: lookup and admin RPCs, cache writes as work messages,
 * stats from completed events, over the use cases of @helix/cache. Composed
 * alone by main.ts, or with the others by the standalone app (in-memory store
 * and local index when `infra.redis` is null). Readiness waits for the index.
 */
@Module({})
export class CacheServiceModule {
  static forRoot(infra: ServiceInfra): DynamicModule {
    return {
      module: CacheServiceModule,
      controllers: [CacheRpcController, CacheEventsController],
      providers: [
        {
          provide: CACHE_CORE,
          inject: [HealthRegistry],
          useFactory: async (health: HealthRegistry) => {
            const redis = infra.redis ?? null;
            if (redis) await connected(redis);
            const core = await createCacheCore({ redis, store: infra.store, log: infra.log });
            health.register('cache-index', async () => ({ ok: core.deps.index.ready(), detail: core.deps.index.ready() ? core.deps.index.kind : 'loading' }));
            if (redis) health.register('cache-redis', async () => ({ ok: redis.status === 'ready', detail: redis.status }));
            return core;
          },
        },
        { provide: CacheJobs, inject: [CACHE_CORE], useFactory: (core: CacheCore) => new CacheJobs(core, infra.store, infra.log) },
      ],
    };
  }
}

/** Waits (bounded) for the first connection, so index detection and loading do not race it; the index load retries anyway. */
async function connected(redis: Redis, timeoutMs = 15_000): Promise<void> {
  if (redis.status === 'ready') return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    redis.once('ready', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
