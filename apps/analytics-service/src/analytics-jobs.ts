import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { ConfigStore } from '@helix/config';
import type { Logger } from '@helix/telemetry';
import type { AnalyticsCore } from './analytics-core.js';

/**
 * The analytics-service's timers, on every replica (each job is safe to run
 * concurrently): partitions ahead and retention (at start, then hourly), and
 * scheduled reports (each sent by one replica).
 */
export class AnalyticsJobs implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly running = new Set<string>();

  constructor(
    private readonly core: AnalyticsCore,
    private readonly store: ConfigStore,
    private readonly log: Logger,
  ) {}

  onApplicationBootstrap(): void {
    const cfg = () => this.store.current.analytics;
    const maintenance = async () => {
      const { droppedDays } = await this.core.maintenance.run(this.core.now());
      if (droppedDays.length) this.core.metrics.partitionsDropped.inc(droppedDays.length);
    };
    this.every('maintenance', cfg().maintenanceIntervalMs, maintenance, true);
    this.every('reports', cfg().reports.checkIntervalMs, async () => {
      const sent = await this.core.reports.run(this.core.now());
      if (sent.length) this.core.metrics.reports.inc({ result: 'sent' }, sent.length);
    });
  }

  onApplicationShutdown(): void {
    for (const t of this.timers.splice(0)) clearInterval(t);
  }

  private every(name: string, ms: number, job: () => Promise<void>, now = false): void {
    const tick = () => {
      if (this.running.has(name)) return;
      this.running.add(name);
      job()
        .catch((err: unknown) => this.log.warn({ err, job: name }, 'analytics job failed; it runs again'))
        .finally(() => this.running.delete(name));
    };
    const timer = setInterval(tick, ms);
    timer.unref();
    this.timers.push(timer);
    if (now) tick();
  }
}
