import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { BUS, type Bus } from '@helix/bus';
import { analyticsMigrationSet, sqlDatabase } from '@helix/analytics';
import { createDataSource, databaseHealth } from '@helix/persistence';
import { JwtVerifier, type ServiceInfra } from '@helix/platform';
import { HealthRegistry } from '@helix/telemetry';
import { createAnalyticsCore, type AnalyticsCore } from './analytics-core.js';
import { AnalyticsEventsController } from './analytics-events.controller.js';
import { AnalyticsJobs } from './analytics-jobs.js';
import { AnalyticsRpcController } from './analytics-rpc.controller.js';
import { ANALYTICS_CORE } from './analytics.tokens.js';
import { AnalyticsAccessGuard } from './http/access.guard.js';
import { CostClient } from './http/cost.client.js';
import { DashboardController } from './http/dashboard.controller.js';
import { DataController } from './http/data.controller.js';
import { docsController } from './http/docs.controller.js';
import { IdentityVerifier } from './http/identity-verifier.js';
import { InsightsController } from './http/insights.controller.js';
import { MetricsController } from './http/metrics.controller.js';

const ANALYTICS_DATA_SOURCE = Symbol('ANALYTICS_DATA_SOURCE');
const API = [MetricsController, InsightsController, DataController];

class AnalyticsLifecycle implements OnApplicationShutdown {
  constructor(@Inject(ANALYTICS_DATA_SOURCE) private readonly ds: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    await this.ds.destroy();
  }
}

/**
 * The analytics-service: durable consumers of request, PII and budget events,
 * the `/v1/analytics` API (OpenAPI at `/v1/analytics/docs`), the `/dashboard`,
 * retention and scheduled reports. Composed alone by main.ts, or with the others
 * by the standalone app, where the gateway's global guard resolves keys first.
 */
@Module({})
export class AnalyticsServiceModule {
  static forRoot(infra: ServiceInfra): DynamicModule {
    if (!infra.db) throw new Error('the analytics-service needs a database (startService({ database: true }))');
    const db = infra.db;
    return {
      module: AnalyticsServiceModule,
      controllers: [AnalyticsEventsController, AnalyticsRpcController, ...API, docsController(API), DashboardController],
      providers: [
        { provide: ANALYTICS_DATA_SOURCE, useFactory: () => createDataSource(db, analyticsMigrationSet) },
        {
          provide: ANALYTICS_CORE,
          inject: [ANALYTICS_DATA_SOURCE, HealthRegistry],
          useFactory: (ds: DataSource, health: HealthRegistry) => {
            health.register('analytics-database', databaseHealth(ds));
            return createAnalyticsCore({ db: sqlDatabase(ds), store: infra.store, log: infra.log });
          },
        },
        { provide: AnalyticsJobs, inject: [ANALYTICS_CORE], useFactory: (core: AnalyticsCore) => new AnalyticsJobs(core, infra.store, infra.log) },
        {
          provide: IdentityVerifier,
          inject: [BUS],
          useFactory: (bus: Bus) => {
            const jwt = infra.store.current.auth.jwt;
            return new IdentityVerifier(bus, () => infra.store.current.analytics.authCacheMs, Date.now, jwt ? new JwtVerifier(jwt) : undefined);
          },
        },
        AnalyticsAccessGuard,
        CostClient,
        AnalyticsLifecycle,
      ],
    };
  }
}
