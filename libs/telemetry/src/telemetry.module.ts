import { Global, Module, type DynamicModule } from '@nestjs/common';
import { HelixConfig, type ServiceName } from '@helix/config';
import type { DestinationStream, Logger } from 'pino';
import { HealthController } from './health/health.controller.js';
import { HealthRegistry } from './health/health.registry.js';
import { createLogger } from './logging/create-logger.js';
import { PinoNestLogger } from './logging/pino-nest.logger.js';
import { MetricsController } from './metrics/metrics.controller.js';
import { TelemetryLifecycle } from './telemetry.lifecycle.js';
import { LOGGER } from './telemetry.constants.js';

/** Options of `TelemetryModule.forRoot`. */
export interface TelemetryModuleOptions {
  /** The service this process runs; must match `HelixConfig.service` (set by the same `main.ts`). */
  service: ServiceName;
  /** Where log lines go; default stdout. For tests. */
  logDestination?: DestinationStream;
  /** The process's logger, when main.ts made one before Nest (for the bus); otherwise one is made. */
  logger?: Logger;
}

/**
 * Global: the pino `LOGGER`, `PinoNestLogger` (for `app.useLogger`), the
 * `HealthRegistry`, and the routes `GET /health/live`, `GET /health/ready` and
 * `GET /metrics`. Needs `ConfigModule.forRoot` in the same app. Import it once per
 * process (the standalone process too), since it owns those routes.
 */
@Global()
@Module({})
export class TelemetryModule {
  static forRoot(options: TelemetryModuleOptions): DynamicModule {
    return {
      module: TelemetryModule,
      controllers: [HealthController, MetricsController],
      providers: [
        {
          provide: LOGGER,
          inject: [HelixConfig],
          useFactory: (config: HelixConfig) =>
            options.logger ?? createLogger(assertService(config, options.service), options.logDestination),
        },
        { provide: PinoNestLogger, inject: [LOGGER], useFactory: (logger: Logger) => new PinoNestLogger(logger) },
        HealthRegistry,
        TelemetryLifecycle,
      ],
      exports: [LOGGER, PinoNestLogger, HealthRegistry],
    };
  }
}

function assertService(config: HelixConfig, service: ServiceName): HelixConfig {
  if (config.service !== service) {
    throw new Error(`TelemetryModule.forRoot({ service: '${service}' }) but the config was loaded for '${config.service}'`);
  }
  return config;
}
