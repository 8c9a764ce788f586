import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { setTimeout as delay } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import { CONFIG_STORE, type ConfigStore } from '@helix/config';
import { LivePrices } from '@helix/cost';
import { LOGGER, type Logger } from '@helix/telemetry';
import { GatewayCostModule } from '../cost/gateway-cost.module.js';
import { systemClock } from '../identity/clock.js';
import { RATE_LIMIT_REDIS } from '../ratelimit/rate-limiter.js';
import { BreakerBoard } from './breaker/breaker-board.js';
import { BREAKER_STORE, type BreakerStore } from './breaker/breaker-store.js';
import { MemoryBreakerStore } from './breaker/memory.breaker-store.js';
import { RedisBreakerStore } from './breaker/redis.breaker-store.js';
import { DeploymentStats } from './deployment-stats.js';
import { RetryBudget } from './retry-budget.js';
import { Router } from './router.js';

class RoutingLifecycle implements OnApplicationShutdown {
  constructor(@Inject(BreakerBoard) private readonly breakers: BreakerBoard) {}

  async onApplicationShutdown(): Promise<void> {
    await this.breakers.close();
  }
}

/**
 * The gateway's router: strategies, retries and budget, fallbacks, and circuit breakers shared
 * in Redis (`RATE_LIMIT_REDIS`, the gateway's client) or kept in memory when it is `null`
 * (embedded mode). Prices for the `cost` strategy come from the live price book.
 */
@Module({
  imports: [GatewayCostModule],
  providers: [
    {
      provide: BREAKER_STORE,
      inject: [RATE_LIMIT_REDIS, CONFIG_STORE],
      useFactory: (redis: Redis | null, store: ConfigStore): BreakerStore =>
        redis ? new RedisBreakerStore(redis, store.current.redis.keyPrefix, systemClock) : new MemoryBreakerStore(systemClock),
    },
    {
      provide: BreakerBoard,
      inject: [BREAKER_STORE, LOGGER],
      useFactory: (store: BreakerStore, log: Logger) => {
        const board = new BreakerBoard(store, systemClock, log);
        board.start().catch((err: unknown) => log.warn({ err }, 'circuit breaker changes from other replicas are not watched'));
        return board;
      },
    },
    {
      provide: Router,
      inject: [BreakerBoard, LivePrices],
      useFactory: (breakers: BreakerBoard, prices: LivePrices) =>
        new Router({
          breakers,
          stats: new DeploymentStats(systemClock),
          budget: new RetryBudget(systemClock),
          clock: systemClock,
          random: Math.random,
          sleep: (ms, signal) => delay(ms, undefined, { signal }),
          prices: prices.current,
        }),
    },
    RoutingLifecycle,
  ],
  exports: [Router],
})
export class RoutingModule {}
