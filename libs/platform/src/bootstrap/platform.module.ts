import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { BUS, BusModule, type Bus } from '@helix/bus';
import { CONFIG_STORE, ConfigModule, type ConfigStore } from '@helix/config';
import { HealthRegistry, LOGGER, TelemetryModule, type Logger } from '@helix/telemetry';
import { ShutdownGrace } from './shutdown-grace.js';
import type { ServiceName } from '@helix/config';
import type { DatabaseOptions } from '@helix/persistence';
import type { Redis } from 'ioredis';

/** What every service gets from its main.ts: config, logger and bus, made once per process. */
export interface ServiceInfra {
  service: ServiceName;
  store: ConfigStore;
  log: Logger;
  bus: Bus;
  /** The database, for services that own a schema. */
  db?: DatabaseOptions;
  /** Redis in distributed mode; null in embedded mode, where stores are in memory. */
  redis?: Redis | null;
}

class BusLifecycle implements OnApplicationShutdown {
  constructor(@Inject(BUS) private readonly bus: Bus, health: HealthRegistry) {
    health.register('bus', () => bus.health());
  }

  async onApplicationShutdown(): Promise<void> {
    await this.bus.drain();
  }
}

/**
 * The shell every Helix process imports once at its root: config (hot-reloaded),
 * telemetry (logs, /metrics, /health/*) and the bus, which is drained on shutdown
 * after the handlers stop; HTTP requests in flight get `http.shutdownGraceMs` to finish.
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(infra: ServiceInfra): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        ConfigModule.forRoot({ store: infra.store }),
        TelemetryModule.forRoot({ service: infra.service, logger: infra.log }),
        BusModule.forRoot(infra.bus),
      ],
      providers: [
        { provide: BusLifecycle, inject: [BUS, HealthRegistry], useFactory: (bus: Bus, h: HealthRegistry) => new BusLifecycle(bus, h) },
        {
          provide: ShutdownGrace,
          inject: [HttpAdapterHost, CONFIG_STORE, LOGGER, HealthRegistry],
          useFactory: (a: HttpAdapterHost, store: ConfigStore, log: Logger, h: HealthRegistry) => new ShutdownGrace(a, store, log, h),
        },
      ],
    };
  }
}
