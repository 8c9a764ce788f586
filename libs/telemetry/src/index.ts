export { createLogger, REDACTED_PATHS, type Logger } from './logging/create-logger.js';
export { PinoNestLogger } from './logging/pino-nest.logger.js';
export { requestContext, type RequestContext } from './logging/request-context.js';
export { metrics, metricsRegistry, METRIC_PREFIX } from './metrics/metrics.js';
export { MetricsController } from './metrics/metrics.controller.js';
export {
  DEFAULT_CHECK_TIMEOUT_MS,
  HealthRegistry,
  type HealthCheck,
  type HealthCheckResult,
  type ReadinessReport,
} from './health/health.registry.js';
export { HealthController } from './health/health.controller.js';
export { runningTracing, startServiceTracing, startTracing, type Tracing } from './tracing/tracing.js';
export { annotateSpan, cacheAttributes, piiAttributes } from './tracing/helix-attributes.js';
export { activeSpan, activeTraceId, failSpan, injectTraceContext, inServerSpan, inSpan, SpanKind, startSpan, tracingOn, withSpan } from './tracing/spans.js';
export { TelemetryModule, type TelemetryModuleOptions } from './telemetry.module.js';
export { LOGGER } from './telemetry.constants.js';
