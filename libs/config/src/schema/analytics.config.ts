import { Type } from 'class-transformer';
import { IsEmail, IsIn, IsInt, IsNotEmpty, IsNumber, IsOptional, IsString, Matches, Max, Min, ValidateNested } from 'class-validator';
import { SmtpConfig } from './cost.config.js';
import { IsServiceUrl } from './validators.js';

/** A usage and spend summary sent after each day or week (UTC) to email addresses and/or a webhook. */
export class AnalyticsReportConfig {
  /** Unique name; each report is sent once per period and name. */
  @IsString() @Matches(/^[\w.-]{1,64}$/) readonly name!: string;

  /** `daily` (yesterday, sent after midnight UTC) or `weekly` (Monday to Monday, sent on Monday). */
  @IsIn(['daily', 'weekly']) readonly schedule!: 'daily' | 'weekly';

  /** The org the report covers. */
  @IsString() @IsNotEmpty() readonly orgId!: string;

  /** One team of the org; unset = the whole org (with its top teams). */
  @IsOptional() @IsString() @IsNotEmpty() readonly teamId?: string;

  /** Recipients (needs `analytics.reports.smtp.url`). */
  @IsEmail({ require_tld: false }, { each: true }) readonly email: string[] = [];

  /** A URL the report is POSTed to as JSON. */
  @IsOptional() @IsServiceUrl(['http', 'https']) readonly webhookUrl?: string;
}

/** Scheduled reports: their list and how they are sent. */
export class AnalyticsReportsConfig {
  /** How often each replica checks for reports due, in ms. Default 60000. */
  @IsInt() @Min(1_000) readonly checkIntervalMs: number = 60_000;

  /** Timeout of one webhook POST, in ms. Default 10000. */
  @IsInt() @Min(1) readonly httpTimeoutMs: number = 10_000;

  @ValidateNested() @Type(() => SmtpConfig) readonly smtp: SmtpConfig = new SmtpConfig();

  /** The reports. Default none. */
  @ValidateNested({ each: true }) @Type(() => AnalyticsReportConfig) readonly list: AnalyticsReportConfig[] = [];
}

/** Spend and error spikes per team and model (`/v1/analytics/anomalies`). */
export class AnalyticsAnomaliesConfig {
  /** An hour is flagged at this many standard deviations above its baseline. Default 3. */
  @IsNumber() @Min(0) readonly factor: number = 3;

  /** Hours before each hour that make its baseline. Default 24. */
  @IsInt() @Min(2) @Max(24 * 31) readonly baselineHours: number = 24;

  /** Smallest hourly spend flagged, USD. Default 1. */
  @IsNumber() @Min(0) readonly minSpendUsd: number = 1;

  /** Smallest hourly error count flagged. Default 10. */
  @IsInt() @Min(1) readonly minErrors: number = 10;
}

/** Thresholds of `/v1/analytics/recommendations`. */
export class AnalyticsRecommendationsConfig {
  /** Fewest requests in the range before a team or model is judged. Default 100. */
  @IsInt() @Min(1) readonly minRequests: number = 100;

  /** Exact cache hit rate (0–1) from which a team's prompts count as repeating. Default 0.05. */
  @IsNumber() @Min(0) @Max(1) readonly repeatRate: number = 0.05;

  /** Share of short answers (≤ 100 tokens, 0–1) from which a cheaper model of the family is suggested. Default 0.6. */
  @IsNumber() @Min(0) @Max(1) readonly shortShare: number = 0.6;
}

/** The analytics-service (issue 8): event store, retention, API access, anomalies, recommendations and reports. */
export class AnalyticsConfig {
  /** Days of request rows (daily partitions, dropped whole), PII detections and budget alerts kept. Default 90. */
  @IsInt() @Min(1) @Max(3_650) readonly retentionDays: number = 90;

  /** Days of hourly rollups kept; daily rollups are kept for good. Default 400. */
  @IsInt() @Min(1) @Max(3_650) readonly rollupRetentionDays: number = 400;

  /** Days of request partitions made ahead of today. Default 2. */
  @IsInt() @Min(0) @Max(31) readonly partitionDaysAhead: number = 2;

  /** How often each replica makes partitions and applies retention, in ms. Default 3600000. */
  @IsInt() @Min(1_000) readonly maintenanceIntervalMs: number = 3_600_000;

  /** How long the analytics-service keeps a key's verification from the gateway, in ms (revocations apply within it). Default 10000. */
  @IsInt() @Min(0) @Max(300_000) readonly authCacheMs: number = 10_000;

  @ValidateNested() @Type(() => AnalyticsAnomaliesConfig) readonly anomalies: AnalyticsAnomaliesConfig = new AnalyticsAnomaliesConfig();

  @ValidateNested() @Type(() => AnalyticsRecommendationsConfig) readonly recommendations: AnalyticsRecommendationsConfig = new AnalyticsRecommendationsConfig();

  @ValidateNested() @Type(() => AnalyticsReportsConfig) readonly reports: AnalyticsReportsConfig = new AnalyticsReportsConfig();
}
