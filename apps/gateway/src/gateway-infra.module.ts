import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { createDataSource } from '@helix/persistence';
import { UndiciTransport } from '@helix/providers';
import type { ServiceInfra } from '@helix/platform';
import { gatewayMigrationSet } from './identity/db/gateway.migration-set.js';
import { GATEWAY_DATA_SOURCE } from './identity/identity.tokens.js';
import { RATE_LIMIT_REDIS } from './ratelimit/rate-limiter.js';

/** The undici transport shared by every upstream call of the process. */
export const UPSTREAM_TRANSPORT = Symbol('UPSTREAM_TRANSPORT');

class InfraLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(GATEWAY_DATA_SOURCE) private readonly ds: DataSource,
    @Inject(UPSTREAM_TRANSPORT) private readonly http: UndiciTransport,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.http.close();
    await this.ds.destroy();
  }
}

/**
 * The gateway's connections, global so its feature modules (identity, admin,
 * rate limits) can inject them: the `gateway` schema, Redis (null in embedded
 * mode), and the upstream HTTP transport.
 */
@Global()
@Module({})
export class GatewayInfraModule {
  static forRoot(infra: ServiceInfra): DynamicModule {
    if (!infra.db) throw new Error('the gateway needs a database (startService({ database: true }))');
    const db = infra.db;
    return {
      module: GatewayInfraModule,
      providers: [
        { provide: GATEWAY_DATA_SOURCE, useFactory: () => createDataSource(db, gatewayMigrationSet) },
        { provide: RATE_LIMIT_REDIS, useValue: infra.redis ?? null },
        { provide: UPSTREAM_TRANSPORT, useFactory: () => new UndiciTransport() },
        InfraLifecycle,
      ],
      exports: [GATEWAY_DATA_SOURCE, RATE_LIMIT_REDIS, UPSTREAM_TRANSPORT],
    };
  }
}
