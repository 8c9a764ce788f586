import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsIn, IsNotEmpty, IsString, ValidateNested } from 'class-validator';
import type { ConfigIssue } from '../config.error.js';
import { AnalyticsConfig } from './analytics.config.js';
import { AuthConfig } from './auth.config.js';
import { CacheConfig } from './cache.config.js';
import { CostConfig } from './cost.config.js';
import { DatabaseConfig } from './database.config.js';
import { bodyFitsBusPayload, clientAuthHasCa, HttpConfig } from './http.config.js';
import { EncryptionConfig, encryptionKeysHold } from './encryption.config.js';
import { LimitsConfig } from './limits.config.js';
import { EventsConfig } from './events.config.js';
import { LogConfig } from './log.config.js';
import { ModelConfig, modelsReferToAccounts, ProviderAccountConfig } from './models.config.js';
import { NatsConfig } from './nats.config.js';
import { PipelineConfig } from './pipeline.config.js';
import { PiiConfig } from './pii.config.js';
import { RateLimitsConfig } from './rate-limits.config.js';
import { RedisConfig } from './redis.config.js';
import { TelemetryConfig } from './telemetry.config.js';

export const MODES = ['embedded', 'distributed'] as const;
export type Mode = (typeof MODES)[number];

export const SERVICES = [
  'gateway',
  'pii-service',
  'cache-service',
  'cost-service',
  'analytics-service',
  'standalone',
] as const;
export type ServiceName = (typeof SERVICES)[number];

/**
 * The whole Helix configuration: `config/helix.yaml`, then environment overrides,
 * validated once. Each group is one class in `schema/<group>.config.ts`; adding a
 * group means adding that file and one field here. Loaded values are deeply frozen.
 */
export class HelixConfig {
  /**
   * `embedded`: one process, in-process bus, in-memory stores, PGlite in `dataDir`
   * (the `npm start` default). `distributed`: NATS, Redis and Postgres servers.
   * Env: `HELIX_MODE`. Default `embedded`.
   */
  @IsIn(MODES) readonly mode: Mode = 'embedded';

  /** Which process this is; set by each app's `main.ts`, not by the file. Default `standalone`. */
  @IsIn(SERVICES) readonly service: ServiceName = 'standalone';

  /** Where embedded mode keeps PGlite and the outbox. Env: `HELIX_DATA_DIR`. Resolved to an absolute path at load. Default `./data`. */
  @IsString() @IsNotEmpty() readonly dataDir: string = './data';

  @ValidateNested() @Type(() => HttpConfig) readonly http: HttpConfig = new HttpConfig();
  @ValidateNested() @Type(() => NatsConfig) readonly nats: NatsConfig = new NatsConfig();
  @ValidateNested() @Type(() => RedisConfig) readonly redis: RedisConfig = new RedisConfig();
  @ValidateNested() @Type(() => DatabaseConfig) readonly database: DatabaseConfig = new DatabaseConfig();
  @ValidateNested() @Type(() => LogConfig) readonly log: LogConfig = new LogConfig();
  @ValidateNested() @Type(() => TelemetryConfig) readonly telemetry: TelemetryConfig = new TelemetryConfig();
  @ValidateNested() @Type(() => AuthConfig) readonly auth: AuthConfig = new AuthConfig();
  @ValidateNested() @Type(() => RateLimitsConfig) readonly rateLimits: RateLimitsConfig = new RateLimitsConfig();

  /** Per-request ceilings (messages, max_tokens), by default and per team. */
  @ValidateNested() @Type(() => LimitsConfig) readonly limits: LimitsConfig = new LimitsConfig();

  /** Encryption at rest of cached answers and audit payloads. */
  @ValidateNested() @Type(() => EncryptionConfig) readonly encryption: EncryptionConfig = new EncryptionConfig();

  /** Provider accounts: adapter type, base URL, credentials. Deployments name them. */
  @ValidateNested({ each: true }) @Type(() => ProviderAccountConfig) readonly providers: ProviderAccountConfig[] = [];

  /** The gateway's event publishing: the on-disk outbox. */
  @ValidateNested() @Type(() => EventsConfig) readonly events: EventsConfig = new EventsConfig();

  /** The gateway's bus steps (budget, PII, cache): on/off, timeouts, failure policies. */
  @ValidateNested() @Type(() => PipelineConfig) readonly pipeline: PipelineConfig = new PipelineConfig();

  /** The pii-service: thresholds, allow/deny lists, custom recognizers, policies, operator keys. */
  @ValidateNested() @Type(() => PiiConfig) readonly pii: PiiConfig = new PiiConfig();

  /** Public model names and the deployments that serve them. */
  @ValidateNested({ each: true }) @Type(() => ModelConfig) readonly models: ModelConfig[] = [];

  /** Prices, budgets, the spend ledger and alerts (cost-service, and the gateway's pricing). */
  @ValidateNested() @Type(() => CostConfig) readonly cost: CostConfig = new CostConfig();

  /** The cache-service: tenant scope, TTLs, eviction, semantic rules, embedder and vector index. */
  @ValidateNested() @Type(() => CacheConfig) readonly cache: CacheConfig = new CacheConfig();

  /** The analytics-service: retention, API access, anomalies, recommendations and scheduled reports. */
  @ValidateNested() @Type(() => AnalyticsConfig) readonly analytics: AnalyticsConfig = new AnalyticsConfig();
}

/** A rule across fields or groups, checked after every field is validated. */
export type CrossFieldRule = (config: HelixConfig) => ConfigIssue | undefined;

function databaseUrlInDistributedMode({ mode, database }: HelixConfig): ConfigIssue | undefined {
  if (mode !== 'distributed' || database.url !== undefined) return undefined;
  return { path: 'database.url', message: 'is required in distributed mode (set DATABASE_URL)' };
}

export const crossFieldRules: CrossFieldRule[] = [outboxHoldsTwoSegments, bodyFitsBusPayload, clientAuthHasCa, encryptionKeysHold, databaseUrlInDistributedMode, modelsReferToAccounts];

function outboxHoldsTwoSegments({ events }: HelixConfig): ConfigIssue | undefined {
  const { maxBytes, segmentBytes } = events.outbox;
  if (maxBytes >= 2 * segmentBytes) return undefined;
  return { path: 'events.outbox.maxBytes', message: `must be at least twice events.outbox.segmentBytes (${2 * segmentBytes})` };
}
