import { Inject, Injectable, type OnApplicationShutdown, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { CONFIG_STORE, HelixConfig, type ConfigStore } from '@helix/config';
import type { Logger } from 'pino';
import { metrics } from './metrics/metrics.js';
import { LOGGER } from './telemetry.constants.js';
import { runningTracing } from './tracing/tracing.js';

/**
 * Wires telemetry to the config at boot: default metrics when enabled, config
 * reloads logged through pino, `log.level` following a reload, and pending spans
 * flushed when the app shuts down.
 */
@Injectable()
export class TelemetryLifecycle implements OnModuleInit, OnModuleDestroy, OnApplicationShutdown {
  #unsubscribe?: () => void;

  constructor(
    private readonly config: HelixConfig,
    @Inject(CONFIG_STORE) private readonly store: ConfigStore,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    if (this.config.telemetry.metrics.enabled) metrics.collectDefaults();
    this.store.useLogger(this.logger.child({ component: 'config' }));
    this.#unsubscribe = this.store.subscribe((next) => {
      this.logger.level = next.log.level;
    });
  }

  onModuleDestroy(): void {
    this.#unsubscribe?.();
  }

  async onApplicationShutdown(): Promise<void> {
    await (await runningTracing())?.shutdown();
  }
}
