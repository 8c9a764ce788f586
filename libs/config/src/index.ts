export { ConfigError, formatIssues, type ConfigIssue } from './config.error.js';
export { env, type Env } from './env.js';
export {
  DEFAULT_CONFIG_PATH,
  loadConfig,
  loadConfigOrExit,
  type LoadConfigOptions,
} from './load/load-config.js';
export { NAMED_ENV } from './load/env-overrides.js';
export { ConfigStore, type ConfigCheck, type ConfigListener, type ReloadResult, type WatchOptions } from './store/config.store.js';
export { openConfigStoreOrExit } from './store/open-config-store.js';
export type { ConfigLogger } from './store/config-logger.js';
export { ConfigModule, type ConfigModuleOptions } from './nest/config.module.js';
export { CONFIG_STORE } from './nest/config.constants.js';
export { HelixConfig, MODES, SERVICES, type CrossFieldRule, type Mode, type ServiceName } from './schema/helix.config.js';
export { HttpConfig, BUS_ENVELOPE_BYTES } from './schema/http.config.js';
export { CLIENT_AUTH_MODES, CorsConfig, HttpTlsConfig, SecurityHeadersConfig, type ClientAuthMode } from './schema/http-security.config.js';
export { EncryptionConfig, EncryptionKeyConfig } from './schema/encryption.config.js';
export { LimitsConfig, RequestCeilingsConfig, TeamCeilingsConfig } from './schema/limits.config.js';
export { JWT_ROLES, JwtAuthConfig, JwtClaimsConfig, JwtRoleValueConfig } from './schema/jwt.config.js';
export { NatsConfig } from './schema/nats.config.js';
export { RedisConfig } from './schema/redis.config.js';
export { DatabaseConfig } from './schema/database.config.js';
export { LogConfig, LOG_LEVELS, type LogLevel } from './schema/log.config.js';
export { TelemetryConfig, MetricsConfig, TracingConfig } from './schema/telemetry.config.js';
export { TlsConfig } from './schema/tls.config.js';
export { AuthConfig } from './schema/auth.config.js';
export { RateLimitsConfig } from './schema/rate-limits.config.js';
export {
  CircuitBreakerConfig,
  DeploymentConfig,
  ModelConfig,
  ModelRoutingConfig,
  ProviderAccountConfig,
  RetryConfig,
  ROUTING_STRATEGIES,
  type RoutingStrategy,
} from './schema/models.config.js';
export { CacheStepConfig, PipelineConfig, PipelineStepConfig } from './schema/pipeline.config.js';
export { AlertsConfig, CostConfig, ModelSwapConfig, PriceOverrideConfig, PricesConfig, PromptCacheConfig, SmtpConfig } from './schema/cost.config.js';
export { EventsConfig, OutboxConfig } from './schema/events.config.js';
export {
  PII_OPERATORS,
  PiiConfig,
  PiiDenyListConfig,
  PiiEncryptionKeyConfig,
  PiiOperatorConfig,
  PiiPolicyConfig,
  PiiRecognizerConfig,
  PiiThresholdConfig,
  type PiiOperatorName,
} from './schema/pii.config.js';
export {
  CACHE_SCOPES,
  CacheConfig,
  EmbedderConfig,
  QdrantConfig,
  SemanticCacheConfig,
  SemanticRuleConfig,
  VECTOR_INDEXES,
  type CacheScope,
  type VectorIndexKind,
} from './schema/cache.config.js';
export {
  AnalyticsAnomaliesConfig,
  AnalyticsConfig,
  AnalyticsRecommendationsConfig,
  AnalyticsReportConfig,
  AnalyticsReportsConfig,
} from './schema/analytics.config.js';
