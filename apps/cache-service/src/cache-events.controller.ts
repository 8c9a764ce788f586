import { Controller, Inject } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { BusEventPattern, type Delivery } from '@helix/bus';
import { EventSubjects, WorkSubjects, type CacheStore, type RequestCompleted } from '@helix/contracts';
import { LOGGER, type Logger } from '@helix/telemetry';
import type { CacheCore } from './cache-core.js';
import { CACHE_CORE } from './cache.tokens.js';

/** Cache writes (work subject, queue group: one replica stores each answer) and the stats consumer. */
@Controller()
export class CacheEventsController {
  constructor(
    @Inject(CACHE_CORE) private readonly core: CacheCore,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  @BusEventPattern(WorkSubjects.cacheStore)
  async store(@Payload() msg: CacheStore) {
    try {
      await this.core.store.execute(msg);
    } catch (err) {
      this.core.deps.metrics.errors.inc({ operation: 'store' });
      this.log.warn({ err, requestId: msg.requestId }, 'cache store failed');
    }
  }

  @BusEventPattern(EventSubjects.requestCompleted, { durable: 'cache-stats', batch: 500, maxWaitMs: 200 })
  async stats(@Payload() batch: Delivery<RequestCompleted>[]) {
    await this.core.recordStats.execute(batch.map((d) => d.message));
  }
}
