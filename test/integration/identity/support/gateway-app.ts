import { Global, Module, type DynamicModule, type Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { DataSource } from 'typeorm';
import { BusModule, HelixBusServer, type Bus } from '@helix/bus';
import { ConfigModule, ConfigStore } from '@helix/config';
import { createDataSource } from '@helix/persistence';
import { configureHttpApp, createFastifyAdapter } from '@helix/platform';
import { TelemetryModule, createLogger } from '@helix/telemetry';
import { MESSAGES_ERROR_BODY } from '../../../../apps/gateway/src/messages/anthropic-error.js';
import { gatewayMigrationSet } from '../../../../apps/gateway/src/identity/db/gateway.migration-set.js';
import { GATEWAY_DATA_SOURCE, MASTER_KEY } from '../../../../apps/gateway/src/identity/identity.tokens.js';
import { keySha256 } from '../../../../apps/gateway/src/identity/key-material.js';

export const BODY_LIMIT = 1024 * 1024;
const silent = { write: () => undefined };

export interface GatewayAppOptions {
  /** The modules under test (AdminModule, RateLimitModule, a probe module, ...). */
  imports: (Type | DynamicModule)[];
  databaseUrl: string;
  bus: Bus;
  /** The master key the app trusts; none when absent. */
  masterKey?: string;
  /** Config values over the defaults (`{ auth: { cacheTtlMs: 10 } }`). */
  config?: Record<string, unknown>;
  /** Extra global providers: `RATE_LIMIT_REDIS`, a clock, ... */
  providers?: { provide: unknown; useValue: unknown }[];
  /** Serve bus handlers (`@MessagePattern`) of the app on `bus`. */
  microservice?: boolean;
}

export interface GatewayApp {
  app: NestFastifyApplication;
  dataSource: DataSource;
  inject(opts: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/**
 * A small gateway built from the modules under test, on a real database (migrated
 * with `gatewayMigrationSet`) and a real bus, with the production HTTP setup
 * (`configureHttpApp`: request ids and the OpenAI error filter).
 */
export async function startGatewayApp(opts: GatewayAppOptions): Promise<GatewayApp> {
  const dataSource = await createDataSource({ url: opts.databaseUrl, poolSize: 4 }, gatewayMigrationSet, { runMigrations: true });
  const store = new ConfigStore({ env: {}, overrides: opts.config ?? {} });
  const infra = [{ provide: GATEWAY_DATA_SOURCE, useValue: dataSource }, ...(opts.providers ?? [])] as { provide: symbol; useValue: unknown }[];

  @Global()
  @Module({ providers: infra, exports: infra.map((p) => p.provide) })
  class TestInfraModule {}

  const moduleRef = await Test.createTestingModule({
    imports: [
      ConfigModule.forRoot({ store }),
      TelemetryModule.forRoot({ service: 'standalone', logDestination: silent }),
      BusModule.forRoot(opts.bus),
      TestInfraModule,
      ...opts.imports,
    ],
  })
    .overrideProvider(MASTER_KEY)
    .useValue({ sha256: opts.masterKey ? keySha256(opts.masterKey) : null, source: opts.masterKey ? 'env' : 'none' })
    .compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createFastifyAdapter(BODY_LIMIT), { logger: false });
  configureHttpApp(app, BODY_LIMIT, createLogger(store.current, silent), [MESSAGES_ERROR_BODY]);
  if (opts.microservice) {
    app.connectMicroservice({ strategy: new HelixBusServer(opts.bus, 'gateway') }, { inheritAppConfig: true });
    await app.startAllMicroservices();
  }
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    dataSource,
    inject: (o) => app.getHttpAdapter().getInstance().inject(o),
    async close() {
      await app.close();
      await dataSource.destroy();
    },
  };
}
