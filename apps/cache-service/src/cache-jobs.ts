import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { ConfigStore } from '@helix/config';
import type { Logger } from '@helix/telemetry';
import type { CacheCore } from './cache-core.js';

const GAUGES_MS = 15_000;

/** Starts the index load, sweeps TTL and memory evictions into the index, refreshes the gauges; closes the index (snapshot) at shutdown. */
export class CacheJobs implements OnApplicationBootstrap, OnApplicationShutdown {
  private timers: NodeJS.Timeout[] = [];
  private sweeping = false;
  private closed = false;

  constructor(
    private readonly core: CacheCore,
    private readonly store: ConfigStore,
    private readonly log: Logger,
  ) {}

  onApplicationBootstrap(): void {
    void this.startIndex();
    this.every(this.store.current.cache.sweepIntervalMs, () => this.sweep());
    this.every(GAUGES_MS, () => this.core.health.execute().then(() => undefined));
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    for (const t of this.timers) clearInterval(t);
    await this.core.close();
  }

  /** Loads the index, trying again every few seconds while Redis is away; readiness stays false until then. */
  private async startIndex(): Promise<void> {
    for (let attempt = 1; !this.closed; attempt++) {
      try {
        await this.core.start();
        this.log.info('cache: semantic index ready');
        return;
      } catch (err) {
        this.log.warn({ err, attempt }, 'cache: semantic index did not load; trying again');
        await new Promise((r) => setTimeout(r, Math.min(attempt * 500, 5_000)));
      }
    }
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
