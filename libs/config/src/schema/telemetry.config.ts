import { Type } from 'class-transformer';
import { Equals, IsBoolean, IsInt, IsNotEmpty, IsNumber, IsObject, IsOptional, IsString, Matches, Max, Min, ValidateNested } from 'class-validator';

/** Prometheus metrics on `GET /metrics`. */
export class MetricsConfig {
  /** Serve `/metrics`. Default true. */
  @IsBoolean() readonly enabled: boolean = true;

  /** Prefix of every Helix metric name. Fixed: dashboards and alerts rely on it. */
  @Equals('helix_') readonly prefix = 'helix_' as const;
}

/** OpenTelemetry tracing (exported over OTLP). */
export class TracingConfig {
  /** Record and export spans. Default false. */
  @IsBoolean() readonly enabled: boolean = false;

  /**
   * Share of new traces sampled, 0 to 1 (`ParentBased(TraceIdRatioBased)`): an inbound
   * `traceparent` decides for itself. Env `OTEL_TRACES_SAMPLER_ARG`. Default 1.
   */
  @IsNumber() @Min(0) @Max(1) readonly sampleRatio: number = 1;

  /**
   * OTLP/HTTP (protobuf) base URL; spans go to `<endpoint>/v1/traces`.
   * Env `OTEL_EXPORTER_OTLP_ENDPOINT`. Default `http://localhost:4318`.
   */
  @IsString() @Matches(/^https?:\/\/\S+$/) readonly endpoint: string = 'http://localhost:4318';

  /** The full traces URL, when it is not `<endpoint>/v1/traces`. Env `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`. */
  @IsOptional() @IsString() @Matches(/^https?:\/\/\S+$/) readonly tracesEndpoint?: string;

  /** Headers of every export (e.g. an auth token). Env `OTEL_EXPORTER_OTLP_HEADERS` (`k1=v1,k2=v2`). */
  @IsObject() readonly headers: Record<string, string> = {};

  /** Longest wait before a finished span is exported, in ms. Default 2000. */
  @IsInt() @Min(100) @Max(60_000) readonly exportDelayMs: number = 2_000;

  /**
   * Carry the trace context in bus message headers (request/reply, work messages,
   * JetStream events through the outbox). Off, every service starts its own traces.
   * Default true.
   */
  @IsBoolean() readonly propagateBus: boolean = true;
}

/** Traces and metrics. */
export class TelemetryConfig {
  /** `service.name` of traces and the `service` field of logs. Default: `helix-<service>`. */
  @IsOptional() @IsString() @IsNotEmpty() readonly serviceName?: string;

  @ValidateNested() @Type(() => MetricsConfig) readonly metrics: MetricsConfig = new MetricsConfig();

  @ValidateNested() @Type(() => TracingConfig) readonly tracing: TracingConfig = new TracingConfig();
}
