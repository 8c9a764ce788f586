import { hostname } from 'node:os';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { core, NodeSDK, resources, tracing } from '@opentelemetry/sdk-node';
import type { HelixConfig, TracingConfig } from '@helix/config';

/**
 * `ParentBased(TraceIdRatioBased(ratio))`: a root span is sampled with probability
 * `ratio`; a span with a parent (an inbound `traceparent`, a bus message) follows it.
 */
export function samplerFor(ratio: number): tracing.Sampler {
  return new tracing.ParentBasedSampler({ root: new tracing.TraceIdRatioBasedSampler(ratio) });
}

/** The OTLP/HTTP traces URL of the config: `tracesEndpoint`, or `<endpoint>/v1/traces`. */
export function tracesUrl(cfg: Pick<TracingConfig, 'endpoint' | 'tracesEndpoint'>): string {
  return cfg.tracesEndpoint ?? `${cfg.endpoint.replace(/\/+$/, '')}/v1/traces`;
}

/**
 * The process's NodeSDK. Instrumentations are only pg and ioredis, each emitting
 * spans only under a Helix span, and Redis statements carry the command name
 * only (cached answers are never copied onto spans). Environment-driven parts
 * of the SDK (resource detectors, metrics and logs exporters) stay off: Helix
 * config (with its OTEL_* mapping) decides.
 */
export function startSdk(config: HelixConfig): NodeSDK {
  const t = config.telemetry.tracing;
  const exporter = new OTLPTraceExporter({ url: tracesUrl(t), headers: t.headers });
  const sdk = new NodeSDK({
    autoDetectResources: false,
    resource: resources.resourceFromAttributes({
      'service.name': config.telemetry.serviceName ?? `helix-${config.service}`,
      'service.namespace': 'helix',
      'service.instance.id': `${hostname()}-${process.pid}`,
    }),
    sampler: samplerFor(t.sampleRatio),
    spanProcessors: [new tracing.BatchSpanProcessor(exporter, { scheduledDelayMillis: t.exportDelayMs })],
    textMapPropagator: new core.W3CTraceContextPropagator(),
    instrumentations: [
      new PgInstrumentation({ requireParentSpan: true }),
      new IORedisInstrumentation({ requireParentSpan: true, dbStatementSerializer: (command) => command }),
    ],
  });
  sdk.start();
  return sdk;
}
