import { metrics } from '@helix/telemetry';

/** The analytics-service's metrics (`helix_analytics_*`). */
export function analyticsMetrics() {
  return {
    events: metrics.counter('helix_analytics_events_total', 'Events consumed, by kind (request, pii, alert) and result (inserted, duplicate, expired).', ['kind', 'result']),
    ingestSeconds: metrics.histogram('helix_analytics_ingest_duration_seconds', 'Time to store one batch of events.', ['kind'], [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]),
    querySeconds: metrics.histogram('helix_analytics_query_duration_seconds', 'Time to answer one analytics API query.', ['endpoint'], [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]),
    partitionsDropped: metrics.counter('helix_analytics_partitions_dropped_total', 'Daily request partitions dropped by retention.', []),
    reports: metrics.counter('helix_analytics_reports_total', 'Scheduled reports, by result (sent, failed).', ['result']),
  };
}

export type AnalyticsMetrics = ReturnType<typeof analyticsMetrics>;
