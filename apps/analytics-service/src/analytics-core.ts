import {
  AnomaliesUseCase,
  ErrorsUseCase,
  IngestUseCase,
  MaintenanceJob,
  Partitions,
  PgRequestStore,
  PgSideStore,
  PiiUseCase,
  RecommendationsUseCase,
  RowsUseCase,
  ScheduledReportsJob,
  SeriesUseCase,
  UserDataUseCase,
  reportSenders,
  type RecommendationContext,
  type ReportSenders,
  type SqlDatabase,
} from '@helix/analytics';
import type { ConfigStore } from '@helix/config';
import type { Logger } from '@helix/telemetry';
import { recommendationContext } from './analytics-context.js';
import { analyticsMetrics } from './analytics.metrics.js';

/** What the analytics-service is built from. */
export interface AnalyticsCoreDeps {
  db: SqlDatabase;
  store: ConfigStore;
  log: Logger;
  now?: () => number;
  /** Replaces the config-based context of recommendations (tests). */
  context?: RecommendationContext;
  /** Replaces SMTP and webhook delivery of reports (tests). */
  senders?: ReportSenders;
}

/**
 * Every use case of the analytics-service, wired once per process. The Nest
 * module, the tests and the benchmark all build it here, so they run the same code.
 */
export function createAnalyticsCore(deps: AnalyticsCoreDeps) {
  const { db, store, log } = deps;
  const now = deps.now ?? Date.now;
  const config = () => store.current.analytics;
  const partitions = new Partitions(db);
  const series = new SeriesUseCase(db);
  const metrics = analyticsMetrics();
  return {
    now,
    partitions,
    metrics,
    ingest: new IngestUseCase({ partitions, requests: new PgRequestStore(db), side: new PgSideStore(db), retentionDays: () => config().retentionDays, now }),
    series,
    errors: new ErrorsUseCase(db),
    pii: new PiiUseCase(db),
    rows: new RowsUseCase(db),
    anomalies: new AnomaliesUseCase(db, () => config().anomalies),
    recommendations: new RecommendationsUseCase(db, deps.context ?? recommendationContext(store, log, now), () => config().recommendations),
    maintenance: new MaintenanceJob(db, partitions, config),
    reports: new ScheduledReportsJob(
      db,
      series,
      deps.senders ?? reportSenders(() => config().reports.smtp, () => config().reports.httpTimeoutMs),
      () => config().reports.list.map((r) => ({ name: r.name, schedule: r.schedule, orgId: r.orgId, teamId: r.teamId, email: r.email, webhookUrl: r.webhookUrl })),
      (report, err) => {
        metrics.reports.inc({ result: 'failed' });
        log.warn({ err, report }, 'scheduled report failed; it is sent again on the next check');
      },
    ),
    userData: new UserDataUseCase(db),
  };
}

export type AnalyticsCore = ReturnType<typeof createAnalyticsCore>;
