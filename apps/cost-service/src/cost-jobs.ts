import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { ConfigStore } from '@helix/config';
import { settledTtlMs } from '@helix/cost';
import type { Logger } from '@helix/telemetry';
import type { CostCore } from './cost-core.js';

/**
 * The cost-service's timers, on every replica (each job is safe to run
 * concurrently): release expired reservations, publish alerts a crash left
 * unpublished, escalate standing hard limits, look for spend anomalies.
 */
export class CostJobs implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly running = new Set<string>();

  constructor(
    private readonly core: CostCore,
    private readonly store: ConfigStore,
    private readonly log: Logger,
  ) {}

  onApplicationBootstrap(): void {
    const cost = () => this.store.current.cost;
    this.every('sweep', cost().sweepIntervalMs, async () => {
      const released = await this.core.counters.sweep(Date.now(), settledTtlMs(cost()));
      if (released) this.core.metrics.released.inc(released);
    });
    this.every('alerts', cost().alerts.checkIntervalMs, async () => {
      await this.core.raiser.republish(Date.now() - 30_000);
      await this.core.escalations.run(Date.now());
      await this.core.anomalies.run(Date.now());
    });
  }

  onApplicationShutdown(): void {
    for (const t of this.timers.splice(0)) clearInterval(t);
  }

  private every(name: string, ms: number, job: () => Promise<void>): void {
    const timer = setInterval(() => {
      if (this.running.has(name)) return;
      this.running.add(name);
      job()
        .catch((err: unknown) => this.log.warn({ err, job: name }, 'cost job failed; it runs again'))
        .finally(() => this.running.delete(name));
    }, ms);
    timer.unref();
    this.timers.push(timer);
  }
}
