import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { ConfigStore } from '@helix/config';
import type { Logger } from '@helix/telemetry';
import type { CacheCore } from './cache-core.js';

const GAUGES_MS = 15_000;

/** Starts the index load, sweeps TTL and memory evictions into the index, refreshes the gauges; closes the index (snapshot) at shutdown. */
export class CacheJobs implements OnApplicationBootstrap, OnApplicationShutdown {
  private timers: NodeJS.Timeout[] = [];
  private sweeping = false;

  constructor(
    private readonly core: CacheCore,
    private readonly store: ConfigStore,
    private readonly log: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.core.start().then(
      () => this.log.info('cache: semantic index ready'),
      (err: unknown) => this.log.error({ err }, 'cache: semantic index failed to load; semantic lookups stay off'),
    );
    this.every(this.store.current.cache.sweepIntervalMs, () => this.sweep());
    this.every(GAUGES_MS, () => this.core.health.execute().then(() => undefined));
  }

  async onApplicationShutdown(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    await this.core.close();
  }

  private async sweep(): Promise<void> {
    if (this.sweeping) return;
    this.sweeping = true;
    try {
      await this.core.sweep.execute();
    } finally {
      this.sweeping = false;
    }
  }

  private every(ms: number, fn: () => Promise<void>): void {
    const t = setInterval(() => fn().catch((err: unknown) => this.log.warn({ err }, 'cache job failed')), ms);
    t.unref();
    this.timers.push(t);
  }
}
