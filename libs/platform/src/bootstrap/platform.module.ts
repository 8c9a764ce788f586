import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { BUS, BusModule, type Bus } from '@helix/bus';
import { ConfigModule, type ConfigStore } from '@helix/config';
import { HealthRegistry, TelemetryModule, type Logger } from '@helix/telemetry';
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
 * after the handlers stop.
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
      providers: [{ provide: BusLifecycle, inject: [BUS, HealthRegistry], useFactory: (bus: Bus, h: HealthRegistry) => new BusLifecycle(bus, h) }],
    };
  }
}
