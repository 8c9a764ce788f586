import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { costMigrationSet } from '@helix/cost';
import { createDataSource, databaseHealth } from '@helix/persistence';
import type { ServiceInfra } from '@helix/platform';
import { HealthRegistry } from '@helix/telemetry';
import { createCostCore, type CostCore } from './cost-core.js';
import { CostEventsController } from './cost-events.controller.js';
import { CostJobs } from './cost-jobs.js';
import { CostRpcController } from './cost-rpc.controller.js';
import { COST_CORE } from './cost.tokens.js';

const COST_DATA_SOURCE = Symbol('COST_DATA_SOURCE');

class CostLifecycle implements OnApplicationShutdown {
  constructor(@Inject(COST_DATA_SOURCE) private readonly ds: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    await this.ds.destroy();
  }
}

/**
 * The cost-service: prices, budgets (reserve RPC), the spend ledger (durable
 * consumer), spend reports and alerts. Composed alone by main.ts, or with the
 * others by the standalone app (in-memory counters when `infra.redis` is null).
 */
@Module({})
export class CostServiceModule {
  static forRoot(infra: ServiceInfra): DynamicModule {
    if (!infra.db) throw new Error('the cost-service needs a database (startService({ database: true }))');
    const db = infra.db;
    return {
      module: CostServiceModule,
      controllers: [CostRpcController, CostEventsController],
      providers: [
        { provide: COST_DATA_SOURCE, useFactory: () => createDataSource(db, costMigrationSet) },
        {
          provide: COST_CORE,
          inject: [COST_DATA_SOURCE, HealthRegistry],
          useFactory: (ds: DataSource, health: HealthRegistry) => {
            health.register('cost-database', databaseHealth(ds));
            const redis = infra.redis ?? null;
            if (redis) health.register('cost-redis', async () => ({ ok: redis.status === 'ready', detail: redis.status }));
            return createCostCore({ db: ds, redis, store: infra.store, bus: infra.bus, log: infra.log });
          },
        },
        { provide: CostJobs, inject: [COST_CORE], useFactory: (core: CostCore) => new CostJobs(core, infra.store, infra.log) },
        CostLifecycle,
      ],
    };
  }
}
