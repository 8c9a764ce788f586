import { Controller, Inject, UseFilters } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { BusExceptionFilter } from '@helix/bus';
import { RpcSubjects, type CacheInvalidateRequest, type CacheLookupRequest, type CacheStatsRequest, type CacheWarmRequest } from '@helix/contracts';
import { annotateSpan, cacheAttributes } from '@helix/telemetry';
import type { CacheCore } from './cache-core.js';
import { CACHE_CORE } from './cache.tokens.js';

/** The cache-service's request/reply subjects: decode, call the use case, encode. */
@Controller()
@UseFilters(BusExceptionFilter)
export class CacheRpcController {
  constructor(@Inject(CACHE_CORE) private readonly core: CacheCore) {}

  @MessagePattern(RpcSubjects.cacheLookup)
  async lookup(@Payload() req: CacheLookupRequest) {
    try {
      const reply = await this.core.lookup.execute(req);
      annotateSpan(() => cacheAttributes(reply.status ?? 0, reply.similarity ?? 0));
      return reply;
    } catch (err) {
      this.core.deps.metrics.errors.inc({ operation: 'lookup' });
      throw err;
    }
  }

  @MessagePattern(RpcSubjects.cacheStats)
  stats(@Payload() req: CacheStatsRequest) {
    return this.core.stats.execute(req);
  }

  @MessagePattern(RpcSubjects.cacheInvalidate)
  invalidate(@Payload() req: CacheInvalidateRequest) {
    return this.core.invalidate.execute(req);
  }

  @MessagePattern(RpcSubjects.cacheWarm)
  async warm(@Payload() req: CacheWarmRequest) {
    let stored = 0;
    for (const e of req.entries) if ((await this.core.store.execute(e)) === 'stored') stored++;
    return { stored, skipped: req.entries.length - stored };
  }

  @MessagePattern(RpcSubjects.cacheHealth)
  health() {
    return this.core.health.execute();
  }
}
