import type { HelixConfig } from '@helix/config';

/** A running tracer; `shutdown()` flushes pending spans. */
export interface Tracing {
  shutdown(): Promise<void>;
}

/**
 * Starts OpenTelemetry for this process. For now a no-op: tracing arrives in a
 * later issue, and this is where it plugs in, so every `main.ts` already calls it
 * first (before Nest and the instrumented drivers are imported):
 *
 * - a `NodeSDK` with `service.name` = `telemetry.serviceName`, an OTLP exporter,
 *   and a `ParentBased(TraceIdRatioBased(telemetry.tracing.sampleRatio))` sampler,
 *   started only when `telemetry.tracing.enabled`;
 * - the W3C propagator, so `traceparent` continues from HTTP and across NATS headers;
 * - the HTTP entry puts the active span's trace id into `requestContext`
 *   (`traceId`), which the log mixin already writes on every line.
 */
export async function startTracing(_config: HelixConfig): Promise<Tracing> {
  return { shutdown: async () => {} };
}
