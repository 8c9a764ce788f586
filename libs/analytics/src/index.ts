export { analyticsMigrationSet } from './db/analytics.migration-set.js';
export { affected, returned, sqlDatabase, type SqlDatabase, type SqlRunner } from './db/sql.js';
export { DAY_MS, Partitions, dayStart, partitionName } from './db/partitions.js';
export { PgRequestStore, REQUEST_COLUMNS } from './db/pg.request-store.js';
export { PgSideStore } from './db/pg.side-store.js';
export { BUCKETS, LATENCY_BOUNDS_MS, bucketColumn, bucketRange, quantile } from './ingest/latency.js';
export { COUNTERS, COUNTER_NAMES, KEY_COUNTERS, KEY_DIMENSIONS, TEAM_DIMENSIONS, SHORT_OUTPUT_TOKENS, aggregate, type Counter, type Source } from './ingest/counters.js';
export { requestRowOf, type RequestRow } from './ingest/request-row.js';
export { alertRowOf, piiRowsOf, type AlertRow, type PiiRow } from './ingest/side-rows.js';
export { IngestUseCase, type IngestDeps, type IngestResult } from './ingest/ingest.usecase.js';
export {
  DIMENSIONS,
  INTERVALS,
  MAX_BUCKETS,
  MAX_RANGE_DAYS,
  STATUSES,
  checkScope,
  one,
  parseQuery,
  type AnalyticsQuery,
  type Dimension,
  type Interval,
  type ParseOptions,
  type Scope,
} from './query/analytics-query.js';
export { METRICS, METRIC_SETS, countersFor, deriveMetrics, type MetricName, type MetricSet } from './query/metrics.js';
export { picoToUsd } from './query/money.js';
export { bucketStarts } from './query/buckets.js';
export { selectCounters, sourceFor, whereOf } from './query/select-counters.js';
export { SeriesUseCase, type Table } from './query/series.usecase.js';
export { ErrorsUseCase } from './query/errors.usecase.js';
export { PII_DIMENSIONS, PiiUseCase } from './query/pii.usecase.js';
export { RowsUseCase, rowView, type RowCursor } from './query/rows.usecase.js';
export { anomalyScore, meanStd } from './query/anomaly-score.js';
export { AnomaliesUseCase, type AnomalyRules, type AnomalySubject } from './query/anomalies.usecase.js';
export { modelFamily } from './recommend/model-family.js';
export type { Recommendation, RecommendationContext, RecommendationRules, TokenPrice } from './recommend/recommendation.js';
export { RecommendationsUseCase } from './recommend/recommendations.usecase.js';
export { MaintenanceJob, type MaintenanceResult, type RetentionRules } from './maintenance/retention.job.js';
export { SCHEDULES, lastPeriod, type Schedule } from './reports/report-period.js';
export { summaryText, usageSummary, type UsageSummary } from './reports/usage-summary.js';
export { reportSenders, type ReportSenders } from './reports/report-senders.js';
export { ScheduledReportsJob, type ReportSpec } from './reports/scheduled-reports.job.js';
export { UserDataUseCase, type DataSubject, type UserDataPage } from './privacy/user-data.usecase.js';
